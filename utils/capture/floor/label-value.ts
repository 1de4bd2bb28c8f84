import { collapse, isPlaceholder } from '../generic-cells';
import { ANY_LABEL, type Kind, kindOfLabel, kindsOfHeader, LABEL_FIRST_CHARS, LABEL_IN_TEXT } from './kinds';
import { type RowText, rowMemo } from './row-text';
import { amountIn, withClock } from './text-patterns';

/**
 * The value after its label within a row element, whatever the markup: in the same text node
 * (`订单编号：4934…`, `订单号 4934…`, `实付¥89.90`), or in the next piece — label and value in sibling
 * elements, or a label element then a value element inside a parent (`<dt>下单时间</dt><dd>…</dd>`,
 * `<div><label>快递：</label></div><div><span>中通</span></div>`). Labels are whole words (LABEL_IN_TEXT):
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
}

const LABEL_ONLY = /^[^：:]{1,12}[：:]$/;
const SEPARATOR_ONLY = /^[：:\s]+$/;
const LOGISTICS_KINDS: ReadonlySet<Kind> = new Set(['waybill', 'carrier', 'logistics']);

function mayHoldLabel(piece: string): boolean {
  for (let i = 0; i < piece.length; i += 1) if (LABEL_FIRST_CHARS.has(piece.charCodeAt(i))) return true;
  return false;
}

/** Whether a piece is a label of its own (a value must not borrow the next label: `规格：` `SKU：`). */
function isLabelPiece(piece: string): boolean {
  if (LABEL_ONLY.test(piece)) return true;
  return piece.length <= 12 && (kindOfLabel(piece) !== undefined || kindsOfHeader(piece).length > 0);
}

/** The value of a label whose own piece ends with it: the next piece that is not a bare separator. */
function nextValue(pieces: readonly string[], from: number): { value: string; piece: number } | null {
  let j = from + 1;
  while (j < pieces.length && SEPARATOR_ONLY.test(pieces[j]!)) j += 1;
  const next = pieces[j];
  if (next === undefined || isLabelPiece(next)) return null;
  // a value that starts with a label of its own belongs to that label
  LABEL_IN_TEXT.lastIndex = 0;
  const label = LABEL_IN_TEXT.exec(next);
  if (label && label.index === 0) return null;
  return { value: withClock(next, pieces[j + 1]), piece: j };
}

function scan(text: RowText): LabelHit[] {
  const hits: LabelHit[] = [];
  const { pieces } = text;
  for (let i = 0; i < pieces.length && hits.length < 200; i += 1) {
    const piece = pieces[i]!;
    if (piece.length > 400 || !mayHoldLabel(piece)) continue;
    LABEL_IN_TEXT.lastIndex = 0;
    const matches = [...piece.matchAll(LABEL_IN_TEXT)];
    matches.forEach((m, k) => {
      const word = m[1]!;
      const kind = kindOfLabel(word);
      if (!kind) return;
      const valueStart = (m.index ?? 0) + m[0].length;
      let valueEnd = matches[k + 1]?.index ?? piece.length;
      // an unknown label ends the value (`承诺发货时间：…`), except in logistics texts (`韵达快递：4625…`)
      const unknownLabel = LOGISTICS_KINDS.has(kind) ? null : ANY_LABEL.exec(piece.slice(valueStart, valueEnd));
      if (unknownLabel) valueEnd = valueStart + unknownLabel.index;
      const rest = piece.slice(valueStart, valueEnd).trim();
      if (rest) {
        if (!isPlaceholder(rest)) hits.push({ kind, word, piece: i, value: rest, valuePiece: i });
        return;
      }
      // the label ends its piece: the value is the next piece (nothing when another label follows here)
      if (valueEnd < piece.length) return;
      const next = nextValue(pieces, i);
      if (next && !isPlaceholder(next.value)) hits.push({ kind, word, piece: i, value: next.value, valuePiece: next.piece });
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

/**
 * The amount after an amount label, read from the textContent of the label's element and then of its
 * ancestors (never above the row) until the text after the label prints a digit: money split over spans
 * (`¥`,`89`,`.90`) joins there, and a note beside it (`含运费¥0.00`, `(优惠¥5.00)`) is told apart by amountIn.
 * The text read stops at the next label.
 */
export function amountAfterLabel(text: RowText, hit: LabelHit): number | undefined {
  let el: Element | null = text.owners[hit.piece] ?? null;
  for (let level = 0; el && level < MAX_LEVELS; level += 1) {
    const whole = collapse(el.textContent);
    const segment = segmentAfter(whole, hit.word);
    if (segment !== undefined && DIGIT.test(segment)) return amountIn(segment);
    if (el === text.row) break;
    el = el.parentElement;
  }
  return undefined;
}

/** The text after the first whole-word occurrence of `word` in `text`, up to the next label. */
function segmentAfter(text: string, word: string): string | undefined {
  if (text.length > 2000) return undefined;
  LABEL_IN_TEXT.lastIndex = 0;
  const lower = word.toLowerCase();
  for (let m = LABEL_IN_TEXT.exec(text); m; m = LABEL_IN_TEXT.exec(text)) {
    if (m[1]!.toLowerCase() !== lower) continue;
    const start = m.index + m[0].length;
    LABEL_IN_TEXT.lastIndex = start;
    const next = LABEL_IN_TEXT.exec(text);
    let end = next ? next.index : text.length;
    const unknown = ANY_LABEL.exec(text.slice(start, end));
    // an unknown label ends the value, except a qualifier's own (`含运费：¥0.00` belongs to the note)
    if (unknown && !/^(?:含)?(?:运费|邮费|优惠|折扣)/.test(unknown[0])) end = start + unknown.index;
    return text.slice(start, end).trim();
  }
  return undefined;
}
