/**
 * Money as the consoles print it → integer cents. Accepts `¥1,299.00`, `￥12.3`, `12.30元`, `-¥5.00`,
 * `¥-5.00`, `实付：¥8.80`. Returns null for empty, garbage, more than two decimals, or amounts outside
 * ±1,000,000,000 yuan.
 */
export function parseMoneyCents(text: string | null | undefined): number | null {
  throw new Error('not implemented yet');
}

/** Cents → yuan with two decimals, e.g. 129900 → `1299.00`, -500 → `-5.00`. */
export function formatYuan(cents: number): string {
  throw new Error('not implemented yet');
}
