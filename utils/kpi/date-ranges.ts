import { addDays, beijingDay } from './beijing-day';

export type RangeId = 'today' | 'yesterday' | 'last7' | 'last30' | 'last90' | 'all' | 'custom';

export const RANGE_LABELS: Record<RangeId, { zh: string; en: string }> = {
  today: { zh: '今日', en: 'Today' },
  yesterday: { zh: '昨日', en: 'Yesterday' },
  last7: { zh: '近7天', en: 'Last 7 days' },
  last30: { zh: '近30天', en: 'Last 30 days' },
  last90: { zh: '近90天', en: 'Last 90 days' },
  all: { zh: '全部', en: 'All' },
  custom: { zh: '自定义', en: 'Custom' },
};

/** Inclusive Beijing-day bounds `YYYY-MM-DD`; `all` spans every possible day. */
export interface DayRange {
  first: string;
  last: string;
}

/** A range as Beijing days; "近7天" is today and the six days before it. */
export function dayRange(range: RangeId, now: number, custom?: DayRange): DayRange {
  const today = beijingDay(now);
  switch (range) {
    case 'today':
      return { first: today, last: today };
    case 'yesterday':
      return { first: addDays(today, -1), last: addDays(today, -1) };
    case 'last7':
      return { first: addDays(today, -6), last: today };
    case 'last30':
      return { first: addDays(today, -29), last: today };
    case 'last90':
      return { first: addDays(today, -89), last: today };
    case 'all':
      return { first: '0000-00-00', last: '9999-99-99' };
    case 'custom':
      return custom && custom.first <= custom.last ? custom : { first: today, last: today };
  }
}

/** Epoch-ms bounds of a day range in Beijing time: [start, end). */
export function dayRangeToMs(range: DayRange): { start: number; end: number } {
  const start = range.first === '0000-00-00' ? 0 : Date.parse(`${range.first}T00:00:00+08:00`);
  const end = range.last === '9999-99-99' ? 8.64e15 : Date.parse(`${addDays(range.last, 1)}T00:00:00+08:00`);
  return { start, end };
}

/**
 * The period a range is compared with: the same number of days just before it (今日 → 昨日, 近7天 → the 7
 * days before); none for 全部.
 */
export function previousRange(range: RangeId, now: number, custom?: DayRange): DayRange | null {
  if (range === 'all') return null;
  const current = dayRange(range, now, custom);
  const length = Math.round((Date.parse(`${current.last}T00:00:00Z`) - Date.parse(`${current.first}T00:00:00Z`)) / 86_400_000) + 1;
  return { first: addDays(current.first, -length), last: addDays(current.first, -1) };
}
