import type { ParseDiagnostics } from '../../capture/diagnostics';
import type { CapturedOrderInput, Item } from '../../model/order';
import { pick, queryAll } from '../../capture/fast-query';
import { collapse } from '../../capture/generic-cells';
import { usable } from '../../capture/row-values';
import { layoutsOf, Tally } from '../../capture/tally';
import { countFloor, FLOOR_STRATEGIES, readRowFloor, type FloorField } from '../../capture/floor/read-row-floor';
import { mapCells, type Cells, type Roles } from './columns';
import { orderState, TRADE_STATUS_WORDS } from './order-status';
import { ROW } from './selectors';
import { site } from './site';
import {
  bounded,
  leadingText,
  parseAmount,
  parseQuantity,
  parseTimeValue,
  parseUnitPrice,
  type Parsed,
} from './text';

/** One parent order on a sold list: its outermost element, its header row and its sub-order rows. */
export interface OrderBlock {
  element: Element;
  head: Element | null;
  itemRows: readonly Element[];
  /** The td/th cells of each of `itemRows`. */
  itemCells: readonly (readonly Element[])[];
}

/** Strategy names per field, in the order they are tried (the diagnostics' names). */
const ID_STRATEGIES = ['input[name=orderid]', 'label 订单号', 'legacy-span-3', 'id-pattern'];
const STATUS_STRATEGIES = ['column 交易状态', 'status-words'];
const AMOUNT_STRATEGIES = ['column 实收款', 'postage-note'];
const AFTER_SALE_STRATEGIES = ['column 售后', 'row words'];
const BUYER_STRATEGIES = ['header buyer-nick', 'column 买家', 'column 买家 text', 'masked token after 创建时间', 'masked text after 创建时间'];

/**
 * Which strategy won per field over one page read, counted in integers and written into the diagnostics
 * once (see utils/capture/tally.ts): the same counts as recording every field of every row.
 */
export class BlockTallies {
  readonly orderId = new Tally('orderId', ID_STRATEGIES);
  readonly createdAt = new Tally('createdAt', ['label 创建时间']);
  readonly status = new Tally('status', STATUS_STRATEGIES);
  readonly amount = new Tally('amount', AMOUNT_STRATEGIES);
  readonly itemTitle = new Tally('itemTitle', layoutsOf(ROW.itemTitle));
  readonly afterSale = new Tally('afterSale', AFTER_SALE_STRATEGIES);
  readonly buyer = new Tally('buyer', BUYER_STRATEGIES);
  /** The list prints no waybill of its own: only the floor finds one (a redesign printing it in a cell). */
  readonly shipments = new Tally('shipments', [...FLOOR_STRATEGIES]);

  flush(diag: ParseDiagnostics): void {
    for (const tally of [this.orderId, this.createdAt, this.itemTitle, this.status, this.amount, this.afterSale, this.buyer, this.shipments]) {
      tally.flush(diag);
    }
  }
}

export interface BlockContext {
  tallies: BlockTallies;
  roles: Roles;
  orderIdPattern: RegExp;
  shop: string | undefined;
}

export type BlockResult = { order: CapturedOrderInput } | { skip: string };

