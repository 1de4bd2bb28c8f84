import type { NumberLookup } from '@/utils/db/order-queries';
import type { ExceptionRules } from '@/utils/kpi/logistics-exceptions';
import { trackingRowsOf, unknownRow, type TrackingRow } from '@/utils/tracking/tracking-rows';

/**
 * Batch tracking table: every waybill row of each order found (only the matching waybill when the number
 * was a waybill), one 未找到 row per unknown number, in the order the numbers were given.
 */
export function batchTrackingRows(lookups: readonly NumberLookup[], now: number, rules?: ExceptionRules): TrackingRow[] {
  return lookups.flatMap((lookup) => {
    if (lookup.orders.length === 0) return [unknownRow(lookup.query)];
    return lookup.orders.flatMap((order) => {
      const rows = trackingRowsOf(order, now, rules, lookup.query);
      return lookup.waybill ? rows.filter((row) => row.waybillNo === lookup.waybill) : rows;
    });
  });
}
