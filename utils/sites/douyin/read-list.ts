import type { ParseDiagnostics } from '../../capture/diagnostics';
import { recordSkip } from '../../capture/diagnostics';
import { firstMatch, textOf } from '../../capture/strategy';
import type { CapturedOrderInput, Item, PageKind } from '../../model/order';
import type { OrderStatus } from '../../model/status';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import type { RowRead } from '../types';
import { pick, pickAll } from './fast-query';
import { receiverRegion } from './receiver-region';
import { KORA_STATUS_CODES, LIST } from './selectors';
import { site } from './site';
import { chainStrategies, clip, matchInPieces, moneyOf, quantityOf, textPieces, valueAfterLabelIn } from './values';

export interface ListContext {
  diag: ParseDiagnostics;
  kind: PageKind;
  shop: string | undefined;
}

// Compiled once: readers must not build regexes per row.
const ID_LABEL = /^(?:订单编号|订单号)\s*[：:]?\s*/;
const ID_DIGITS = /\d{5,}/;
// Fallback id pattern for the row header only: 49…/5…/6x… so that a 19-digit 商品ID (3…) never passes.
const ID_IN_HEADER = /(?<!\d)[4-6]\d{18}(?!\d)/;
const CREATED_LABEL = /^(?:下单时间|创建时间)\s*[：:]?\s*/;
const NICK_LABEL = /^抖音昵称\s*[：:]?\s*/;
const NO_AFTER_SALE = new Set(['', '-', '--', '—', '无']);

function readItems(row: Element, diag: ParseDiagnostics): { items: Item[]; afterSale: boolean } {
  const { elements } = pickAll(row, LIST.item);
  const items: Item[] = [];
  let afterSale = false;
  for (const itemEl of elements.slice(0, 100)) {
    const title = clip(textOf(pick(itemEl, LIST.itemName, diag, 'itemTitle')), 300);
    if (!title) continue;
    const item: Item = { title };
    const spec = clip(textOf(pick(itemEl, LIST.itemSpec)), 200);
    if (spec) item.spec = spec;
    const price = moneyOf(textOf(pick(itemEl, LIST.itemPrice)));
    if (typeof price === 'number') item.unitPriceCents = price;
    const quantity = quantityOf(textOf(pick(itemEl, LIST.itemQuantity)));
    if (quantity) item.quantity = quantity;
    const afterSaleText = textOf(pick(itemEl, LIST.itemAfterSale));
    if (!NO_AFTER_SALE.has(afterSaleText)) afterSale = true;
    items.push(item);
  }
  return { items, afterSale };
}

function readStatus(row: Element, diag: ParseDiagnostics): { status?: OrderStatus; statusText?: string } {
  const statusText = clip(textOf(pick(row, LIST.statusText)), 60);
  const status = firstMatch<OrderStatus>(diag, 'status', [
    { name: 'status-text', run: () => normalizeStatus(statusText) },
    // The kora code is a stable data-* hook, but the words the console prints win when both are present.
    { name: 'data-kora_order_status', run: () => KORA_STATUS_CODES[row.getAttribute('data-kora_order_status') ?? ''] },
  ]);
  return { status, statusText };
}

/** One 抖店 order row → order, or the reason it cannot be read correctly. */
export function readListRow(row: Element, ctx: ListContext): CapturedOrderInput | string {
  const { diag } = ctx;
  const header = textPieces(pick(row, LIST.header) ?? row.firstElementChild);

  const orderId = firstMatch<string>(diag, 'orderId', [
    { name: 'label-订单编号', run: () => ID_DIGITS.exec(valueAfterLabelIn(header, ID_LABEL) ?? '')?.[0] },
    ...chainStrategies(row, LIST.orderId, (el) => ID_DIGITS.exec(textOf(el))?.[0]),
    { name: 'id-regex-header', run: () => matchInPieces(header, ID_IN_HEADER) },
  ]);
  if (!orderId) return 'no-order-id';
  if (!site.orderIdPattern.test(orderId)) return 'bad-order-id';

  // The label strategy yields the printed text; an unparseable printed time skips the row.
  const createdText = firstMatch<string>(diag, 'createdAt', [
    { name: 'label-下单时间', run: () => valueAfterLabelIn(header, CREATED_LABEL) },
    ...chainStrategies(row, LIST.createdAt, (el) => textOf(el)),
  ]);
  const createdAt = createdText ? parseBeijingTime(createdText) : undefined;
  if (createdAt === null) return 'bad-time';

  const amountEl = pick(row, LIST.amount, diag, 'amount');
  const amountCents = amountEl ? moneyOf(textOf(amountEl)) : undefined;
  if (amountCents === null) return 'bad-amount';

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: ctx.kind };
  if (ctx.shop) order.shop = ctx.shop;
  const { status, statusText } = readStatus(row, diag);
  if (status) order.status = status;
  if (statusText) order.statusText = statusText;
  if (createdAt !== undefined) order.createdAt = createdAt;
  if (amountCents !== undefined) order.amountCents = amountCents;

  const buyer = clip(textOf(pick(row, LIST.buyer, diag, 'buyer')).replace(NICK_LABEL, ''), 80);
  if (buyer) order.buyer = buyer;

  const receiverText = textOf(pick(row, LIST.receiver, diag, 'receiverRegion'));
  if (receiverText) {
    // `name，phone，address` (full-width commas); the address is everything after the second comma.
    const parts = receiverText.split('，');
    const region = receiverRegion(parts.length >= 3 ? parts.slice(2).join('，') : receiverText);
    if (region) order.receiverRegion = clip(region, 80);
  }

  const { items, afterSale } = readItems(row, diag);
  order.items = items;
  if (afterSale || status === 'after_sale') order.afterSale = true;
  return order;
}

/** Reads every order row; rows that cannot be read correctly are skipped with a counted reason. */
export function readListRows(rows: readonly Element[], ctx: ListContext): RowRead[] {
  const out: RowRead[] = [];
  for (const row of rows) {
    ctx.diag.rowsSeen += 1;
    let result: CapturedOrderInput | string;
    try {
      result = readListRow(row, ctx);
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

/** The shop name printed in the console header, if any. */
export function readShopName(doc: Document, diag: ParseDiagnostics): string | undefined {
  return clip(textOf(pick(doc, LIST.shop, diag, 'shop')), 80);
}
