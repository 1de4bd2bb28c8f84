import { emptyDiagnostics, type ParseDiagnostics, recordSkip, recordStrategy } from '../../capture/diagnostics';
import {
  boundedText,
  type CellValue,
  collapse,
  isPlaceholder,
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
} from '../../capture/generic-cells';
import { normalizeHeader } from '../../capture/generic-columns';
import { segmentAfterLabel } from '../../capture/generic-labels';
import { provinceCity } from '../../capture/generic-region';
import { readGenericTable } from '../../capture/generic-table';
import { beginRead, pick, pickAll } from '../../capture/fast-query';
import { beginFloorRead, type FloorField } from '../../capture/floor/read-row-floor';
import { textOf, valueAfterLabelIn } from '../../capture/row-values';
import { WAYBILL_HINT, fillFromFloor, findOrderRows, itemsIncomplete } from '../../capture/floor-fill';
import type { CapturedOrderInput, Item } from '../../model/order';
import type { PageRead, RowRead } from '../types';
import { COLUMN_COUNT_2021, columnLabels, columnsByIndex2021, labels, type PddColumn, selectors } from './selectors';
import { site } from './site';
import { floorShopName } from '../../capture/floor/shop-name';

interface ColumnMap {
  index: Partial<Record<PddColumn, number>>;
  /** Number of cells a row must have for the map to apply. */
  width: number;
  strategy: string;
}

/** Maps the cards' <td>s by the column header row's labels; the 2021 order when there is no header row. */
function columnMap(root: ParentNode): ColumnMap {
  for (const entry of selectors.columnHeaderRow) {
    for (const row of Array.from(root.querySelectorAll(entry.selector))) {
      const cells = Array.from(row.children);
      const index: Partial<Record<PddColumn, number>> = {};
      cells.forEach((cell, i) => {
        const label = normalizeHeader(collapse(cell.textContent));
        for (const [column, names] of Object.entries(columnLabels) as [PddColumn, readonly string[]][]) {
          if (index[column] === undefined && names.includes(label)) index[column] = i;
        }
      });
      // a header naming at least three of the columns is this layout's header (a missing column stays unknown)
      if (Object.keys(index).length >= 3) {
        return { index, width: cells.length, strategy: `header-labels:${entry.layout}` };
      }
    }
  }
  return { index: columnsByIndex2021, width: COLUMN_COUNT_2021, strategy: 'pdd-2021-td-index' };
}

/**
 * The time after one of `names` on the card's header line: in the label's own text (`订单成交时间：…`) or the
 * element after a label printed alone without a colon (`<span>承诺发货时间</span><span>2026-…</span>`), else
 * `label：time` in the line's joined text.
 */
function timeAfter(text: string, pieces: readonly string[], names: readonly string[]): CellValue<number> | null {
  // the label's own text first: the joined line runs on into the next label when that one has no colon
  for (const name of names) {
    const value = valueAfterLabelIn(pieces, new RegExp(`^${name}\\s*[：:]?\\s*`));
    if (value !== undefined) return timeCell(value);
  }
  const segment = segmentAfterLabel(text, names);
  return segment === null ? null : timeCell(segment);
}

const CODE_LINE = /^(?:ID|商家编码|货号)\s*[：:]/i;
const SPEC_LABEL = /^规格\s*[：:]\s*/;

/** Goods cell: image + name, "ID: <goodsId>", "商家编码: …", spec. */
function itemOf(goods: Element | undefined, quantity: number | null): Item | null {
  const pieces = textPieces(goods);
  const title = itemTitleIn(pieces);
  if (!title) return null;
  const item: Item = { title };
  const rest = pieces.slice(pieces.indexOf(title) + 1).filter((piece) => !CODE_LINE.test(piece));
  const spec = rest.join(' ').trim();
  if (spec && spec.length <= 200) item.spec = spec.replace(SPEC_LABEL, '');
  if (quantity !== null) item.quantity = quantity;
  return item;
}

type Outcome = { order: CapturedOrderInput } | { skip: string };

const cellAt = (cells: readonly Element[], index: number | undefined) => (index === undefined ? undefined : cells[index]);

/** Rows each strategy served, counted with integers while reading and reported once per page. */
interface Wins {
  idByLabel: number;
  idByFormat: number;
  createdAt: number;
  promisedShipAt: number;
  amount: number;
  status: number;
  unknownStatus: number;
  items: number;
  buyer: number;
  receiverRegion: number;
  floorAmount: number;
  floorStatus: number;
  floorShipments: number;
}

