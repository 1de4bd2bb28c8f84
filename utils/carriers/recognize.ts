import { CARRIERS, carrierByCode, type CarrierCode, type CarrierInfo } from './carriers';
import { carrierFromName } from './carrier-names';
import { DIGIT_RULES, PREFIXED_FORMATS, S10_CARRIERS, S10_OTHER, isDigitsOnly, normalizeWaybillNo } from './waybill-formats';

/**
 * - `name`: the console printed a carrier name we know (it wins over the number's format);
 * - `format`: no usable name, but the number has a format only one carrier uses (`SF…`, `JT…`, `DPK…`);
 * - `ambiguous`: a format carriers share (digit-only numbers, non-EMS S10): `candidates` lists the plausible
 *   ones and `carrier` stays empty — never a guess, even with one candidate;
 * - `unknown`: no carrier fits, or the number was rejected (`waybillNo` null).
 */
export type CarrierConfidence = 'name' | 'format' | 'ambiguous' | 'unknown';

export interface CarrierRecognition {
  carrier?: CarrierInfo;
  confidence: CarrierConfidence;
  /** The carrier when one is known; otherwise the plausible ones, those whose known prefixes match first. */
  candidates: CarrierInfo[];
  /** The normalised number, or null when it is not a waybill number (then build no link from it). */
  waybillNo: string | null;
}

const TABLE_ORDER = new Map<CarrierCode, number>(CARRIERS.map((carrier, i) => [carrier.code, i]));

function infos(codes: readonly CarrierCode[]): CarrierInfo[] {
  return codes.map((code) => carrierByCode(code)).filter((carrier): carrier is CarrierInfo => carrier !== undefined);
}

/** Carriers a digit-only number may belong to: prefix matches first, then length-only ones, table order within. */
function digitCandidates(no: string): CarrierInfo[] {
  const rank = new Map<CarrierCode, number>();
  for (const rule of DIGIT_RULES) {
    if (!rule.lengths.includes(no.length)) continue;
    const prefixHit = rule.prefixes?.some((prefix) => no.startsWith(prefix)) ?? false;
    if (rule.strict && !prefixHit) continue;
    const r = prefixHit ? 0 : 1;
    rank.set(rule.carrier, Math.min(r, rank.get(rule.carrier) ?? r));
  }
  const codes = [...rank.keys()].sort(
    (a, b) => (rank.get(a) ?? 1) - (rank.get(b) ?? 1) || (TABLE_ORDER.get(a) ?? 0) - (TABLE_ORDER.get(b) ?? 0),
  );
  return infos(codes);
}

/** Which carrier a waybill belongs to: the console's carrier name if it names one, else the number's format. */
export function recognizeCarrier(input: { carrierName?: string | null; waybillNo: string }): CarrierRecognition {
  const no = normalizeWaybillNo(input.waybillNo);
  if (!no) return { confidence: 'unknown', candidates: [], waybillNo: null };

  const named = carrierFromName(input.carrierName);
  if (named) return { carrier: named, confidence: 'name', candidates: [named], waybillNo: no };

  for (const format of PREFIXED_FORMATS) {
    if (!format.pattern.test(no)) continue;
    const carrier = carrierByCode(format.carrier);
    if (carrier) return { carrier, confidence: 'format', candidates: [carrier], waybillNo: no };
  }

  const candidates = isDigitsOnly(no) ? digitCandidates(no) : S10_OTHER.test(no) ? infos(S10_CARRIERS) : [];
  return { confidence: candidates.length > 0 ? 'ambiguous' : 'unknown', candidates, waybillNo: no };
}
