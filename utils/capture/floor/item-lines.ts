import { parseMoneyCents } from '../../model/money';
import { isPlaceholder } from '../generic-cells';
import { alignedRow, columnCellsPerLine } from './column-value';
import { type Kind, kindOfLabel } from './kinds';
import { labelHits } from './label-value';
import { type RowText, rowMemo, rowTextOf } from './row-text';
import { afterSaleStateOf } from './status-rollup';
import { regionIn, statusPieces, statusWordsOf } from './text-patterns';

/**
 * The items of an order row without a class name (issue 11): each item's title, spec, quantity, unit price,
 * SKU and after-sale text, from
 * - `column`: the lines of a table or grid whose header names the goods column (商品 / 单价 / 数量 / 商品编号),
 * - `pattern`: the row's quantity marks (`x1`, `×2`, `数量：3`): each one ends an item, whose block is the
 *   largest element around it that holds no other quantity and no order-level label.
 * Inside an item: the title is its first text that is not a code, a label, money or a number; the spec is the
 * next text beside the title (`颜色：白色；尺码：XL`, or the value after a `规格：` label of its own); the unit
 * price is the money printed nearest before the quantity (never one after 运费/优惠/小计 …).
 */
export interface ItemLine {
  title: string;
  spec?: string;
  quantity?: number;
  unitPriceCents?: number;
  skuId?: string;
  /** An after-sale word printed on this item (`退款中`, `售后中`, `退款成功`). */
  afterSaleText?: string;
  /** The row's pieces this item was read from (first, last), for the order-level strategies. */
  span?: [number, number];
  /** The piece of `afterSaleText`. */
  afterSalePiece?: number;
}

export interface ItemLines {
  items: ItemLine[];
  strategy: 'column' | 'pattern';
  /** Every piece read as part of an item (goods, price, quantity, SKU, after-sale): not the order's. */
  covered: ReadonlySet<number>;
}

