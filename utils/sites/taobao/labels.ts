import { collapse } from '../../capture/generic-cells';

/**
 * `label：value` pairs of a detail page. Taobao prints them as `<span>订单编号：</span><span>3306…</span>`
 * (value in the following siblings), as one text (`订单编号：3306…`), or as a Fusion form item whose value
 * sits in the label wrapper's next sibling; all three are read here, in document order.
 */

export const DETAIL_LABELS = {
  orderId: ['订单编号', '订单号'],
  createdAt: ['创建时间', '下单时间'],
  paidAt: ['付款时间', '支付时间'],
  shippedAt: ['发货时间'],
  completedAt: ['成交时间', '确认收货时间'],
  buyer: ['买家昵称', '买家'],
  address: ['收货地址', '收货信息'],
  paymentMethod: ['支付方式', '付款方式'],
  amount: ['实收款', '买家实付', '实付款'],
  status: ['当前订单状态', '订单状态', '交易状态'],
  carrier: ['物流公司', '快递公司', '承运公司'],
  waybill: ['运单号', '物流单号', '快递单号', '运单编号'],
} as const;

export type LabelField = keyof typeof DETAIL_LABELS;

const FIELD_OF = new Map<string, LabelField>();
for (const [field, words] of Object.entries(DETAIL_LABELS) as [LabelField, readonly string[]][]) {
  for (const word of words) FIELD_OF.set(word, field);
}
const WORDS = Array.from(FIELD_OF.keys()).sort((a, b) => b.length - a.length);
// The label must end at a colon (买家留言 is not 买家), or at a space before its value in the same text
// (`支付方式 支付宝`, a redesign's); a bare label counts only in a label element, so the column heads of the
// detail's item table (交易状态, 实收款) are never read as labels.
const OWN_LABEL = new RegExp(`^(${WORDS.join('|')})(?:\\s*([:：])|\\s+(?=\\S)|\\s*$)`);
const LABEL_ELEMENT = /label/i;
const LABEL_PREFIX = new RegExp(`^\\s*(?:${WORDS.join('|')})\\s*[:：]?\\s*`);

export interface LabelHit {
  field: LabelField;
  /** The label as printed (订单编号, 付款时间 …). */
  word: string;
  /** The element whose own text is the label. */
  el: Element;
  value: string;
}

function ownText(el: Element): string {
  let text = '';
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) text += node.textContent ?? '';
  return text.trim();
}

function textAfter(start: ChildNode | null): string {
  let text = '';
  for (let node = start; node; node = node.nextSibling) text += ` ${node.textContent ?? ''}`;
  return collapse(text);
}

const CURRENCY_ONLY = /^[¥￥]$/;

/** The label element, or the outermost of the wrappers that hold nothing but it: the value follows that. */
function labelBox(el: Element): Element {
  const text = collapse(el.textContent);
  let box = el;
  while (box.parentElement && collapse(box.parentElement.textContent) === text) box = box.parentElement;
  return box;
}

function valueOf(el: Element): string {
  // `订单编号：3306…` or `订单编号：<span>3306…</span>` inside the label element itself.
  const inside = collapse(el.textContent).replace(LABEL_PREFIX, '');
  const box = labelBox(el);
  // `<span>实收款：¥</span><span>398.00</span>`: the currency sign stays with the label, the number follows.
  if (CURRENCY_ONLY.test(inside)) return collapse(`${inside}${textAfter(box.nextSibling)}`);
  if (inside) return inside;
  // `<span>订单编号：</span><span>3306…</span><a>复制</a>`; Fusion form items wrap the label
  // (`<div class="next-form-item-label"><label>订单编号：</label></div><div …control>…`).
  const siblings = textAfter(box.nextSibling);
  if (siblings) return siblings;
  return box.parentElement ? textAfter(box.parentElement.nextSibling) : '';
}

/**
 * A label printed without its colon and without a `label` class (a redesign's): a leaf element, not a table
 * cell, directly followed by its value element in a small pair (`<span>订单编号</span><span>3318…</span>`).
 */
function bareLabelBeforeValue(el: Element, tag: string): boolean {
  if (tag === 'td' || tag === 'th' || el.childElementCount !== 0) return false;
  const value = el.nextElementSibling;
  const parent = el.parentElement;
  return value !== null && parent !== null && parent.childElementCount <= 3 && collapse(value.textContent) !== '';
}

/** Every label of DETAIL_LABELS under `root`, in document order (values may be empty). */
export function collectLabels(root: Element): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName;
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'th') continue;
    const own = ownText(el);
    if (!own) continue;
    const match = OWN_LABEL.exec(own);
    if (!match) continue;
    const bareLabelElement =
      tag === 'label' || tag === 'dt' || LABEL_ELEMENT.test(el.getAttribute('class') ?? '') || bareLabelBeforeValue(el, tag);
    const joined = !match[2] && match[0].length < own.length;
    if (!match[2] && !joined && !bareLabelElement) continue;
    const field = FIELD_OF.get(match[1]!);
    if (field) hits.push({ field, word: match[1]!, el, value: valueOf(el) });
  }
  return hits;
}
