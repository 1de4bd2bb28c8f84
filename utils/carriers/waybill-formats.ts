import type { CarrierCode } from './carriers';

/** Shortest real waybill: 德邦 legacy numbers have 8 digits. Longest kept: well above any domestic format. */
const VALID_WAYBILL = /^[A-Z0-9]{8,30}$/;
const WHITESPACE = /\s+/g;
const DIGITS_ONLY = /^\d+$/;

/**
 * A console's waybill text as a comparable number: full-width → half-width, spaces removed (consoles group
 * digits for readability), upper case. Null for anything else — dashes, punctuation, fewer than 8 or more
 * than 30 characters, or fewer than 6 digits — so no URL is ever built from it.
 */
export function normalizeWaybillNo(raw: string | undefined | null): string | null {
  if (!raw || raw.length > 100) return null;
  const no = raw.normalize('NFKC').replace(WHITESPACE, '').toUpperCase();
  if (!VALID_WAYBILL.test(no)) return null;
  let digits = 0;
  for (let i = 0; i < no.length; i++) {
    const c = no.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 6 ? no : null;
}

export function isDigitsOnly(no: string): boolean {
  return DIGITS_ONLY.test(no);
}

/** Formats with a letter prefix that only one carrier uses (consoles.md §6.1). */
export const PREFIXED_FORMATS: readonly { pattern: RegExp; carrier: CarrierCode }[] = [
  { pattern: /^SF\d{13}$/, carrier: 'sf' }, // H
  { pattern: /^JD[A-Z0-9]{10,18}$/, carrier: 'jd' }, // M: JDV…, JDX…, JDK…, JD + 12–13 digits
  { pattern: /^JT\d{12,13}$/, carrier: 'jt' }, // H (百世 parcels carry these too; they track as J&T anyway)
  { pattern: /^YT\d{13}$/, carrier: 'yto' }, // H
  { pattern: /^DPK\d{12}$/, carrier: 'deppon' }, // M-H
  { pattern: /^STO\d{10}$/, carrier: 'sto' }, // M
  { pattern: /^E[A-Z]\d{9}CN$/, carrier: 'ems' }, // M: UPU S10, domestic EMS items are E…CN
];

/** Other UPU S10 numbers (registered mail, foreign posts): China Post or EMS carries them in China. */
export const S10_OTHER = /^[A-Z]{2}\d{9}[A-Z]{2}$/;
export const S10_CARRIERS: readonly CarrierCode[] = ['ems', 'post'];

/**
 * Digit-only numbers: the ranges of ZTO, STO, Yunda, China Post and EMS overlap, so these rules only name
 * candidates, never an answer. `prefixes` with `strict` exclude the carrier when none matches; without
 * `strict` they only rank it first ("typically starts with").
 */
export interface DigitRule {
  carrier: CarrierCode;
  lengths: readonly number[];
  prefixes?: readonly string[];
  strict?: boolean;
}

export const DIGIT_RULES: readonly DigitRule[] = [
  { carrier: 'sf', lengths: [12] }, // legacy SF numbers
  // consoles.md: other tools disagree on ZTO prefixes; treat as digits only, 12–15 long.
  { carrier: 'zto', lengths: [12, 13, 14, 15], prefixes: ['73', '74', '75', '76', '77', '78', '21', '22', '23', '24', '25', '26', '27', '28', '29', '54', '55', '56', '63', '64', '72'] },
  { carrier: 'sto', lengths: [12, 13, 14, 15], prefixes: ['77', '268', '888', '55', '66', '88', '99'] },
  { carrier: 'yunda', lengths: [13] },
  { carrier: 'yunda', lengths: [15], prefixes: ['3', '4'] },
  { carrier: 'ems', lengths: [13], prefixes: ['10', '11', '12', '50', '51', '52', '95', '97', '98', '99'], strict: true },
  { carrier: 'post', lengths: [13], prefixes: ['9', '1'] },
  { carrier: 'deppon', lengths: [8, 9, 10] }, // legacy 德邦 numbers
  // 百世's historic digit formats are not listed: its parcels now carry JT numbers.
];
