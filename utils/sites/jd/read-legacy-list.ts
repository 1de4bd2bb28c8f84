import { firstMatch, textOf } from '../../capture/strategy';
import type { CapturedOrderInput, Item } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import { pick, pickAll } from '../douyin/fast-query';
import { receiverRegion } from '../douyin/receiver-region';
import { chainStrategies, clip, matchInPieces, moneyOf, quantityOf, textPieces, valueAfterLabelIn } from '../douyin/values';
import type { RowReader } from './read-list';
import { PORDER } from './selectors';
import { site } from './site';

// Compiled once: readers must not build regexes per row.
const ID_LABEL = /^(?:订单编号|订单号)\s*[：:]?\s*/;
const ID_DIGITS = /\d{5,}/;
const ID_IN_LINK = /[?&]orderId=(\d+)/;
const ID_IN_HEADER = /(?<!\d)\d{11,13}(?!\d)/;
const CREATED_LABEL = /^下单时间\s*[：:]\s*/;
const PAID_LABEL = /^付款时间\s*[：:]\s*/;
const BUYER_LABEL = /^买家账号\s*[：:]\s*/;
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
  for (const tr of pickAll(table, PORDER.itemRow).elements.slice(0, 100)) {
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

/** One old porder order table (header row + one row per SKU) → order, or the reason to skip it. */
export const readOrderTable: RowReader = (table, ctx) => {
  const { diag } = ctx;
  const header = textPieces(pick(table, PORDER.header));

  const orderId = firstMatch<string>(diag, 'orderId', [
    { name: 'label-订单号', run: () => ID_DIGITS.exec(valueAfterLabelIn(header, ID_LABEL) ?? '')?.[0] },
    ...chainStrategies(table, PORDER.detailLink, (el) => ID_IN_LINK.exec(el.getAttribute('href') ?? '')?.[1]),
    { name: 'id-regex-header', run: () => matchInPieces(header, ID_IN_HEADER) },
  ]);
  if (!orderId) return 'no-order-id';
  if (!site.orderIdPattern.test(orderId)) return 'bad-order-id';

  const createdAt = labelledTime(header, CREATED_LABEL);
  const paidAt = labelledTime(header, PAID_LABEL);
  if (createdAt === null || paidAt === null) return 'bad-time';

  const amountEl = pick(table, PORDER.amount, diag, 'amount');
  const amountCents = amountEl ? moneyOf(textOf(amountEl)) : undefined;
  if (amountCents === null) return 'bad-amount';

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: ctx.kind };
  if (ctx.shop) order.shop = ctx.shop;
  const statusText = clip(textOf(pick(table, PORDER.status, diag, 'status')), 60);
  if (statusText) {
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
    order.statusText = statusText;
  }
  if (createdAt !== undefined) order.createdAt = createdAt;
  if (paidAt !== undefined) order.paidAt = paidAt;
  if (amountCents !== undefined) order.amountCents = amountCents;
  const payType = clip(textOf(pick(table, PORDER.payType)), 40);
  if (payType) order.paymentMethod = payType;
  const buyer = firstMatch<string>(diag, 'buyer', [
    ...chainStrategies(table, PORDER.buyer, (el) => textOf(el).replace(BUYER_LABEL, '')),
    { name: 'label-买家账号', run: () => valueAfterLabelIn(header, BUYER_LABEL) },
  ]);
  if (buyer) order.buyer = clip(buyer, 80);
  const region = receiverRegion(textOf(pick(table, PORDER.consigneeAddress, diag, 'receiverRegion')));
  if (region) order.receiverRegion = clip(region, 80);
  order.items = readItems(table);
  if (order.status === 'after_sale') order.afterSale = true;
  return order;
};
