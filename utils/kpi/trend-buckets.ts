import { addDays, daysBetween } from './beijing-day';

export type BucketUnit = 'day' | 'week' | 'month';

export interface TrendBucket {
  /** First and last Beijing day the bucket covers. */
  first: string;
  last: string;
  orders: number;
  gmv: number;
}

/** Days a trend shows best as single days up to this many; weeks up to WEEKS_UP_TO days; months beyond. */
const DAYS_UP_TO = 62;
const WEEKS_UP_TO = 400;

export function bucketUnitFor(dayCount: number): BucketUnit {
  return dayCount <= DAYS_UP_TO ? 'day' : dayCount <= WEEKS_UP_TO ? 'week' : 'month';
}

/** Monday of the week of a Beijing day `YYYY-MM-DD`. */
function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * Daily points grouped so a long range stays readable (1–2 px bars over a year are no chart): by day up
 * to two months, by week (Monday first) up to about a year, by month beyond. Empty days count as zero.
 */
export function bucketTrend(points: readonly { day: string; orders: number; gmv: number }[], first: string, last: string): { unit: BucketUnit; buckets: TrendBucket[] } {
  const days = first <= last ? daysBetween(first, last) : [];
  const unit = bucketUnitFor(days.length);
  const byDay = new Map(points.map((point) => [point.day, point]));
  const buckets: TrendBucket[] = [];
  for (const day of days) {
    const key = unit === 'day' ? day : unit === 'week' ? mondayOf(day) : day.slice(0, 7);
    const open = buckets.at(-1);
    const point = byDay.get(day);
    const belongs = open && (unit === 'day' ? false : unit === 'week' ? mondayOf(open.first) === key : open.first.slice(0, 7) === key);
    if (belongs) {
      open.last = day;
      open.orders += point?.orders ?? 0;
      open.gmv += point?.gmv ?? 0;
    } else buckets.push({ first: day, last: day, orders: point?.orders ?? 0, gmv: point?.gmv ?? 0 });
  }
  return { unit, buckets };
}
