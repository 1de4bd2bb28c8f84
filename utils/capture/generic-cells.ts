import { parseMoneyCents } from '../model/money';
import type { OrderStatus } from '../model/status';
import { normalizeStatus } from '../model/status-words';
import { findBeijingTimes, parseBeijingTime } from '../model/time';

/**
 * What one printed value turned out to be: a value, nothing printed (`absent`: empty or a placeholder such
 * as `-`), or something printed that is not a valid value (`bad`: the row must be skipped, never stored
 * half-read).
 */
export type CellValue<T> = { kind: 'value'; value: T } | { kind: 'absent' } | { kind: 'bad' };

const ABSENT = { kind: 'absent' } as const;
const BAD = { kind: 'bad' } as const;
const value = <T>(v: T): CellValue<T> => ({ kind: 'value', value: v });

const PLACEHOLDERS = new Set(['', '-', '--', '—', '——', '/', '暂无', '无', 'N/A']);

/** Whitespace-collapsed text. */
export function collapse(text: string | null | undefined): string {
  if (text == null) return '';
  // most texts are already collapsed: one scan of their characters instead of a regex replace and a trim
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return collapseSlowly(text);
      afterSpace = true;
    } else if ((c <= 13 && c >= 9) || (c >= 0xa0 && isUnicodeSpace(c))) {
      return collapseSlowly(text);
    } else afterSpace = false;
  }
  return afterSpace && text.length > 0 ? collapseSlowly(text) : text;
}

function collapseSlowly(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The characters above U+00A0 that `\s` matches. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** An element's text with its separate pieces (divs, spans) kept apart by a space: `75312…` and `46259…` in two divs stay two numbers. */
export function cellText(el: Element | null | undefined): string {
  return textPieces(el).join(' ');
}

/**
 * A cell value read the cheap way first (one textContent) and, only when that is not a valid value and the
 * cell has parts, again from its separate pieces (`<div>¥59.90</div><div>2</div>` glues to `¥59.902`).
 */
export function readCell<T>(el: Element, parse: (text: string) => CellValue<T>): CellValue<T> {
  const quick = parse(collapse(el.textContent));
  if (quick.kind !== 'bad' || el.firstElementChild === null) return quick;
  return parse(cellText(el));
}

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text);
}

/**
 * The non-empty text nodes under an element, in document order (what the console prints as separate
 * lines or spans), collapsed. Reads textContent-level data only: no layout cost.
 */
export function textPieces(el: Element | null | undefined, limit = 40): string[] {
  const pieces: string[] = [];
  if (el) collectPieces(el, pieces, limit);
  return pieces;
}

// elements that never hold text (void elements): not worth a textContent read
const NO_TEXT = new Set(['IMG', 'BR', 'HR', 'INPUT', 'WBR']);

function collectPieces(el: Element, pieces: string[], limit: number): void {
  // a leaf element is one piece: one textContent read instead of a walk over its text nodes
  if (el.firstElementChild === null) {
    const text = collapse(el.textContent);
    if (text) pieces.push(text);
    return;
  }
  for (let node = el.firstChild; node && pieces.length < limit; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const text = collapse(node.nodeValue);
      if (text) pieces.push(text);
    } else if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'TEMPLATE' && !NO_TEXT.has(tag)) collectPieces(node as Element, pieces, limit);
    }
  }
}

// ---------------------------------------------------------------------------------------------- order id

const ID_TOKENS = /\d[\d-]{4,30}\d/g;

/**
 * Finds an order id of the console's format in a text: the first digit(-dash) run that matches the whole
 * `pattern` (so a 19-digit run is not taken for a 16-digit id). Build once per page read.
 */
export function orderIdFinder(pattern: RegExp): (text: string) => string | null {
  const whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
  return (text) => {
    const tokens = text.match(ID_TOKENS);
    if (!tokens) return null;
    for (const token of tokens) if (whole.test(token)) return token;
    return null;
  };
}

/** Order id cell: `bad` when something id-like is printed in the wrong format, `absent` when nothing is. */
export function orderIdCell(text: string, findId: (text: string) => string | null): CellValue<string> {
  const id = findId(text);
  if (id) return value(id);
  return /\d{4}/.test(text) ? BAD : ABSENT;
}

