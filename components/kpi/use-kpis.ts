import { useDatabase } from '@/components/DatabaseGate';
import { exceptionRulesItem } from '@/utils/background/dashboard-settings';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { countAwaitingReminder, readDailyTrend, readLogisticsExceptions, readRollups, type KpiFilter } from '@/utils/db/read-kpis';
import { paymentWindowsItem } from '@/utils/remind/payment-window-settings';
import { computeKpis, sumContributions } from '@/utils/kpi/compute-kpis';
import { dayRange, type DayRange, type RangeId } from '@/utils/kpi/date-ranges';

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
    const [current, yesterday, awaiting, awaitingYesterday] = await Promise.all([
      readRollups(db, filterOf(selection, now)),
      selection.range === 'today' ? readRollups(db, filterOf({ ...selection, range: 'yesterday' }, now)) : Promise.resolve(undefined),
      // 待催付 follows the clock (payment windows end), so it is counted live, not taken from rollups
      countAwaitingReminder(db, filterOf(selection, now), now, windows),
      selection.range === 'today' ? countAwaitingReminder(db, filterOf({ ...selection, range: 'yesterday' }, now), now, windows) : Promise.resolve(0),
    ]);
    return {
      kpis: { ...computeKpis(sumContributions(current)), unpaid: awaiting },
      yesterday: yesterday && { ...computeKpis(sumContributions(yesterday)), unpaid: awaitingYesterday },
    };
  }, [db, ...key]);
  const exceptions = useLiveQuery(async () => {
    const rules = await exceptionRulesItem.getValue();
    return (await readLogisticsExceptions(db, filterOf(selection, Date.now()), Date.now(), rules)).length;
  }, [db, ...key]);
  return { main, exceptions };
}

/** Orders and GMV per day of a selection (trend charts). */
export function useTrend(selection: KpiSelection) {
  const db = useDatabase();
  return useLiveQuery(
    () => readDailyTrend(db, filterOf(selection, Date.now())),
    [db, selection.range, selection.custom?.first, selection.custom?.last, selection.platform, selection.shop],
  );
}
