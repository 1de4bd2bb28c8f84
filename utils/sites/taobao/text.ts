import { collapse } from '../../capture/generic-cells';
import { parseMoneyCents } from '../../model/money';
import { parseBeijingTime } from '../../model/time';

/**
 * Small text readers shared by the Taobao list and detail readers. Every pattern is compiled once here:
 * readers run over hundreds of rows per page render.
 */

// The common printed amount (`¥169.00`): read directly, the same cents as parseMoneyCents gives.
const PLAIN_MONEY = /^[¥￥]?(\d{1,9})(?:\.(\d{1,2}))?$/;
/** `(含快递:¥0.00)` under 实收款: the postage included in the amount, never the amount itself. */
const POSTAGE_NOTE = /[（(]\s*(?:含|包含)\s*(?:快递|运费|邮费)[^)）]*[)）]/g;
/** A printed amount: ¥/￥ and whatever follows up to a space or bracket (`¥169.00`, `¥--`, `¥1,299.00`). */
const MARKED_AMOUNT = /[-−]?\s*[¥￥]\s*[^\s()（）¥￥]*/;
/** A numeric price token (unit-price cells may show the struck original price before the paid one). */
const PRICE_TOKEN = /[¥￥]\s*\d[\d,]*(?:\.\d+)?/g;
const PLACEHOLDER = /^(?:-+|—+|－+|暂无|无|null|undefined)?$/i;
const LEADING_STAMP = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/;
const FIRST_TOKEN = /^[^\s，,；;]+/;
const DIGITS = /^\d+$/;
const LEADING_CODE = /^[0-9A-Za-z-]+/;

/** parseMoneyCents, with the common `¥169.00` read without its general scan. */
function moneyCents(text: string): number | null {
  const plain = PLAIN_MONEY.exec(text);
  if (plain) return Number(plain[1]) * 100 + (plain[2] ? Number(plain[2].padEnd(2, '0')) : 0);
  return parseMoneyCents(text);
}

/** A value the console prints when it has none (`--`, `暂无`). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/** The first whitespace/comma-delimited token. */
export function firstToken(value: string): string {
  return FIRST_TOKEN.exec(value.trim())?.[0] ?? '';
}

/** An id or waybill number at the start of a value, which may run straight into a 复制 link's text. */
export function leadingCode(value: string): string {
  return LEADING_CODE.exec(value.trim())?.[0] ?? '';
}

export type Parsed<T> = { printed: false } | { printed: true; value: T | null };

/**
 * An order amount cell or value: the postage note is dropped, then the first ¥ amount is read.
 * `printed: false` when nothing but a placeholder is shown; `value: null` for garbage such as `¥--`.
 */
export function parseAmount(text: string): Parsed<number> {
  const rest = collapse(text.replace(POSTAGE_NOTE, ' '));
  if (isPlaceholder(rest)) return { printed: false };
  const marked = MARKED_AMOUNT.exec(rest);
  return { printed: true, value: moneyCents(marked ? marked[0] : rest) };
}

/** Unit price: the last numeric ¥ token (a struck original price comes first), else null. */
// A qualifier note beside a price (`(优惠¥5.00)`, `含运费¥3.00`, `运费：¥0.00`): its money is not the price.
const PRICE_NOTE = /[(（]?\s*(?:含运费|含快递|运费|快递|优惠)\s*[:：]?\s*[¥￥]?\s*\d+(?:\.\d+)?\s*[)）]?/g;

export function parseUnitPrice(text: string): number | null {
  const tokens = text.replace(PRICE_NOTE, ' ').match(PRICE_TOKEN);
  const last = tokens?.[tokens.length - 1];
  return last ? moneyCents(last) : null;
}

/** A label's time value: `2026-05-13 00:22:32` (anything after it ignored). */
export function parseTimeValue(value: string): Parsed<number> {
  const text = value.trim();
  if (isPlaceholder(text)) return { printed: false };
  const stamp = LEADING_STAMP.exec(text);
  return { printed: true, value: stamp ? parseBeijingTime(stamp[0]) : null };
}

export function parseQuantity(text: string): number | undefined {
  const value = text.trim();
  if (!DIGITS.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= 1_000_000 ? n : undefined;
}

/** The text of the first non-empty text node that is not inside a link or button (a cell's headline). */
export function leadingText(el: Element): string {
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const text = collapse(node.textContent);
      if (text) return text;
    } else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (tag === 'a' || tag === 'button' || tag === 'script' || tag === 'style') continue;
      const text = leadingText(node as Element);
      if (text) return text;
    }
  }
  return '';
}

/** Text within limits for the schema, or undefined. */
export function bounded(text: string, max: number): string | undefined {
  const value = collapse(text);
  return value && value.length <= max ? value : undefined;
}