/** Skip reason for an order id cell that yielded no id. */
export function orderIdSkipReason(cell: CellValue<string>): string {
  return cell.kind === 'bad' ? 'bad-order-id' : 'no-order-id';
}

// ---------------------------------------------------------------------------------------------- money

// the whole number after ¥: `¥12.3.4` must not yield ¥12.3
const CURRENCY_AMOUNTS = /-?[¥￥]\s*-?[\d,]+(?:\.\d+)?(?![\d.]|,\d)/g;
// what may stand between the amount and a second one that only qualifies it: `¥119.80 (含运费¥10.00)`
const QUALIFIER = /[（(]|含|运费|邮费|优惠|税/;

// what may follow a leading amount without changing it: a freight note or the count of a `单价/数量` cell
const AMOUNT_TAIL = /^ ?(?:[（(]含运费[¥￥]\d{1,9}(?:\.\d{1,2})?[）)]|[×*] ?\d{1,7})$/;

/**
 * The common shapes read without the general parser: `¥59.90` alone, or followed by `(含运费¥0.00)` or `×2`
 * (whitespace already collapsed). Null for anything else, which then takes the general path; for the
 * shapes accepted here both give the same amount.
 */
function leadingAmountCents(t: string): number | null {
  const yen = t.charCodeAt(0);
  if (yen !== 0xa5 && yen !== 0xffe5) return null;
  let i = 1;
  let yuan = 0;
  for (; i < t.length && i <= 9; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) break;
    yuan = yuan * 10 + (c - 48);
  }
  if (i === 1) return null;
  let cents = 0;
  const afterInt = t.charCodeAt(i);
  if (afterInt >= 48 && afterInt <= 57) return null; // ten or more digits
  if (afterInt === 46 /* . */) {
    const d1 = t.charCodeAt(i + 1) - 48;
    if (!(d1 >= 0 && d1 <= 9)) return null;
    const d2 = t.charCodeAt(i + 2) - 48;
    const twoDecimals = d2 >= 0 && d2 <= 9;
    cents = twoDecimals ? d1 * 10 + d2 : d1 * 10;
    i += twoDecimals ? 3 : 2;
    const next = t.charCodeAt(i);
    if ((next >= 48 && next <= 57) || next === 46) return null;
  }
  if (i < t.length && !AMOUNT_TAIL.test(t.slice(i))) return null;
  return yuan * 100 + cents;
}

/**
 * An amount as printed (`¥59.90`, `59.90元`, `¥119.80 (含运费¥10.00)` → the first amount). `¥--`, and a cell
 * printing two amounts without saying what the second is (`¥100.00 ¥80.00`), are `bad`.
 */
export function moneyCell(text: string): CellValue<number> {
  const quick = leadingAmountCents(text);
  if (quick !== null) return value(quick);
  const t = collapse(text);
  if (isPlaceholder(t)) return ABSENT;
  const whole = parseMoneyCents(t);
  if (whole !== null) return value(whole);
  const amounts = [...t.matchAll(CURRENCY_AMOUNTS)];
  const first = amounts[0];
  if (!first) return BAD;
  // `¥1.2.3 (含运费¥0.00)`: the printed amount is garbage; the qualifier's ¥0.00 must not stand in for it
  if (t.slice(0, (first.index ?? 0) + first[0].search(/[¥￥]/)).search(/[¥￥]/) >= 0) return BAD;
  const second = amounts[1];
  if (second && !QUALIFIER.test(t.slice((first.index ?? 0) + first[0].length, second.index))) return BAD;
  const cents = parseMoneyCents(first[0]);
  return cents !== null ? value(cents) : BAD;
}

// ---------------------------------------------------------------------------------------------- time

/** A Beijing timestamp as printed (the first one in the text); text without a valid one is `bad`. */
export function timeCell(text: string): CellValue<number> {
  // a cell printing exactly one stamp (the usual case) is read by the anchored parser, with the same result
  const whole = parseBeijingTime(text);
  if (whole !== null) return value(whole);
  const t = collapse(text);
  if (isPlaceholder(t)) return ABSENT;
  const times = findBeijingTimes(t);
  const first = times[0];
  return first !== undefined ? value(first) : BAD;
}

