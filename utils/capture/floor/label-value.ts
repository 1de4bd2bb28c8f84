import { collapse, isPlaceholder } from '../generic-cells';
import { fieldsForHeader, normalizeHeader } from '../generic-columns';
import { ANY_LABEL, firstLabelIn, type Kind, kindOfLabel, kindsOfHeader, labelsIn } from './kinds';
import { type RowText, rowMemo } from './row-text';
import { amountIn, withClock } from './text-patterns';

/**
 * The value after its label within a row element, whatever the markup: in the same text node
 * (`订单编号：4934…`, `订单号 4934…`, `实付¥89.90`), or in the next piece — label and value in sibling
 * elements, or a label element then a value element inside a parent (`<dt>下单时间</dt><dd>…</dd>`,
 * `<div><label>快递：</label></div><div><span>中通</span></div>`). Labels are whole words (kinds' labelsIn):
 * `子订单号`, `买家留言`, `承诺发货时间` are not labels of the order's fields.
 */
export interface LabelHit {
  kind: Kind;
  /** The label as printed, without its colon. */
  word: string;
  /** Index of the piece holding the label. */
  piece: number;
  /** The value text: the rest of the label's piece up to the next label, else the next piece. */
  value: string;
  /** Index of the piece the value was read from. */
  valuePiece: number;
  /** Where the value starts in the label's own piece (after the label and its separator). */
  valueAt: number;
}

const LABEL_ONLY = /^[^：:]{1,12}[：:]$/;
const SEPARATOR_ONLY = /^[：:\s]+$/;
const LOGISTICS_KINDS: ReadonlySet<Kind> = new Set(['waybill', 'carrier', 'logistics']);
/** Kinds whose value is free text: their label must be followed by a separator when the value shares its piece. */
const FREE_TEXT: ReadonlySet<Kind> = new Set(['item', 'buyer', 'region', 'status', 'afterSale', 'carrier', 'logistics']);

/** Column heads of item tables and detail blocks that name no floor field but are no value either. */
const HEAD_WORDS = new Set([
  '单价', '数量', '小计', '金额', '操作', '备注', '规格', '交易', '优惠', '运费', '邮费', '商品编号', '商品总价', '京东价', '货号',
  '商家编码', 'SKU', '颜色', '尺码', '属性', '状态', '详情', '总价', '原价', '件数', '重量',
]);

/** Whether a piece is a label of its own (a value must not borrow the next label: `规格：` `SKU：`, `单价`). */
function isLabelPiece(piece: string): boolean {
  if (LABEL_ONLY.test(piece)) return true;
  if (piece.length > 12) return false;
  const head = normalizeHeader(piece);
  return HEAD_WORDS.has(head) || fieldsForHeader(piece).length > 0 || kindOfLabel(piece) !== undefined || kindsOfHeader(piece).length > 0;
}

/** The value of a label whose own piece ends with it: the next piece that is not a bare separator. */
function nextValue(pieces: readonly string[], from: number): { value: string; piece: number } | null {
  let j = from + 1;
  while (j < pieces.length && SEPARATOR_ONLY.test(pieces[j]!)) j += 1;
  const next = pieces[j];
  if (next === undefined || isLabelPiece(next)) return null;
  // a value that starts with a label of its own belongs to that label
  if (firstLabelIn(next)?.index === 0) return null;
  return { value: withClock(next, pieces[j + 1]), piece: j };
}

