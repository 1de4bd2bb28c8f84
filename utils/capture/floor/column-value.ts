import { normalizeStatus } from '../../model/status-words';
import { collapse, textPieces } from '../generic-cells';
import { type Kind, kindOfLabel, kindsOfHeader } from './kinds';
import { type RowText, rowMemo, sharedMemo } from './row-text';
import { regionIn } from './text-patterns';

/**
 * The value of a field in a row by the header text of its column, as the generic reader maps columns
 * (generic-grid), but found from the row element upward:
 * - real tables: the `<th>`s of the table's `<thead>` (or a first row of `<th>`s), colspan and rowspan laid
 *   out; a body table without a header takes the header table before it (kits with a fixed header render
 *   the two apart, and 千牛/拼多多 print one table per order under one header table);
 * - ARIA grids: the `role=columnheader` cells of the row's grid, by `aria-colindex` or position;
 * - div grids: a header element (bare labels, each naming a field) among the first children of an ancestor;
 *   the row's cells are the elements that align with it by index — the row's children, or the cells of a
 *   body under the row's header line, with a group of item sub-rows standing for its first sub-row
 *   (抖店: `商品 | 单价/数量 | 售后` repeat per item inside the row). A candidate alignment must agree with
 *   the header (money under 实付金额, status words under 订单状态, a time under 下单时间 …) before it is used.
 * Headers are found once per page read (cached per table, grid and ancestor).
 */

export interface Header {
  /** kinds[i]: what column i holds (undefined: nothing the floor reads). */
  kinds: (readonly Kind[] | undefined)[];
  /** Every kind some column names. */
  named: Set<Kind>;
  width: number;
  source: 'table' | 'aria' | 'div';
  /** The header row (div and ARIA headers) or the header table. */
  el: Element;
  /** Rows of the row's own table that are the header (left out of the data lines). */
  headRows: readonly Element[];
}

export interface AlignedRow {
  header: Header;
  /** lines[0]: the row's first line of cells by column index; further lines: its other item lines. */
  lines: (Element | undefined)[][];
}

const MAX_HEADER_TEXT = 600;
const MAX_HEADER_CELL = 24;
const GRID_ROLES = '[role="grid"],[role="table"],[role="treegrid"]';
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

const headerOf = (cells: readonly (Element | undefined)[], source: Header['source'], el: Element, headRows: Element[] = []): Header | null => {
  const kinds: (readonly Kind[] | undefined)[] = [];
  let named = 0;
  const done = new Set<Element>();
  cells.forEach((cell, i) => {
    if (!cell) return;
    const text = collapse(cell.textContent);
    const found = text.length <= MAX_HEADER_CELL ? kindsOfHeader(text) : [];
    if (found.length > 0) {
      kinds[i] = found;
      if (!done.has(cell)) named += 1;
    }
    done.add(cell);
  });
  return named > 0 ? { kinds, named: namedKinds(kinds), width: cells.length, source, el, headRows } : null;
};

function namedKinds(kinds: readonly (readonly Kind[] | undefined)[]): Set<Kind> {
  const named = new Set<Kind>();
  for (const list of kinds) if (list) for (const kind of list) named.add(kind);
  return named;
}

/** An element's children as an array, by stepping (cheaper than Array.from over a live HTMLCollection). */
function childrenOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) out.push(child);
  return out;
}

/** The class attribute (className where it is a string: HTML elements; about half getAttribute's cost). */
function classOf(el: Element): string {
  const name = (el as { className?: unknown }).className;
  return typeof name === 'string' ? name : (el.getAttribute('class') ?? '');
}

const namedCount = (header: Header) => new Set(header.kinds.filter((k) => k !== undefined)).size;

// ---------------------------------------------------------------------------------------------- tables

type Carry = ({ cell: Element; left: number } | undefined)[];

