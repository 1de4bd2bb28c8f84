import type { ParseDiagnostics } from '../../capture/diagnostics';
import { recordSkip } from '../../capture/diagnostics';
import type { CapturedOrderInput, Item, PageKind } from '../../model/order';
import type { OrderStatus } from '../../model/status';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import type { RowRead } from '../types';
import { beginRead, pick, pickAll, pickCounted } from '../../capture/fast-query';
import { receiverRegion } from '../../model/receiver-region';
import { KORA_STATUS_CODES, LIST } from './selectors';
import { site } from './site';
import { layoutsOf, Tally } from '../../capture/tally';
import { chainValue, clip, matchInPieces, moneyOf, quantityOf, textOf, textPieces, valueAfterLabelIn } from '../../capture/row-values';

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

// Fallback chains per field, as strategy names in the order they are tried (the diagnostics' names).
const ID_STRATEGIES = ['label-订单编号', ...layoutsOf(LIST.orderId), 'id-regex-header'];
const CREATED_STRATEGIES = ['label-下单时间', ...layoutsOf(LIST.createdAt)];
const STATUS_STRATEGIES = ['status-text', 'data-kora_order_status'];

/** Strategy wins of one page read, written to the diagnostics once at the end. */
class ListTallies {
  readonly orderId = new Tally('orderId', ID_STRATEGIES);
  readonly createdAt = new Tally('createdAt', CREATED_STRATEGIES);
  readonly amount = new Tally('amount', layoutsOf(LIST.amount));
  readonly status = new Tally('status', STATUS_STRATEGIES);
  readonly buyer = new Tally('buyer', layoutsOf(LIST.buyer));
  readonly receiverRegion = new Tally('receiverRegion', layoutsOf(LIST.receiver));
  readonly itemTitle = new Tally('itemTitle', layoutsOf(LIST.itemName));

  flush(diag: ParseDiagnostics): void {
    for (const tally of [this.orderId, this.createdAt, this.amount, this.status, this.buyer, this.receiverRegion, this.itemTitle]) {
      tally.flush(diag);
    }
  }
}

const idDigitsOf = (el: Element) => ID_DIGITS.exec(textOf(el))?.[0];

function readItems(row: Element, tallies: ListTallies): { items: Item[]; afterSale: boolean } {
  const { elements } = pickAll(row, LIST.item);
  const items: Item[] = [];
  let afterSale = false;
  const count = Math.min(elements.length, 100);
  for (let i = 0; i < count; i += 1) {
    const itemEl = elements[i]!;
    const title = clip(textOf(pickCounted(itemEl, LIST.itemName, tallies.itemTitle)), 300);
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

function readStatus(row: Element, tallies: ListTallies): { status?: OrderStatus; statusText?: string } {
  const statusText = clip(textOf(pick(row, LIST.statusText)), 60);
  // The kora code is a stable data-* hook, but the words the console prints win when both are present.
  let status: OrderStatus | undefined = normalizeStatus(statusText) ?? undefined;
  if (status) tallies.status.win(0);
  else {
    status = KORA_STATUS_CODES[row.getAttribute('data-kora_order_status') ?? ''];
    if (status) tallies.status.win(1);
    else tallies.status.none();
  }
  return { status, statusText };
}

/** One 抖店 order row → order, or the reason it cannot be read correctly. */
export function readListRow(row: Element, ctx: ListContext, tallies: ListTallies): CapturedOrderInput | string {
  const header = textPieces(pick(row, LIST.header) ?? row.firstElementChild);

  let orderId = ID_DIGITS.exec(valueAfterLabelIn(header, ID_LABEL) ?? '')?.[0];
  if (orderId) tallies.orderId.win(0);
  else orderId = chainValue(row, LIST.orderId, idDigitsOf, tallies.orderId, 1);
  if (!orderId) {
    orderId = matchInPieces(header, ID_IN_HEADER);
    if (orderId) tallies.orderId.win(ID_STRATEGIES.length - 1);
    else tallies.orderId.none();
  }
  if (!orderId) return 'no-order-id';
  if (!site.orderIdPattern.test(orderId)) return 'bad-order-id';

  // The label strategy yields the printed text; an unparseable printed time skips the row.
  let createdText = valueAfterLabelIn(header, CREATED_LABEL);
  if (createdText) tallies.createdAt.win(0);
  else {
    createdText = chainValue(row, LIST.createdAt, textOf, tallies.createdAt, 1);
    if (!createdText) tallies.createdAt.none();
  }
  const createdAt = createdText ? parseBeijingTime(createdText) : undefined;
  if (createdAt === null) return 'bad-time';

  const amountEl = pickCounted(row, LIST.amount, tallies.amount);
  const amountCents = amountEl ? moneyOf(textOf(amountEl)) : undefined;
  if (amountCents === null) return 'bad-amount';

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: ctx.kind };
  if (ctx.shop) order.shop = ctx.shop;
  const { status, statusText } = readStatus(row, tallies);
  if (status) order.status = status;
  if (statusText) order.statusText = statusText;
  if (createdAt !== undefined) order.createdAt = createdAt;
  if (amountCents !== undefined) order.amountCents = amountCents;

  const buyer = clip(textOf(pickCounted(row, LIST.buyer, tallies.buyer)).replace(NICK_LABEL, ''), 80);
  if (buyer) order.buyer = buyer;

  const receiverText = textOf(pickCounted(row, LIST.receiver, tallies.receiverRegion));
  if (receiverText) {
    // `name，phone，address` (full-width commas); the address is everything after the second comma.
    const first = receiverText.indexOf('，');
    const second = first < 0 ? -1 : receiverText.indexOf('，', first + 1);
    const region = receiverRegion(second >= 0 ? receiverText.slice(second + 1) : receiverText);
    if (region) order.receiverRegion = clip(region, 80);
  }

  const { items, afterSale } = readItems(row, tallies);
  order.items = items;
  if (afterSale || status === 'after_sale') order.afterSale = true;
  return order;
}

/** Reads every order row; rows that cannot be read correctly are skipped with a counted reason. */
export function readListRows(rows: readonly Element[], ctx: ListContext): RowRead[] {
  beginRead();
  const out: RowRead[] = [];
  const tallies = new ListTallies();
  for (const row of rows) {
    ctx.diag.rowsSeen += 1;
    let result: CapturedOrderInput | string;
    try {
      result = readListRow(row, ctx, tallies);
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

/** The shop name printed in the console header, if any. */
export function readShopName(doc: Document, diag: ParseDiagnostics): string | undefined {
  return clip(textOf(pick(doc, LIST.shop, diag, 'shop')), 80);
}
