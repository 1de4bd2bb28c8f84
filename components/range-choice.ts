import { useEffect, useState } from 'react';
import { storage } from '#imports';
import type { OrderLensDatabase } from '@/utils/db/database';
import { dayRange, type DayRange, type RangeId } from '@/utils/kpi/date-ranges';
import type { KpiSelection } from '@/components/kpi/use-kpis';

export interface RangeChoice {
  range: RangeId;
  custom?: DayRange;
}

/** The date range the seller last chose, shared by the popup and every dashboard view. */
export const rangeChoiceItem = storage.defineItem<RangeChoice | null>('local:rangeChoice', { fallback: null, version: 1 });

/**
 * The range for a seller who never chose one, so the first screen shows their data: 今日 when today has
 * orders, else 近30天 when those days have some, else 全部. (Rollups: a few rows, never the orders table.)
 */
export async function firstRange(db: OrderLensDatabase, now = Date.now()): Promise<RangeId> {
  for (const range of ['today', 'last30'] as const) {
    const { first, last } = dayRange(range, now);
    const rows = await db.rollups.where('day').between(first, last, true, true).toArray();
    if (rows.some((row) => row.created > 0)) return range;
  }
  return 'all';
}

/**
 * A view's selection with the remembered range: null until it is known (no flash of an empty 今日), then
 * the stored choice, else `firstRange`. Changing the range here changes it everywhere; platform and shop
 * stay per view.
 */
export function useRememberedSelection(db: OrderLensDatabase): [KpiSelection | null, (next: KpiSelection) => void] {
  const [selection, setSelection] = useState<KpiSelection | null>(null);
  useEffect(() => {
    let alive = true;
    void (async () => {
      const stored = await rangeChoiceItem.getValue();
      const choice = stored ?? { range: await firstRange(db) };
      if (alive) setSelection((current) => current ?? { range: choice.range, custom: choice.custom });
    })();
    const unwatch = rangeChoiceItem.watch((choice) => {
      if (choice) setSelection((current) => (current ? { ...current, range: choice.range, custom: choice.custom } : current));
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [db]);
  const choose = (next: KpiSelection) => {
    setSelection(next);
    void rangeChoiceItem.setValue({ range: next.range, custom: next.range === 'custom' ? next.custom : undefined });
  };
  return [selection, choose];
}
