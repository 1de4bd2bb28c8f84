const MAX_CENTS = 100_000_000_000; // ±1,000,000,000 yuan

const FULL_WIDTH_DIGIT = /[０-９．]/g;
/**
 * One number with what may surround it: sign, ¥/￥ (spaces allowed in between, as Taobao prints
 * `实收款 ¥ 8.80`), a sign after the ¥ (`¥-5.00`), the digit run, and a following 元.
 * The lookbehind keeps `3-5` from reading as `-5`.
 */
const AMOUNT = /(?<![\d.])([-−－]?)\s*([¥￥]?)\s*([-−－]?)\s*(\d[\d.,]*)(\s*元)?/g;
const PLAIN = /^\d+(?:\.\d{1,2})?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;
const LATIN = /[A-Za-z_]/;
const COMMAS = /,/g;
const TRAILING_COMMAS = /,+$/;
const LEADING_ZEROS = /^0+(?=\d)/;

const SPACE = /\s/;

/** `¥1 000`: a digit just beyond spaces means a space-grouped number we cannot read safely. */
function digitAcrossSpace(s: string, from: number, step: 1 | -1): boolean {
  let i = from;
  while (SPACE.test(s.charAt(i))) i += step;
  const code = s.charCodeAt(i);
  return code >= 48 && code <= 57;
}

function toAscii(ch: string): string {
  return ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/** Digit run → cents with integer math on the string; null if malformed or out of range. */
function runToCents(run: string): number | null {
  if (!PLAIN.test(run) && !GROUPED.test(run)) return null;
  const [intPart = '', frac = ''] = run.replace(COMMAS, '').split('.');
  const intDigits = intPart.replace(LEADING_ZEROS, '');
  if (intDigits.length > 10) return null;
  const cents = Number(intDigits) * 100 + Number(frac.padEnd(2, '0'));
  return cents <= MAX_CENTS ? cents : null;
}

/**
 * Money as the consoles print it → integer cents. Accepts `¥1,299.00`, `￥12.3`, `12.30元`, `-¥5.00`,
 * `¥-5.00`, `实付：¥8.80`. Returns null for empty, garbage, more than two decimals, or amounts outside
 * ±1,000,000,000 yuan.
 */
export function parseMoneyCents(text: string | null | undefined): number | null {
  if (text == null) return null;
  const s = text.replace(FULL_WIDTH_DIGIT, toAscii);
  let marked: number | null = null;
  let markedCount = 0;
  let bare: number | null = null;
  let bareCount = 0;
  let bareAtEnd = false;
  for (const m of s.matchAll(AMOUNT)) {
    const [whole, sign1 = '', yen = '', sign2 = '', rawRun = '', yuan] = m;
    const start = m.index ?? 0;
    const run = rawRun.replace(TRAILING_COMMAS, ''); // a list comma after the number is not part of it
    const end = start + whole.length - (yuan ? 0 : rawRun.length - run.length);
    const isMarked = yen !== '' || yuan !== undefined;
    const tainted =
      LATIN.test(s.charAt(start - 1)) ||
      LATIN.test(s.charAt(end)) ||
      (sign1 && sign2) ||
      (isMarked && (digitAcrossSpace(s, end, 1) || digitAcrossSpace(s, start - 1, -1)));
    let cents = tainted ? null : runToCents(run);
    if (cents !== null && (sign1 || sign2) && cents !== 0) cents = -cents;
    if (isMarked) {
      // A marked amount we cannot read (¥1.2.3, ¥1e400) or a second, different one makes the text ambiguous.
      if (cents === null || (markedCount > 0 && cents !== marked)) return null;
      marked = cents;
      markedCount++;
    } else {
      bareCount++;
      bare = cents;
      bareAtEnd = s.slice(end).trim() === '';
    }
  }
  if (markedCount > 0) return marked;
  // Without ¥/元, only a lone number that ends the text counts (`实付：8.80`, not `共2件`).
  return bareCount === 1 && bareAtEnd ? bare : null;
}

/** Cents → yuan with two decimals, e.g. 129900 → `1299.00`, -500 → `-5.00`. */
export function formatYuan(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const whole = Math.round(cents);
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${whole < 0 ? '-' : ''}${yuan}.${rest < 10 ? '0' : ''}${rest}`;
}
