import { carrierFromName } from '../carriers/carrier-names';
import { CapturedOrderSchema, type CapturedOrder, type CapturedOrderInput, type Item, type Shipment } from '../model/order';
import { receiverRegion } from '../model/receiver-region';
import { normalizeStatus } from '../model/status-words';
import { afterSaleHappened } from '../sites/api-read';
import { siteByPlatform } from '../sites/registry';
import { readIdValue } from '../sheets/id-cell';
import type { CellValue, TableSheet } from '../sheets/table-file';
import { centsOf, countOf, textOf, timeOf, type Read } from './cell-values';
import type { ColumnMapping, ImportField } from './import-fields';

export type RowProblemKind = 'no-order-id' | 'damaged-id' | 'wrong-platform-id' | 'bad-time' | 'bad-amount' | 'invalid' | 'conflict';

export interface RowProblem {
  /** The row as the seller sees it in the file (1-based). */
  row: number;
  kind: RowProblemKind;
  /** Which column, for bad values. */
  field?: ImportField;
  /** The cell as printed (a damaged id, a bad time). */
  shown?: string;
}

export interface MappedOrders {
  orders: CapturedOrder[];
  /** Rows that could not be used, each with its reason; an order with a bad row is left out whole. */
  problems: RowProblem[];
  /** Data rows read (below the header). */
  rows: number;
  /** Status texts no console vocabulary knows (kept as 原始状态, status left unknown), with counts. */
  unknownStatuses: Map<string, number>;
}

export interface MapOptions {
  platform: string;
  /** The shop the orders belong to when the file has no shop column (one export is one shop). */
  shop?: string;
  /** Rows are sub-orders: each row adds an item (抖店). Else one row per order. */
  rowPerItem: boolean;
}


/** The buyer as the consoles' lists show them: masked. Exports may carry the full nickname or name. */
export function maskBuyer(name: string): string {
  if (name.includes('*')) return name;
  return `${[...name][0] ?? ''}**`;
}

class Assembler {
  readonly orders = new Map<string, { input: CapturedOrderInput; rows: number[]; items: Item[]; waybills: Map<string, Shipment> }>();
  readonly bad = new Set<string>();

  order(id: string, row: number, platform: string) {
    let entry = this.orders.get(id);
    if (!entry) {
      entry = { input: { platform, orderId: id, sourcePage: 'export' }, rows: [], items: [], waybills: new Map() };
      this.orders.set(id, entry);
    }
    entry.rows.push(row);
    return entry;
  }
}

function splitList(text: string | undefined): string[] {
  return text ? text.split(/[；;，,、\s/]+/).filter(Boolean) : [];
}

/**
 * Maps the rows under an export's header into orders: rows grouped by order number (sub-orders into their
 * order), each field read with the same parsers as page text, buyer masked, address cut to province/city
 * (street, phone and full name are never kept — DESIGN.md "Privacy"). Each order is validated by the
 * capture schema; rows that cannot be used are reported by row number and reason.
 */
