import type { OrderLensDatabase } from '@/utils/db/database';
import { allReminders, planExport, type ExportFilter } from '@/utils/db/export-source';
import { buildOrdersCsv, CSV_MIME, type BuildOrdersCsvOptions } from '@/utils/export/build-orders-csv';
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

/** A builder of the orders file (CSV, .xlsx) from the orders in chunks. */
export interface OrdersFileFormat {
  build(options: BuildOrdersCsvOptions): Promise<BlobPart[]>;
  extension: 'csv' | 'xlsx';
  mime: string;
}

/** The orders of a filter as a file of `format`, built in chunks in this page and downloaded. Returns the number of orders. */
export async function exportOrdersAs(db: OrderLensDatabase, options: ExportOrdersOptions, format: OrdersFileFormat): Promise<number> {
  const plan = await planExport(db, options.filter);
  const reminders = summarizeReminders(await allReminders(db));
  const parts = await format.build({
    source: plan.chunks,
    total: plan.total,
    lang: options.lang,
    columns: options.columns,
    platformName,
    reminders,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  downloadParts(parts, exportFileName('orders', Date.now(), format.extension), format.mime);
  return plan.total;
}

const CSV: OrdersFileFormat = { build: buildOrdersCsv, extension: 'csv', mime: CSV_MIME };

/** Orders CSV of a filter, built in chunks in this page and downloaded. Returns the number of orders. */
export function exportOrdersCsv(db: OrderLensDatabase, options: ExportOrdersOptions): Promise<number> {
  return exportOrdersAs(db, options, CSV);
}
