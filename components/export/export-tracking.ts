import type { OrderLensDatabase } from '@/utils/db/database';
import { planExport, type ExportFilter } from '@/utils/db/export-source';
import { exportFileName } from '@/utils/export/file-name';
import { buildTrackingCsv } from '@/utils/tracking/build-tracking-csv';
import { trackingRowsOf, type TrackingRow } from '@/utils/tracking/tracking-rows';
import { platformName } from '../platform-names';
import { downloadParts } from './download';

/** Tracking CSV of every order with a waybill or a shipped status in the filter (or of given rows). */
export async function exportTrackingCsv(
  db: OrderLensDatabase,
  options: { filter: ExportFilter; rows?: TrackingRow[]; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  let rows = options.rows;
  if (!rows) {
    const plan = await planExport(db, options.filter);
    const now = Date.now();
    rows = [];
    let done = 0;
    for await (const chunk of plan.chunks) {
      for (const order of chunk) {
        if (order.shipments.length > 0 || order.status === 'shipped' || order.status === 'delivered') rows.push(...trackingRowsOf(order, now));
      }
      done += chunk.length;
      options.onProgress?.(done, plan.total);
    }
  }
  downloadParts([buildTrackingCsv(rows, (platform) => platformName(platform))], exportFileName('tracking'), 'text/csv;charset=utf-8');
  return rows.length;
}
