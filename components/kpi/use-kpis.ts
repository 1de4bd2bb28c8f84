import { useDatabase } from '@/components/DatabaseGate';
import { exceptionRulesItem } from '@/utils/background/dashboard-settings';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { countAwaitingReminder, readDailyTrend, readLogisticsExceptions, readRollups, type KpiFilter } from '@/utils/db/read-kpis';
import { paymentWindowsItem } from '@/utils/remind/payment-window-settings';
import { computeKpis, sumContributions } from '@/utils/kpi/compute-kpis';
import { addDays, beijingDay } from '@/utils/kpi/beijing-day';
import { dayRange, previousRange, type DayRange, type RangeId } from '@/utils/kpi/date-ranges';
import { bucketTrend } from '@/utils/kpi/trend-buckets';

export interface KpiSelection {
  range: RangeId;
  custom?: DayRange;
  platform?: string;
  shop?: string;
}

export function filterOf(selection: KpiSelection, now: number): KpiFilter {
  return { range: dayRange(selection.range, now, selection.custom), platform: selection.platform, shop: selection.shop };
}

/**
 * KPIs of a selection, live. The rollup tiles paint first (a handful of rows); the exception count, which
 * reads the in-transit orders, arrives separately so it never delays the first paint.
 */
export function useKpis(selection: KpiSelection) {
  const db = useDatabase();
  const key = [selection.range, selection.custom?.first, selection.custom?.last, selection.platform, selection.shop];
  const main = useLiveQuery(async () => {
    const now = Date.now();
    const windows = await paymentWindowsItem.getValue();
    const before = previousRange(selection.range, now, selection.custom);
    const [current, previous, awaiting] = await Promise.all([
      readRollups(db, filterOf(selection, now)),
      before ? readRollups(db, { ...filterOf(selection, now), range: before }) : Promise.resolve(undefined),
      // 待催付 follows the clock (payment windows end), so it is counted live, not taken from rollups
      countAwaitingReminder(db, filterOf(selection, now), now, windows),
    ]);
    return {
      kpis: { ...computeKpis(sumContributions(current)), unpaid: awaiting },
      /** The same number of days just before (今日 → 昨日), for the tiles' deltas; none for 全部. */
      previous: previous && computeKpis(sumContributions(previous)),
    };
  }, [db, ...key]);
  const exceptions = useLiveQuery(async () => {
    const rules = await exceptionRulesItem.getValue();
    return (await readLogisticsExceptions(db, filterOf(selection, Date.now()), Date.now(), rules)).length;
  }, [db, ...key]);
  return { main, exceptions };
}

/**
 * The popup's trend: the selected range and platform (at least the 7 days up to its end, so 今日 shows a
 * week, and 全部 from the first day with orders), grouped by day, week or month.
 */
export function useRangeTrend(selection: KpiSelection) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const now = Date.now();
    const today = beijingDay(now);
    const range = dayRange(selection.range, now, selection.custom);
    const firstData = range.first === '0000-00-00' ? (await db.rollups.orderBy('day').first())?.day : undefined;
    const last = range.last > today ? today : range.last;
    let first = range.first === '0000-00-00' ? (firstData ?? today) : range.first;
    if (first > addDays(last, -6)) first = addDays(last, -6);
    const points = await readDailyTrend(db, { range: { first, last }, platform: selection.platform, shop: selection.shop });
    return bucketTrend(points, first, last);
  }, [db, selection.range, selection.custom?.first, selection.custom?.last, selection.platform, selection.shop]);
}

/** Orders and GMV per day of a selection (trend charts). */
export function useTrend(selection: KpiSelection) {
  const db = useDatabase();
  return useLiveQuery(
    () => readDailyTrend(db, filterOf(selection, Date.now())),
    [db, selection.range, selection.custom?.first, selection.custom?.last, selection.platform, selection.shop],
  );
}
