import type { OrderRecord } from '@/utils/db/database';
import type { BuildOrdersCsvOptions } from '../build-orders-csv';
import { columnHeader, selectOrderColumns, type HeaderLang, type OrderColumn, type OrderExportContext } from '../order-columns';
import { XlsxWriter, type XlsxCell, type XlsxColumn } from './xlsx-writer';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROWS_PER_BATCH = 1000;
const DEFAULT_YIELD_EVERY_MS = 30;

/** The same options as the CSV builder's (a type-only import: papaparse does not come with it). */
export type BuildOrdersXlsxOptions = BuildOrdersCsvOptions;

/** Columns whose numbers are money (yuan, two decimals); other number columns are counts. */
const MONEY_COLUMNS = new Set(['amount']);

/** Widths by kind, in characters: ids hold 19 digits, times 19 characters. */
function widthOf(column: OrderColumn, header: string): number {
  const base = column.kind === 'id' ? 22 : column.kind === 'datetime' ? 20 : column.kind === 'number' ? 12 : column.id === 'items' ? 40 : 16;
  return Math.max(base, Math.min(40, header.length * 2 + 2));
}

function cellOf(column: OrderColumn, order: OrderRecord, context: OrderExportContext): XlsxCell {
  const value = column.value(order, context);
  if (value === undefined || value === '') return undefined;
  switch (column.kind) {
    case 'text':
    case 'id':
      return { t: 'text', v: String(value) };
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) return { t: 'text', v: String(value) };
      return MONEY_COLUMNS.has(column.id) ? { t: 'money', v: n } : { t: 'number', v: n };
    }
    case 'datetime':
      return typeof value === 'number' ? { t: 'datetime', v: value } : { t: 'text', v: value };
  }
}

const ITEM_HEADERS: Record<HeaderLang, string[]> = {
  zh: ['订单编号', '平台', '商品名称', '规格', 'SKU', '商品编码', '数量', '单价'],
  en: ['Order No.', 'Platform', 'Item', 'Spec', 'SKU', 'Item code', 'Quantity', 'Unit price (CNY)'],
};
const ITEM_WIDTHS = [22, 12, 40, 24, 18, 16, 8, 12];

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * The orders workbook: sheet 订单 with the CSV contract's columns in their order (utils/export/order-columns),
 * and sheet 商品明细 with one row per item, linked by 订单编号. Built in batches with progress and cancel;
 * returns the file's bytes as parts for `new Blob(parts, { type: XLSX_MIME })`.
 */
export async function buildOrdersXlsx(options: BuildOrdersXlsxOptions): Promise<Uint8Array[]> {
  const lang = options.lang ?? 'zh';
  const columns = selectOrderColumns(options.columns);
  const context: OrderExportContext = { lang, platformName: options.platformName, reminders: options.reminders ?? new Map() };
  const orderColumns: XlsxColumn[] = columns.map((column) => {
    const header = columnHeader(column, lang);
    return { header, width: widthOf(column, header) };
  });
  const itemColumns: XlsxColumn[] = ITEM_HEADERS[lang].map((header, i) => ({ header, width: ITEM_WIDTHS[i]! }));
  const parts: Uint8Array[] = [];
  const writer = new XlsxWriter(
    [
      { name: lang === 'en' ? 'Orders' : '订单', columns: orderColumns },
      { name: lang === 'en' ? 'Items' : '商品明细', columns: itemColumns },
    ],
    (chunk) => parts.push(chunk),
  );
  const yieldEveryMs = options.yieldEveryMs ?? DEFAULT_YIELD_EVERY_MS;
  let sliceStart = performance.now();
  let done = 0;
  // the items sheet follows the orders sheet in the file: its rows wait here, as plain values
  const items: (string | number | undefined)[][] = [];
  let batch: XlsxCell[][] = [];

  const flush = async () => {
    writer.addRows(batch);
    done += batch.length;
    batch = [];
    options.onProgress?.(done, Math.max(options.total ?? 0, done));
    if (performance.now() - sliceStart >= yieldEveryMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    options.signal?.throwIfAborted();
  };

  writer.startSheet();
  for await (const chunk of options.source) {
    options.signal?.throwIfAborted();
    for (const order of chunk) {
      batch.push(columns.map((column) => cellOf(column, order, context)));
      const platform = context.platformName(order.platform, lang);
      for (const item of order.items) {
        items.push([order.orderId, platform, item.title, item.spec, item.skuId, item.skuCode, item.quantity, item.unitPriceCents]);
      }
      if (batch.length === ROWS_PER_BATCH) await flush();
    }
  }
  if (batch.length > 0) await flush();

  writer.startSheet();
  for (let from = 0; from < items.length; from += ROWS_PER_BATCH) {
    writer.addRows(
      items.slice(from, from + ROWS_PER_BATCH).map(([orderId, platform, title, spec, sku, code, quantity, priceCents]) => [
        { t: 'text', v: String(orderId) },
        { t: 'text', v: String(platform) },
        title ? { t: 'text', v: String(title) } : undefined,
        spec ? { t: 'text', v: String(spec) } : undefined,
        sku ? { t: 'text', v: String(sku) } : undefined,
        code ? { t: 'text', v: String(code) } : undefined,
        typeof quantity === 'number' ? { t: 'number', v: quantity } : undefined,
        typeof priceCents === 'number' ? { t: 'money', v: priceCents / 100 } : undefined,
      ]),
    );
    if (performance.now() - sliceStart >= yieldEveryMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
      options.signal?.throwIfAborted();
    }
  }
  writer.finish();
  return parts;
}