// The order header prints `订单号：3306…  创建时间：2026-05-13 00:22:32  牛**` (consoles.md §3.2).
const ORDER_NO = /订单(?:号|编号)\s*[:：]?\s*([0-9A-Za-z-]*)/;
const ID_IN_TEXT = /(?<!\d)\d{16,20}(?!\d)/;
const CREATED_LABEL = /(?:创建时间|下单时间)\s*[:：]?\s*/;
// The header's texts run together (`…09:12:45星**`), so the time is cut out by its shape.
const STAMP_SHAPE = /^(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?/;
const PLACEHOLDER_START = /^(?:[-—－]+|暂无)(?!\d)/;
// Qianniu masks nicks (`牛**`); the token after the creation time counts as the buyer only when masked.
const MASKED_AFTER_TIME =
  /(?:创建时间|下单时间)\s*[:：]?\s*[\d/-]+\s*\d{1,2}:\d{2}(?::\d{2})?\s*([^\s\d*:：]{1,20}\*{2,})/;
const DIGIT_RUN = /^\d+$/;
const OUTER_ID = /商家编码\s*[:：]\s*([^\s;；]+)/;
const NOT_A_BUYER = new Set(['号码保护订单']);

/** 创建时间 in the header: printed (maybe garbage), or a placeholder / absent. */
function createdTime(headText: string): Parsed<number> {
  const label = CREATED_LABEL.exec(headText);
  if (!label) return { printed: false };
  const rest = headText.slice(label.index + label[0].length);
  if (rest === '' || PLACEHOLDER_START.test(rest)) return { printed: false };
  const stamp = STAMP_SHAPE.exec(rest);
  if (!stamp) return { printed: true, value: null };
  return parseTimeValue(stamp[2] ? `${stamp[1]} ${stamp[2]}` : stamp[1]!);
}

function idFromLabel(headText: string): string | undefined {
  const match = ORDER_NO.exec(headText);
  return match ? match[1] : undefined;
}

/** Legacy header: checkbox + label spans, the order number in the third span (consoles.md §3.1). */
function idFromLegacySpan(head: Element): string | undefined {
  const text = collapse(head.querySelectorAll('span')[2]?.textContent);
  return DIGIT_RUN.test(text) ? text : undefined;
}

const LONG_RUN = /\d{10,}/g;
const TIME_TEXT = /\d{4}[-/]\d{1,2}[-/]\d{1,2}\s*\d{1,2}:\d{2}/;
const MASKED = /\*{2,}/;

/** The text printed right after the header's creation time, when it is a masked nick (`领**`). */
function maskedTextAfterTime(head: Element): string | undefined {
  const walker = head.ownerDocument.createTreeWalker(head, 4 /* NodeFilter.SHOW_TEXT */);
  let afterTime = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = collapse((node as Text).data);
    if (text === '') continue;
    if (afterTime) return MASKED.test(text) && text.length <= 80 ? text : undefined;
    if (TIME_TEXT.test(text)) afterTime = true;
  }
  return undefined;
}

function buyerText(el: Element | null): string | undefined {
  return el ? bounded(el.textContent ?? '', 80) : undefined;
}

/**
 * The item title and the index of the chain entry that found it: the first element with text. 千牛 links
 * the product image (no text) to the same trade snapshot as the title, and it comes first.
 */
function titleIn(cell: Element): { el: Element; entry: number } | undefined {
  for (let entry = 0; entry < ROW.itemTitle.length; entry++) {
    for (const el of queryAll(cell, ROW.itemTitle[entry]!.selector)) if (collapse(el.textContent) !== '') return { el, entry };
  }
  return undefined;
}

/** `颜色分类：白色;尺码：XL` as one text, or one element per property (legacy): joined with `;`. */
function specText(el: Element): string {
  // A wrapper (a redesign's) holding one element whose children are the properties: read those.
  const only = el.childElementCount === 1 ? el.firstElementChild! : null;
  if (only && only.childElementCount >= 2 && collapse(only.textContent) === collapse(el.textContent)) {
    if (Array.from(only.children).every((child) => isProperty(collapse(child.textContent)))) return specText(only);
  }
  const parts: string[] = [];
  for (let node = el.firstChild; node; node = node.nextSibling) {
    const text = collapse(node.textContent);
    if (node.nodeType === 3 && text) return el.textContent ?? '';
    if (node.nodeType === 1 && text) parts.push(text);
  }
  return parts.length < 2 ? (el.textContent ?? '') : parts.join(';');
}

// A property line: `颜色分类：白色` (label, colon, value); 商家编码 is the outer id, not a property.
const PROPERTY_START = /^[^\s:：;；]{1,12}\s*[:：]/;
const NOT_A_PROPERTY = /^(?:商家编码|订单号|创建时间)/;
const isProperty = (text: string) => PROPERTY_START.test(text) && !NOT_A_PROPERTY.test(text);

/**
 * The item's properties without class names: the elements after the title (or after an ancestor of it,
 * inside the item cell) that print `label：value`; several such siblings are one property each.
 */
function specByPosition(title: Element, cell: Element): string | undefined {
  for (let at: Element | null = title; at && at !== cell; at = at.parentElement) {
    const parts: string[] = [];
    let first: Element | null = null;
    for (let next = at.nextElementSibling; next; next = next.nextElementSibling) {
      const text = collapse(next.textContent);
      if (!isProperty(text)) break;
      first ??= next;
      parts.push(text);
    }
    if (first) return parts.length === 1 ? specText(first) : parts.join(';');
    if (at.nextElementSibling) return undefined;
  }
  return undefined;
}

