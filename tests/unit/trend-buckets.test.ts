import { describe, expect, it } from 'vitest';
import { previousRange } from '@/utils/kpi/date-ranges';
import { bucketTrend } from '@/utils/kpi/trend-buckets';

const NOW = Date.parse('2026-12-01T12:00:00+08:00'); // a Tuesday in Beijing

describe('previous period of a range', () => {
  it('the same number of days just before; none for 全部', () => {
    expect(previousRange('today', NOW)).toEqual({ first: '2026-11-30', last: '2026-11-30' });
    expect(previousRange('yesterday', NOW)).toEqual({ first: '2026-11-29', last: '2026-11-29' });
    expect(previousRange('last7', NOW)).toEqual({ first: '2026-11-18', last: '2026-11-24' });
    expect(previousRange('last30', NOW)).toEqual({ first: '2026-10-03', last: '2026-11-01' });
    expect(previousRange('custom', NOW, { first: '2026-11-01', last: '2026-11-10' })).toEqual({ first: '2026-10-22', last: '2026-10-31' });
    expect(previousRange('all', NOW)).toBeNull();
  });
});

describe('trend buckets', () => {
  const points = [
    { day: '2026-11-02', orders: 2, gmv: 20 },
    { day: '2026-11-08', orders: 1, gmv: 5 },
    { day: '2026-11-09', orders: 4, gmv: 40 },
  ];
  it('days up to two months, zero-filled', () => {
    const { unit, buckets } = bucketTrend(points, '2026-11-01', '2026-11-10');
    expect(unit).toBe('day');
    expect(buckets).toHaveLength(10);
    expect(buckets.map((bucket) => bucket.orders)).toEqual([0, 2, 0, 0, 0, 0, 0, 1, 4, 0]);
  });
  it('weeks from Monday for a quarter or a year; months beyond', () => {
    const weeks = bucketTrend(points, '2026-09-01', '2026-11-30');
    expect(weeks.unit).toBe('week');
    const week = weeks.buckets.find((bucket) => bucket.first <= '2026-11-08' && bucket.last >= '2026-11-08')!;
    expect([week.first, week.last, week.orders, week.gmv]).toEqual(['2026-11-02', '2026-11-08', 3, 25]);
    expect(weeks.buckets.reduce((sum, bucket) => sum + bucket.orders, 0)).toBe(7);
    const months = bucketTrend(points, '2025-01-01', '2026-11-30');
    expect(months.unit).toBe('month');
    expect(months.buckets).toHaveLength(23);
    expect(months.buckets.at(-1)).toMatchObject({ first: '2026-11-01', last: '2026-11-30', orders: 7, gmv: 65 });
  });
});
