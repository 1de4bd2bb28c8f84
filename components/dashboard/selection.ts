import type { KpiSelection } from '@/components/kpi/use-kpis';
import type { OrderQuery, TimeBounds } from '@/utils/db/order-queries';
import { dayRange, dayRangeToMs, type DayRange } from '@/utils/kpi/date-ranges';

/** Range, platform and shop chosen in a filter bar (the popup's KpiSelection). */
export type Selection = KpiSelection;

export function dayRangeOf(selection: Selection, now = Date.now()): DayRange {
  return dayRange(selection.range, now, selection.custom);
}

export function boundsOf(selection: Selection, now = Date.now()): TimeBounds {
  return dayRangeToMs(dayRangeOf(selection, now));
}

/** The order query of a selection; the shop filter only applies together with its platform. */
export function queryOf(selection: Selection, now = Date.now()): OrderQuery {
  return { ...boundsOf(selection, now), platform: selection.platform, shop: selection.platform ? selection.shop : undefined };
}

/** Dependencies of a selection for hooks. */
export const selectionDeps = (selection: Selection) => [selection.range, selection.custom?.first, selection.custom?.last, selection.platform, selection.shop];
