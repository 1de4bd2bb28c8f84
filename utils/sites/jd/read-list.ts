import { recordSkip, type ParseDiagnostics } from '../../capture/diagnostics';
import { firstMatch, textOf } from '../../capture/strategy';
import type { CapturedOrderInput, Item, PageKind } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { findBeijingTimes, parseOrderTimeLine } from '../../model/time';
import { pick, pickAll, queryAll } from '../douyin/fast-query';
import { receiverRegion } from '../douyin/receiver-region';
import { chainStrategies, clip, matchInPieces, moneyOf, quantityOf, textPieces, valueAfterLabelIn } from '../douyin/values';
import type { RowRead } from '../types';
import { CARDS } from './selectors';
import { site } from './site';

export interface ListContext {
  diag: ParseDiagnostics;
  kind: PageKind;
  shop: string | undefined;
}

/** Reads one order element into an order, or returns the reason it cannot be read correctly. */
export type RowReader = (row: Element, ctx: ListContext) => CapturedOrderInput | string;

// Compiled once: readers must not build regexes per row.
const ID_LABEL = /^(?:订单编号|订单号)\s*[：:]?\s*/;
const ID_DIGITS = /\d{5,}/;
// Fallback for the card header only (SKU ids elsewhere in the card have the same length as order ids).
const ID_IN_HEADER = /(?<!\d)\d{11,13}(?!\d)/;
const BUYER_LABEL = /^(?:买家|买家账号|用户)\s*[：:]\s*/;
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

/** The amount column's amount: its money element, else the first money value not labelled 运费. */
function receivablesText(cell: Element): string | undefined {
  return firstMatch<string>(undefined, 'amount', [
    ...chainStrategies(cell, CARDS.receivablesMoney, (el) => textOf(el)),
    {
      name: 'first-unlabelled-value',
      run: () => {
        for (const value of queryAll(cell, CARDS.receivablesValues)) {
          const label = textOf(value.previousElementSibling);
          if (!FREIGHT_LABEL.test(label)) return textOf(value);
        }
        return null;
      },
    },
  ]);
}

function readItems(card: Element, diag: ParseDiagnostics): Item[] {
  const items: Item[] = [];
  for (const itemEl of pickAll(card, CARDS.item).elements.slice(0, 100)) {
    const title = clip(textOf(pick(itemEl, CARDS.itemName, diag, 'itemTitle')), 300);
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
export const readCard: RowReader = (card, ctx) => {
  const { diag } = ctx;
  const header = textPieces(pick(card, CARDS.header) ?? card.firstElementChild);

  const orderId = firstMatch<string>(diag, 'orderId', [
    { name: 'label-订单号', run: () => ID_DIGITS.exec(valueAfterLabelIn(header, ID_LABEL) ?? '')?.[0] },
    ...chainStrategies(card, CARDS.orderId, (el) => ID_DIGITS.exec(textOf(el))?.[0]),
    { name: 'id-regex-header', run: () => matchInPieces(header, ID_IN_HEADER) },
  ]);
  if (!orderId) return 'no-order-id';
  if (!site.orderIdPattern.test(orderId)) return 'bad-order-id';

  // `… 下单，… 付款`: each printed stamp must be readable, else the row is skipped.
  const timeText =
    firstMatch<string>(diag, 'createdAt', [
      { name: 'label-下单', run: () => matchInPieces(header, TIME_LINE) },
      ...chainStrategies(card, CARDS.timeLine, (el) => textOf(el)),
    ]) ?? '';
  const times = timeText ? parseOrderTimeLine(timeText) : {};
  if (CREATED_STAMP.test(timeText) && times.createdAt === undefined) return 'bad-time';
  if (PAID_STAMP.test(timeText) && times.paidAt === undefined) return 'bad-time';

  const receivables = pick(card, CARDS.receivables, diag, 'amount');
  const amountCents = receivables ? moneyOf(receivablesText(receivables) ?? '') : undefined;
  if (amountCents === null) return 'bad-amount';

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: ctx.kind };
  if (ctx.shop) order.shop = ctx.shop;
  const statusText = clip(textOf(pick(card, CARDS.status, diag, 'status')), 60);
  if (statusText) {
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
    order.statusText = statusText;
  }
  if (times.createdAt !== undefined) order.createdAt = times.createdAt;
  if (times.paidAt !== undefined) order.paidAt = times.paidAt;
  const promisedText = firstMatch<string>(undefined, 'promisedShipAt', [
    { name: 'label-承诺出库时间', run: () => valueAfterLabelIn(header, PROMISE_LABEL) },
    ...chainStrategies(card, CARDS.promisedShip, (el) => textOf(el)),
  ]);
  const promised = promisedText ? findBeijingTimes(promisedText)[0] : undefined;
  if (promised !== undefined) order.promisedShipAt = promised;
  if (amountCents !== undefined) order.amountCents = amountCents;
  const payType = receivables ? clip(textOf(pick(receivables, CARDS.payType)), 40) : undefined;
  if (payType) order.paymentMethod = payType;

  const buyer = clip(textOf(pick(card, CARDS.buyer, diag, 'buyer')).replace(BUYER_LABEL, ''), 80);
  if (buyer) order.buyer = buyer;
  // `王**，陕西安康市紫阳县**********`: the address follows the receiver's name.
  const consignee = textOf(pick(card, CARDS.consignee, diag, 'receiverRegion'));
  const comma = consignee.indexOf('，');
  const region = consignee ? receiverRegion(comma >= 0 ? consignee.slice(comma + 1) : consignee) : null;
  if (region) order.receiverRegion = clip(region, 80);

  order.items = readItems(card, diag);
  if (order.status === 'after_sale') order.afterSale = true;
  return order;
};

/** Reads every order element; rows that cannot be read correctly are skipped with a counted reason. */
export function readRows(rows: readonly Element[], ctx: ListContext, readRow: RowReader): RowRead[] {
  const out: RowRead[] = [];
  for (const row of rows) {
    ctx.diag.rowsSeen += 1;
    let result: CapturedOrderInput | string;
    try {
      result = readRow(row, ctx);
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
  return out;
}
