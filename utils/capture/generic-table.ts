import type { CapturedOrderInput, Item, PageKind, Shipment } from '../model/order';
import type { PageRead, RowRead, SiteDefinition } from '../sites/types';
import { emptyDiagnostics, type ParseDiagnostics, recordSkip } from './diagnostics';
import type { ColumnField } from './generic-columns';
import {
  boundedText,
  carriersIn,
  type CellValue,
  cellText,
  collapse,
  itemSpecIn,
  itemTitleIn,
  moneyCell,
  orderIdCell,
  orderIdFinder,
  orderIdSkipReason,
  quantityIn,
  readCell,
  statusIn,
  textPieces,
  timeCell,
  waybillsIn,
} from './generic-cells';
import { type FoundGrid, findOrderGrids, type GridRow } from './generic-grid';

/**
 * Reader of last resort for an order page whose layout no adapter recognises: maps columns by header text
 * (订单编号/订单号, 下单时间/创建时间/订单成交时间, 实付金额/实收款/应收, 订单状态/交易状态, 运单号/物流单号,
 * 快递公司 …) in real `<table>`s and in ARIA/div grids. Returns null when the page has no such table.
 */
export function readGenericTable(doc: Document, site: SiteDefinition, kind: PageKind): PageRead | null {
  let grids: FoundGrid[];
  try {
    grids = findOrderGrids(doc);
  } catch {
    return null;
  }
  if (grids.length === 0) return null;
  const diagnostics = emptyDiagnostics(site.platform, kind);
  diagnostics.layout = grids[0]!.layout;
  return { kind, rows: readGrids(grids, site, kind, diagnostics), diagnostics };
}

/**
 * A column a field is read from, with its diagnostics strategy name built once per table and an integer
 * count of the rows it served (written into the diagnostics once per table, not per field per row).
 */
interface PlannedColumn {
  index: number;
  strategy: string;
  wins: number;
}

type Plan = Partial<Record<ColumnField, PlannedColumn[]>>;

/** Fields in the order their strategies are reported (the order a row's fields are read in). */
const REPORTED_FIELDS = [
  'amount',
  'createdAt',
  'paidAt',
  'shippedAt',
  'deliveredAt',
  'status',
  'buyer',
  'waybills',
  'itemTitle',
  'quantity',
  'orderId',
] as const satisfies readonly ColumnField[];

/** The diagnostics field name of a column field (goods columns report as `items`). */
const REPORTED_AS: Partial<Record<ColumnField, string>> = { itemTitle: 'items' };

function planOf(grid: FoundGrid): Plan {
  const plan: Plan = {};
  for (const column of grid.columns) {
    for (const field of column.fields) {
      (plan[field] ??= []).push({ index: column.index, strategy: `header:${column.header}`, wins: 0 });
    }
  }
  return plan;
}

const TIME_FIELDS = ['createdAt', 'paidAt', 'shippedAt', 'deliveredAt'] as const;

interface RowContext {
  plan: Plan;
  /** Rows whose status words were printed but not recognised. */
  unknownStatus: number;
}

/** Adds a table's counts to the page diagnostics. */
function reportStrategies(ctx: RowContext, diag: ParseDiagnostics): void {
  for (const field of REPORTED_FIELDS) {
    const name = REPORTED_AS[field] ?? field;
    for (const column of ctx.plan[field] ?? []) if (column.wins > 0) addStrategy(diag, name, column.strategy, column.wins);
    if (field === 'status' && ctx.unknownStatus > 0) addStrategy(diag, name, 'unknown-words', ctx.unknownStatus);
  }
}

function addStrategy(diag: ParseDiagnostics, field: string, strategy: string, wins: number): void {
  const byField = (diag.strategies[field] ??= {});
  byField[strategy] = (byField[strategy] ?? 0) + wins;
}

/** The first column of `field` that has a cell in this row. */
function columnOf(row: GridRow, columns: readonly PlannedColumn[] | undefined): PlannedColumn | undefined {
  if (columns) for (const column of columns) if (row.cells[column.index]) return column;
  return undefined;
}

