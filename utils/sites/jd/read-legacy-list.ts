import type { ParseDiagnostics } from '../../capture/diagnostics';
import type { CapturedOrderInput, Item } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import { pick, pickAll, pickCounted } from '../../capture/fast-query';
import { receiverRegion } from '../../model/receiver-region';
import { layoutsOf, Tally } from '../../capture/tally';
import { chainValue, clip, matchInPieces, moneyOf, quantityOf, textOf, textPieces, valueAfterLabelIn } from '../../capture/row-values';
import { FLOOR_STRATEGIES, type FloorField, readRowFloor } from '../../capture/floor/read-row-floor';
import { WAYBILL_HINT } from '../../capture/floor-fill';
import { fillFromFloor, type FloorTallies, itemsIncomplete } from '../../capture/floor-fill';
import { type ListContext, type RowLayout, unparseablePrintedTime } from './read-list';
import { PORDER } from './selectors';
import { site } from './site';

// Compiled once: readers must not build regexes per row.
const ID_LABEL = /^(?:订单编号|订单号)\s*[：:]?\s*/;
const ID_DIGITS = /\d{5,}/;
const ID_IN_LINK = /[?&]orderId=(\d+)/;
const ID_IN_HEADER = /(?<!\d)\d{11,13}(?!\d)/;
const CREATED_LABEL = /^下单时间\s*[：:]\s*/;
const PAID_LABEL = /^付款时间\s*[：:]\s*/;
const BUYER_LABEL = /^买家账号\s*[：:]?\s*/;
const PLAIN_QUANTITY = /^\d{1,7}$/;
const NOT_PRINTED = new Set(['', '-', '--']);

/** `undefined` when the label is absent or shows no value, `null` when what it shows is no time. */
function labelledTime(pieces: readonly string[], label: RegExp): number | null | undefined {
  const printed = valueAfterLabelIn(pieces, label);
  if (printed === undefined || NOT_PRINTED.has(printed)) return undefined;
  return parseBeijingTime(printed);
}

function readItems(table: Element): Item[] {
  const items: Item[] = [];
  const { elements } = pickAll(table, PORDER.itemRow);
  const count = Math.min(elements.length, 100);
  for (let n = 0; n < count; n += 1) {
    const tr = elements[n]!;
    const title = clip(textOf(pick(tr, PORDER.itemName)), 300);
    if (!title) continue;
    const item: Item = { title };
    const spec = clip(textOf(pick(tr, PORDER.itemSpec)), 200);
    if (spec) item.spec = spec;
    const price = moneyOf(textOf(pick(tr, PORDER.itemPrice)));
    if (typeof price === 'number') item.unitPriceCents = price;
    const quantityText = textOf(pick(tr, PORDER.itemQuantity));
    const quantity = PLAIN_QUANTITY.test(quantityText) ? Number(quantityText) : quantityOf(quantityText);
    if (quantity) item.quantity = quantity;
    items.push(item);
  }
  return items;
}

// Fallback chains per field, as strategy names in the order they are tried (the diagnostics' names).
const ID_STRATEGIES = ['label-订单号', ...layoutsOf(PORDER.detailLink), 'id-regex-header'];
const BUYER_STRATEGIES = [...layoutsOf(PORDER.buyer), 'label-买家账号'];

class TableTallies {
  readonly orderId = new Tally('orderId', [...ID_STRATEGIES, ...FLOOR_STRATEGIES]);
  readonly amount = new Tally('amount', [...layoutsOf(PORDER.amount), ...FLOOR_STRATEGIES]);
  readonly status = new Tally('status', [...layoutsOf(PORDER.status), ...FLOOR_STRATEGIES]);
  readonly buyer = new Tally('buyer', [...BUYER_STRATEGIES, ...FLOOR_STRATEGIES]);
  readonly receiverRegion = new Tally('receiverRegion', [...layoutsOf(PORDER.consigneeAddress), ...FLOOR_STRATEGIES]);
  readonly shipments = new Tally('shipments', [...FLOOR_STRATEGIES]);

  floor(): FloorTallies {
    return {
      amountCents: { tally: this.amount, offset: PORDER.amount.length },
      status: { tally: this.status, offset: PORDER.status.length },
      buyer: { tally: this.buyer, offset: BUYER_STRATEGIES.length },
      receiverRegion: { tally: this.receiverRegion, offset: PORDER.consigneeAddress.length },
      shipments: { tally: this.shipments, offset: 0 },
    };
  }

