import type { OrderLensDatabase } from '@/utils/db/database';
import { allReminders, planExport, type ExportFilter } from '@/utils/db/export-source';
import { buildOrdersCsv, CSV_MIME } from '@/utils/export/build-orders-csv';
import { exportFileName } from '@/utils/export/file-name';
import { summarizeReminders, type HeaderLang } from '@/utils/export/order-columns';
import { platformName } from '../platform-names';
import { downloadParts } from './download';

export interface ExportOrdersOptions {
  filter: ExportFilter;
  lang?: HeaderLang;
  columns?: Iterable<string>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Orders CSV of a filter, built in chunks in this page and downloaded. Returns the number of orders. */
export async function exportOrdersCsv(db: OrderLensDatabase, options: ExportOrdersOptions): Promise<number> {
  const plan = await planExport(db, options.filter);
  const reminders = summarizeReminders(await allReminders(db));
  const parts = await buildOrdersCsv({
    source: plan.chunks,
    total: plan.total,
    lang: options.lang,
    columns: options.columns,
    platformName,
    reminders,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  downloadParts(parts, exportFileName('orders'), CSV_MIME);
  return plan.total;
}