const noWins = (): Wins => ({
  idByLabel: 0,
  idByFormat: 0,
  createdAt: 0,
  promisedShipAt: 0,
  amount: 0,
  status: 0,
  unknownStatus: 0,
  items: 0,
  buyer: 0,
  receiverRegion: 0,
  floorAmount: 0,
  floorStatus: 0,
  floorShipments: 0,
});

function reportWins(wins: Wins, columns: string, diag: ParseDiagnostics): void {
  const add = (field: string, strategy: string, count: number) => {
    if (count === 0) return;
    const byField = (diag.strategies[field] ??= {});
    byField[strategy] = (byField[strategy] ?? 0) + count;
  };
  add('orderId', 'label:订单编号', wins.idByLabel);
  add('orderId', 'regex:sn-format', wins.idByFormat);
  add('createdAt', 'label:订单成交时间', wins.createdAt);
  add('promisedShipAt', 'label:承诺发货时间', wins.promisedShipAt);
  add('amount', columns, wins.amount);
  add('status', columns, wins.status);
  add('status', 'unknown-words', wins.unknownStatus);
  add('items', columns, wins.items);
  add('buyer', columns, wins.buyer);
  add('receiverRegion', columns, wins.receiverRegion);
  add('amount', 'floor', wins.floorAmount);
  add('status', 'floor', wins.floorStatus);
  add('shipments', 'floor', wins.floorShipments);
}

function readCard(
  card: Element,
  columns: ColumnMap,
  findId: (text: string) => string | null,
  shop: string | null,
  wins: Wins,
): Outcome {
  const headerText = collapse(card.firstElementChild?.textContent);
  const headerPieces = textPieces(card.firstElementChild);

  // order id: by its label on the header line, else the SN format anywhere on that line
  const labelled = segmentAfterLabel(headerText, labels.orderId);
  let id: CellValue<string> = labelled !== null ? orderIdCell(labelled, findId) : { kind: 'absent' };
  let byLabel = true;
  if (id.kind === 'absent') {
    const found = findId(headerText);
    if (found) id = { kind: 'value', value: found };
    byLabel = false;
  }
  if (id.kind !== 'value') return { skip: orderIdSkipReason(id) };

  const order: CapturedOrderInput = { platform: site.platform, orderId: id.value, sourcePage: 'list', items: [], shipments: [] };
  if (byLabel) wins.idByLabel++;
  else wins.idByFormat++;

  const created = timeAfter(headerText, headerPieces, labels.createdAt);
  if (created?.kind === 'bad') return { skip: 'bad-time' };
  if (created?.kind === 'value') {
    order.createdAt = created.value;
    wins.createdAt++;
  }
  const promised = timeAfter(headerText, headerPieces, labels.promisedShipAt);
  if (promised?.kind === 'bad') return { skip: 'bad-time' };
  if (promised?.kind === 'value') {
    order.promisedShipAt = promised.value;
    wins.promisedShipAt++;
  }

  const row = card.getElementsByTagName('tr')[0];
  const cells: Element[] = [];
  for (let cell = row?.firstElementChild; cell; cell = cell.nextElementSibling) if (cell.tagName === 'TD') cells.push(cell);
  if (cells.length !== columns.width) return { skip: 'unknown-columns' };
  const at = columns.index;
  const byIndex = columns.strategy === 'pdd-2021-td-index';
  const status = statusIn(cellAt(cells, at.status));
  const quantityCell = cellAt(cells, at.quantity);
  const quantity = quantityCell ? quantityIn(collapse(quantityCell.textContent)) : null;
  // Without a header row the columns are taken by position: a row whose status and quantity cells do not
  // hold a status and a count is not in the 2021 order, and reading it by position could store wrong values.
  if (byIndex && (!status?.status || quantity === null)) return { skip: 'unknown-columns' };

  const amountCell = cellAt(cells, at.amount);
  if (amountCell) {
    const amount = readCell(amountCell, moneyCell);
    if (amount.kind === 'bad') return { skip: 'bad-amount' };
    if (amount.kind === 'value') {
      order.amountCents = amount.value;
      wins.amount++;
    }
  }

  if (status) {
    if (status.status) order.status = status.status;
    order.statusText = status.statusText;
    if (status.status) wins.status++;
    else wins.unknownStatus++;
  }

  const item = itemOf(cellAt(cells, at.goods), quantity);
  if (item) {
    order.items = [item];
    wins.items++;
  }

  const buyerCell = cellAt(cells, at.buyer);
  const buyer = buyerCell ? boundedText(textPieces(buyerCell, 1)[0], 80) : null;
  if (buyer) {
    order.buyer = buyer;
    wins.buyer++;
  }

  const receiverCell = cellAt(cells, at.receiver);
  const region = receiverCell ? provinceCity(collapse(receiverCell.textContent)) : null;
  if (region) {
    order.receiverRegion = region;
    wins.receiverRegion++;
  }

  if (shop) order.shop = shop;
  // The class-free floor for what the columns missed, and for waybills the card prints (no column holds them).
  // (waybills asked for only where a carrier's word or 运单 precedes a number: reading cost on 500-card pages)
  const missed: FloorField[] = WAYBILL_HINT.test(card.textContent ?? '') ? ['shipments'] : [];
  if (order.amountCents === undefined) missed.push('amountCents');
  if (!order.statusText) missed.push('status');
  if (order.createdAt === undefined) missed.push('createdAt');
  if (!order.buyer) missed.push('buyer');
  if (!order.receiverRegion) missed.push('receiverRegion');
  if (itemsIncomplete(order.items)) missed.push('items');
  const before = { amount: order.amountCents, status: order.statusText, shipments: 0 };
  const unreadable = missed.length > 0 ? fillFromFloor(card, order, missed, site.orderIdPattern) : undefined;
  if (unreadable) return { skip: unreadable };
  if (before.amount === undefined && order.amountCents !== undefined) wins.floorAmount++;
  if (!before.status && order.statusText) wins.floorStatus++;
  if ((order.shipments?.length ?? 0) > 0) wins.floorShipments++;
  return { order };
}

