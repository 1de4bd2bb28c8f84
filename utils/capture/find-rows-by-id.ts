const ID_RUN = /\d[\d-]{4,30}\d/g;
/** NodeFilter.SHOW_TEXT, as a number: bare DOMs (unit tests' JSDOM windows) have no NodeFilter global. */
const SHOW_TEXT = 4;

/**
 * Finds the row element of each `missing` order id printed on the page, without any class name or
 * layout knowledge: the row is the largest element that contains this order's id and no other of the
 * page's known ids (`known`: every order id the DOM reader or the JSON placed on this page, so that a
 * row never swallows its neighbours). Used for orders the console's JSON knows but the DOM reader could
 * not read (a redesigned row), so they still get their controls. Ids only in attributes are not found.
 */
export function findRowsById(root: Element, missing: ReadonlySet<string>, known: ReadonlySet<string>): Map<string, Element> {
  const found = new Map<string, Element>();
  if (missing.size === 0) return found;
  const text = root.textContent ?? '';
  if (![...missing].some((id) => text.includes(id))) return found;
  const hits = idHitsIn(root, new Set([...known, ...missing]), ID_RUN);
  for (const [id, row] of largestRowsById(hits, [root.ownerDocument.body ?? root, root])) if (missing.has(id)) found.set(id, row);
  return found;
}

/** Where each of `wanted` is printed under `root`: [id, the element whose own text prints it], in page order. */
export function idHitsIn(root: Element, wanted: ReadonlySet<string>, idRun: RegExp): [string, Element][] {
  const hits: [string, Element][] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length < 6) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('[data-orderlens]')) continue;
    for (const match of data.matchAll(idRun)) if (wanted.has(match[0])) hits.push([match[0], parent]);
  }
  return hits;
}

/**
 * Each id's row: the largest ancestor of where it is printed that holds no other id of `hits`, climbing no
 * higher than the first of `stops`; in the order the ids are first printed (an id without such a row is left
 * out). Shared by every class-free row finder (this file, floor-fill, the 抖店 reader).
 */
export function largestRowsById(hits: readonly (readonly [string, Element])[], stops: readonly Element[]): Map<string, Element> {
  const below = (el: Element | null): el is Element => el !== null && !stops.includes(el);
  // Which id each ancestor holds: one id, or null once it holds several.
  const holds = new Map<Element, string | null>();
  for (const [id, element] of hits) {
    for (let el: Element | null = element; below(el); el = el.parentElement) {
      const held = holds.get(el);
      if (held === undefined) holds.set(el, id);
      else if (held !== id) holds.set(el, null);
      else break; // this id already climbed from here
    }
  }
  const found = new Map<string, Element>();
  for (const [id, element] of hits) {
    if (found.has(id)) continue;
    let row: Element | null = null;
    for (let el: Element | null = element; below(el); el = el.parentElement) {
      if (holds.get(el) !== id) break;
      row = el;
    }
    if (row) found.set(id, row);
  }
  return found;
}
