import type { OrderLensDatabase } from '@/utils/db/database';
import { buildOrdersXlsx, XLSX_MIME } from '@/utils/export/xlsx/build-orders-xlsx';
import { exportOrdersAs, type ExportOrdersOptions, type OrdersFileFormat } from './export-orders';

// A module of its own: the xlsx writer and fflate load with the dashboard's export view only, never in the popup.
const XLSX: OrdersFileFormat = { build: (options) => buildOrdersXlsx(options) as Promise<BlobPart[]>, extension: 'xlsx', mime: XLSX_MIME };

/** The same selection as an Excel workbook (sheets 订单 and 商品明细), built in this page and downloaded. */
export function exportOrdersXlsx(db: OrderLensDatabase, options: ExportOrdersOptions): Promise<number> {
  return exportOrdersAs(db, options, XLSX);
}
