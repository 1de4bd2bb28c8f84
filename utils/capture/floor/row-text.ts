import { collapse } from '../generic-cells';

/**
 * One walk over an order row, shared by every floor strategy: its text pieces (one per text node, or one per
 * leaf element — consoles print `<span>订单号：</span><span>3098…</span>` with nothing between, and a joined
 * textContent would glue the id to what follows), the element printing each piece, and the table rows and
 * ARIA rows inside it. The walk reads textContent-level data only (no layout) and is linear in the row's
 * size; its result is cached per row element for the duration of one page read.
 */
export interface RowText {
  readonly row: Element;
  readonly pieces: string[];
  /** owners[i]: the element whose text (or own text node) pieces[i] is. */
  readonly owners: Element[];
  /** `<tr>` elements inside the row, in document order. */
  readonly trs: Element[];
  /** `[role=row]` elements inside the row, in document order. */
  readonly ariaRows: Element[];
  /** Results of the strategies, computed once per row when first asked for (see label-value, column-value, text-patterns). */
  readonly memo: Map<string, unknown>;
}

/** A row holding more pieces than this is cut (a row is a few dozen; a runaway container is not a row). */
const MAX_PIECES = 600;
// elements that never hold text (void elements) or hold no page text
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'BR', 'HR', 'INPUT', 'WBR', 'SVG', 'svg', 'TEXTAREA', 'SELECT']);

function walk(el: Element, out: RowText): void {
  const pieces = out.pieces;
  for (let node = el.firstChild; node && pieces.length < MAX_PIECES; node = node.nextSibling) {
    if (node.nodeType === 3) {
      const text = collapse(node.nodeValue);
      if (text) {
        pieces.push(text);
        out.owners.push(el);
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const tag = child.tagName;
    if (SKIPPED.has(tag)) continue;
    // OrderLens' own row controls (`<span data-orderlens="controls">`) are not the console's text
    if (tag === 'SPAN' && child.hasAttribute('data-orderlens')) continue;
    if (tag === 'TR') out.trs.push(child);
    else if ((tag === 'DIV' || tag === 'LI') && child.getAttribute('role') === 'row') out.ariaRows.push(child);
    if (child.firstElementChild === null) {
      // a leaf element is one piece: one textContent read instead of a walk over its text nodes
      const text = collapse(child.textContent);
      if (text) {
        pieces.push(text);
        out.owners.push(child);
      }
    } else walk(child, out);
  }
}

function readRowText(row: Element): RowText {
  const out: RowText = { row, pieces: [], owners: [], trs: [], ariaRows: [], memo: new Map() };
  if (row.firstElementChild === null) {
    const text = collapse(row.textContent);
    if (text) {
      out.pieces.push(text);
      out.owners.push(row);
    }
  } else walk(row, out);
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