const MAX_ITEMS = 100;
const QUANTITY_MARK = /^[x×X*＊]\s*(\d{1,6})$/;
const QUANTITY_LABELLED = /^(?:数量|购买数量|商品数量|件数)\s*[：:]?\s*(\d{1,6})(?:\s*件)?$/;
const QUANTITY_LABEL = /^(?:数量|购买数量|商品数量|件数)\s*[：:]?$/;
const BARE_COUNT = /^(\d{1,6})(?:\s*件)?$/;
/** `¥59.90 ×2` in one text. */
const PRICE_TIMES = /^([¥￥]\s*\d[\d,]*(?:\.\d{1,2})?)\s*[x×X*]\s*(\d{1,6})$/;
const MONEY_PIECE = /^[¥￥]\s*\d[\d,]*(?:\.\d{1,2})?$/;
const CURRENCY_ONLY = /^[¥￥]$/;
const MONEY_PART = /^[\d,]*\.?\d*$/;
const UNIT_PRICE_LABELLED = /^(?:单价|商品单价|京东价|售价|价格)\s*[：:]?\s*([¥￥]?\s*\d[\d,]*(?:\.\d{1,2})?)$/;
/** Money right after these words is not the item's price. */
const NOT_A_PRICE_BEFORE = /(?:运费|邮费|优惠|立减|折扣|红包|券|小计|合计|实付|应付|总价|总额|原价|划线价|税费|补贴)\s*[：:]?\s*[(（]?\s*$/;
const SKU_LABEL = /^(?:SKU|SKU编号|SKU\s*ID|SKUID|sku|商品编号)\s*[：:]?\s*([A-Za-z0-9-]{4,40})?$/;
/** Labels of an item that are no spec (their values are codes). */
const CODE_LABEL = /^(?:ID|商品ID|商品编码|商家编码|货号|SKU|SKU编号|SKU\s*ID|商品编号|编码|条形码|条码|订单号|订单编号|子订单号|子订单编号)\s*[：:]/i;
const KEY_VALUE = /^([\u4e00-\u9fa5A-Za-z]{1,8})\s*[：:]\s*(.*)$/;
const SPEC_LABEL_ONLY = /^(?:规格|商品规格|规格型号|颜色分类|销售属性|属性|款式|型号|颜色|尺码|尺寸)\s*[：:]$/;
const NUMERIC_ONLY = /^[-+¥￥x×*\s\d.,:%/]*$/i;
/** Words of buttons and links inside an item block. */
const ACTION = /^(?:查看|复制|详情|快照|申请|联系|修改|编辑|删除|更多|展开|收起|赠品|退款|售后详情|交易快照)/;
/** Order-level label kinds: an item block never holds one. */
const ORDER_LEVEL: ReadonlySet<Kind> = new Set([
  'orderId', 'createdAt', 'paidAt', 'shippedAt', 'amount', 'status', 'afterSale', 'buyer', 'region', 'waybill', 'carrier', 'logistics',
]);
const HEADER_OWNER = /^(?:TH)$/;

function quantityAt(pieces: readonly string[], i: number): { quantity: number; at: number } | undefined {
  const piece = pieces[i]!;
  const mark = QUANTITY_MARK.exec(piece) ?? QUANTITY_LABELLED.exec(piece) ?? PRICE_TIMES.exec(piece);
  if (mark) return { quantity: Number(mark[mark.length - 1]), at: i };
  if (QUANTITY_LABEL.test(piece)) {
    const next = pieces[i + 1];
    const bare = next !== undefined ? BARE_COUNT.exec(next) : null;
    if (bare) return { quantity: Number(bare[1]), at: i + 1 };
  }
  return undefined;
}

/** Money starting at piece i (`¥59.90`, or `¥` `59` `.90` split over spans): its cents and last piece. */
function moneyAt(pieces: readonly string[], i: number, end: number): { cents: number; last: number } | undefined {
  const piece = pieces[i]!;
  if (MONEY_PIECE.test(piece)) {
    const cents = parseMoneyCents(piece);
    return cents === null ? undefined : { cents, last: i };
  }
  const labelled = UNIT_PRICE_LABELLED.exec(piece);
  if (labelled) {
    const cents = parseMoneyCents(labelled[1]!.startsWith('¥') || labelled[1]!.startsWith('￥') ? labelled[1]! : `¥${labelled[1]}`);
    return cents === null ? undefined : { cents, last: i };
  }
  const combined = PRICE_TIMES.exec(piece);
  if (combined) {
    const cents = parseMoneyCents(combined[1]!);
    return cents === null ? undefined : { cents, last: i };
  }
  if (!CURRENCY_ONLY.test(piece)) return undefined;
  let text = '¥';
  let last = i;
  for (let j = i + 1; j < end && j <= i + 3 && MONEY_PART.test(pieces[j]!) && pieces[j] !== ''; j += 1) {
    text += pieces[j];
    last = j;
  }
  if (last === i) return undefined;
  const cents = parseMoneyCents(text);
  return cents === null ? undefined : { cents, last };
}

function isTitle(piece: string): boolean {
  if (piece.length < 2 || isPlaceholder(piece) || NUMERIC_ONLY.test(piece) || CODE_LABEL.test(piece) || ACTION.test(piece)) return false;
  if (KEY_VALUE.test(piece) || piece.endsWith('：') || piece.endsWith(':')) return false;
  if (statusWordsOf(piece) || kindOfLabel(piece) !== undefined) return false;
  return true;
}

/** The element around the title that holds more than the title: where its spec is printed. */
function titleBox(text: RowText, title: number, from: number, to: number): Element | undefined {
  let box: Element | null = text.owners[title] ?? null;
  while (box && box !== text.row) {
    for (let j = from; j <= to; j += 1) if (j !== title && box.contains(text.owners[j]!)) return box;
    box = box.parentElement;
  }
  return undefined;
}

/** Reads one item from the pieces from..to (inclusive); `quantityPiece` is where its quantity was read. */
function itemFrom(text: RowText, from: number, to: number, quantity: { quantity: number; at: number } | undefined): ItemLine | undefined {
  const { pieces } = text;
  let title = -1;
  for (let j = from; j <= to; j += 1) {
    if (quantity && j >= quantity.at) break;
    if (isTitle(pieces[j]!) && !HEADER_OWNER.test(text.owners[j]!.tagName)) {
      title = j;
      break;
    }
  }
  if (title < 0) return undefined;
  const item: ItemLine = { title: pieces[title]!.slice(0, 300), span: [from, to] };
  if (quantity) item.quantity = quantity.quantity;

  const box = titleBox(text, title, from, to);
  let priceBefore: number | undefined;
  let priceAfter: number | undefined;
  for (let j = from; j <= to; j += 1) {
    if (j === title) continue;
    const piece = pieces[j]!;
    const sku = SKU_LABEL.exec(piece);
    if (sku) {
      const value = sku[1] ?? (j + 1 <= to && /^[A-Za-z0-9-]{4,40}$/.test(pieces[j + 1]!) ? pieces[j + 1] : undefined);
      if (value && item.skuId === undefined) item.skuId = value;
      if (!sku[1]) j += 1;
      continue;
    }
    const money = moneyAt(pieces, j, to + 1);
    if (money) {
      const before = j > from ? pieces[j - 1]! : '';
      if (!NOT_A_PRICE_BEFORE.test(before)) {
        if (!quantity || j < quantity.at) priceBefore = money.cents;
        else if (priceAfter === undefined) priceAfter = money.cents;
      }
      j = money.last;
      continue;
    }
    if (j > title && item.spec === undefined && box?.contains(text.owners[j]!) && (!quantity || j < quantity.at)) {
      if (SPEC_LABEL_ONLY.test(piece)) {
        const value = pieces[j + 1];
        if (value !== undefined && j + 1 <= to && !isPlaceholder(value) && !value.endsWith('：')) {
          item.spec = value.slice(0, 200);
          j += 1;
        }
        continue;
      }
      if (!isPlaceholder(piece) && !NUMERIC_ONLY.test(piece) && !CODE_LABEL.test(piece) && !ACTION.test(piece) && !statusWordsOf(piece)) {
        item.spec = piece.slice(0, 200);
        continue;
      }
    }
    if (item.afterSaleText === undefined && piece.length <= 20 && afterSaleStateOf(piece) !== 'none') {
      item.afterSaleText = piece;
      item.afterSalePiece = j;
    }
  }
  const price = priceBefore ?? priceAfter;
  if (price !== undefined) item.unitPriceCents = price;
  return item;
}

// ---------------------------------------------------------------------------------------------- column

function pieceRange(text: RowText, cells: readonly Element[]): number[] {
  const out: number[] = [];
  text.owners.forEach((owner, i) => {
    if (cells.some((cell) => cell === owner || cell.contains(owner))) out.push(i);
  });
  return out;
}

function byColumns(text: RowText): { items: ItemLine[]; covered: Set<number> } | undefined {
  const titles = columnCellsPerLine(text, 'item');
  if (!titles || titles.length === 0) return undefined;
  const quantities = columnCellsPerLine(text, 'quantity');
  const prices = columnCellsPerLine(text, 'unitPrice');
  const skus = columnCellsPerLine(text, 'sku');
  const afterSales = columnCellsPerLine(text, 'afterSale');
  const stops = orderLevelPieces(text);
  const items: ItemLine[] = [];
  const covered = new Set<number>();
  const done = new Set<Element>();
  titles.forEach((cells, line) => {
    const own = cells.filter((cell) => !done.has(cell));
    if (own.length === 0 || items.length >= MAX_ITEMS) return;
    const titlePieces = pieceRange(text, own);
    // a goods cell never holds an order-level label (a misaligned line: the order's header block)
    if (titlePieces.length === 0 || titlePieces.some((i) => stops.has(i))) return;
    const from = titlePieces[0]!;
    const to = titlePieces[titlePieces.length - 1]!;
    // the goods cell alone: its title and spec (price, quantity and SKU come from their own columns)
    const item = itemFrom(text, from, to, undefined);
    if (!item) return;
    own.forEach((cell) => done.add(cell));
    titlePieces.forEach((i) => covered.add(i));
    delete item.unitPriceCents;
    const qtyCell = quantities?.[line]?.[0];
    if (qtyCell) {
      const range = pieceRange(text, [qtyCell]);
      range.forEach((i) => covered.add(i));
      // a mark (`x2`) anywhere in the cell, else a bare count when the cell prints nothing else
      const mark = range.map((i) => quantityAt(text.pieces, i)).find((q) => q !== undefined);
      const bare = range.length === 1 ? BARE_COUNT.exec(text.pieces[range[0]!]!) : null;
      if (mark) item.quantity = mark.quantity;
      else if (bare) item.quantity = Number(bare[1]);
    }
    const priceCell = prices?.[line]?.[0];
    if (priceCell) {
      const range = pieceRange(text, [priceCell]);
      range.forEach((i) => covered.add(i));
      for (const i of range) {
        const money = moneyAt(text.pieces, i, (range[range.length - 1] ?? i) + 1);
        if (money) {
          item.unitPriceCents = money.cents;
          break;
        }
      }
    }
    const skuCell = skus?.[line]?.[0];
    if (skuCell && item.skuId === undefined) {
      const value = pieceRange(text, [skuCell]).map((i) => text.pieces[i]!).find((p) => /^[A-Za-z0-9-]{4,40}$/.test(p));
      if (value) item.skuId = value;
    }
    const afterSaleCell = afterSales?.[line]?.[0];
    if (afterSaleCell) {
      const at = pieceRange(text, [afterSaleCell]).find((i) => afterSaleStateOf(text.pieces[i]!) !== 'none');
      delete item.afterSaleText;
      delete item.afterSalePiece;
      if (at !== undefined) {
        item.afterSaleText = text.pieces[at]!;
        item.afterSalePiece = at;
      }
    }
    items.push(item);
  });
  return items.length > 0 ? { items, covered } : undefined;
}

/**
 * A detail page (the whole page read as one row) prints its goods in a table of its own: each body line of a
 * table inside the row whose header names the goods column is read as a row of that table.
 */
function byInnerTables(text: RowText): { items: ItemLine[]; covered: Set<number> } | undefined {
  const tables = Array.from(text.row.querySelectorAll('table, [role="grid"], [role="table"]')).slice(0, 8);
  const items: ItemLine[] = [];
  const covered = new Set<number>();
  for (const table of tables) {
    const lines = Array.from(table.querySelectorAll('tr, [role="row"]')).filter((line) => !line.closest('thead') && !line.querySelector('th, [role="columnheader"]'));
    for (const line of lines.slice(0, MAX_ITEMS)) {
      if (items.length >= MAX_ITEMS) break;
      const read = byColumns(rowTextOf(line));
      if (!read) continue;
      items.push(...read.items.map(({ span: _span, afterSalePiece: _piece, ...item }) => item));
      text.owners.forEach((owner, i) => {
        if (line.contains(owner)) covered.add(i);
      });
    }
    if (items.length > 0) break;
  }
  return items.length > 0 ? { items, covered } : undefined;
}

// ---------------------------------------------------------------------------------------------- pattern

const ITEM_COLUMNS: ReadonlySet<Kind> = new Set(['item', 'quantity', 'unitPrice', 'sku', 'afterSale', 'subtotal']);

/**
 * Pieces an item never holds: order-level labels, the order's own status words (`已发货`), a receiver's
 * address, and whatever sits under a column of the order's (应收金额, 收货人信息, 订单状态) where a header
 * names the row's columns.
 */
function orderLevelPieces(text: RowText): Set<number> {
  return rowMemo(text, 'item-stops', () => {
    const out = new Set<number>();
    for (const hit of labelHits(text)) if (ORDER_LEVEL.has(hit.kind)) out.add(hit.piece);
    for (const piece of statusPieces(text.pieces)) if (piece.orderLevel && piece.afterSale === 'none' && !piece.trace) out.add(piece.index);
    text.pieces.forEach((piece, i) => {
      if (piece.length >= 6 && regionIn(piece, true)) out.add(i);
    });
    const aligned = alignedRow(text);
    if (aligned) {
      const orderCells: Element[] = [];
      aligned.header.kinds.forEach((kinds, i) => {
        if (!kinds || kinds.some((kind) => ITEM_COLUMNS.has(kind))) return;
        for (const line of aligned.lines) if (line[i]) orderCells.push(line[i]!);
      });
      const inOrderCells: number[] = [];
      if (orderCells.length > 0) {
        text.owners.forEach((owner, i) => {
          if (orderCells.some((cell) => cell === owner || cell.contains(owner))) inOrderCells.push(i);
        });
      }
      // an order column printing a quantity mark: the alignment is wrong (a div grid under wrappers), not used
      if (!inOrderCells.some((i) => quantityAt(text.pieces, i) !== undefined)) for (const i of inOrderCells) out.add(i);
    }
    return out;
  });
}

/** The pieces from..to that an element holds, growing outward from piece `at` (pieces are in document order). */
function spanOf(text: RowText, el: Element, at: number): [number, number] {
  let from = at;
  let to = at;
  while (from > 0 && el.contains(text.owners[from - 1]!)) from -= 1;
  while (to < text.pieces.length - 1 && el.contains(text.owners[to + 1]!)) to += 1;
  return [from, to];
}

function byQuantityMarks(text: RowText): ItemLine[] | undefined {
  const { pieces, owners, row } = text;
  const marks: { quantity: number; at: number }[] = [];
  for (let i = 0; i < pieces.length; i += 1) {
    const q = quantityAt(pieces, i);
    if (q) {
      marks.push(q);
      i = q.at;
    }
  }
  if (marks.length === 0 || marks.length > MAX_ITEMS) return undefined;
  const markAt = new Set(marks.map((m) => m.at));
  const stops = orderLevelPieces(text);
  const items: ItemLine[] = [];
  let previousEnd = -1;
  for (const mark of marks) {
    let block: [number, number] | undefined;
    for (let el: Element | null = owners[mark.at]!; el && el !== row; el = el.parentElement) {
      const span = spanOf(text, el, mark.at);
      let ok = true;
      for (let j = span[0]; j <= span[1] && ok; j += 1) if ((j !== mark.at && markAt.has(j)) || stops.has(j)) ok = false;
      if (!ok) break;
      block = span;
    }
    if (!block) continue;
    const from = Math.max(block[0], previousEnd + 1);
    const item = itemFrom(text, from, block[1], mark);
    if (!item) continue;
    previousEnd = block[1];
    items.push(item);
  }
  return items.length > 0 ? items : undefined;
}

/** The row's items, class-free (undefined when neither a goods column nor a quantity mark is found). */
export function itemLinesOf(text: RowText): ItemLines | undefined {
  return rowMemo(text, 'item-lines', () => {
    // quantity marks first: a div grid's columns can misalign under wrappers, a mark's block cannot; the
    // columns where they find more items (a goods table printing bare counts: 商品数量 `1`)
    const pattern = byQuantityMarks(text);
    const columns = byColumns(text) ?? byInnerTables(text);
    if (columns && (!pattern || columns.items.length > pattern.length)) {
      return { items: columns.items, strategy: 'column' as const, covered: columns.covered };
    }
    if (!pattern) return undefined;
    const covered = new Set<number>();
    for (const item of pattern) for (let i = item.span![0]; i <= item.span![1]; i += 1) covered.add(i);
    return { items: pattern, strategy: 'pattern' as const, covered };
  });
}