function span(cell: Element, prop: 'colSpan' | 'rowSpan', attr: string, max: number): number {
  const native = (cell as unknown as Record<string, unknown>)[prop];
  const n = typeof native === 'number' ? native : Number.parseInt(cell.getAttribute(attr) ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

interface Placed {
  cells: (Element | undefined)[];
  own: number;
  ownSpan: number;
}

/** Lays one table row on the column grid (colspan, and rowspan carried from the rows above). */
function place(tr: Element, carry: Carry): Placed {
  const cells: (Element | undefined)[] = [];
  let col = 0;
  let own = 0;
  let ownSpan = 0;
  const takeCarried = () => {
    for (let pending = carry[col]; pending && pending.left > 0; pending = carry[col]) {
      cells[col] = pending.cell;
      pending.left -= 1;
      col += 1;
    }
  };
  for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    takeCarried();
    const colspan = span(cell, 'colSpan', 'colspan', 100);
    const rowspan = span(cell, 'rowSpan', 'rowspan', 1000);
    for (let k = 0; k < colspan; k += 1) {
      cells[col + k] = cell;
      carry[col + k] = rowspan > 1 ? { cell, left: rowspan - 1 } : undefined;
    }
    col += colspan;
    own += 1;
    ownSpan += colspan;
  }
  for (; col < carry.length; col += 1) {
    const pending = carry[col];
    if (pending && pending.left > 0) {
      cells[col] = pending.cell;
      pending.left -= 1;
    }
  }
  return { cells, own, ownSpan };
}

function tableOf(tr: Element): Element | null {
  const parent = tr.parentElement;
  if (!parent) return null;
  if (parent.tagName === 'TABLE') return parent;
  const grand = parent.parentElement;
  return grand?.tagName === 'TABLE' ? grand : null;
}

/** The table's own rows (not those of nested tables): thead rows apart. */
function sections(table: Element): { head: Element[]; body: Element[] } {
  const head: Element[] = [];
  const body: Element[] = [];
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName;
    if (tag === 'TR') body.push(child);
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      const into = tag === 'THEAD' ? head : body;
      for (let row = child.firstElementChild; row; row = row.nextElementSibling) if (row.tagName === 'TR') into.push(row);
    }
  }
  return { head, body };
}

const allHeaderCells = (tr: Element) => {
  let any = false;
  for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
    if (cell.tagName === 'TD') return false;
    if (cell.tagName === 'TH') any = true;
  }
  return any;
};

/** A table's own header: its `<thead>`, else a first row made of `<th>`s. */
function ownTableHeader(table: Element): Header | null {
  const { head, body } = sections(table);
  const rows = head.length > 0 ? head : body[0] && allHeaderCells(body[0]) ? [body[0]] : [];
  if (rows.length === 0) return null;
  const carry: Carry = [];
  let merged: Header | null = null;
  for (const row of rows) {
    const placed = place(row, carry);
    const header = headerOf(placed.cells, 'table', table, rows);
    if (!header) continue;
    if (!merged) merged = header;
    else {
      // a two-row header: the first row naming a column wins
      header.kinds.forEach((kinds, i) => {
        if (kinds && !merged!.kinds[i]) merged!.kinds[i] = kinds;
      });
      merged.width = Math.max(merged.width, header.width);
      merged.named = namedKinds(merged.kinds);
    }
  }
  return merged;
}

function tableHeaderOf(table: Element): Header | null {
  return sharedMemo('table-header', table, () => ownTableHeader(table) ?? containerHeader(table));
}

/** The row's lines in `table` under its header (the row may hold several tables: a head table, an items table). */
function alignTable(table: Element, trs: readonly Element[]): AlignedRow | null {
  const header = tableHeaderOf(table);
  if (!header) return null;
  const carry: Carry = [];
  const lines: (Element | undefined)[][] = [];
  let widest = 0;
  for (const tr of trs) {
    if (tableOf(tr) !== table || tr.parentElement?.tagName === 'THEAD' || header.headRows.includes(tr)) continue;
    const placed = place(tr, carry);
    widest = Math.max(widest, placed.cells.length);
    // a full-width line is the order's header line (订单号 … 创建时间 …) or an expanded row, not cells
    if (placed.own === 0 || (placed.own === 1 && placed.ownSpan >= 2)) continue;
    lines.push(placed.cells);
  }
  if (lines.length === 0) return null;
  // a header taken from outside the table must have the table's width, or columns would shift
  if (header.el !== table && header.width !== widest) return null;
  return { header, lines };
}