function readItem(cell: Element, cells: Cells | null, tallies: BlockTallies): Item | null {
  const found = titleIn(cell);
  const title = found ? bounded(found.el.textContent ?? '', 300) : undefined;
  if (title && found) tallies.itemTitle.win(found.entry);
  else tallies.itemTitle.none();
  if (!title) return null;
  const item: Item = { title };
  const skuEl = pick(cell, ROW.itemSku);
  const spec = bounded(skuEl ? specText(skuEl) : found ? (specByPosition(found.el, cell) ?? '') : '', 200);
  if (spec) item.spec = spec;
  const cellText = cell.textContent ?? '';
  // Only a cell printing the label can hold a 商家编码 (collapsing a whole cell's text costs).
  const outerId = cellText.includes('商家编码') ? OUTER_ID.exec(collapse(cellText))?.[1] : undefined;
  if (outerId && outerId.length <= 64) item.skuId = outerId;
  const priceCell = cells?.get('price');
  const price = priceCell ? parseUnitPrice(priceCell.textContent ?? '') : null;
  if (price !== null && price >= 0) item.unitPriceCents = price;
  const quantityCell = cells?.get('quantity');
  const quantity = quantityCell ? parseQuantity(collapse(quantityCell.textContent)) : undefined;
  if (quantity !== undefined) item.quantity = quantity;
  return item;
}

const SNAPSHOT_LINK = ROW.itemTitle.slice(0, 1);

/** The item cell when columns cannot be mapped: the cell holding the trade-snapshot link. */
function snapshotCell(row: Element): Element | null {
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (pick(cell, SNAPSHOT_LINK)) return cell;
  }
  return null;
}

/** The 售后 text of a sub-order row when columns cannot be mapped: every cell but the item's. */
function afterSaleByContent(row: Element, itemCell: Element | null): string {
  let text = '';
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell !== itemCell) text += ` ${cell.textContent ?? ''}`;
  }
  return collapse(text);
}

/** The 交易状态 cell's headline (the status words), not its 查看物流/详情 links. */
function statusCellText(cell: Element | undefined): string | undefined {
  return cell ? leadingText(cell) : undefined;
}

/** The status cell when columns cannot be mapped: a cell whose headline is a trade-status phrase. */
function statusByWords(row: Element): string | undefined {
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    const text = leadingText(cell);
    if (TRADE_STATUS_WORDS.test(text)) return text;
  }
  return undefined;
}

/** The amount cell when columns cannot be mapped: only 实收款 carries the `(含快递:¥…)` note. */
function amountByPostageNote(row: Element): string | undefined {
  for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
    const text = cell.textContent ?? '';
    if (text.includes('含快递') || text.includes('含运费')) return text;
  }
  return undefined;
}

function readOrderId(head: Element | null, headText: string, input: Element | null, tallies: BlockTallies): string | undefined {
  for (let strategy = 0; strategy < ID_STRATEGIES.length; strategy++) {
    let id: string | undefined;
    if (strategy === 0) id = input?.getAttribute('value')?.trim();
    else if (strategy === 1) id = idFromLabel(headText);
    else if (strategy === 2) id = head && input ? idFromLegacySpan(head) : undefined;
    else id = ORDER_NO.test(headText) ? undefined : ID_IN_TEXT.exec(headText)?.[0];
    if (usable(id)) {
      tallies.orderId.win(strategy);
      return id;
    }
  }
  tallies.orderId.none();
  return undefined;
}

