/**
 * Console times carry no zone: they are Beijing time (UTC+8) whatever the browser's zone. These helpers
 * never use the machine's zone.
 */

/** `2026-05-13 00:22:32`, `2026/05/13 00:22`, `2026-05-13` (Beijing) → epoch ms, else null. */
export function parseBeijingTime(text: string | null | undefined): number | null {
  throw new Error('not implemented yet');
}

/** Every Beijing timestamp found in a text, in order of appearance. */
export function findBeijingTimes(text: string): number[] {
  throw new Error('not implemented yet');
}

/** JD's `2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款` → created/paid times. */
export function parseOrderTimeLine(text: string): { createdAt?: number; paidAt?: number } {
  throw new Error('not implemented yet');
}

/** epoch ms → `YYYY-MM-DD HH:mm:ss` in Beijing time. */
export function formatBeijing(ms: number): string {
  throw new Error('not implemented yet');
}
