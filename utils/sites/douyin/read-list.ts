import { floorItems, WAYBILL_HINT } from '../../capture/floor-fill';
import type { ParseDiagnostics } from '../../capture/diagnostics';
import { recordSkip, recordStrategy } from '../../capture/diagnostics';
import type { CapturedOrderInput, Item, PageKind, Shipment } from '../../model/order';
import type { OrderStatus } from '../../model/status';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import type { RowRead } from '../types';
import { beginRead, pick, pickAll, pickCounted, queryOne } from '../../capture/fast-query';
import { receiverRegion } from '../../model/receiver-region';
import { afterSaleStateOf } from '../../capture/floor/status-rollup';
import { KORA_STATUS_CODES, LIST } from './selectors';
import { site } from './site';
import { layoutsOf, Tally } from '../../capture/tally';
import {
  beginFloorRead,
  countFloor,
  FLOOR_STRATEGIES,
  printedStatusWins,
  readRowFloor,
  rollupStatus,
  type FloorField,
  type FloorRead,
} from '../../capture/floor/read-row-floor';
import { chainValue, clip, matchInPieces, moneyOf, quantityOf, textOf, textPieces, valueAfterLabelIn } from '../../capture/row-values';
import { floorShopName } from '../../capture/floor/shop-name';

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
// The words 抖店's status cell prints (site data): found as a whole text piece anywhere in the row when the
// status selectors miss (re-hashed classes), before the generic floor.
const CLOSED_NOTE = /订单关闭|交易关闭|已关闭|已取消/;
const NO_AFTER_SALE = new Set(['', '-', '--', '—', '无']);

// Fallback chains per field, as strategy names in the order they are tried (the diagnostics' names).
// Site selectors first; the class-free floor (utils/capture/floor) last, for the fields they missed.
const ID_STRATEGIES = ['label-订单编号', ...layoutsOf(LIST.orderId), 'id-regex-header', ...FLOOR_STRATEGIES];
const CREATED_STRATEGIES = ['label-下单时间', ...layoutsOf(LIST.createdAt), ...FLOOR_STRATEGIES];
const STATUS_STRATEGIES = ['status-text', ...FLOOR_STRATEGIES, 'data-kora_order_status'];
const withFloor = (chain: readonly { layout: string }[]) => [...chain.map((e) => e.layout), ...FLOOR_STRATEGIES];
const ID_FLOOR = ID_STRATEGIES.length - FLOOR_STRATEGIES.length;
const CREATED_FLOOR = CREATED_STRATEGIES.length - FLOOR_STRATEGIES.length;

/** Strategy wins of one page read, written to the diagnostics once at the end. */
class ListTallies {
  readonly orderId = new Tally('orderId', ID_STRATEGIES);
  readonly createdAt = new Tally('createdAt', CREATED_STRATEGIES);
  readonly amount = new Tally('amount', withFloor(LIST.amount));
  readonly status = new Tally('status', STATUS_STRATEGIES);
  readonly buyer = new Tally('buyer', withFloor(LIST.buyer));
  readonly receiverRegion = new Tally('receiverRegion', withFloor(LIST.receiver));
  readonly itemTitle = new Tally('itemTitle', layoutsOf(LIST.itemName));
  /** Items of a row none of whose item selectors matched: the floor's titles. */
  readonly items = new Tally('items', ['selectors', ...FLOOR_STRATEGIES]);
  /** The list has no waybill selector: waybills printed in the row (status or logistics cell) come from the floor. */
  readonly shipments = new Tally('shipments', [...FLOOR_STRATEGIES]);

  flush(diag: ParseDiagnostics): void {
    for (const tally of [
      this.orderId,
      this.createdAt,
      this.amount,
      this.status,
      this.buyer,
      this.receiverRegion,
      this.itemTitle,
      this.items,
      this.shipments,
    ]) {
      tally.flush(diag);
    }
  }
}

const idDigitsOf = (el: Element) => ID_DIGITS.exec(textOf(el))?.[0];

