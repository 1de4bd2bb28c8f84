/**
 * JSON.parse that keeps long integers exact: order ids of 抖店/淘宝 (19 digits) exceed 2^53 and some
 * endpoints print them as bare numbers, which JSON.parse would round. Every integer literal of 16 or more
 * digits outside a string becomes a string before parsing; shorter numbers and fractions stay numbers.
 * Returns undefined for text that is not JSON (truncated bodies, HTML error pages). Never throws.
 */
export function parseConsoleJson(text: string): unknown {
  try {
    return JSON.parse(/\d{16}/.test(text) ? quoteLongIntegers(text) : text) as unknown;
  } catch {
    return undefined;
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * One linear pass (a scanner, not a regex: a regex over one string of millions of escaped characters
 * overflows V8's backtracking stack). Strings are skipped with indexOf; malformed text is left for
 * JSON.parse to reject.
 */
function quoteLongIntegers(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let at = 0;
  const end = text.length;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = afterString(text, at + 1);
      continue;
    }
    if (!isDigit(code) && code !== MINUS) {
      at++;
      continue;
    }
    const start = at;
    if (code === MINUS) at++;
    const digitsFrom = at;
    while (at < end && isDigit(text.charCodeAt(at))) at++;
    const digits = at - digitsFrom;
    const next = text.charCodeAt(at);
    if (next === 46 || next === 101 || next === 69) {
      // a fraction or exponent: a JS number either way, skip the rest of it
      at++;
      while (at < end && /[\d+-]/.test(text[at]!)) at++;
      continue;
    }
    if (digits >= 16) {
      parts.push(text.slice(copied, start), '"', text.slice(start, at), '"');
      copied = at;
    }
    if (digits === 0) at++;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Index after the closing quote of the string whose content starts at `from` (end of text if none). */
function afterString(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let backslashes = 0;
    for (let back = quote - 1; back >= from && text.charCodeAt(back) === BACKSLASH; back--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}
