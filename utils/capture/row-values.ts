/**
 * Small value helpers for site readers (抖店 and 京东 use them; they belong in utils/capture once that is
 * open for edits). Everything compiled once: readers must not build regexes per row.
 */
import { type SelectorEntry } from './fast-query';
import { parseMoneyCents } from '../model/money';
import { queryOne } from './fast-query';
import type { Tally } from './tally';

const SPACES = /\s+/g;
// Whitespace that collapsing would change: any but a plain space, or two spaces in a row.
const COLLAPSIBLE = /[^\S ]| {2}/;
// The common printed amount (`¥139.70`, `29.00`): read directly, the same cents as parseMoneyCents.
const PLAIN_MONEY = /^[¥￥]?(\d{1,9})(?:\.(\d{1,2}))?$/;
// A whole amount inside longer text (`¥119.80(含运费¥0.00)`): never a prefix of a longer number (`¥12.3.4`).
const MONEY_TOKEN = /(?<![\d.,])-?[¥￥]\s*-?\d[\d,]*(?:\.\d+)?(?![\d.,])|(?<![\d.,¥￥])-?\d[\d,]*(?:\.\d+)?(?![\d.,])\s*元/;
const QUANTITY = /^[x×X*]\s*(\d{1,7})$/;

/** Text cut to a schema's maximum length; undefined for empty text. */
export const clip = (text: string, max: number): string | undefined => (text ? text.slice(0, max) : undefined);

/** Whitespace-collapsed textContent, without a regex replace when none is needed. */
export function textOf(el: Element | null | undefined): string {
  const text = el?.textContent;
  if (!text) return '';
  return COLLAPSIBLE.test(text) ? text.replace(SPACES, ' ').trim() : text.trim();
}

/** What firstMatch accepts as a found value. */
export function usable<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined && value !== '' && !(typeof value === 'number' && Number.isNaN(value));
}

/**
 * A selector chain as fallback strategies (firstMatch semantics without building them per row): the first
 * entry whose element maps to a usable value wins and is counted in `tally` (if any) at `offset + entry
 * index`. Undefined (nothing counted) when no entry yields a value: the caller tries its next strategy.
 */
export function chainValue<T>(
  root: ParentNode,
  chain: readonly SelectorEntry[],
  map: (el: Element) => T | null | undefined,
  tally?: Tally,
  offset = 0,
): T | undefined {
  for (let i = 0; i < chain.length; i += 1) {
    const el = queryOne(root, chain[i]!.selector);
    const value = el ? map(el) : null;
    if (usable(value)) {
      tally?.win(offset + i);
      return value;
    }
  }
  return undefined;
}

/**
 * Money text → cents: `undefined` when nothing is printed, `null` when something unreadable is (`¥--`).
 * When the text holds more than the amount (`¥119.80 含运费¥0.00`) the first money token is read.
 */
export function moneyOf(text: string): number | null | undefined {
  const compact = text.replace(SPACES, '');
  if (!compact) return undefined;
  const plain = PLAIN_MONEY.exec(compact);
  if (plain) return Number(plain[1]) * 100 + (plain[2] ? Number(plain[2].padEnd(2, '0')) : 0);
  const direct = parseMoneyCents(compact);
  if (direct !== null) return direct;
  const token = MONEY_TOKEN.exec(compact);
  return token ? parseMoneyCents(token[0]) : null;
}

/** `x2` / `×2` → 2, else undefined. */
export function quantityOf(text: string): number | undefined {
  const match = QUANTITY.exec(text);
  return match ? Number(match[1]) : undefined;
}

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without the DOM global
const LABEL_ONLY = /^[^：:]{1,12}[：:]$/;

/**
 * The non-empty text pieces under `root`, one per text node, in document order. Unlike textContent this
 * keeps element boundaries: consoles render `<span>订单号：</span><span>3098…</span><span>2026-…</span>`
 * with no whitespace between elements, and a joined text would glue the id to the date's digits.
 */
export function textPieces(root: Node | null | undefined): string[] {
  const pieces: string[] = [];
  const doc = root?.ownerDocument;
  if (!root || !doc) return pieces;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue?.trim();
    if (text) pieces.push(text);
  }
  return pieces;
}

/**
 * The value printed after a label among text pieces: the rest of the label's own piece when it holds one
 * (`下单时间：2023-03-02 10:11:12`), else the next piece (`<span>订单编号</span><span>4934…</span>`).
 * `label` is anchored at the start and swallows the colon: `^(?:订单编号|订单号)\s*[：:]?\s*`.
 */
export function valueAfterLabelIn(pieces: readonly string[], label: RegExp): string | undefined {
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    const match = label.exec(piece);
    if (!match) continue;
    const rest = piece.slice(match[0].length).trim();
    if (rest) return rest;
    // An empty value must not borrow the next label (`规格：` `SKU：` …).
    const next = pieces[i + 1];
    return next === undefined || LABEL_ONLY.test(next) ? undefined : next;
  }
  return undefined;
}

/** The first piece in which `pattern` matches, with the match. */
export function matchInPieces(pieces: readonly string[], pattern: RegExp): string | undefined {
  for (const piece of pieces) {
    const match = pattern.exec(piece);
    if (match) return match[0];
  }
  return undefined;
}