export function rowsToOrders(sheet: TableSheet, headerRow: number, mapping: ColumnMapping, options: MapOptions): MappedOrders {
  const problems: RowProblem[] = [];
  const unknownStatuses = new Map<string, number>();
  const assembler = new Assembler();
  const idPattern = siteByPlatform(options.platform)?.orderIdPattern;
  const body = sheet.rows.slice(headerRow + 1);
  const rowNumberAt = (index: number) => sheet.rowNumbers?.[headerRow + 1 + index] ?? headerRow + index + 2;
  const cell = (row: readonly CellValue[], field: ImportField): CellValue | undefined => {
    const column = mapping[field];
    return column === undefined ? undefined : row[column];
  };

  body.forEach((row, index) => {
    const rowNumber = rowNumberAt(index);
    const id = readIdValue(cell(row, 'orderId'));
    if (id.kind === 'damaged') return void problems.push({ row: rowNumber, kind: 'damaged-id', field: 'orderId', shown: id.shown });
    if (id.kind === 'none') return void problems.push({ row: rowNumber, kind: 'no-order-id', shown: textOf(cell(row, 'orderId'), 40) });
    if (idPattern && !idPattern.test(id.id)) return void problems.push({ row: rowNumber, kind: 'wrong-platform-id', field: 'orderId', shown: id.id });
    const entry = assembler.order(id.id, rowNumber, options.platform);
    const order = entry.input as Record<string, unknown>;
    const setOnce = (field: string, value: unknown) => {
      if (value !== undefined && order[field] === undefined) order[field] = value;
    };
    const fail = (kind: RowProblemKind, field: ImportField, shown: string) => {
      problems.push({ row: rowNumber, kind, field, shown });
      assembler.bad.add(id.id);
    };
    const time = (field: 'createdAt' | 'paidAt' | 'shippedAt' | 'completedAt') => {
      const read: Read<number> = timeOf(cell(row, field));
      if (read.kind === 'bad') fail('bad-time', field, read.shown);
      else if (read.kind === 'value') setOnce(field, read.value);
    };
    time('createdAt');
    time('paidAt');
    time('shippedAt');
    time('completedAt');
    const amount = centsOf(cell(row, 'amount'));
    if (amount.kind === 'bad') fail('bad-amount', 'amount', amount.shown);
    else if (amount.kind === 'value') setOnce('amountCents', amount.value);

    setOnce('shop', textOf(cell(row, 'shop'), 80) ?? options.shop);
    const statusText = textOf(cell(row, 'status'), 60);
    if (statusText !== undefined && order.statusText === undefined) {
      order.statusText = statusText;
      const status = normalizeStatus(statusText);
      if (status) order.status = status;
      else unknownStatuses.set(statusText, (unknownStatuses.get(statusText) ?? 0) + 1);
    }
    // the same after-sale reading as the console's JSON and the page readers
    if (afterSaleHappened(textOf(cell(row, 'afterSale'), 60)) || order.status === 'after_sale') order.afterSale = true;
    setOnce('paymentMethod', textOf(cell(row, 'paymentMethod'), 40));
    const buyer = textOf(cell(row, 'buyer'), 80);
    setOnce('buyer', buyer && maskBuyer(buyer));
    setOnce('buyerId', textOf(cell(row, 'buyerId'), 64));
    setOnce('orderSource', textOf(cell(row, 'orderSource'), 40));
    const place = [textOf(cell(row, 'province')), textOf(cell(row, 'city'))].filter(Boolean).join('') || textOf(cell(row, 'address'));
    setOnce('receiverRegion', place ? (receiverRegion(place) ?? undefined) : undefined);

    const title = textOf(cell(row, 'itemTitle'), 300);
    if (title && (options.rowPerItem || entry.items.length === 0)) {
      const unitPrice = centsOf(cell(row, 'unitPrice'));
      const skuId = readIdValue(cell(row, 'skuId'));
      entry.items.push({
        title,
        spec: textOf(cell(row, 'itemSpec'), 200),
        quantity: countOf(cell(row, 'quantity')),
        unitPriceCents: unitPrice.kind === 'value' ? unitPrice.value : undefined,
        skuId: skuId.kind === 'id' ? skuId.id : undefined,
        skuCode: textOf(cell(row, 'skuCode'), 64),
      });
    }
    const carriers = splitList(textOf(cell(row, 'carrier'), 200));
    splitList(textOf(cell(row, 'waybill'), 400)).forEach((text, at) => {
      const waybill = readIdValue(text);
      if (waybill.kind !== 'id' || entry.waybills.has(waybill.id)) return;
      const carrierName = carriers[at] ?? carriers[0];
      const carrier = carrierFromName(carrierName);
      entry.waybills.set(waybill.id, { waybillNo: waybill.id, carrierName, carrierCode: carrier?.code, events: [] });
    });
  });

  const orders: CapturedOrder[] = [];
  for (const [id, entry] of assembler.orders) {
    if (assembler.bad.has(id)) continue;
    const parsed = CapturedOrderSchema.safeParse({ ...entry.input, items: entry.items.map(withoutUndefined), shipments: [...entry.waybills.values()].map(withoutUndefined) });
    if (parsed.success) orders.push(parsed.data);
    else problems.push({ row: entry.rows[0]!, kind: 'invalid', shown: String(parsed.error.issues[0]?.path.join('.') ?? '') });
  }
  problems.sort((a, b) => a.row - b.row);
  return { orders, problems, rows: body.length, unknownStatuses };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
