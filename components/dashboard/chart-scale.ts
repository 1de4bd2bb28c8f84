/** A round axis maximum ≥ value: 1, 2 or 5 × 10^k (0 → 1). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

/** `2026-05-13` → `05-13`. */
export const shortDay = (day: string) => day.slice(5);
