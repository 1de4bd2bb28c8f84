/** Whitespace that collapsing changes: at either end, two in a row, or any but a plain space. */
const NEEDS_COLLAPSE = /^\s|\s$|\s\s|[^\S ]/;
const SPACES = /\s+/g;

/**
 * generic-cells' collapse, with one native regex test deciding (most pieces are Chinese without a space):
 * its per-character loop calls a function for every character above U+00A0, i.e. every Chinese one.
 */
export function squash(text: string | null | undefined): string {
  if (!text) return '';
  return NEEDS_COLLAPSE.test(text) ? text.replace(SPACES, ' ').trim() : text;
}

/**
 * One walk over an order row, shared by every floor strategy: its text pieces (one per text node, or one per
 * leaf element — consoles print `<span>订单号：</span><span>3098…</span>` with nothing between, and a joined
 * textContent would glue the id to what follows), the element printing each piece, and the table rows
 * inside it. The walk reads textContent-level data only (no layout) and is linear in the row's
 * size; its result is cached per row element for the duration of one page read.
 */
export interface RowText {
  readonly row: Element;
  readonly pieces: string[];
  /** owners[i]: the element whose text (or own text node) pieces[i] is. */
  readonly owners: Element[];
  /** Results of the strategies, computed once per row when first asked for (see label-value, column-value, text-patterns). */
  readonly memo: Map<string, unknown>;
}

/** A row holding more pieces than this is cut (a row is a few dozen; a runaway container is not a row). */
const MAX_PIECES = 600;
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, without the DOM global
/** Parents whose text is no page text: scripts, styles, form controls' contents, SVG text. */
const NO_PAGE_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'SELECT', 'OPTION', 'text', 'tspan', 'textPath', 'title', 'desc']);

/**
 * The walk: a native TreeWalker over the row's text nodes (in Chromium several times cheaper than stepping
 * through every node from script), each non-empty text node one piece owned by its parent element.
 * `<template>` contents are not children, so they are never walked.
 */
function readRowText(row: Element): RowText {
  const out: RowText = { row, pieces: [], owners: [], memo: new Map() };
  const doc = row.ownerDocument;
  // OrderLens' own row controls (`<span data-orderlens="controls">`) are not the console's text
  const controls = row.querySelector('[data-orderlens="controls"]') ? Array.from(row.querySelectorAll('[data-orderlens="controls"]')) : [];
  const walker = doc.createTreeWalker(row, SHOW_TEXT);
  for (let node = walker.nextNode(); node && out.pieces.length < MAX_PIECES; node = walker.nextNode()) {
    const text = squash(node.nodeValue);
    if (!text) continue;
    const parent = node.parentNode as Element | null;
    if (!parent || NO_PAGE_TEXT.has(parent.tagName)) continue;
    if (controls.length > 0 && controls.some((box) => box.contains(parent))) continue;
    out.pieces.push(text);
    out.owners.push(parent);
  }
  return out;
}

// The cache lives for one page read: a read is synchronous, so it is dropped at the next microtask (and by
// beginFloorRead). A row re-rendered in place later is walked again.
let cache = new WeakMap<Element, RowText>();
/** Per-read caches of the strategies that are keyed by elements outside the row (headers of tables, grids). */
let shared = new Map<string, WeakMap<object, unknown>>();
let expiryQueued = false;

function queueExpiry(): void {
  if (expiryQueued) return;
  expiryQueued = true;
  const expire = () => {
    expiryQueued = false;
    cache = new WeakMap();
    shared = new Map();
  };
  if (typeof queueMicrotask === 'function') queueMicrotask(expire);
  else void Promise.resolve().then(expire);
}

/** Starts a page read: forgets every row and header seen before (the page may have re-rendered). */
export function beginFloorRead(): void {
  cache = new WeakMap();
  shared = new Map();
}

/** The row's pieces, walked once per page read. */
export function rowTextOf(row: Element): RowText {
  let text = cache.get(row);
  if (!text) {
    text = readRowText(row);
    cache.set(row, text);
    queueExpiry();
  }
  return text;
}

/** A per-read cache of `what`, keyed by an element (or any object) outside the row, e.g. a table's header. */
export function sharedMemo<T>(what: string, key: object, compute: () => T): T {
  let byKey = shared.get(what);
  if (!byKey) {
    byKey = new WeakMap();
    shared.set(what, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = compute();
  byKey.set(key, value);
  queueExpiry();
  return value;
}

/** A per-row memo of one strategy's result. */
export function rowMemo<T>(text: RowText, name: string, compute: () => T): T {
  if (text.memo.has(name)) return text.memo.get(name) as T;
  const value = compute();
  text.memo.set(name, value);
  return value;
}
