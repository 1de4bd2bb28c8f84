/**
 * A bounded cache for a pure function of one string (status words, label words, header texts, address
 * lines): consoles print the same few texts on every row (`已发货`, `抖音支付`, `查看物流`), so most calls on a
 * 500-row page are repeats. Cleared whole when full (no LRU bookkeeping on the hot path).
 */
export function memoize<T>(compute: (text: string) => T, max = 4096): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string) => {
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as T;
    const value = compute(text);
    if (cache.size >= max) cache = new Map();
    cache.set(text, value);
    return value;
  };
}