// ---------------------------------------------------------------------------------------------- ARIA grids

function ariaIndex(cell: Element, position: number): number {
  const n = Number.parseInt(cell.getAttribute('aria-colindex') ?? '', 10);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n - 1 : position;
}

function ariaCells(row: Element): (Element | undefined)[] {
  const roled: Element[] = [];
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    if (CELL_ROLES.has(child.getAttribute('role') ?? '')) roled.push(child);
  }
  const cells = roled.length > 0 ? roled : childrenOf(row);
  const placed: (Element | undefined)[] = [];
  cells.forEach((cell, position) => {
    const index = ariaIndex(cell, position);
    if (!placed[index]) placed[index] = cell;
  });
  return placed;
}

function ariaHeaderOf(grid: Element): Header | null {
  return sharedMemo('aria-header', grid, () => {
    const first = grid.querySelector('[role="columnheader"]');
    const headerRow = first?.closest('[role="row"]');
    if (!headerRow || headerRow.closest(GRID_ROLES) !== grid) return null;
    return headerOf(ariaCells(headerRow), 'aria', headerRow);
  });
}

function alignAria(header: Header, grid: Element, rows: readonly Element[]): AlignedRow | null {
  const lines = rows.filter((r) => r !== header.el && r.closest(GRID_ROLES) === grid).map(ariaCells);
  return lines.length > 0 ? { header, lines } : null;
}

// ---------------------------------------------------------------------------------------------- div grids

/** A row of bare header labels: at least two children naming fields, every child short and colon-free. */
function divHeaderRow(el: Element): Header | null {
  if (el.childElementCount < 2 || el.childElementCount > 40) return null;
  const cells = childrenOf(el);
  for (const cell of cells) {
    const text = collapse(cell.textContent);
    if (text.length > MAX_HEADER_CELL || text.includes('：') || text.includes(':')) return null;
  }
  const header = headerOf(cells, 'div', el);
  return header && namedCount(header) >= 2 ? header : null;
}

/** A header inside a small element: a table header, an ARIA header row, or a div header row. */
function headerIn(candidate: Element): Header | null {
  const tables = candidate.tagName === 'TABLE' ? [candidate] : Array.from(candidate.getElementsByTagName('table')).slice(0, 2);
  for (const table of tables) {
    const header = ownTableHeader(table);
    if (header && namedCount(header) >= 2) return header;
  }
  const columnHeader = candidate.querySelector('[role="columnheader"]');
  const headerRow = columnHeader?.closest('[role="row"]');
  if (headerRow && candidate.contains(headerRow)) {
    const header = headerOf(ariaCells(headerRow), 'aria', headerRow);
    if (header && namedCount(header) >= 2) return header;
  }
  const queue: [Element, number][] = [[candidate, 0]];
  for (let visited = 0; queue.length > 0 && visited < 80; visited += 1) {
    const [el, depth] = queue.shift()!;
    const header = divHeaderRow(el);
    if (header) return header;
    if (depth < 4) for (let child = el.firstElementChild; child; child = child.nextElementSibling) queue.push([child, depth + 1]);
  }
  return null;
}

/** The header among the first children of an ancestor (computed once per ancestor and page read). */
function headerAmongFirstChildren(ancestor: Element): Header | null {
  return sharedMemo('first-children-header', ancestor, () => {
    let child = ancestor.firstElementChild;
    for (let n = 0; child && n < 4; n += 1, child = child.nextElementSibling) {
      const text = child.textContent ?? '';
      if (!text.trim() || text.length > MAX_HEADER_TEXT) continue;
      const header = headerIn(child);
      if (header) return header;
    }
    return null;
  });
}

