import { recordSkip, type ParseDiagnostics } from '../../capture/diagnostics';
import type { CapturedOrderInput, Item, PageKind } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { findBeijingTimes, parseBeijingTime, parseOrderTimeLine } from '../../model/time';
import { beginRead, pick, pickAll, pickCounted, queryAll } from '../../capture/fast-query';
import { receiverRegion } from '../../model/receiver-region';
import { layoutsOf, Tally } from '../../capture/tally';
import { chainValue, clip, matchInPieces, moneyOf, quantityOf, textOf, textPieces, usable, valueAfterLabelIn } from '../../capture/row-values';
import type { RowRead } from '../types';
import { FLOOR_STRATEGIES, type FloorField, readRowFloor } from '../../capture/floor/read-row-floor';
import { WAYBILL_HINT } from '../../capture/floor-fill';
import { fillFromFloor, type FloorTallies, itemsIncomplete } from '../../capture/floor-fill';
import { CARDS } from './selectors';
import { site } from './site';

export interface ListContext {
  diag: ParseDiagnostics;
  kind: PageKind;
  shop: string | undefined;
}

/** Strategy wins per field over one page read (see utils/capture/tally.ts), written to the diagnostics once. */
export interface RowTallies {
  flush(diag: ParseDiagnostics): void;
}

/** How one list layout reads its order elements: its row reader and the tallies the reader counts into. */
export interface RowLayout<T extends RowTallies = RowTallies> {
  tallies(): T;
  /** Reads one order element into an order, or returns the reason it cannot be read correctly. */
  read(row: Element, ctx: ListContext, tallies: T): CapturedOrderInput | string;
}

// Compiled once: readers must not build regexes per row.
const ID_LABEL = /^(?:订单编号|订单号)\s*[：:]?\s*/;
const ID_DIGITS = /\d{5,}/;
// Fallback for the card header only (SKU ids elsewhere in the card have the same length as order ids).
const ID_IN_HEADER = /(?<!\d)\d{11,13}(?!\d)/;
const BUYER_LABEL = /^(?:买家账号\s*[：:]?|(?:买家|用户)\s*[：:])\s*/;
// The header piece holding the time line (`2026-08-06 01:22:42 下单，…`).
const TIME_LINE = /^.{0,40}\d{1,2}:\d{2}(?::\d{2})?\s*下单.*$/;
// A printed stamp: digits right before the word (`… 01:25:04 付款`, not `待付款`).
const CREATED_STAMP = /\d\s*下单/;
const PAID_STAMP = /\d\s*付款/;
const PROMISE_LABEL = /^承诺(?:出库|发货)时间\s*[：:]\s*/;
const LABEL_ONLY = /^[^：:]{1,12}[：:]$/;
const MONEY_START = /^-?[¥￥]/;
const FREIGHT_LABEL = /^运费\s*[：:]?$/;
const SKU_LABEL = /^(?:SKU|skuId|商品编号)\s*[：:]\s*/i;
const SPEC_LABEL = /^(?:规格|颜色|尺码|型号)\s*[：:]\s*/;

// Fallback chains per field, as strategy names in the order they are tried (the diagnostics' names).
// ... then the class-free floor's (utils/capture/floor), asked only for what the selectors missed.
const ID_STRATEGIES = ['label-订单号', ...layoutsOf(CARDS.orderId), 'id-regex-header'];
const CREATED_STRATEGIES = ['label-下单', ...layoutsOf(CARDS.timeLine)];

class CardTallies {
  readonly orderId = new Tally('orderId', [...ID_STRATEGIES, ...FLOOR_STRATEGIES]);
  readonly createdAt = new Tally('createdAt', [...CREATED_STRATEGIES, ...FLOOR_STRATEGIES]);
  readonly amount = new Tally('amount', [...layoutsOf(CARDS.receivables), ...FLOOR_STRATEGIES]);
  readonly status = new Tally('status', [...layoutsOf(CARDS.status), ...FLOOR_STRATEGIES]);
  readonly buyer = new Tally('buyer', [...layoutsOf(CARDS.buyer), ...FLOOR_STRATEGIES]);
  readonly receiverRegion = new Tally('receiverRegion', [...layoutsOf(CARDS.consignee), ...FLOOR_STRATEGIES]);
  readonly itemTitle = new Tally('itemTitle', [...layoutsOf(CARDS.itemName), ...FLOOR_STRATEGIES]);
  readonly shipments = new Tally('shipments', [...FLOOR_STRATEGIES]);