function scan(text: RowText): LabelHit[] {
  const hits: LabelHit[] = [];
  const { pieces } = text;
  for (let i = 0; i < pieces.length && hits.length < 200; i += 1) {
    const piece = pieces[i]!;
    if (piece.length > 400) continue;
    const matches = labelsIn(piece);
    matches.forEach((m, k) => {
      const { word, kind } = m;
      // a free-text value needs a separator (`商品：…`, `买家 测**`): `商品1 纯棉短袖` is a title, not a label
      if (FREE_TEXT.has(kind) && m.end === m.index + word.length && m.end < piece.length) return;
      const valueStart = m.end;
      let valueEnd = matches[k + 1]?.index ?? piece.length;
      // an unknown label ends the value (`承诺发货时间：…`), except in logistics texts (`韵达快递：4625…`)
      const unknownLabel = LOGISTICS_KINDS.has(kind) ? null : ANY_LABEL.exec(piece.slice(valueStart, valueEnd));
      if (unknownLabel) valueEnd = valueStart + unknownLabel.index;
      const rest = piece.slice(valueStart, valueEnd).trim();
      if (rest) {
        if (!isPlaceholder(rest)) hits.push({ kind, word, piece: i, value: rest, valuePiece: i, valueAt: valueStart });
        return;
      }
      // the label ends its piece: the value is the next piece (nothing when another label follows here)
      if (valueEnd < piece.length) return;
      const next = nextValue(pieces, i);
      if (next && !isPlaceholder(next.value)) {
        hits.push({ kind, word, piece: i, value: next.value, valuePiece: next.piece, valueAt: valueStart });
      }
    });
  }
  return hits;
}

/** Every label of the row with its value, in document order (one scan per row and page read). */
export function labelHits(text: RowText): readonly LabelHit[] {
  return rowMemo(text, 'labels', () => scan(text));
}

/** The label hits of one kind, in document order. */
export function labelsOf(text: RowText, kind: Kind): LabelHit[] {
  return labelHits(text).filter((hit) => hit.kind === kind);
}

const MAX_LEVELS = 4;
const DIGIT = /\d/;
const QUALIFIER_LABEL = /^(?:含)?(?:运费|邮费|优惠|折扣)/;
const LEADING_SEPARATOR = /^\s*[：:]?/;

/** The text after the label in its own element: the rest of the label's piece and what follows it there. */
function textAfterLabelIn(owner: Element, piece: string, hit: LabelHit): string {
  const rest = piece.slice(hit.valueAt);
  if (owner.firstElementChild === null) return rest;
  // a mixed element (`实付 ¥<b>89</b>.90`): its text from the label on
  const whole = owner.textContent ?? '';
  const at = whole.indexOf(hit.word);
  return at < 0 ? rest : whole.slice(at + hit.word.length).replace(LEADING_SEPARATOR, '');
}

/** The value up to the next label (a qualifier's own label — `含运费：¥0.00` — stays in: amountIn tells it apart). */
function cutAtNextLabel(text: string): string {
  let end = text.length;
  const next = firstLabelIn(text, 1);
  if (next) end = next.index;
  const unknown = ANY_LABEL.exec(text.slice(0, end));
  if (unknown && unknown.index > 0 && !QUALIFIER_LABEL.test(unknown[0])) end = unknown.index;
  return text.slice(0, end).trim();
}

/**
 * The amount after an amount label: the text that follows the label in document order — the rest of its
 * element, then the following siblings of the label's element and, while no digit has shown up, of its
 * ancestors (never beyond the row) — joined as textContent joins it, so money split over spans
 * (`¥`,`89`,`.90`) reads whole; a note beside it (`含运费¥0.00`, `(优惠¥5.00)`) is told apart by amountIn.
 * The text is cut at the next label.
 */
export function amountAfterLabel(text: RowText, hit: LabelHit): number | undefined {
  const owner = text.owners[hit.piece];
  const piece = text.pieces[hit.piece];
  if (!owner || piece === undefined) return undefined;
  let after = textAfterLabelIn(owner, piece, hit);
  let el: Element = owner;
  for (let level = 0; level < MAX_LEVELS && !DIGIT.test(after); level += 1) {
    if (el === text.row) break;
    for (let sibling = el.nextSibling; sibling && after.length < 2000; sibling = sibling.nextSibling) {
      if (sibling.nodeType === 1 && (sibling as Element).hasAttribute('data-orderlens')) continue;
      after += sibling.textContent ?? '';
    }
    const parent: Element | null = el.parentElement;
    if (!parent) break;
    el = parent;
  }
  if (!DIGIT.test(after)) return undefined;
  return amountIn(cutAtNextLabel(collapse(after)));
}