/** The nearest header above an element: among the first children of its ancestors (up to 8 levels). */
function containerHeader(from: Element): Header | null {
  let ancestor = from.parentElement;
  for (let level = 0; ancestor && level < 8; level += 1, ancestor = ancestor.parentElement) {
    const tag = ancestor.tagName;
    if (tag === 'BODY' || tag === 'HTML') break;
    const header = headerAmongFirstChildren(ancestor);
    if (header) return header;
  }
  return null;
}

interface Layout {
  cells: Element[];
  /** Child indexes of the expansions made, in order (the recipe replayed on the next rows). */
  steps: number[];
  sub?: { rows: Element[]; offset: number; width: number };
}

/** A cell that stands for several columns: its children, or — for a group of like sub-rows — its first sub-row's. */
function expansionOf(el: Element): { cells: Element[]; subRows?: Element[] } | null {
  let target = el;
  for (let i = 0; i < 4 && target.childElementCount === 1; i += 1) target = target.firstElementChild!;
  const kids = childrenOf(target);
  if (kids.length < 2) return null;
  const first = kids[0]!;
  const width = first.childElementCount;
  const cls = classOf(first);
  const subRows =
    width >= 2 &&
    kids.every((kid) => kid.tagName === first.tagName && kid.childElementCount === width && classOf(kid) === cls);
  return subRows ? { cells: childrenOf(first), subRows: kids } : { cells: kids };
}

function expand(layout: Layout, at: number): Layout | null {
  const exp = expansionOf(layout.cells[at]!);
  if (!exp || (exp.subRows && layout.sub)) return null;
  const cells = [...layout.cells.slice(0, at), ...exp.cells, ...layout.cells.slice(at + 1)];
  let sub = layout.sub;
  if (exp.subRows) sub = { rows: exp.subRows, offset: at, width: exp.cells.length };
  else if (sub && at < sub.offset) sub = { ...sub, offset: sub.offset + exp.cells.length - 1 };
  else if (sub && at >= sub.offset && at < sub.offset + sub.width) return null; // a sub-row's cell split further: lines would not align
  return { cells, steps: [...layout.steps, at], sub };
}

const STRONG: ReadonlySet<Kind> = new Set(['amount', 'status', 'createdAt', 'paidAt', 'shippedAt', 'region', 'orderId']);
const MONEY_LIKE = /[¥￥]\s*\d|\d\.\d{2}(?!\d)/;
const DATE_LIKE = /\d{4}[-/]\d{1,2}[-/]\d{1,2}/;
const ID_LIKE = /\d{6,}/;
const TRAILING_COLON = /[：:]$/;

function agrees(kind: Kind, text: string, cell: Element): boolean {
  switch (kind) {
    case 'amount':
      return MONEY_LIKE.test(text);
    case 'status':
      // any of the cell's lines (`已关闭` over `超时未支付，订单关闭`)
      return textPieces(cell, 6).some((piece) => piece.length <= 30 && normalizeStatus(piece) !== null);
    case 'createdAt':
    case 'paidAt':
    case 'shippedAt':
      return DATE_LIKE.test(text);
    case 'region':
      return regionIn(text, false) !== undefined;
    case 'orderId':
      return ID_LIKE.test(text);
    default:
      return false;
  }
}

/**
 * How well cells fit the header: +1 per strong column whose cell prints its kind, −1 per one that prints
 * something else, and −1 per named column whose cell prints only a label word (`订单编号`): a data cell
 * holds a value.
 */
function score(header: Header, cells: readonly Element[]): { score: number; strong: number } {
  let total = 0;
  let strong = 0;
  header.kinds.forEach((kinds, i) => {
    if (!kinds) return;
    const cell = cells[i];
    const text = cell ? collapse(cell.textContent) : '';
    const isStrong = kinds.some((kind) => STRONG.has(kind));
    if (isStrong) strong += 1;
    if (!text) return;
    if (text.length <= 12 && kindOfLabel(text.replace(TRAILING_COLON, '')) !== undefined) {
      total -= 1;
      return;
    }
    if (isStrong) total += text.length <= 300 && kinds.some((kind) => STRONG.has(kind) && agrees(kind, text, cell!)) ? 1 : -1;
  });
  return { score: total, strong };
}