  floor(): FloorTallies {
    return {
      createdAt: { tally: this.createdAt, offset: CREATED_STRATEGIES.length },
      amountCents: { tally: this.amount, offset: CARDS.receivables.length },
      status: { tally: this.status, offset: CARDS.status.length },
      buyer: { tally: this.buyer, offset: CARDS.buyer.length },
      receiverRegion: { tally: this.receiverRegion, offset: CARDS.consignee.length },
      items: { tally: this.itemTitle, offset: CARDS.itemName.length },
      shipments: { tally: this.shipments, offset: 0 },
    };
  }

  flush(diag: ParseDiagnostics): void {
    for (const tally of [this.orderId, this.createdAt, this.amount, this.status, this.buyer, this.receiverRegion, this.itemTitle, this.shipments]) {
      tally.flush(diag);
    }
  }
}

/** A label printed with a value that is no time (`下单时间：2026-13-45`): the row must be skipped. */
const PRINTED_TIME = /(下单时间|付款时间)\s*[：:]?\s*([0-9][0-9\-/年月日:：\s.]{5,24})/g;
export function unparseablePrintedTime(text: string): boolean {
  for (const match of text.matchAll(PRINTED_TIME)) {
    const printed = match[2]!.trim();
    if (printed && parseBeijingTime(printed) === null) return true;
  }
  return false;
}

/** The chain's first element, its layout counted as a win; nothing counted when none matches (the floor is next). */
const found = (root: Element, chain: Parameters<typeof chainValue>[1], tally: Tally): Element | null =>
  chainValue(root, chain, (el) => el, tally) ?? null;

const idDigitsOf = (el: Element) => ID_DIGITS.exec(textOf(el))?.[0];

/** The amount column's amount: its money element, else the first money value not labelled 运费. */
function receivablesText(cell: Element): string | undefined {
  const money = chainValue(cell, CARDS.receivablesMoney, textOf);
  if (money !== undefined) return money;
  for (const value of queryAll(cell, CARDS.receivablesValues)) {
    const label = textOf(value.previousElementSibling);
    if (!FREIGHT_LABEL.test(label)) {
      const text = textOf(value);
      return usable(text) ? text : undefined;
    }
  }
  return undefined;
}

function readItems(card: Element, tallies: CardTallies): Item[] {
  const items: Item[] = [];
  const { elements } = pickAll(card, CARDS.item);
  const count = Math.min(elements.length, 100);
  for (let n = 0; n < count; n += 1) {
    const itemEl = elements[n]!;
    const title = clip(textOf(pickCounted(itemEl, CARDS.itemName, tallies.itemTitle)), 300);
    if (!title) continue;
    const item: Item = { title };
    // One walk over the item's text: label/value pairs (`规格：` `黑色 XL` `SKU：` `1000…`), then the
    // unlabelled unit price and `x<qty>` of the right side, in either order.
    const pieces = textPieces(itemEl);
    const skuId = clip(valueAfterLabelIn(pieces, SKU_LABEL) ?? '', 64);
    if (skuId) item.skuId = skuId;
    const spec = clip(valueAfterLabelIn(pieces, SPEC_LABEL) ?? '', 200);
    if (spec) item.spec = spec;
    for (let i = 0; i < pieces.length; i += 1) {
      const text = pieces[i]!;
      if (text === title) continue;
      if (LABEL_ONLY.test(text)) {
        i += 1; // the labelled value is not the price or the quantity
        continue;
      }
      const quantity = quantityOf(text);
      if (quantity !== undefined) item.quantity = quantity;
      else if (item.unitPriceCents === undefined && MONEY_START.test(text)) {
        const price = moneyOf(text);
        if (typeof price === 'number') item.unitPriceCents = price;
      }
    }
    items.push(item);
  }
  return items;
}

/** One JD 2024 order card → order, or the reason it cannot be read correctly. */
/**
 * 京东 cards print the buyer's pin unlabelled in the card's first line, right after the order's times
 * (`订单号：… | … 下单，… 付款 | jd_7f2a**** | 承诺出库时间：…`): the piece after the time line, when it is no
 * label, time or tag of its own.
 */
function pinAfterTimes(header: readonly string[], timeText: string): string | undefined {
  const at = timeText ? header.indexOf(timeText) : -1;
  const next = at >= 0 ? header[at + 1] : undefined;
  if (!next || next.length > 80 || /[：:]$/.test(next) || findBeijingTimes(next).length > 0) return undefined;
  return next;
}

