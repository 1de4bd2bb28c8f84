import { type ColumnField, fieldsForHeader, normalizeHeader } from '../generic-columns';
import { memoize } from './memo';

/**
 * What a label or a column header names, for the class-free floor. Finer than the order fields: a
 * shipment is read from waybill, carrier and logistics texts, a status from the order status and the
 * items' after-sale texts.
 */
export type Kind =
  | 'orderId'
  | 'createdAt'
  | 'paidAt'
  | 'shippedAt'
  | 'amount'
  | 'status'
  | 'afterSale'
  | 'buyer'
  | 'region'
  | 'waybill'
  | 'carrier'
  | 'logistics'
  | 'item'
  | 'quantity'
  | 'unitPrice'
  | 'sku'
  | 'subtotal'
  | 'payment';

/**
 * Label words per kind, as the five consoles print them in rows (`订单编号：…`, `实付 ¥…`, `快递 中通…`).
 * Where generic-columns knows a word, it names the same field there (a test holds the two together);
 * the words added here are the row and detail labels a column header rarely prints.
 */
export const LABEL_WORDS: Readonly<Record<Kind, readonly string[]>> = {
  orderId: ['订单编号', '订单号', '订单ID', '主订单编号', '主订单号', '订单编码', '订单号码', '父订单号', '父订单编号'],
  // 买家下单 / 买家付款 / 商家发货: the steps of a detail page's progress bar, each over its time
  createdAt: ['下单时间', '创建时间', '订单成交时间', '成交时间', '订单提交时间', '订单创建时间', '提交时间', '下单日期', '买家下单'],
  paidAt: ['付款时间', '支付时间', '支付完成时间', '付款完成时间', '订单付款时间', '买家付款'],
  shippedAt: ['发货时间', '出库时间', '商家发货', '卖家发货'],
  amount: [
    '实付金额', '实收款', '实付款', '实付', '应收', '应收金额', '支付金额', '实收金额', '买家实付', '应付', '应付金额',
    '合计', '订单金额', '买家实际支付金额', '实际支付金额', '实际支付', '实付总额', '订单实付', '应付总额', '应收总额', '实收总额',
  ],
  status: ['订单状态', '交易状态', '状态', '当前订单状态', '订单当前状态'],
  afterSale: ['售后状态', '售后', '退款状态', '售后信息', '履约/售后状态'],
  buyer: [
    '买家', '买家昵称', '抖音昵称', '快手昵称', '会员名', '买家会员名', '买家账号', '用户昵称', '昵称', '买家名称', '下单用户',
    '下单账号', '客户昵称',
  ],
  region: ['收货地址', '收货信息', '收件人地址', '收件地址', '收货人地址', '地址', '收件信息', '收货人', '收件人', '配送地址', '收货人信息'],
  waybill: ['运单号', '物流单号', '快递单号', '运单编号', '快递单号码', '物流编号'],
  carrier: ['快递公司', '物流公司', '快递', '物流', '承运公司', '承运人', '配送公司', '快递名称'],
  logistics: ['物流信息', '快递信息', '发货信息', '物流详情', '包裹信息'],
  item: ['商品', '宝贝', '商品名称', '宝贝名称', '商品信息', '宝贝信息', '商品标题', '宝贝标题'],
  // an item's own columns (a detail page's goods table: 商品编号 | 商品名称 | 京东价 | 商品数量)
  quantity: ['数量', '商品数量', '购买数量', '件数'],
  unitPrice: ['单价', '商品单价', '京东价'],
  sku: ['商品编号', 'SKU', 'SKU编号'],
  // money that is not the order's amount: the goods' total before freight and discounts (拼多多 商品总价(元))
  payment: ['支付方式', '付款方式', '支付类型', '支付渠道', '付款类型', '付款方式类型'],
  subtotal: ['商品总价', '小计', '商品小计', '商品总额', '商品金额'],
};

/** generic-columns' fields as floor kinds (delivery time is not a floor field). */
const FROM_COLUMN: Partial<Record<ColumnField, Kind>> = {
  orderId: 'orderId',
  createdAt: 'createdAt',
  paidAt: 'paidAt',
  shippedAt: 'shippedAt',
  amount: 'amount',
  status: 'status',
  waybills: 'waybill',
  carrier: 'carrier',
  buyer: 'buyer',
  itemTitle: 'item',
  quantity: 'quantity',
  unitPrice: 'unitPrice',
};

const KIND_OF_LABEL = new Map<string, Kind>();
const SLASH = /[/／]/;
for (const [kind, words] of Object.entries(LABEL_WORDS) as [Kind, readonly string[]][]) {
  for (const word of words) KIND_OF_LABEL.set(normalizeHeader(word), kind);
}

/** The kind a label word names (`订单号` → orderId), after normalizeHeader; undefined for none. */
export const kindOfLabel: (word: string) => Kind | undefined = memoize((word) => KIND_OF_LABEL.get(normalizeHeader(word)));