const good = (header: Header, cells: readonly Element[]) => {
  const { score: s, strong } = score(header, cells);
  return s >= Math.min(2, strong) && s >= 1;
};

/** Alignments of a container's children with `width` columns, by up to three expansions (breadth first). */
function layoutsIn(container: Element, width: number): Layout[] {
  const found: Layout[] = [];
  const queue: Layout[] = [{ cells: childrenOf(container), steps: [] }];
  for (let explored = 0; queue.length > 0 && explored < 60; explored += 1) {
    const layout = queue.shift()!;
    if (layout.cells.length === width) {
      found.push(layout);
      continue;
    }
    if (layout.cells.length > width || layout.steps.length >= 3) continue;
    for (let at = 0; at < layout.cells.length; at += 1) {
      const next = expand(layout, at);
      if (next && next.cells.length <= width) queue.push(next);
    }
  }
  return found;
}

interface Recipe {
  path: number[];
  steps: number[];
  /** The class attributes of the cells it gave on the row that was scored: a row whose cells carry the same is aligned alike. */
  signature: string;
}

/** The cells' class attributes, as one string (rows of one page share their cells' class names). */
function signatureOf(cells: readonly Element[]): string {
  let out = '';
  for (const cell of cells) out += `${cell.tagName}.${classOf(cell)}|`;
  return out;
}

function replay(row: Element, recipe: Recipe, width: number): Layout | null {
  let container: Element | undefined = row;
  for (const index of recipe.path) container = container?.children[index];
  if (!container) return null;
  let layout: Layout | null = { cells: childrenOf(container), steps: [] };
  for (const at of recipe.steps) {
    if (!layout || at >= layout.cells.length) return null;
    layout = expand(layout, at);
  }
  return layout && layout.cells.length === width ? layout : null;
}

function linesOf(layout: Layout, width: number): (Element | undefined)[][] {
  const lines: (Element | undefined)[][] = [layout.cells.slice()];
  const sub = layout.sub;
  if (sub) {
    for (const extra of sub.rows.slice(1)) {
      const line: (Element | undefined)[] = new Array(width);
      for (let j = 0; j < sub.width; j += 1) line[sub.offset + j] = extra.children[j];
      lines.push(line);
    }
  }
  return lines;
}

function alignDiv(row: Element, header: Header): AlignedRow | null {
  const width = header.width;
  // the recipe that aligned the last row under this header is tried first
  const remembered = sharedMemo('div-recipe', header.el, () => ({ recipe: null as Recipe | null }));
  if (remembered.recipe) {
    const layout = replay(row, remembered.recipe, width);
    // the same cells as the scored row (same class names, same tags): aligned alike without scoring again
    if (layout && (signatureOf(layout.cells) === remembered.recipe.signature || good(header, layout.cells))) {
      return { header, lines: linesOf(layout, width) };
    }
  }
  // containers: the row, then its descendants two levels down that hold several elements
  const containers: { el: Element; path: number[] }[] = [];
  const queue: { el: Element; path: number[] }[] = [{ el: row, path: [] }];
  while (queue.length > 0 && containers.length < 10) {
    const next = queue.shift()!;
    if (next.el.childElementCount >= 2) containers.push(next);
    if (next.path.length < 2) {
      let i = 0;
      for (let child = next.el.firstElementChild; child; child = child.nextElementSibling, i += 1) {
        if (child.childElementCount > 0) queue.push({ el: child, path: [...next.path, i] });
      }
    }
  }
  let best: { layout: Layout; path: number[]; score: number } | null = null;
  for (const container of containers) {
    for (const layout of layoutsIn(container.el, width)) {
      if (!good(header, layout.cells)) continue;
      const s = score(header, layout.cells).score;
      // the best fit; among equals, the fewest expansions (the plainest reading of the markup)
      if (!best || s > best.score || (s === best.score && layout.steps.length < best.layout.steps.length)) {
        best = { layout, path: container.path, score: s };
      }
    }
  }
  if (!best) return null;
  remembered.recipe = { path: best.path, steps: best.layout.steps, signature: signatureOf(best.layout.cells) };
  return { header, lines: linesOf(best.layout, width) };
}