// ---------------------------------------------------------------------------------------------- status

export interface StatusRead {
  status?: OrderStatus;
  statusText: string;
}

/**
 * The console's status words and their normalised status. Pieces are tried first so that a status cell
 * that also prints `查看物流` or a countdown keeps only the status words; an unknown word keeps its text
 * without a normalised status.
 */
export function statusOf(pieces: readonly string[]): StatusRead | null {
  for (const piece of pieces) {
    const status = normalizeStatus(piece);
    if (status && piece.length <= 60) return { status, statusText: piece };
  }
  const whole = pieces.join(' ');
  if (!whole || isPlaceholder(whole) || whole.length > 60) return null;
  const status = normalizeStatus(whole);
  return status ? { status, statusText: whole } : { statusText: whole };
}

/** The status printed in a cell: its first piece when that is a status (the usual case, cheap), else all pieces. */
export function statusIn(cell: Element | null | undefined): StatusRead | null {
  if (!cell) return null;
  const first = textPieces(cell, 1)[0];
  const status = first ? normalizeStatus(first) : null;
  if (first && status && first.length <= 60) return { status, statusText: first };
  return statusOf(textPieces(cell));
}

// ---------------------------------------------------------------------------------------------- logistics

const WAYBILL_TOKENS = /[A-Za-z0-9-]{8,40}/g;

/** Waybill numbers printed in a text: runs of 8–40 letters/digits holding at least 8 digits, deduplicated. */
export function waybillsIn(text: string): string[] {
  const found: string[] = [];
  for (const token of text.match(WAYBILL_TOKENS) ?? []) {
    const trimmed = token.replace(/^-+|-+$/g, '');
    let digits = 0;
    for (let i = 0; i < trimmed.length; i++) {
      const c = trimmed.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    if (digits >= 8 && trimmed.length >= 8 && !found.includes(trimmed)) found.push(trimmed);
  }
  return found;
}

/** Carrier names printed in a cell (one per piece), without placeholders, numbers or link words. */
export function carriersIn(pieces: readonly string[]): string[] {
  return pieces.filter(
    (piece) => !isPlaceholder(piece) && piece.length <= 40 && !/\d{6}/.test(piece) && !/^(查看|复制|详情)/.test(piece),
  );
}

// ---------------------------------------------------------------------------------------------- items

const NOT_A_TITLE = /^(?:ID|商品ID|商品编码|商家编码|货号|SKU|编码|规格|颜色分类|订单号|订单编号)\s*[：:]/i;
const NUMERIC_ONLY = /^[-+¥￥x×*\s\d.,]*$/i;

/** The product title among a goods cell's pieces: the first piece that is not a code, a spec or a number. */
export function itemTitleIn(pieces: readonly string[]): string | null {
  for (const piece of pieces) {
    if (isPlaceholder(piece) || NOT_A_TITLE.test(piece) || NUMERIC_ONLY.test(piece)) continue;
    return piece.length > 300 ? piece.slice(0, 300).trim() : piece;
  }
  return null;
}

const SPEC_LINE = /^(?:规格|颜色分类|商品规格)\s*[：:]\s*(.+)$/;

/** The spec line of a goods cell (`规格：白色 XL` → `白色 XL`). */
export function itemSpecIn(pieces: readonly string[]): string | null {
  for (const piece of pieces) {
    const match = SPEC_LINE.exec(piece);
    if (match?.[1]) return match[1].slice(0, 200).trim();
  }
  return null;
}

/** A quantity as printed: `2`, `x2`, `×2`, or the `×2` part of a `¥59.90 ×2` cell. */
export function quantityIn(text: string): number | null {
  const t = collapse(text);
  const match = /^\d{1,7}$/.test(t) ? [t, t] : t.match(/[x×*]\s*(\d{1,7})(?![\d.])/i);
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return n >= 1 && n <= 1_000_000 ? n : null;
}

/** A trimmed display text within a length bound (buyer nicknames, shop names), else null. */
export function boundedText(text: string | null | undefined, max: number): string | null {
  const t = collapse(text);
  if (!t || isPlaceholder(t) || t.length > max) return null;
  return t;
}