function readItems(row: Element, tallies: ListTallies): { items: Item[]; afterSaleTexts: string[] } {
  const { elements } = pickAll(row, LIST.item);
  const items: Item[] = [];
  const afterSaleTexts: string[] = [];
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
    afterSaleTexts.push(NO_AFTER_SALE.has(afterSaleText) ? '' : afterSaleText);
    items.push(item);
  }
  return { items, afterSaleTexts };
}

/** One 抖店 order row → order, or the reason it cannot be read correctly. */
export function readListRow(row: Element, ctx: ListContext, tallies: ListTallies): CapturedOrderInput | string {
  const headerEl = pick(row, LIST.header) ?? row.firstElementChild;
  const header = textPieces(headerEl);
  const floorOf = (want: FloorField[]): FloorRead => readRowFloor(row, { orderIdPattern: site.orderIdPattern, want });

  let orderId = ID_DIGITS.exec(valueAfterLabelIn(header, ID_LABEL) ?? '')?.[0];
  if (orderId) tallies.orderId.win(0);
  else orderId = chainValue(row, LIST.orderId, idDigitsOf, tallies.orderId, 1);
  if (!orderId) {
    orderId = matchInPieces(header, ID_IN_HEADER);
    if (orderId) tallies.orderId.win(ID_FLOOR - 1);
  }
  if (!orderId) {
    const floor = floorOf(['orderId']).orderId;
    orderId = floor?.value;
    countFloor(tallies.orderId, ID_FLOOR, floor);
  }
  if (!orderId) return 'no-order-id';
  if (!site.orderIdPattern.test(orderId)) return 'bad-order-id';

  // The label strategy yields the printed text; an unparseable printed time skips the row.
  let createdText = valueAfterLabelIn(header, CREATED_LABEL);
  if (createdText) tallies.createdAt.win(0);
  else createdText = chainValue(row, LIST.createdAt, textOf, tallies.createdAt, 1);
  let createdAt = createdText ? parseBeijingTime(createdText) : undefined;
  if (createdAt === null) return 'bad-time';

  let amountCents: number | null | undefined;
  for (let i = 0; i < LIST.amount.length; i += 1) {
    const el = queryOne(row, LIST.amount[i]!.selector);
    if (!el) continue;
    amountCents = moneyOf(textOf(el));
    if (amountCents !== undefined) tallies.amount.win(i);
    break;
  }
  if (amountCents === null) return 'bad-amount';

  const statusText = clip(textOf(pick(row, LIST.statusText)), 60);
  // without the status cell the floor reads the printed words (items' after-sale texts told apart)
  const printed = normalizeStatus(statusText) ? statusText : undefined;

  let buyer = clip(textOf(pickCounted(row, LIST.buyer, tallies.buyer)).replace(NICK_LABEL, ''), 80);

  let region: string | undefined;
  const receiverText = textOf(pick(row, LIST.receiver));
  if (receiverText) {
    // `name，phone，address` (full-width commas); the address is everything after the second comma.
    const first = receiverText.indexOf('，');
    const second = first < 0 ? -1 : receiverText.indexOf('，', first + 1);
    region = clip(receiverRegion(second >= 0 ? receiverText.slice(second + 1) : receiverText) ?? '', 80);
  }

  let { items, afterSaleTexts } = readItems(row, tallies);

  // The class-free floor, once, for every field the selectors missed (waybills: the list has no selector).
  const missed: FloorField[] = [];
  // cheap prefilter: a carrier's word (or 运单) followed by a number somewhere in the row
  if (WAYBILL_HINT.test(row.textContent ?? '')) missed.push('shipments');
  if (!createdText) missed.push('createdAt');
  if (amountCents === undefined) missed.push('amountCents');
  if (!printed) missed.push('status');
  if (!buyer) missed.push('buyer');
  if (!region) missed.push('receiverRegion');
  if (items.length === 0) missed.push('items');
  const floor: FloorRead = missed.length > 0 ? floorOf(missed) : {};

  if (!createdText) {
    createdAt = floor.createdAt?.value;
    countFloor(tallies.createdAt, CREATED_FLOOR, floor.createdAt);
  }
  if (amountCents === undefined) {
    if (floor.amountUnreadable) return 'bad-amount';
    amountCents = floor.amountCents?.value;
    countFloor(tallies.amount, LIST.amount.length, floor.amountCents);
  }
  if (!buyer) {
    buyer = floor.buyer?.value.replace(NICK_LABEL, '') || undefined;
    countFloor(tallies.buyer, LIST.buyer.length, floor.buyer);
  }
  if (region) tallies.receiverRegion.win(0);
  else {
    region = floor.receiverRegion?.value;
    countFloor(tallies.receiverRegion, LIST.receiver.length, floor.receiverRegion);
  }
  if (items.length > 0) tallies.items.win(0);
  else if (floor.items) {
    items = floorItems(floor.items.value);
    afterSaleTexts = floor.items.value.map((item) => item.afterSaleText ?? '');
    countFloor(tallies.items, 1, floor.items);
  } else tallies.items.none();

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: ctx.kind };
  if (ctx.shop) order.shop = ctx.shop;

  // Status: the printed words (selector, else the floor's, found anywhere in the row) beat the kora code;
  // the items' after-sale texts roll up (DESIGN.md "Model").
  let afterSale = false;
  let decided: { status?: OrderStatus; statusText?: string } = {};
  if (printed) {
    // items read by selector: their after-sale cells; else every after-sale text the row prints
    const itemTexts = afterSaleTexts;
    const rolled = rollupStatus(printed, itemTexts, { itemCount: afterSaleTexts.length || undefined });
    decided = { status: rolled.status, statusText: rolled.statusText };
    afterSale = rolled.afterSale === true;
    tallies.status.win(0);
  } else if (floor.status) {
    // 抖店 prints why a closed order closed (`超时未支付，订单关闭`): the words name the close, not 未支付
    const closedNote = floor.status.value === 'unpaid' && CLOSED_NOTE.test(floor.status.statusText);
    decided = { status: closedNote ? 'closed' : floor.status.value, statusText: floor.status.statusText };
    afterSale = floor.status.afterSale === true;
    countFloor(tallies.status, 1, floor.status);
  } else {
    const won = printedStatusWins(statusText, KORA_STATUS_CODES[row.getAttribute('data-kora_order_status') ?? '']);
    if (won) {
      decided = { status: won.status };
      tallies.status.win(won.by === 'printed' ? 0 : STATUS_STRATEGIES.length - 1);
    } else tallies.status.none();
  }
  if (decided.status) order.status = decided.status;
  const shownText = decided.statusText ?? statusText;
  if (shownText) order.statusText = shownText;
  if (createdAt !== undefined) order.createdAt = createdAt;
  if (amountCents !== undefined) order.amountCents = amountCents;
  if (buyer) order.buyer = buyer;
  if (region) order.receiverRegion = region;
  order.items = items;

  const shipments = floor.shipments;
  if (shipments) {
    countFloor(tallies.shipments, 0, shipments);
    order.shipments = shipments.value.map((s) => {
      const shipment: Shipment = { waybillNo: s.waybillNo, events: [] };
      if (s.carrierName) shipment.carrierName = s.carrierName;
      return shipment;
    });
  }
  if (afterSale || order.status === 'after_sale' || order.status === 'refunded') order.afterSale = true;
  return order;
}

/** Reads every order row; rows that cannot be read correctly are skipped with a counted reason. */
export function readListRows(rows: readonly Element[], ctx: ListContext): RowRead[] {
  beginRead();
  beginFloorRead();
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
  const shop = clip(textOf(pick(doc, LIST.shop, diag, 'shop')), 80);
  if (shop) return shop;
  return floorShopName(doc, diag);
}