/** The goods cell holding a title: a `商品` header may span an image column and a title column. */
function goodsOf(row: GridRow, ctx: RowContext): { pieces: string[]; title: string; column: PlannedColumn } | null {
  let previous: Element | undefined;
  for (const column of ctx.plan.itemTitle ?? []) {
    const cell = row.cells[column.index];
    if (!cell || cell === previous) continue;
    previous = cell;
    const pieces = textPieces(cell);
    const title = itemTitleIn(pieces);
    if (title) return { pieces, title, column };
  }
  return null;
}

function itemOf(row: GridRow, ctx: RowContext, record: boolean): Item | null {
  const goods = goodsOf(row, ctx);
  if (!goods) return null;
  const { pieces, title } = goods;
  const item: Item = { title };
  const spec = itemSpecIn(pieces);
  if (spec) item.spec = spec;
  const quantityAt = columnOf(row, ctx.plan.quantity);
  const quantityCell = quantityAt ? row.cells[quantityAt.index]! : undefined;
  const quantityText = quantityCell ? collapse(quantityCell.textContent) : '';
  const quantity = quantityCell ? quantityIn(quantityText) : null;
  if (quantity !== null) item.quantity = quantity;
  const priceAt = columnOf(row, ctx.plan.unitPrice);
  const priceCell = priceAt ? row.cells[priceAt.index]! : undefined;
  // `单价/数量` is one cell for both: its text is read once
  const price = !priceCell ? null : priceCell === quantityCell ? moneyCell(quantityText) : readCell(priceCell, moneyCell);
  if (price?.kind === 'value') item.unitPriceCents = price.value;
  if (record) {
    goods.column.wins++;
    if (quantity !== null) quantityAt!.wins++;
  }
  return item;
}

type Outcome = { order: CapturedOrderInput } | { skip: string };

function readOrder(row: GridRow, ctx: RowContext, orderId: string, site: SiteDefinition, kind: PageKind): Outcome {
  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: kind, items: [], shipments: [] };
  const { plan } = ctx;

  const amountAt = columnOf(row, plan.amount);
  if (amountAt) {
    const amount = readCell(row.cells[amountAt.index]!, moneyCell);
    if (amount.kind === 'bad') return { skip: 'bad-amount' };
    if (amount.kind === 'value') {
      order.amountCents = amount.value;
      amountAt.wins++;
    }
  }

  for (const field of TIME_FIELDS) {
    const timeAt = columnOf(row, plan[field]);
    if (!timeAt) continue;
    const time = readCell(row.cells[timeAt.index]!, timeCell);
    if (time.kind === 'bad') return { skip: 'bad-time' };
    if (time.kind === 'value') {
      order[field] = time.value;
      timeAt.wins++;
    }
  }

  const statusAt = columnOf(row, plan.status);
  const status = statusAt ? statusIn(row.cells[statusAt.index]) : null;
  if (status) {
    if (status.status) order.status = status.status;
    order.statusText = status.statusText;
    if (status.status) statusAt!.wins++;
    else ctx.unknownStatus++;
  }

  const buyerAt = columnOf(row, plan.buyer);
  const buyer = buyerAt ? boundedText(textPieces(row.cells[buyerAt.index], 1)[0], 80) : null;
  if (buyer) {
    order.buyer = buyer;
    buyerAt!.wins++;
  }

  const waybillAt = columnOf(row, plan.waybills);
  if (waybillAt) {
    const waybills = waybillsIn(cellText(row.cells[waybillAt.index]));
    const carrierAt = columnOf(row, plan.carrier);
    const carriers = carrierAt ? carriersIn(textPieces(row.cells[carrierAt.index])) : [];
    order.shipments = waybills.slice(0, 20).map((waybillNo, i): Shipment => {
      // one carrier for all waybills, or one per waybill in the same order; otherwise leave it unknown
      const carrierName = carriers.length === 1 ? carriers[0] : carriers.length === waybills.length ? carriers[i] : undefined;
      return carrierName ? { waybillNo, carrierName, events: [] } : { waybillNo, events: [] };
    });
    if (waybills.length > 0) waybillAt.wins++;
  }

  const item = itemOf(row, ctx, true);
  if (item) order.items = [item];
  return { order };
}