function emptyRead(diag: ParseDiagnostics, layout: string): PageRead {
  diag.layout = layout;
  return { kind: 'list', rows: [], diagnostics: diag };
}

/** 拼多多 order list (`/orders/list`): `.package-center-table` cards; the generic reader for unknown layouts. */
export function readPddList(doc: Document): PageRead {
  const diag = emptyDiagnostics(site.platform, 'list');
  beginRead();
  beginFloorRead();
  const root: ParentNode = pick(doc, selectors.root, diag, 'root') ?? doc;
  let cards = pickAll(root, selectors.orderCards);
  if (cards.elements.length === 0) {
    // Re-hashed classes, other wrappers: the order cards found by their printed order ids, read as cards
    // (their header line's labels need no class); the generic table reader for pages without such cards.
    const found = findOrderRows(doc.body, site.orderIdPattern);
    // rows that are table lines, or hold their table's header, are a plain table's: the generic reader's
    const plainTable = found.some((row) => row.tagName === 'TR' || row.querySelector('th') !== null);
    if (found.length > 0 && !plainTable) cards = { elements: found, layout: 'floor-rows' };
    else {
      const generic = readGenericTable(doc, site, 'list');
      if (generic) return generic;
    }
  }
  if (cards.elements.length === 0) {
    const empty = pick(root, selectors.emptyState);
    return emptyRead(diag, empty && /暂无/.test(textOf(empty)) ? 'pdd-empty-list' : 'none');
  }
  diag.layout = cards.layout;
  const columns = columnMap(root);
  recordStrategy(diag, 'columns', columns.strategy);
  const findId = orderIdFinder(site.orderIdPattern);
  const shopText = textOf(pick(doc, selectors.shopName, diag, 'shop'));
  const shop = (shopText && !isPlaceholder(shopText) ? boundedText(shopText, 80) : null) ?? floorShopName(doc, diag) ?? null;

  const rows: RowRead[] = [];
  const seen = new Set<string>();
  const wins = noWins();
  for (const card of cards.elements) {
    diag.rowsSeen++;
    try {
      const outcome = readCard(card, columns, findId, shop, wins);
      if ('skip' in outcome) {
        recordSkip(diag, outcome.skip);
        continue;
      }
      if (seen.has(outcome.order.orderId)) {
        recordSkip(diag, 'duplicate-order-id');
        continue;
      }
      seen.add(outcome.order.orderId);
      rows.push({ element: card, order: outcome.order });
      diag.rowsParsed++;
    } catch {
      recordSkip(diag, 'row-error');
    }
  }
  reportWins(wins, columns.strategy, diag);
  return { kind: 'list', rows, diagnostics: diag };
}
