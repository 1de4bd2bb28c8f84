/**
 * The class-free floor of every order field (issue 11, item 1): what a site reader asks for, field by field,
 * after its selector chain found nothing. Three strategies, tried in this order per field:
 * - `floor-label`: the value after its label in the row (label-value.ts),
 * - `floor-column`: the cell under its column header (column-value.ts),
 * - `floor-pattern`: patterns over the row's text (text-patterns.ts).
 * A field none of them finds stays absent: never guessed. Only the row element is read (plus the header of
 * its table or grid, found upward). Never throws.
 *
 * Usage in a site reader (selectors first, the floor only for the fields they missed; each win tallied):
 *
 * ```ts
 * import { beginFloorRead, countFloor, FLOOR_STRATEGIES, readRowFloor, type FloorField } from '../../capture/floor/read-row-floor';
 *
 * // strategy names: the chain's layouts, then the floor's
 * readonly amount = new Tally('amount', [...layoutsOf(LIST.amount), ...FLOOR_STRATEGIES]);
 *
 * export function readListRows(rows, ctx) {
 *   beginRead();
 *   beginFloorRead(); // once per page read: rows and headers are cached until the next one
 *   …
 * }
 *
 * // in readListRow: chainValue counts a selector win; nothing is counted when the chain fails
 * let amountCents = chainValue(row, LIST.amount, (el) => moneyOf(textOf(el)) ?? undefined, tallies.amount);
 * const missed: FloorField[] = [];
 * if (amountCents === undefined) missed.push('amountCents');
 * if (!statusText) missed.push('status');
 * if (missed.length > 0) {
 *   const floor = readRowFloor(row, { orderIdPattern: site.orderIdPattern, want: missed });
 *   if (missed.includes('amountCents')) {
 *     amountCents = floor.amountCents?.value;
 *     countFloor(tallies.amount, LIST.amount.length, floor.amountCents); // win(offset + strategy) or none()
 *   }
 *   if (floor.status) {
 *     order.status = floor.status.value;
 *     order.statusText = floor.status.statusText;
 *     if (floor.status.afterSale) order.afterSale = true;
 *   }
 * }
 * ```
 * Shipments come back as `{ waybillNo, carrierName?, carrierCode? }` (add `events: []` for the model); a
 * region is model/receiver-region's province/city as displayed. 千牛 passes `closedMeansRefunded: true`
 * (a closed trade with 退款成功 items is refunded there). A printed status beats a code the row carries
 * (`data-kora_order_status`): `printedStatusWins(printed, code)`; item after-sale texts roll up with
 * `rollupStatus(printed, itemTexts, { itemCount })` (both in status-rollup.ts, re-exported here).
 * The floor's own status is already rolled up over the row's after-sale texts (`status.afterSale`,
 * `status.partialRefund`).
 */
import type { OrderStatus } from '../../model/status';
import { cellText, collapse, isPlaceholder, itemTitleIn, textPieces } from '../generic-cells';
import type { Tally } from '../tally';
import { alignedRow, columnCell, columnCellsPerLine } from './column-value';
import type { Kind } from './kinds';
import { amountAfterLabel, type LabelHit, labelHits, labelsOf } from './label-value';
import { itemLinesOf, type ItemLine } from './item-lines';
import { type RowText, rowMemo, rowTextOf } from './row-text';
import { rollupStatus } from './status-rollup';
import {
  amountIn,
  carrierFromName,
  carrierNumbersIn,
  type FloorShipment,
  labelledTimes,
  labelledWaybills,
  orderIdIn,
  printedStatusIn,
  regionIn,
  ShipmentSet,
  type StatusPiece,
  shipmentsIn,
  statusPieces,
  statusWordsOf,
  timeIn,
  type TimeKind,
  unlabelledOrderId,
  wholeIdPattern,
} from './text-patterns';

export { beginFloorRead } from './row-text';
export { afterSaleStateOf, printedStatusWins, rollupStatus, type RollupOptions, type StatusRollup } from './status-rollup';
export type { FloorShipment } from './text-patterns';

export type FloorField =
  | 'orderId'
  | 'createdAt'
  | 'paidAt'
  | 'shippedAt'
  | 'amountCents'
  | 'status'
  | 'buyer'
  | 'receiverRegion'
  | 'shipments'
  | 'items'
  | 'paymentMethod';

export const FLOOR_FIELDS: readonly FloorField[] = [
  'orderId',
  'createdAt',
  'paidAt',
  'shippedAt',
  'amountCents',
  'status',
  'buyer',
  'receiverRegion',
  'shipments',
  'items',
  'paymentMethod',
];