function kindsOfPart(label: string): Kind[] {
  const kinds: Kind[] = [];
  for (const field of fieldsForHeader(label)) {
    const kind = FROM_COLUMN[field];
    if (kind && !kinds.includes(kind)) kinds.push(kind);
  }
  const own = KIND_OF_LABEL.get(normalizeHeader(label));
  if (own && !kinds.includes(own)) kinds.push(own);
  return kinds;
}

/**
 * The kinds a column header names: generic-columns' mapping first (the generic reader's words), then the
 * floor's own words; a composite header (`买家/收货信息`, `单价/数量`) names each of its parts.
 */
export const kindsOfHeader: (text: string) => readonly Kind[] = memoize(kindsOfHeaderText);

function kindsOfHeaderText(text: string): Kind[] {
  const label = normalizeHeader(text);
  if (!label || label.length > 20) return [];
  const whole = kindsOfPart(label);
  if (whole.length > 0 || !SLASH.test(label)) return whole;
  const kinds: Kind[] = [];
  for (const part of label.split(SLASH)) for (const kind of kindsOfPart(part)) if (!kinds.includes(kind)) kinds.push(kind);
  return kinds;
}

export interface LabelMatch {
  word: string;
  kind: Kind;
  /** Where the label starts in the text. */
  index: number;
  /** Where its value starts: after the label, its spaces and its colon. */
  end: number;
}

interface Word {
  word: string;
  lower: string;
  latin: boolean;
  kind: Kind;
}

/** Label words by their first character, longest first (`买家实付` before `买家`, `主订单号` before `订单号`). */
const BY_FIRST = new Map<number, Word[]>();
for (const [kind, words] of Object.entries(LABEL_WORDS) as [Kind, readonly string[]][]) {
  for (const word of words) {
    const first = word.charCodeAt(0);
    const list = BY_FIRST.get(first) ?? [];
    list.push({ word, lower: word.toLowerCase(), latin: /[A-Za-z]/.test(word), kind });
    BY_FIRST.set(first, list);
  }
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.word.length - a.word.length);
/** The same first characters as a bitmap over the CJK block: the per-character test of the scan. */
const FIRST_CJK = new Uint8Array(0x9fa5 - 0x4e00 + 1);
for (const first of BY_FIRST.keys()) if (first >= 0x4e00 && first <= 0x9fa5) FIRST_CJK[first - 0x4e00] = 1;
const mayStartLabel = (c: number) => (c >= 0x4e00 && c <= 0x9fa5 ? FIRST_CJK[c - 0x4e00] === 1 : BY_FIRST.has(c));

const isLetter = (c: number) => (c >= 0x4e00 && c <= 0x9fa5) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;

function wordAt(text: string, i: number): Word | undefined {
  const c = text.charCodeAt(i);
  if (c < 0x4e00 || !mayStartLabel(c)) return undefined; // every label word starts with a Chinese character
  const list = BY_FIRST.get(c);
  if (!list || (i > 0 && isLetter(text.charCodeAt(i - 1)))) return undefined;
  for (const entry of list) {
    const end = i + entry.word.length;
    if (end > text.length) continue;
    const same = entry.latin ? text.slice(i, end).toLowerCase() === entry.lower : text.startsWith(entry.word, i);
    if (same && (end === text.length || !isLetter(text.charCodeAt(end)))) return entry;
  }
  return undefined;
}

/**
 * The labels in a text, left to right: whole words only (no letter right before or after them, so
 * `子订单号`, `买家留言`, `承诺发货时间`, `中通快递` and `查看物流` hold no label), each with its separator —
 * `：`, `:`, spaces, or nothing before a digit or ¥. A hand-rolled scan: one Map lookup per character
 * (much cheaper than one regex of every label word run over every piece of every row).
 */
export function labelsIn(text: string, from = 0, max = 50): LabelMatch[] {
  const out: LabelMatch[] = [];
  for (let i = from; i < text.length && out.length < max; i += 1) {
    const entry = wordAt(text, i);
    if (!entry) continue;
    let end = i + entry.word.length;
    while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
    const c = text.charCodeAt(end);
    if (c === 0xff1a || c === 58) {
      end += 1;
      while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
    }
    out.push({ word: text.slice(i, i + entry.word.length), kind: entry.kind, index: i, end });
    i = end - 1;
  }
  return out;
}

/** The first label of a text at or after `from`. */
export function firstLabelIn(text: string, from = 0): LabelMatch | undefined {
  return labelsIn(text, from, 1)[0];
}

/** An unknown label ending a value: `商品总价：`, `承诺发货时间：` (two to ten letters and a colon). */
// not inside a URL or a formula (`http://…`, `=HYPERLINK("http://…")`): a letter, quote or slash before it, `//` after
export const ANY_LABEL = /(?<![A-Za-z0-9"'/.=])[\u4e00-\u9fa5A-Za-z]{2,10}\s*[：:](?!\/\/)/;
