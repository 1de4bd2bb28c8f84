import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import type { RollupRecord } from '@/utils/db/database';
import { countByStatus, tallyOrders } from '@/utils/db/order-queries';
import { countAwaitingReminder, readDailyTrend, readLogisticsExceptions, readRollups } from '@/utils/db/read-kpis';
import { paymentWindowsItem } from '@/utils/remind/payment-window-settings';
import { beijingDay, daysBetween } from '@/utils/kpi/beijing-day';
import { previousRange } from '@/utils/kpi/date-ranges';
import { bucketTrend } from '@/utils/kpi/trend-buckets';
import { computeKpis, sumContributions, type Kpis } from '@/utils/kpi/compute-kpis';
import type { ExceptionRules } from '@/utils/kpi/logistics-exceptions';
import { provinceOf } from './province';
import { dayRangeOf, queryOf, selectionDeps, type Selection } from './selection';

/** Longest trend the charts draw, in days (the latest ones of the range). */
export const MAX_TREND_DAYS = 366;
export const TOP_PROVINCES = 15;
/** Orders read at most for the province tally (there is no region index: a bounded, newest-first read). */
export const PROVINCE_SAMPLE = 20_000;

const filterOf = (selection: Selection, now: number) => ({ range: dayRangeOf(selection, now), platform: selection.platform, shop: selection.shop });

/** The KPI tiles of a selection from rollups; the exception count with the dashboard's threshold. */
export function useOverviewKpis(selection: Selection, rules: ExceptionRules | null) {
  const db = useDatabase();
  const main = useLiveQuery(async () => {
    const now = Date.now();
    const windows = await paymentWindowsItem.getValue();
    const current = await readRollups(db, filterOf(selection, now));
    const awaiting = await countAwaitingReminder(db, filterOf(selection, now), now, windows);
    const before = previousRange(selection.range, now, selection.custom);
    const previous = before ? await readRollups(db, { ...filterOf(selection, now), range: before }) : undefined;
    return {
      kpis: { ...computeKpis(sumContributions(current)), unpaid: awaiting },
      previous: previous && computeKpis(sumContributions(previous)),
    };
  }, [db, ...selectionDeps(selection)]);
  const exceptions = useLiveQuery(
    async () => (rules ? (await readLogisticsExceptions(db, filterOf(selection, Date.now()), Date.now(), rules)).length : null),
    [db, rules?.stalledHours, ...selectionDeps(selection)],
  );
  return { main, exceptions };
}

/** Days of the trend axis: the range's days up to today (for 全部, from the first day with orders). */
export function trendDays(selection: Selection, firstDataDay: string | undefined, now = Date.now()): string[] {
  const range = dayRangeOf(selection, now);
  const today = beijingDay(now);
  const first = range.first === '0000-00-00' ? (firstDataDay ?? today) : range.first;
  const last = range.last > today ? today : range.last;
  return daysBetween(first, last).slice(-MAX_TREND_DAYS);
}

/** Daily orders and GMV of the selection; over more than two months by week, over a year by month (no 1 px bars). */
export function useOverviewTrend(selection: Selection) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const now = Date.now();
    const points = await readDailyTrend(db, filterOf(selection, now));
    const days = trendDays(selection, points[0]?.day, now);
    const { unit, buckets } = bucketTrend(points, days[0] ?? beijingDay(now), days.at(-1) ?? beijingDay(now));
    return {
      unit,
      days: buckets.map((bucket) => bucket.first),
      orders: buckets.map((bucket) => bucket.orders),
      gmv: buckets.map((bucket) => bucket.gmv),
    };
  }, [db, ...selectionDeps(selection)]);
}

export function useStatusBreakdown(selection: Selection) {
  const db = useDatabase();
  return useLiveQuery(() => countByStatus(db, queryOf(selection)), [db, ...selectionDeps(selection)]);
}

export function useProvinces(selection: Selection) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const tally = await tallyOrders(db, queryOf(selection), (order) => provinceOf(order.receiverRegion) ?? '', PROVINCE_SAMPLE);
    const unknown = tally.counts.get('') ?? 0;
    tally.counts.delete('');
    const top = [...tally.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).slice(0, TOP_PROVINCES);
    return { top, unknown, capped: tally.capped, scanned: tally.scanned };
  }, [db, ...selectionDeps(selection)]);
}

/** Orders by where the console says they came from (抖店 c_biz_desc: 小店自卖, 精选联盟…), known ones only. */
export function useOrderSources(selection: Selection) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const tally = await tallyOrders(db, queryOf(selection), (order) => order.orderSource ?? '', PROVINCE_SAMPLE);
    const unknown = tally.counts.get('') ?? 0;
    tally.counts.delete('');
    const sources = [...tally.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
    return { sources, unknown, capped: tally.capped };
  }, [db, ...selectionDeps(selection)]);
}

export interface PlatformRow {
  platform: string;
  kpis: Kpis;
  paid: number;
}

/** Per platform in the range, from rollups: orders, paid orders, GMV, AOV, conversion. */
export function comparePlatforms(rows: readonly RollupRecord[]): PlatformRow[] {
  const byPlatform = new Map<string, RollupRecord[]>();
  for (const row of rows) byPlatform.set(row.platform, [...(byPlatform.get(row.platform) ?? []), row]);
  return [...byPlatform]
    .map(([platform, list]) => {
      const total = sumContributions(list);
      return { platform, kpis: computeKpis(total), paid: total.paid };
    })
    .filter((row) => row.kpis.orders > 0)
    .sort((a, b) => b.kpis.gmv - a.kpis.gmv || b.kpis.orders - a.kpis.orders);
}

export function usePlatformComparison(selection: Selection) {
  const db = useDatabase();
  return useLiveQuery(async () => comparePlatforms(await readRollups(db, { range: dayRangeOf(selection, Date.now()) })), [
    db,
    selection.range,
    selection.custom?.first,
    selection.custom?.last,
  ]);
}

export function useRecentOrders(limit = 20) {
  const db = useDatabase();
  return useLiveQuery(() => db.orders.orderBy('updatedAt').reverse().limit(limit).toArray(), [db, limit]);
}
