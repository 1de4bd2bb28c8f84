/**
 * Console times carry no zone: they are Beijing time (UTC+8) whatever the browser's zone. These helpers
 * never use the machine's zone.
 */

const BEIJING_OFFSET_MS = 8 * 3600_000;

// Groups: 1 year, 2 separator, 3 month, 4 day, 5 hour, 6 minute, 7 second, 8 zone (only when one is
// printed, e.g. our own ISO `+08:00` strings; console text has none and is read as Beijing time).
const DATE = String.raw`(\d{4})([-/])(\d{1,2})\2(\d{1,2})`;
const TIME = String.raw`(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?`;
const WHOLE = new RegExp(`^${DATE}(?:${TIME})?$`);
// In free text a stamp must not be glued to more digits; a date-only match is refused when a malformed
// time follows it, so `2026-05-13 25:61:99` yields nothing rather than a bare date.
const IN_TEXT = new RegExp(String.raw`(?<!\d)${DATE}(?:${TIME}(?![\d:])|(?!\s*\d|T\d))`, 'g');
const ZONE = /^([+-])(\d{2}):?(\d{2})$/;

const AFTER_LABEL = /^\s*(下单|创建|付款|支付)(?!时间)/; // JD: `… 01:22:42 下单，… 01:25:04 付款`
const BEFORE_LABEL = /(下单|创建|付款|支付)时间\s*[:：]?\s*$/; // `付款时间：2026-…`
const CLAUSE_END = /[，,；;]/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function zoneOffsetMs(zone: string | undefined): number | null {
  if (zone === undefined) return BEIJING_OFFSET_MS;
  if (zone === 'Z') return 0;
  const m = ZONE.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

function toMs(m: RegExpExecArray | RegExpMatchArray): number | null {
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const hour = m[5] === undefined ? 0 : Number(m[5]);
  const minute = m[6] === undefined ? 0 : Number(m[6]);
  const second = m[7] === undefined ? 0 : Number(m[7]);
  if (year < 2000 || year > 2099 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = zoneOffsetMs(m[8]);
  if (offset === null) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offset;
}

interface Stamp {
  start: number;
  end: number;
  ms: number | null;
}

function scan(text: string): Stamp[] {
  const stamps: Stamp[] = [];
  for (const m of text.matchAll(IN_TEXT)) {
    const start = m.index ?? 0;
    stamps.push({ start, end: start + m[0].length, ms: toMs(m) });
  }
  return stamps;
}

/** `2026-05-13 00:22:32`, `2026/05/13 00:22`, `2026-05-13` (Beijing) → epoch ms, else null. */
export function parseBeijingTime(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = WHOLE.exec(text.trim());
  return m ? toMs(m) : null;
}

/** Every Beijing timestamp found in a text, in order of appearance. */
export function findBeijingTimes(text: string): number[] {
  if (!text) return [];
  const out: number[] = [];
  for (const stamp of scan(text)) if (stamp.ms !== null) out.push(stamp.ms);
  return out;
}

/** JD's `2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款` → created/paid times. */
export function parseOrderTimeLine(text: string): { createdAt?: number; paidAt?: number } {
  const result: { createdAt?: number; paidAt?: number } = {};
  if (!text) return result;
  const stamps = scan(text);
  const conflicts = new Set<'createdAt' | 'paidAt'>();
  stamps.forEach((stamp, i) => {
    if (stamp.ms === null) return;
    const after = text.slice(stamp.end, stamps[i + 1]?.start ?? text.length).split(CLAUSE_END)[0] ?? '';
    const before = text.slice(stamps[i - 1]?.end ?? 0, stamp.start).split(CLAUSE_END).pop() ?? '';
    const label = (AFTER_LABEL.exec(after) ?? BEFORE_LABEL.exec(before))?.[1];
    if (label === undefined) return;
    const field = label === '下单' || label === '创建' ? 'createdAt' : 'paidAt';
    const known = result[field];
    if (known !== undefined && known !== stamp.ms) conflicts.add(field);
    result[field] = stamp.ms;
  });
  // Two different times under one label: we cannot tell which is right, so report neither.
  for (const field of conflicts) delete result[field];
  return result;
}

/** epoch ms → `YYYY-MM-DD HH:mm:ss` in Beijing time. */
export function formatBeijing(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms + BEIJING_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  );
}
