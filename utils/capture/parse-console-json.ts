/**
 * JSON.parse that keeps long integers exact: order ids of 抖店/淘宝 (19 digits) exceed 2^53 and some
 * endpoints print them as bare numbers, which JSON.parse would round. Every integer literal of 16 or more
 * digits outside a string becomes a string before parsing; shorter numbers stay numbers.
 * Returns undefined for text that is not JSON (truncated bodies, HTML error pages).
 */
const TOKEN = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

export function parseConsoleJson(text: string): unknown {
  try {
    const safe = /\d{16}/.test(text) ? text.replace(TOKEN, (token) => (token.charCodeAt(0) === 34 ? token : `"${token}"`)) : text;
    return JSON.parse(safe) as unknown;
  } catch {
    return undefined;
  }
}
