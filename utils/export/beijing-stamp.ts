import { formatBeijing } from '@/utils/model/time';

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3600_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const HOURS_MINUTES = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);
const SECONDS = Array.from({ length: 60 }, (_, s) => `:${pad2(s)}`);

/**
 * `formatBeijing` for bulk exports, same output: the date part is formatted once per Beijing day and
 * cached, the time of day is looked up. A 100k export prints ~700k timestamps; a Date object and six
 * getters each cost ~0.4 s, a third of the CSV export budget (≤ 1.5× Papa.unparse).
 */
export function createBeijingStamper(): (ms: number) => string {
  const dayPrefix = new Map<number, string>();
  return (ms) => {
    if (!Number.isFinite(ms)) return '';
    const local = ms + BEIJING_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    let prefix = dayPrefix.get(day);
    if (prefix === undefined) {
      const full = formatBeijing(ms);
      if (full === '') return '';
      prefix = full.slice(0, 11); // `YYYY-MM-DD `
      dayPrefix.set(day, prefix);
    }
    const second = Math.floor((local - day * DAY_MS) / 1000);
    return prefix + HOURS_MINUTES[Math.floor(second / 60)]! + SECONDS[second % 60]!;
  };
}