function readGrids(grids: readonly FoundGrid[], site: SiteDefinition, kind: PageKind, diag: ParseDiagnostics): RowRead[] {
  const findId = orderIdFinder(site.orderIdPattern);
  const parseId = (text: string) => orderIdCell(text, findId);
  const out: RowRead[] = [];
  const seen = new Set<string>();
  for (const grid of grids) {
    const ctx: RowContext = { plan: planOf(grid), unknownStatus: 0 };
    try {
      readRows(grid, ctx, site, kind, parseId, diag, seen, out);
    } finally {
      reportStrategies(ctx, diag);
    }
  }
  return out;
}

function readRows(
  grid: FoundGrid,
  ctx: RowContext,
  site: SiteDefinition,
  kind: PageKind,
  parseId: (text: string) => CellValue<string>,
  diag: ParseDiagnostics,
  seen: Set<string>,
  out: RowRead[],
): void {
  const idColumns = ctx.plan.orderId;
  const readColumns = new Set(grid.columns.map((column) => column.index));
  // Rows of a multi-item order share its id cell (rowspan) or repeat its id: they add items to the order
  // read from the first of them (or are dropped with it when that one was skipped).
  let last: { id: string | null; idCell: Element; read: RowRead | null } | null = null;
  for (const row of grid.rows) {
    if (row.fullWidth || row.element.getAttribute('aria-hidden') === 'true') continue;
    try {
      const idAt = columnOf(row, idColumns);
      if (!idAt) {
        if (!collapse(row.element.textContent)) continue;
        diag.rowsSeen++;
        recordSkip(diag, 'no-order-id');
        last = null;
        continue;
      }
      const idCell = row.cells[idAt.index]!;
      if (last && row.carried[idAt.index] && idCell === last.idCell) {
        if (last.read) appendItem(last.read, itemOf(row, ctx, false));
        continue;
      }
      const id: CellValue<string> = readCell(idCell, parseId);
      if (id.kind === 'absent' && !collapse(row.element.textContent)) continue;
      if (id.kind === 'value' && last && last.id === id.value) {
        if (last.read) appendItem(last.read, itemOf(row, ctx, false));
        continue;
      }
      diag.rowsSeen++;
      last = { id: id.kind === 'value' ? id.value : null, idCell, read: null };
      if (id.kind !== 'value') {
        recordSkip(diag, orderIdSkipReason(id));
        continue;
      }
      if (seen.has(id.value)) {
        recordSkip(diag, 'duplicate-order-id');
        continue;
      }
      const outcome = readOrder(row, ctx, id.value, site, kind);
      if ('skip' in outcome) {
        recordSkip(diag, outcome.skip);
        continue;
      }
      idAt.wins++;
      seen.add(id.value);
      const read: RowRead = { element: row.element, order: outcome.order };
      const anchor = controlsAnchorOf(row, readColumns);
      if (anchor) read.controlsAnchor = anchor;
      out.push(read);
      diag.rowsParsed++;
      last.read = read;
    } catch {
      recordSkip(diag, 'row-error');
      last = null;
    }
  }
}

/**
 * Where the row controls go in a table row: the last cell of the row that no field is read from (an 操作
 * column), so that the buttons' text never lands in a cell this reader reads on the next pass.
 */
function controlsAnchorOf(row: GridRow, read: ReadonlySet<number>): Element | undefined {
  for (let i = row.cells.length - 1; i >= 0; i--) {
    const cell = row.cells[i];
    if (cell && !row.carried[i] && !read.has(i) && (i === 0 || row.cells[i - 1] !== cell)) return cell;
  }
  return undefined;
}

function appendItem(read: RowRead, item: Item | null): void {
  if (!item) return;
  const items = (read.order.items ??= []);
  if (items.length < 100) items.push(item);
}
