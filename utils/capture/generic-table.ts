import type { CapturedOrderInput, Item, PageKind, Shipment } from '../model/order';
import type { PageRead, RowRead, SiteDefinition } from '../sites/types';
import { emptyDiagnostics, type ParseDiagnostics, recordSkip, recordStrategy } from './diagnostics';
import type { ColumnField } from './generic-columns';
import {
  boundedText,
  carriersIn,
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

type Plan = Map<ColumnField, { index: number; header: string }[]>;

function planOf(grid: FoundGrid): Plan {
  const plan: Plan = new Map();
  for (const column of grid.columns) {
    for (const field of column.fields) {
      const list = plan.get(field) ?? [];
      list.push({ index: column.index, header: column.header });
      plan.set(field, list);
    }
  }
  return plan;
}

const TIME_FIELDS = ['createdAt', 'paidAt', 'shippedAt', 'deliveredAt'] as const;

interface RowContext {
  plan: Plan;
  diag: ParseDiagnostics;
}

/** The first column of `field` that has a cell in this row (its text and header). */
function cellOf(row: GridRow, ctx: RowContext, field: ColumnField): { cell: Element; header: string; index: number } | null {
  for (const column of ctx.plan.get(field) ?? []) {
    const cell = row.cells[column.index];
    if (cell) return { cell, header: column.header, index: column.index };
  }
  return null;
}

/** The goods cell holding a title: a `商品` header may span an image column and a title column. */
function goodsOf(row: GridRow, ctx: RowContext): { pieces: string[]; title: string; header: string } | null {
  let previous: Element | undefined;
  for (const column of ctx.plan.get('itemTitle') ?? []) {
    const cell = row.cells[column.index];
    if (!cell || cell === previous) continue;
    previous = cell;
    const pieces = textPieces(cell);
    const title = itemTitleIn(pieces);
    if (title) return { pieces, title, header: column.header };
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
  const quantityCell = cellOf(row, ctx, 'quantity');
  const quantityText = quantityCell ? collapse(quantityCell.cell.textContent) : '';
  const quantity = quantityCell ? quantityIn(quantityText) : null;
  if (quantity !== null) item.quantity = quantity;
  const priceCell = cellOf(row, ctx, 'unitPrice');
  // `单价/数量` is one cell for both: its text is read once
  const price = !priceCell ? null : priceCell.cell === quantityCell?.cell ? moneyCell(quantityText) : readCell(priceCell.cell, moneyCell);
  if (price?.kind === 'value') item.unitPriceCents = price.value;
  if (record) {
    recordStrategy(ctx.diag, 'items', `header:${goods.header}`);
    if (quantity !== null) recordStrategy(ctx.diag, 'quantity', `header:${quantityCell!.header}`);
  }
  return item;
}

type Outcome = { order: CapturedOrderInput } | { skip: string };

function readOrder(row: GridRow, ctx: RowContext, orderId: string, base: CapturedOrderInput): Outcome {
  const order: CapturedOrderInput = { ...base, orderId, items: [], shipments: [] };
  const { diag } = ctx;

  const amountCell = cellOf(row, ctx, 'amount');
  if (amountCell) {
    const amount = readCell(amountCell.cell, moneyCell);
    if (amount.kind === 'bad') return { skip: 'bad-amount' };
    if (amount.kind === 'value') {
      order.amountCents = amount.value;
      recordStrategy(diag, 'amount', `header:${amountCell.header}`);
    }
  }

  for (const field of TIME_FIELDS) {
    const timeAt = cellOf(row, ctx, field);
    if (!timeAt) continue;
    const time = readCell(timeAt.cell, timeCell);
    if (time.kind === 'bad') return { skip: 'bad-time' };
    if (time.kind === 'value') {
      order[field] = time.value;
      recordStrategy(diag, field, `header:${timeAt.header}`);
    }
  }

  const statusAt = cellOf(row, ctx, 'status');
  const status = statusIn(statusAt?.cell);
  if (status) {
    if (status.status) order.status = status.status;
    order.statusText = status.statusText;
    recordStrategy(diag, 'status', status.status ? `header:${statusAt!.header}` : 'unknown-words');
  }

  const buyerAt = cellOf(row, ctx, 'buyer');
  const buyer = buyerAt ? boundedText(textPieces(buyerAt.cell, 1)[0], 80) : null;
  if (buyer) {
    order.buyer = buyer;
    recordStrategy(diag, 'buyer', `header:${buyerAt!.header}`);
  }

  const waybillAt = cellOf(row, ctx, 'waybills');
  if (waybillAt) {
    const waybills = waybillsIn(cellText(waybillAt.cell));
    const carrierAt = cellOf(row, ctx, 'carrier');
    const carriers = carrierAt ? carriersIn(textPieces(carrierAt.cell)) : [];
    order.shipments = waybills.slice(0, 20).map((waybillNo, i): Shipment => {
      // one carrier for all waybills, or one per waybill in the same order; otherwise leave it unknown
      const carrierName = carriers.length === 1 ? carriers[0] : carriers.length === waybills.length ? carriers[i] : undefined;
      return carrierName ? { waybillNo, carrierName, events: [] } : { waybillNo, events: [] };
    });
    if (waybills.length > 0) recordStrategy(diag, 'waybills', `header:${waybillAt.header}`);
  }

  const item = itemOf(row, ctx, true);
  if (item) order.items = [item];
  return { order };
}

function readGrids(grids: readonly FoundGrid[], site: SiteDefinition, kind: PageKind, diag: ParseDiagnostics): RowRead[] {
  const findId = orderIdFinder(site.orderIdPattern);
  const base: CapturedOrderInput = { platform: site.platform, orderId: '', sourcePage: kind };
  const out: RowRead[] = [];
  const seen = new Set<string>();
  for (const grid of grids) {
    const ctx: RowContext = { plan: planOf(grid), diag };
    const readColumns = new Set(grid.columns.map((column) => column.index));
    // Rows of a multi-item order share its id cell (rowspan) or repeat its id: they add items to the order
    // read from the first of them (or are dropped with it when that one was skipped).
    let last: { id: string | null; idCell: Element; read: RowRead | null } | null = null;
    for (const row of grid.rows) {
      if (row.fullWidth || row.element.getAttribute('aria-hidden') === 'true') continue;
      try {
        const idAt = cellOf(row, ctx, 'orderId');
        if (!idAt) {
          if (!collapse(row.element.textContent)) continue;
          diag.rowsSeen++;
          recordSkip(diag, 'no-order-id');
          last = null;
          continue;
        }
        if (last && row.carried[idAt.index] && idAt.cell === last.idCell) {
          if (last.read) appendItem(last.read, itemOf(row, ctx, false));
          continue;
        }
        const id = readCell(idAt.cell, (text) => orderIdCell(text, findId));
        if (id.kind === 'absent' && !collapse(row.element.textContent)) continue;
        if (id.kind === 'value' && last && last.id === id.value) {
          if (last.read) appendItem(last.read, itemOf(row, ctx, false));
          continue;
        }
        diag.rowsSeen++;
        last = { id: id.kind === 'value' ? id.value : null, idCell: idAt.cell, read: null };
        if (id.kind !== 'value') {
          recordSkip(diag, orderIdSkipReason(id));
          continue;
        }
        if (seen.has(id.value)) {
          recordSkip(diag, 'duplicate-order-id');
          continue;
        }
        const outcome = readOrder(row, ctx, id.value, base);
        if ('skip' in outcome) {
          recordSkip(diag, outcome.skip);
          continue;
        }
        recordStrategy(diag, 'orderId', `header:${idAt.header}`);
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
  return out;
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
