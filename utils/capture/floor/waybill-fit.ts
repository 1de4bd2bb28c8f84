import { type CarrierCode } from '../../carriers/carriers';
import { recognizeCarrier } from '../../carriers/recognize';
import { DIGIT_RULES, PREFIXED_FORMATS, S10_CARRIERS, S10_OTHER, isDigitsOnly, normalizeWaybillNo } from '../../carriers/waybill-formats';

/**
 * Whether a number is in a given carrier's waybill format (consoles.md §6.1, as utils/carriers encodes it):
 * the carrier's letter-prefixed formats, its digit-only lengths (and prefixes where they are strict), UPU S10
 * for EMS and China Post. The floor only calls a number printed beside a carrier's name a waybill when it
 * fits THAT carrier: `中通快递 78432165498721` is one, `中通快递 13812345678` is not.
 */

// 百世's parcels carry J&T numbers since the merger; its historic formats (consoles.md §6.1) are kept for
// old orders. Only read beside the carrier's name.
const BEST_HISTORIC = /^(?:[ABDE]\d{12}|\d{11,14})$/;
const BEST_JT = /^JT\d{12,13}$/;
// 菜鸟速递 (ex-丹鸟) and 丰网: consoles.md found no format. Beside the carrier's own name a number of the
// shape every domestic format has (a short letter prefix, then 10–20 digits) is taken; never bare.
const NO_KNOWN_FORMAT = /^[A-Z]{0,4}\d{10,20}$/;
const EMS_S10 = /^E[A-Z]\d{9}CN$/;

/** `no`: a normalised number (normalizeWaybillNo). */
export function fitsCarrier(code: CarrierCode, no: string): boolean {
  for (const format of PREFIXED_FORMATS) if (format.carrier === code && format.pattern.test(no)) return true;
  if (isDigitsOnly(no)) {
    for (const rule of DIGIT_RULES) {
      if (rule.carrier !== code || !rule.lengths.includes(no.length)) continue;
      if (rule.strict && !(rule.prefixes ?? []).some((prefix) => no.startsWith(prefix))) continue;
      return true;
    }
  }
  if (S10_CARRIERS.includes(code) && (S10_OTHER.test(no) || (code === 'ems' && EMS_S10.test(no)))) return true;
  if (code === 'best') return BEST_JT.test(no) || BEST_HISTORIC.test(no);
  if (code === 'cainiao' || code === 'fengwang') return NO_KNOWN_FORMAT.test(no);
  return false;
}

/**
 * A number printed under a waybill label (`运单号：…`) with no carrier named: a waybill when it fits at least
 * one carrier's format (a unique prefix such as `SF…`, or a digit length some carrier uses).
 */
export function fitsSomeCarrier(no: string): boolean {
  const recognised = recognizeCarrier({ waybillNo: no });
  return recognised.waybillNo !== null && recognised.confidence !== 'unknown';
}

/** The number printed bare with a format only one carrier uses (`SF1234567890123`, `JT…`, `DPK…`), if any. */
export function uniqueFormatCarrier(no: string): CarrierCode | undefined {
  for (const format of PREFIXED_FORMATS) if (format.pattern.test(no)) return format.carrier;
  return undefined;
}

export { normalizeWaybillNo };