/** The floor's strategy names, in the order they are tried (append them to a field's Tally names). */
export const FLOOR_STRATEGIES = ['floor-label', 'floor-column', 'floor-pattern'] as const;
export type FloorStrategy = (typeof FLOOR_STRATEGIES)[number];

export interface FloorFound<T> {
  value: T;
  strategy: FloorStrategy;
}

export interface FloorStatus extends FloorFound<OrderStatus> {
  /** The console's printed words that decided the status. */
  statusText: string;
  /** An after-sale is open or happened on the order or an item. */
  afterSale?: true;
  /** Some items refunded, others not (known only where the items' after-sale column was read). */
  partialRefund?: true;
}

export type FloorItem = Omit<ItemLine, 'span' | 'afterSalePiece'>;

export interface FloorRead {
  orderId?: FloorFound<string>;
  createdAt?: FloorFound<number>;
  paidAt?: FloorFound<number>;
  shippedAt?: FloorFound<number>;
  amountCents?: FloorFound<number>;
  status?: FloorStatus;
  buyer?: FloorFound<string>;
  receiverRegion?: FloorFound<string>;
  shipments?: FloorFound<FloorShipment[]>;
  items?: FloorFound<FloorItem[]>;
  paymentMethod?: FloorFound<string>;
  /** A wanted time was not found, and its label is followed by a date that cannot be read. */
  timeUnreadable?: true;
  /** No amount was found, and the row prints money that cannot be read (`¥--`, `¥**`). */
  amountUnreadable?: true;
}

export interface FloorOptions {
  /** The console's order id format (SiteDefinition.orderIdPattern). */
  orderIdPattern: RegExp;
  /** The fields to look for: only those the reader's selectors missed. */
  want: readonly FloorField[];
  /** The console closes a trade when its refunds complete (千牛): see status-rollup's RollupOptions. */
  closedMeansRefunded?: boolean;
}

/** The index of a floor strategy among FLOOR_STRATEGIES. */
export function floorStrategyIndex(strategy: FloorStrategy): number {
  return FLOOR_STRATEGIES.indexOf(strategy);
}

/**
 * Counts a floor result in a field's tally whose names are `[...chainNames, ...FLOOR_STRATEGIES]`:
 * `win(offset + strategy index)` when found, `none()` when not. Returns whether it was found.
 */
export function countFloor(tally: Tally, offset: number, found: FloorFound<unknown> | undefined): boolean {
  if (found) tally.win(offset + floorStrategyIndex(found.strategy));
  else tally.none();
  return found !== undefined;
}

const DATE_SHAPED = /^\d{4}\s*[-/.年]\s*\d{1,2}/;
const CURRENCY = /[¥￥]|\d元/;
const MONEY_PART = /^[\d,]*\.?\d+$|^\d[\d,]*\.?$/;
const MONEY_PLACEHOLDER = /^[¥￥]\s*(?:-{1,3}|\*{1,6}|—{1,2})$/;

const found = <T>(value: T, strategy: FloorStrategy): FloorFound<T> => ({ value, strategy });

/** Looks for the wanted fields in one order row. */
export function readRowFloor(row: Element, options: FloorOptions): FloorRead {
  const out: FloorRead = {};
  let text: RowText;
  try {
    text = rowTextOf(row);
  } catch {
    return out;
  }
  for (const field of options.want) {
    try {
      readField(text, field, options, out);
    } catch {
      // a console's odd markup must never throw into the page: the field stays absent
    }
  }
  return out;
}