  flush(diag: ParseDiagnostics): void {
    for (const tally of [this.orderId, this.amount, this.status, this.buyer, this.receiverRegion, this.shipments]) tally.flush(diag);
  }
}

const found = (root: Element, chain: Parameters<typeof chainValue>[1], tally: Tally): Element | null =>
  chainValue(root, chain, (el) => el, tally) ?? null;

const idInLinkOf = (el: Element) => ID_IN_LINK.exec(el.getAttribute('href') ?? '')?.[1];
const buyerOf = (el: Element) => textOf(el).replace(BUYER_LABEL, '');

/** One old porder order table (header row + one row per SKU) → order, or the reason to skip it. */
const PAID_WORD = /付款|支付/;

function readOrderTable(table: Element, ctx: ListContext, tallies: TableTallies): CapturedOrderInput | string {
  const header = textPieces(pick(table, PORDER.header));

  let orderId = ID_DIGITS.exec(valueAfterLabelIn(header, ID_LABEL) ?? '')?.[0];
  if (orderId) tallies.orderId.win(0);
  else orderId = chainValue(table, PORDER.detailLink, idInLinkOf, tallies.orderId, 1);
  if (!orderId) {
    orderId = matchInPieces(header, ID_IN_HEADER);
    if (orderId) tallies.orderId.win(ID_STRATEGIES.length - 1);
  }
  if (!orderId) {
    orderId = readRowFloor(table, { orderIdPattern: site.orderIdPattern, want: ['orderId'] }).orderId?.value;
    if (orderId) tallies.orderId.win(ID_STRATEGIES.length);
    else tallies.orderId.none();
  }
  if (!orderId) return 'no-order-id';
  if (!site.orderIdPattern.test(orderId)) return 'bad-order-id';

  const createdAt = labelledTime(header, CREATED_LABEL);
  const paidAt = labelledTime(header, PAID_LABEL);
  if (createdAt === null || paidAt === null) return 'bad-time';
  const missed: FloorField[] = [];
  // an unpaid order prints no 付款时间: the floor is asked for it only where the header names it
  const paidPrinted = paidAt !== undefined || header.some((piece) => PAID_WORD.test(piece));
  if (createdAt === undefined || (paidAt === undefined && paidPrinted)) {
    // a label split from its value, or other wrappers: an unparseable printed time still skips the row
    if (unparseablePrintedTime(textOf(table))) return 'bad-time';
    if (createdAt === undefined) missed.push('createdAt');
    if (paidAt === undefined && paidPrinted) missed.push('paidAt');
  }

  const amountEl = found(table, PORDER.amount, tallies.amount);
  const amountCents = amountEl ? moneyOf(textOf(amountEl)) : undefined;
  if (amountCents === null) return 'bad-amount';
  if (amountCents === undefined) missed.push('amountCents');

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: ctx.kind };
  if (ctx.shop) order.shop = ctx.shop;
  const statusText = clip(textOf(found(table, PORDER.status, tallies.status)), 60);
  if (statusText) {
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
    order.statusText = statusText;
  } else missed.push('status');
  if (createdAt !== undefined) order.createdAt = createdAt;
  if (paidAt !== undefined) order.paidAt = paidAt;
  if (amountCents !== undefined) order.amountCents = amountCents;
  const payType = clip(textOf(pick(table, PORDER.payType)), 40);
  if (payType) order.paymentMethod = payType;
  else missed.push('paymentMethod');
  let buyer = chainValue(table, PORDER.buyer, buyerOf, tallies.buyer, 0);
  if (!buyer) {
    buyer = valueAfterLabelIn(header, BUYER_LABEL);
    if (buyer) tallies.buyer.win(BUYER_STRATEGIES.length - 1);
    else missed.push('buyer');
  }
  if (buyer) order.buyer = clip(buyer, 80);
  const region = receiverRegion(textOf(found(table, PORDER.consigneeAddress, tallies.receiverRegion)));
  if (region) order.receiverRegion = clip(region, 80);
  else missed.push('receiverRegion');
  order.items = readItems(table);
  if (itemsIncomplete(order.items, undefined, ['quantity', 'unitPriceCents'])) missed.push('items');
  if (WAYBILL_HINT.test(table.textContent ?? '')) missed.push('shipments');
  const unreadable = fillFromFloor(table, order, missed, site.orderIdPattern, tallies.floor());
  if (unreadable) return unreadable;
  if (order.status === 'after_sale') order.afterSale = true;
  return order;
}

export const TABLE_LAYOUT: RowLayout<TableTallies> = { tallies: () => new TableTallies(), read: readOrderTable };