// ---------------------------------------------------------------------------------------------- reading

interface Candidate {
  header: Header;
  align: () => AlignedRow | null;
}

/**
 * The headers the row may stand under, in the order they are tried: its tables' headers, its ARIA grid's,
 * the div header above it. Finding them is cheap (cached per table, grid and ancestor); the cells are only
 * aligned when a wanted field's kind is named by one of them.
 */
function candidatesOf(text: RowText): Candidate[] {
  return rowMemo(text, 'column-candidates', () => {
    const out: Candidate[] = [];
    const row = text.row;
    const tag = row.tagName;
    const found = row.getElementsByTagName('tr');
    let trs: readonly Element[] = found.length > 0 ? Array.from(found) : [];
    if (tag === 'TR') trs = [row];
    else if (tag === 'TD' || tag === 'TH') {
      const tr = row.closest('tr');
      trs = tr ? [tr] : [];
    }
    const tables: Element[] = [];
    for (const tr of trs) {
      const table = tableOf(tr);
      if (table && !tables.includes(table)) tables.push(table);
      if (tables.length >= 4) break;
    }
    for (const table of tables) {
      const header = tableHeaderOf(table);
      if (header) out.push({ header, align: () => alignTable(table, trs) });
    }
    if (out.length === 0 && (row.getAttribute('role') === 'row' || row.closest(GRID_ROLES))) {
      const rows = row.getAttribute('role') === 'row' ? [row] : Array.from(row.querySelectorAll('[role="row"]'));
      const grid = rows[0]?.closest(GRID_ROLES);
      const header = grid ? ariaHeaderOf(grid) : null;
      if (grid && header) out.push({ header, align: () => alignAria(header, grid, rows) });
    }
    if (out.length === 0) {
      const header = containerHeader(row);
      if (header && header.el !== row && !row.contains(header.el)) out.push({ header, align: () => alignDiv(row, header) });
    }
    return out;
  });
}

/** The row's cells under their headers (null when no header is found or the row does not align). */
export function alignedRow(text: RowText): AlignedRow | null {
  return rowMemo(text, 'aligned', () => {
    try {
      for (const candidate of candidatesOf(text)) {
        const aligned = candidate.align();
        if (aligned) return aligned;
      }
    } catch {
      // odd markup: no column strategy for this row
    }
    return null;
  });
}

/** Whether some header above the row names `kind` (no alignment is attempted otherwise). */
function named(text: RowText, kind: Kind): boolean {
  try {
    return candidatesOf(text).some((candidate) => candidate.header.named.has(kind));
  } catch {
    return false;
  }
}

/** The cell of the first column naming `kind`, on the first line that has one. */
export function columnCell(text: RowText, kind: Kind): Element | undefined {
  if (!named(text, kind)) return undefined;
  const aligned = alignedRow(text);
  if (!aligned) return undefined;
  const { kinds } = aligned.header;
  for (const line of aligned.lines) {
    for (let i = 0; i < kinds.length; i += 1) if (kinds[i]?.includes(kind) && line[i]) return line[i];
  }
  return undefined;
}

/**
 * Per line, the cells of the columns naming `kind` (a header spanning several columns — 商品 over an image
 * and a title cell — names each of them); undefined when no column names it. One entry per line.
 */
export function columnCellsPerLine(text: RowText, kind: Kind): Element[][] | undefined {
  if (!named(text, kind)) return undefined;
  const aligned = alignedRow(text);
  if (!aligned) return undefined;
  const indexes: number[] = [];
  aligned.header.kinds.forEach((kinds, i) => {
    if (kinds?.includes(kind)) indexes.push(i);
  });
  if (indexes.length === 0) return undefined;
  return aligned.lines.map((line) => {
    const cells: Element[] = [];
    for (const i of indexes) {
      const cell = line[i];
      if (cell && !cells.includes(cell)) cells.push(cell);
    }
    return cells;
  });
}