function readField(text: RowText, field: FloorField, options: FloorOptions, out: FloorRead): void {
  switch (field) {
    case 'orderId': {
      const value = readOrderId(text, options.orderIdPattern);
      if (value) out.orderId = value;
      return;
    }
    case 'createdAt':
    case 'paidAt':
    case 'shippedAt': {
      const value = readTime(text, field);
      if (value) out[field] = value;
      // `下单时间：2026-13-45 99:99:99`: a time is printed but cannot be read (the row is skipped, as by selectors)
      else if (labelsOf(text, field).some((hit) => DATE_SHAPED.test(hit.value))) out.timeUnreadable = true;
      return;
    }
    case 'amountCents': {
      const value = readAmount(text);
      if (value) out.amountCents = value;
      // `¥--`: an amount is printed but cannot be read (the row is skipped rather than stored without it)
      else if (text.pieces.some((piece) => MONEY_PLACEHOLDER.test(piece))) out.amountUnreadable = true;
      return;
    }
    case 'status': {
      const value = readStatus(text, options.closedMeansRefunded === true);
      if (value) out.status = value;
      return;
    }
    case 'buyer': {
      const value = readBuyer(text);
      if (value) out.buyer = value;
      return;
    }
    case 'receiverRegion': {
      const value = readRegion(text);
      if (value) out.receiverRegion = value;
      return;
    }
    case 'shipments': {
      const value = readShipments(text);
      if (value) out.shipments = value;
      return;
    }
    case 'paymentMethod': {
      const value = readPayment(text);
      if (value) out.paymentMethod = value;
      return;
    }
    case 'items': {
      const value = readItems(text);
      if (value) out.items = value;
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------- fields

function readOrderId(text: RowText, pattern: RegExp): FloorFound<string> | undefined {
  const whole = wholeIdPattern(pattern);
  for (const hit of labelsOf(text, 'orderId')) {
    const id = orderIdIn(hit.value, whole);
    if (id) return found(id, 'floor-label');
  }
  const cell = columnCell(text, 'orderId');
  const fromCell = cell ? orderIdIn(cellText(cell), whole) : undefined;
  if (fromCell) return found(fromCell, 'floor-column');
  const bare = unlabelledOrderId(text.pieces, whole);
  return bare ? found(bare, 'floor-pattern') : undefined;
}

function readTime(text: RowText, kind: TimeKind): FloorFound<number> | undefined {
  for (const hit of labelsOf(text, kind)) {
    const ms = timeIn(hit.value);
    if (ms !== undefined) return found(ms, 'floor-label');
  }
  const cell = columnCell(text, kind);
  const fromCell = cell ? timeIn(cellText(cell)) : undefined;
  if (fromCell !== undefined) return found(fromCell, 'floor-column');
  const times = rowMemo(text, 'times', () => labelledTimes(text.pieces));
  const ms = times[kind];
  return ms !== undefined ? found(ms, 'floor-pattern') : undefined;
}

function readAmount(text: RowText): FloorFound<number> | undefined {
  for (const hit of labelsOf(text, 'amount')) {
    const cents = amountAfterLabel(text, hit);
    if (cents !== undefined) return found(cents, 'floor-label');
  }
  const cell = columnCell(text, 'amount');
  // a cell of the items is no amount cell (a div grid misaligned under wrappers)
  const fromCell = cell && !holdsItemPiece(text, cell) ? amountIn(collapse(cell.textContent)) : undefined;
  if (fromCell !== undefined) return found(fromCell, 'floor-column');
  const fromPattern = unlabelledAmount(text);
  return fromPattern !== undefined ? found(fromPattern, 'floor-pattern') : undefined;
}

const OTHER_MONEY: readonly Kind[] = ['subtotal', 'unitPrice', 'item', 'quantity'];

/** Cells under a column naming other money than the order's (商品总价, 单价): their money is not the amount. */
function otherMoneyCells(text: RowText): Element[] {
  const aligned = alignedRow(text);
  if (!aligned) return [];
  const cells: Element[] = [];
  aligned.header.kinds.forEach((kinds, i) => {
    if (!kinds?.some((kind) => OTHER_MONEY.includes(kind))) return;
    for (const line of aligned.lines) if (line[i]) cells.push(line[i]!);
  });
  return cells;
}

function holdsItemPiece(text: RowText, cell: Element): boolean {
  const lines = itemLinesOf(text);
  if (!lines) return false;
  for (const i of lines.covered) if (cell.contains(text.owners[i]!)) return true;
  return false;
}

/**
 * Without a label or a column: the money the row prints outside its items, freight and discount notes told
 * apart — when it is one amount (two different ones: which was paid is not said). Needs the items found,
 * else their prices would count.
 */
function unlabelledAmount(text: RowText): number | undefined {
  const lines = itemLinesOf(text);
  if (!lines) return undefined;
  const { pieces } = text;
  const amounts = new Set<number>();
  const notAmount = otherMoneyCells(text);
  for (let i = 0; i < pieces.length; i += 1) {
    if (lines.covered.has(i) || !CURRENCY.test(pieces[i]!)) continue;
    if (notAmount.some((cell) => cell.contains(text.owners[i]!))) continue;
    // the piece with the one before it (a qualifier: `含运费` `¥0.00`) and the digits split off after it
    const before = i > 0 && !lines.covered.has(i - 1) && !/\d/.test(pieces[i - 1]!) ? pieces[i - 1]! : '';
    let segment = before ? `${before} ${pieces[i]}` : pieces[i]!;
    for (let j = i + 1; j < pieces.length && j <= i + 3 && MONEY_PART.test(pieces[j]!); j += 1) segment += pieces[j];
    const cents = amountIn(segment);
    if (cents !== undefined) amounts.add(cents);
    if (amounts.size > 1) return undefined;
  }
  return amounts.size === 1 ? [...amounts][0] : undefined;
}

interface Printed {
  text: string;
  strategy: FloorStrategy;
  piece?: number;
}

function printedStatus(text: RowText, pieces: readonly StatusPiece[]): Printed | 'conflict' | undefined {
  for (const hit of labelsOf(text, 'status')) {
    const words = statusWordsOf(hit.value);
    if (words) return { text: words, strategy: 'floor-label', piece: hit.valuePiece };
  }
  const cell = columnCell(text, 'status');
  if (cell) {
    for (const piece of textPieces(cell)) {
      const words = statusWordsOf(piece);
      if (words) return { text: words, strategy: 'floor-column' };
    }
  }
  const pattern = printedStatusIn(pieces);
  if (pattern === 'conflict') return pattern;
  return pattern ? { text: pattern.text, strategy: 'floor-pattern', piece: pattern.index } : undefined;
}

/**
 * Where the row's items are known, their after-sale words are theirs and every other status word is the
 * order's (`售后中` printed in the status cell beside an item's `退款中`).
 */
function statusWithItems(text: RowText, pieces: StatusPiece[]): StatusPiece[] {
  const lines = itemLinesOf(text);
  if (!lines) return pieces;
  const ofItems = new Set<number>();
  for (const item of lines.items) if (item.afterSalePiece !== undefined) ofItems.add(item.afterSalePiece);
  // a word in the order's header line (the row's part printing 订单号) is a tag (京东 `退款中` beside the id)
  const header = headerLineOf(text);
  return pieces.map((piece) => {
    if (ofItems.has(piece.index)) return piece.orderLevel ? { ...piece, orderLevel: false } : piece;
    const tag = header !== undefined && header.contains(text.owners[piece.index]!);
    const promote = !piece.orderLevel && piece.status !== null && !lines.covered.has(piece.index) && !tag;
    return promote ? { ...piece, orderLevel: true } : piece;
  });
}

/** The row's child holding its order-id label: the order's header line (undefined when the row is flat). */
function headerLineOf(text: RowText): Element | undefined {
  const hit = labelsOf(text, 'orderId')[0];
  let el: Element | null | undefined = hit ? text.owners[hit.piece] : undefined;
  while (el && el.parentElement && el.parentElement !== text.row) el = el.parentElement;
  return el && el !== text.row && el.parentElement === text.row ? el : undefined;
}

function readStatus(text: RowText, closedMeansRefunded: boolean): FloorStatus | undefined {
  const pieces = rowMemo(text, 'status-pieces', () => statusWithItems(text, statusPieces(text.pieces)));
  const printed = printedStatus(text, pieces);
  // words that disagree on the order's status: nothing is known (the items' texts must not decide alone)
  if (printed === 'conflict') return undefined;
  // the items' after-sale texts: one per item line where a 售后 column is read, else every after-sale text
  // the row prints (labelled or on a whole piece), item count unknown
  let itemTexts: string[];
  let itemCount: number | undefined;
  let afterSaleStrategy: FloorStrategy;
  const cells = columnCellsPerLine(text, 'afterSale');
  const lines = itemLinesOf(text);
  if (lines && lines.items.some((item) => item.afterSaleText !== undefined)) {
    // the items' own after-sale words, one per item (`-` or nothing for an item without one)
    itemTexts = lines.items.map((item) => item.afterSaleText ?? '');
    itemCount = lines.items.length;
    afterSaleStrategy = lines.strategy === 'column' ? 'floor-column' : 'floor-pattern';
  } else if (cells && cells.length > 0) {
    itemTexts = cells.map((line) => (line[0] ? collapse(line[0].textContent) : ''));
    itemCount = cells.length;
    afterSaleStrategy = 'floor-column';
  } else {
    const labelled = labelsOf(text, 'afterSale');
    itemTexts = labelled.map((hit) => hit.value);
    const seen = new Set(labelled.map((hit) => hit.valuePiece));
    for (const piece of pieces) {
      if (!piece.orderLevel && piece.index !== printed?.piece && !seen.has(piece.index)) itemTexts.push(piece.text);
    }
    afterSaleStrategy = labelled.length > 0 ? 'floor-label' : 'floor-pattern';
  }
  const rolled = rollupStatus(printed?.text, itemTexts, { itemCount, closedMeansRefunded });
  if (!rolled.status || !rolled.statusText) return undefined;
  const byPrinted = printed !== undefined && rolled.statusText === printed.text.trim();
  const status: FloorStatus = {
    value: rolled.status,
    strategy: byPrinted ? printed.strategy : afterSaleStrategy,
    statusText: rolled.statusText.slice(0, 60),
  };
  if (rolled.afterSale) status.afterSale = true;
  if (rolled.partialRefund) status.partialRefund = true;
  return status;
}

const NOT_A_BUYER = /^(?:联系|查看|复制|详情|旺旺|发消息|聊天|号码保护订单)/;
const LABEL_START = /^[\u4e00-\u9fa5A-Za-z]{1,10}\s*[：:]/;
// a receiver line (`测*，1**********，浙江省…`) or a masked phone: not the buyer's nickname
const RECEIVER_LINE = /[，,]\s*1[\d*]{10}|^1[\d*]{10}$/;

function buyerOf(value: string): string | undefined {
  const v = value.trim();
  if (!v || v.length > 80 || isPlaceholder(v) || NOT_A_BUYER.test(v) || LABEL_START.test(v)) return undefined;
  return v;
}

function readBuyer(text: RowText): FloorFound<string> | undefined {
  for (const hit of labelsOf(text, 'buyer')) {
    const buyer = buyerOf(hit.value);
    if (buyer) return found(buyer, 'floor-label');
  }
  const cell = columnCell(text, 'buyer');
  if (cell) {
    // a 买家/收货信息 cell also prints the receiver: its line and its address are not the buyer
    for (const piece of textPieces(cell, 6)) {
      if (RECEIVER_LINE.test(piece) || regionIn(piece, false)) continue;
      const buyer = buyerOf(piece);
      if (buyer) return found(buyer, 'floor-column');
    }
  }
  return undefined;
}

function readRegion(text: RowText): FloorFound<string> | undefined {
  for (const hit of labelsOf(text, 'region')) {
    // `收货人：李**` with the address in the next pieces, or the address itself
    for (let j = hit.valuePiece; j <= hit.valuePiece + 2 && j < text.pieces.length; j += 1) {
      const region = regionIn(j === hit.valuePiece ? hit.value : text.pieces[j]!, false);
      if (region) return found(region, 'floor-label');
    }
  }
  const cell = columnCell(text, 'region');
  if (cell) {
    for (const piece of textPieces(cell, 10)) {
      const region = regionIn(piece, false);
      if (region) return found(region, 'floor-column');
    }
  }
  for (const piece of text.pieces) {
    const region = regionIn(piece, true);
    if (region) return found(region, 'floor-pattern');
  }
  return undefined;
}

/** A carrier's name at the start of a value (`中通快递`, `中通快递 784…` → `中通快递`). */
function carrierNameIn(value: string): string | undefined {
  const v = value.trim();
  if (carrierFromName(v)) return v.slice(0, 40);
  const first = v.split(NAME_SEPARATOR)[0];
  return first && carrierFromName(first) ? first.slice(0, 40) : undefined;
}

/** For each waybill label, the carrier label printed with it: the last one since the previous waybill, else the next one before the next waybill. */
function carrierFor(hits: readonly LabelHit[], at: number): string | undefined {
  let previousWaybill = -1;
  for (let k = at - 1; k >= 0; k -= 1) {
    if (hits[k]!.kind === 'waybill') {
      previousWaybill = k;
      break;
    }
  }
  for (let k = at - 1; k > previousWaybill; k -= 1) {
    const hit = hits[k]!;
    if (hit.kind === 'carrier') {
      const name = carrierNameIn(hit.value);
      if (name) return name;
    }
  }
  for (let k = at + 1; k < hits.length && hits[k]!.kind !== 'waybill'; k += 1) {
    const hit = hits[k]!;
    if (hit.kind === 'carrier') {
      const name = carrierNameIn(hit.value);
      if (name) return name;
    }
  }
  return undefined;
}

const LOGISTICS: ReadonlySet<Kind> = new Set(['waybill', 'carrier', 'logistics']);
const NAME_SEPARATOR = /[\s：:]+/;

function readShipments(text: RowText): FloorFound<FloorShipment[]> | undefined {
  const set = new ShipmentSet();
  let strategy: FloorStrategy | undefined;
  const note = (s: FloorStrategy, before: number) => {
    if (!strategy && set.list.length > before) strategy = s;
  };

  let before = set.list.length;
  const hits = labelHits(text).filter((hit) => LOGISTICS.has(hit.kind));
  hits.forEach((hit, k) => {
    if (hit.kind === 'waybill') {
      // a carrier's name printed just before the label (`中通快递 运单号：…`) names it too
      const ownPiece = text.pieces[hit.piece] ?? '';
      const inPiece = carrierNameIn(ownPiece.slice(0, Math.max(0, ownPiece.indexOf(hit.word))));
      const previousPiece = hit.piece > 0 ? carrierNameIn(text.pieces[hit.piece - 1]!) : undefined;
      labelledWaybills(hit.value, carrierFor(hits, k) ?? inPiece ?? previousPiece, set);
    } else carrierNumbersIn(hit.value, set);
  });
  note('floor-label', before);

  before = set.list.length;
  const waybillCells = columnCellsPerLine(text, 'waybill');
  const carrierCells = columnCellsPerLine(text, 'carrier');
  const logisticsCells = columnCellsPerLine(text, 'logistics');
  const lines = Math.max(waybillCells?.length ?? 0, carrierCells?.length ?? 0, logisticsCells?.length ?? 0);
  const done = new Set<Element>();
  for (let line = 0; line < lines; line += 1) {
    const carrierCell = carrierCells?.[line]?.[0];
    const waybillCell = waybillCells?.[line]?.[0];
    const carrierName = carrierCell ? carrierNameIn(textPieces(carrierCell, 1)[0] ?? '') : undefined;
    if (waybillCell && !done.has(waybillCell)) {
      done.add(waybillCell);
      for (const piece of textPieces(waybillCell)) labelledWaybills(piece, carrierName, set);
    }
    for (const cell of [carrierCell, ...(logisticsCells?.[line] ?? [])]) {
      if (!cell || done.has(cell)) continue;
      done.add(cell);
      shipmentsIn(textPieces(cell), set);
    }
  }
  note('floor-column', before);

  before = set.list.length;
  shipmentsIn(text.pieces, set);
  note('floor-pattern', before);

  return strategy && set.list.length > 0 ? found(set.list, strategy) : undefined;
}

/** How the consoles print the ways of paying, when a row prints one without a label. */
const PAYMENT_WORDS = new Set([
  '在线支付', '货到付款', '抖音支付', '微信支付', '支付宝', '微信', '快手支付', '花呗', '花呗分期', '银行卡', '信用卡', '京东支付',
  '京东白条', '白条', '余额', '余额支付', '先用后付', '月付', '抖音月付', '云闪付', '多多支付', '对公转账', '分期付款', '信用购',
]);

function readPayment(text: RowText): FloorFound<string> | undefined {
  for (const hit of labelsOf(text, 'payment')) {
    const value = hit.value.trim();
    if (value && value.length <= 40 && !LABEL_START.test(value)) return found(value.split(/\s+/)[0]!, 'floor-label');
  }
  const cell = columnCell(text, 'payment');
  const inCell = cell ? textPieces(cell, 4).find((piece) => PAYMENT_WORDS.has(piece)) : undefined;
  if (inCell) return found(inCell, 'floor-column');
  const piece = text.pieces.find((p) => p.length <= 8 && PAYMENT_WORDS.has(p.replace(/^[(（]|[)）]$/g, '')));
  return piece ? found(piece.replace(/^[(（]|[)）]$/g, ''), 'floor-pattern') : undefined;
}

function readItems(text: RowText): FloorFound<FloorItem[]> | undefined {
  const lines = itemLinesOf(text);
  if (lines) {
    const items = lines.items.map(({ span: _span, afterSalePiece: _piece, ...item }) => item);
    return found(items, lines.strategy === 'column' ? 'floor-column' : 'floor-pattern');
  }
  const fromLabels: FloorItem[] = [];
  for (const hit of labelsOf(text, 'item')) {
    // a bare 商品 before another piece is often a column head: a title read that way must look like one
    if (hit.valuePiece !== hit.piece && hit.value.length < 4) continue;
    const title = itemTitleIn([hit.value]);
    if (title && !fromLabels.some((item) => item.title === title)) fromLabels.push({ title });
  }
  return fromLabels.length > 0 ? found(fromLabels.slice(0, 100), 'floor-label') : undefined;
}
