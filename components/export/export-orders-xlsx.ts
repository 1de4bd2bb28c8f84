import type { OrderLensDatabase } from '@/utils/db/database';
import { allReminders, planExport } from '@/utils/db/export-source';
import { exportFileName } from '@/utils/export/file-name';
import { summarizeReminders } from '@/utils/export/order-columns';
import { buildOrdersXlsx, XLSX_MIME } from '@/utils/export/xlsx/build-orders-xlsx';
import { platformName } from '../platform-names';
import { downloadParts } from './download';
import type { ExportOrdersOptions } from './export-orders';

// A module of its own: the xlsx writer and fflate load with the dashboard's export view only, never in the popup.
/** The same selection as an Excel workbook (sheets 订单 and 商品明细), built in this page and downloaded. */
export async function exportOrdersXlsx(db: OrderLensDatabase, options: ExportOrdersOptions): Promise<number> {
  const plan = await planExport(db, options.filter);
  const reminders = summarizeReminders(await allReminders(db));
  const parts = await buildOrdersXlsx({
    source: plan.chunks,
    total: plan.total,
    lang: options.lang,
    columns: options.columns,
    platformName,
    reminders,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  downloadParts(parts as BlobPart[], exportFileName('orders', Date.now(), 'xlsx'), XLSX_MIME);
  return plan.total;
}