export function readOrderBlock(block: OrderBlock, ctx: BlockContext): BlockResult {
  const { tallies } = ctx;
  const head = block.head;
  const headText = collapse(head?.textContent);

  const input = head ? pick(head, ROW.orderIdInput) : null;
  const headBuyer = head ? pick(head, ROW.buyer) : null;
  const rawId = readOrderId(head, headText, input, tallies);
  if (!rawId) return { skip: 'no-order-id' };
  if (!ctx.orderIdPattern.test(rawId)) return { skip: 'bad-order-id' };

  const order: CapturedOrderInput = { platform: site.platform, orderId: rawId, sourcePage: 'list', items: [] };
  if (ctx.shop) order.shop = ctx.shop;

  const created = createdTime(headText);
  if (created.printed) tallies.createdAt.win(0);
  else tallies.createdAt.none();
  if (created.printed) {
    if (created.value === null) return { skip: 'bad-time' };
    order.createdAt = created.value;
  }

  // Cells: the first sub-order row holds the order-level cells (rowspan over the order's rows).
  const firstRow = block.itemRows[0];
  const first = firstRow ? mapCells(block.itemCells[0]!, ctx.roles, null) : null;
  const firstCells = first?.cells ?? null;

  let tradeText: string | undefined;
  if (firstRow) {
    tradeText = statusCellText(firstCells?.get('status'));
    if (usable(tradeText)) tallies.status.win(0);
    else {
      tradeText = statusByWords(firstRow);
      if (usable(tradeText)) tallies.status.win(1);
      else {
        tallies.status.none();
        tradeText = undefined;
      }
    }
  }

  let rawAmount: string | undefined;
  if (firstRow) {
    rawAmount = collapse(firstCells?.get('amount')?.textContent);
    if (usable(rawAmount)) tallies.amount.win(0);
    else {
      rawAmount = amountByPostageNote(firstRow);
      if (usable(rawAmount)) tallies.amount.win(1);
      else {
        tallies.amount.none();
        rawAmount = undefined;
      }
    }
  }
  if (rawAmount !== undefined) {
    const amount = parseAmount(rawAmount);
    if (amount.printed) {
      if (amount.value === null || amount.value < 0) return { skip: 'bad-amount' };
      order.amountCents = amount.value;
    }
  }

  // Sub-orders: items and their 售后 texts.
  const afterSaleTexts: string[] = [];
  const items: Item[] = [];
  const rows = block.itemRows;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const mapped = index === 0 ? first : mapCells(block.itemCells[index]!, ctx.roles, first);
    const cells = mapped?.cells ?? null;
    const itemCell = cells?.get('item') ?? snapshotCell(row);
    const item = itemCell ? readItem(itemCell, cells, tallies) : null;
    if (item && items.length < 100) items.push(item);
    const afterSaleCell = cells?.get('afterSale');
    // An empty 售后 cell is a reading too ('-': an empty text would count as not found).
    if (afterSaleCell) {
      afterSaleTexts.push(collapse(afterSaleCell.textContent) || '-');
      tallies.afterSale.win(0);
    } else {
      afterSaleTexts.push(afterSaleByContent(row, itemCell) || '-');
      tallies.afterSale.win(1);
    }
  }
  order.items = items;

  const state = orderState(tradeText ?? '', block.itemRows.length > 0 ? afterSaleTexts : null);
  if (state.status) order.status = state.status;
  if (state.statusText) order.statusText = state.statusText;
  if (state.afterSale !== undefined) order.afterSale = state.afterSale;

  const buyerCell = firstCells?.get('buyer');
  let buyer = buyerText(headBuyer);
  if (usable(buyer)) tallies.buyer.win(0);
  else {
    buyer = buyerCell ? buyerText(pick(buyerCell, ROW.buyer)) : undefined;
    if (usable(buyer)) tallies.buyer.win(1);
    else {
      const candidates = [
        () => (buyerCell ? bounded(leadingText(buyerCell), 80) : undefined),
        () => MASKED_AFTER_TIME.exec(headText)?.[1],
        () => (head ? maskedTextAfterTime(head) : undefined),
      ];
      buyer = undefined;
      for (let i = 0; i < candidates.length && !usable(buyer); i++) {
        buyer = candidates[i]!();
        if (usable(buyer)) tallies.buyer.win(2 + i);
      }
      if (!usable(buyer)) {
        tallies.buyer.none();
        buyer = undefined;
      }
    }
  }
  if (buyer && !NOT_A_BUYER.has(buyer) && buyer.length <= 80) order.buyer = buyer;

  // The floor, for what the selectors missed (and the waybill, which no list selector reads).
  // Cheap prefilter: a waybill is a run of 10+ digits (maybe after letters) besides the order id itself.
  const rowText = block.element.textContent ?? '';
  let maybeWaybill = false;
  for (const run of rowText.matchAll(LONG_RUN)) if (run[0] !== rawId) maybeWaybill = true;
  const missed: FloorField[] = ['shipments'];
  const floor = maybeWaybill ? readRowFloor(block.element, { orderIdPattern: ctx.orderIdPattern, want: missed, closedMeansRefunded: true }) : {};
  if (countFloor(tallies.shipments, 0, floor.shipments)) {
    order.shipments = floor.shipments!.value.map((s) => ({
      waybillNo: s.waybillNo,
      ...(s.carrierName ? { carrierName: s.carrierName } : {}),
      events: [],
    }));
  }

  return { order };
}