function readCard(card: Element, ctx: ListContext, tallies: CardTallies): CapturedOrderInput | string {
  const header = textPieces(pick(card, CARDS.header) ?? card.firstElementChild);

  let orderId = ID_DIGITS.exec(valueAfterLabelIn(header, ID_LABEL) ?? '')?.[0];
  if (orderId) tallies.orderId.win(0);
  else orderId = chainValue(card, CARDS.orderId, idDigitsOf, tallies.orderId, 1);
  if (!orderId) {
    orderId = matchInPieces(header, ID_IN_HEADER);
    if (orderId) tallies.orderId.win(ID_STRATEGIES.length - 1);
  }
  if (!orderId) {
    orderId = readRowFloor(card, { orderIdPattern: site.orderIdPattern, want: ['orderId'] }).orderId?.value;
    if (orderId) tallies.orderId.win(ID_STRATEGIES.length);
    else tallies.orderId.none();
  }
  if (!orderId) return 'no-order-id';
  if (!site.orderIdPattern.test(orderId)) return 'bad-order-id';

  // `… 下单，… 付款`: each printed stamp must be readable, else the row is skipped.
  let timeText = matchInPieces(header, TIME_LINE);
  if (timeText) tallies.createdAt.win(0);
  else {
    timeText = chainValue(card, CARDS.timeLine, textOf, tallies.createdAt, 1);
  }
  timeText ??= '';
  const times = timeText ? parseOrderTimeLine(timeText) : {};
  if (CREATED_STAMP.test(timeText) && times.createdAt === undefined) return 'bad-time';
  if (PAID_STAMP.test(timeText) && times.paidAt === undefined) return 'bad-time';
  if (!timeText && unparseablePrintedTime(textOf(card))) return 'bad-time';
  const missed: FloorField[] = [];
  if (!timeText) missed.push('createdAt', 'paidAt');

  const receivables = found(card, CARDS.receivables, tallies.amount);
  const amountCents = receivables ? moneyOf(receivablesText(receivables) ?? '') : undefined;
  if (amountCents === null) return 'bad-amount';
  if (amountCents === undefined) missed.push('amountCents');

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: ctx.kind };
  if (ctx.shop) order.shop = ctx.shop;
  const statusText = clip(textOf(found(card, CARDS.status, tallies.status)), 60);
  if (statusText) {
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
    order.statusText = statusText;
  } else missed.push('status');
  if (times.createdAt !== undefined) order.createdAt = times.createdAt;
  if (times.paidAt !== undefined) order.paidAt = times.paidAt;
  const promisedText =
    valueAfterLabelIn(header, PROMISE_LABEL) || chainValue(card, CARDS.promisedShip, textOf);
  const promised = promisedText ? findBeijingTimes(promisedText)[0] : undefined;
  if (promised !== undefined) order.promisedShipAt = promised;
  if (amountCents !== undefined) order.amountCents = amountCents;
  const payType = receivables ? clip(textOf(pick(receivables, CARDS.payType)), 40) : undefined;
  if (payType) order.paymentMethod = payType;
  else missed.push('paymentMethod');

  const buyer = clip(textOf(found(card, CARDS.buyer, tallies.buyer)).replace(BUYER_LABEL, ''), 80) ?? pinAfterTimes(header, timeText);
  if (buyer) order.buyer = buyer;
  else missed.push('buyer');
  // `王**，陕西安康市紫阳县**********`: the address follows the receiver's name.
  const consignee = textOf(found(card, CARDS.consignee, tallies.receiverRegion));
  const comma = consignee.indexOf('，');
  const region = consignee ? receiverRegion(comma >= 0 ? consignee.slice(comma + 1) : consignee) : null;
  if (region) order.receiverRegion = clip(region, 80);
  else missed.push('receiverRegion');

  order.items = readItems(card, tallies);
  if (itemsIncomplete(order.items, card, ['quantity', 'unitPriceCents'])) missed.push('items');
  // no selector prints waybills on a card: a waybill the card prints (`中通快递 7843…`) is the floor's,
  // asked only where a carrier's word (or 运单) is followed by a number (reading cost on 500-card pages)
  if (WAYBILL_HINT.test(card.textContent ?? '')) missed.push('shipments');
  const unreadable = fillFromFloor(card, order, missed, site.orderIdPattern, tallies.floor());
  if (unreadable) return unreadable;
  if (order.status === 'after_sale') order.afterSale = true;
  return order;
}

export const CARD_LAYOUT: RowLayout<CardTallies> = { tallies: () => new CardTallies(), read: readCard };

/** Reads every order element; rows that cannot be read correctly are skipped with a counted reason. */
export function readRows<T extends RowTallies>(rows: readonly Element[], ctx: ListContext, layout: RowLayout<T>): RowRead[] {
  beginRead();
  const out: RowRead[] = [];
  const tallies = layout.tallies();
  for (const row of rows) {
    ctx.diag.rowsSeen += 1;
    let result: CapturedOrderInput | string;
    try {
      result = layout.read(row, ctx, tallies);
    } catch {
      result = 'read-error';
    }
    if (typeof result === 'string') {
      recordSkip(ctx.diag, result);
      continue;
    }
    ctx.diag.rowsParsed += 1;
    out.push({ element: row, order: result });
  }
  tallies.flush(ctx.diag);
  return out;
}
