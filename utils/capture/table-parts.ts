/**
 * Table structure without class names: the rows of a table (its own or its sections'), the cells of a
 * row, a parent's children by tag. Sibling walks, not HTMLCollection iteration or selectors: these run
 * per order row on the hot path.
 */

/** Element children with one of the given names. */
export function childrenNamed(parent: Element, ...names: string[]): Element[] {
  const out: Element[] = [];
  for (let el = parent.firstElementChild; el; el = el.nextElementSibling) if (names.includes(el.localName)) out.push(el);
  return out;
}

/** The `tr` rows of a table: its own and those of its thead/tbody sections, in order (nested tables' excluded). */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (let section = table.firstElementChild; section; section = section.nextElementSibling) {
    const tag = section.localName;
    if (tag === 'tr') rows.push(section);
    else if (tag === 'thead' || tag === 'tbody') {
      for (let row = section.firstElementChild; row; row = row.nextElementSibling) if (row.localName === 'tr') rows.push(row);
    }
  }
  return rows;
}

/** A row's td/th cells in order. */
export function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.localName;
    if (tag === 'td' || tag === 'th') cells.push(child);
  }
  return cells;
}

/**
 * The elements not inside an earlier one (a class-prefix selector also hits an order's inner parts).
 * `elements` in document order: an element inside an earlier one is inside the last one kept.
 */
export function outermost(elements: readonly Element[]): Element[] {
  const kept: Element[] = [];
  let last: Element | undefined;
  for (const el of elements) {
    if (last && last.contains(el)) continue;
    kept.push(el);
    last = el;
  }
  return kept;
}

/** Matches of `selector` under `root` (document order) outside the subtree of `excluded`. */
export function queryAllOutside(root: ParentNode, excluded: Element, selector: string, out: Element[]): void {
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (child === excluded) continue;
    if (child.matches(selector)) out.push(child);
    if (child.contains(excluded)) queryAllOutside(child, excluded, selector, out);
    else for (const el of Array.from(child.querySelectorAll(selector))) out.push(el);
  }
}
