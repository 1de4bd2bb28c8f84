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
  const wanted = new Set([...known, ...missing]);
  const hits: [string, Element][] = [];
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length < 6) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('[data-orderlens]')) continue;
    for (const match of data.matchAll(ID_RUN)) if (wanted.has(match[0])) hits.push([match[0], parent]);
  }
  // Which wanted id each ancestor holds: one id, or null once it holds several.
  const holds = new Map<Element, string | null>();
  const stop = root.ownerDocument.body ?? root;
  for (const [id, element] of hits) {
    for (let el: Element | null = element; el && el !== stop && el !== root; el = el.parentElement) {
      const held = holds.get(el);
      if (held === undefined) holds.set(el, id);
      else if (held !== id) holds.set(el, null);
      else break; // this id already climbed from here
    }
  }
  for (const [id, element] of hits) {
    if (found.has(id) || !missing.has(id)) continue;
    let row: Element | null = null;
    for (let el: Element | null = element; el && el !== stop && el !== root; el = el.parentElement) {
      if (holds.get(el) !== id) break;
      row = el;
    }
    if (row) found.set(id, row);
  }
  return found;
}
