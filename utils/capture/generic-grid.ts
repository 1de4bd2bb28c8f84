import { type ColumnField, fieldsForHeader, normalizeHeader, ORDER_ID_LABELS } from './generic-columns';
import { collapse } from './generic-cells';

/** A column of a found grid whose header names at least one field. */
export interface GridColumn {
  index: number;
  header: string;
  fields: ColumnField[];
}

/** A data row: the cell at each column index (a `rowspan` cell appears in every row it covers). */
export interface GridRow {
  element: Element;
  cells: (Element | undefined)[];
  /** carried[i]: the cell at column i belongs to an earlier row (rowspan). */
  carried: boolean[];
  /** One cell across the whole row: an expanded row, an empty-state placeholder or a group caption. */
  fullWidth: boolean;
}

export interface FoundGrid {
  layout: 'generic-table' | 'generic-grid';
  columns: GridColumn[];
  rows: GridRow[];
}

const GRID_ROLES = '[role="grid"],[role="table"],[role="treegrid"]';
const CELL_ROLES = '[role="columnheader"],[role="cell"],[role="gridcell"],[role="rowheader"]';

/** Order grids of a page: real tables; else ARIA grids; else div grids found by their header labels (each search costs more than the one before). */
export function findOrderGrids(doc: Document): FoundGrid[] {
  const tables = findTableGrids(doc);
  if (tables.length > 0) return tables;
  const aria = findAriaGrids(doc);
  return aria.length > 0 ? aria : findDivGrids(doc);
}

// ---------------------------------------------------------------------------------------------- columns

function columnsOf(headerRows: readonly PlacedRow[]): GridColumn[] {
  const byIndex = new Map<number, GridColumn>();
  for (const row of headerRows) {
    const done = new Set<Element>();
    row.cells.forEach((cell, index) => {
      if (!cell || done.has(cell) || row.carried[index]) return;
      done.add(cell);
      const header = collapse(cell.textContent);
      const fields = fieldsForHeader(header);
      if (fields.length === 0) return;
      // a header spanning several columns names each of them (商品 over an image and a title column)
      for (let i = index; i < row.cells.length && row.cells[i] === cell; i++) {
        if (!byIndex.has(i)) byIndex.set(i, { index: i, header: normalizeHeader(header), fields });
      }
    });
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

const hasOrderId = (columns: readonly GridColumn[]) => columns.some((column) => column.fields.includes('orderId'));

// ---------------------------------------------------------------------------------------------- tables

interface PlacedRow {
  element: Element;
  cells: (Element | undefined)[];
  carried: boolean[];
  ownCells: number;
  ownSpan: number;
}

function spanAttr(cell: Element, name: string, max: number): number {
  const n = Number.parseInt(cell.getAttribute(name) ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/**
 * A cell's colspan and rowspan. HTML cells parse them natively (`colSpan`/`rowSpan`, clamped to 1000 and
 * 65534 as here): one property read each instead of getAttribute + parseInt on every cell of every row.
 */
function colSpanOf(cell: Element): number {
  const span = (cell as { colSpan?: unknown }).colSpan;
  return typeof span === 'number' ? (span >= 1 ? Math.min(span, 1000) : 1) : spanAttr(cell, 'colspan', 1000);
}

function rowSpanOf(cell: Element): number {
  const span = (cell as { rowSpan?: unknown }).rowSpan;
  return typeof span === 'number' ? (span >= 1 ? Math.min(span, 65534) : 1) : spanAttr(cell, 'rowspan', 65534);
}

type Carry = ({ cell: Element; left: number } | undefined)[];

/** Lays table rows on a column grid, honouring colspan and rowspan (the HTML table model, simplified). */
function placeRows(rows: readonly Element[]): PlacedRow[] {
  const carry: Carry = [];
  const placed: PlacedRow[] = [];
  for (const element of rows) placed.push(placeRow(element, carry));
  return placed;
}

function placeRow(element: Element, carry: Carry): PlacedRow {
  const cells: (Element | undefined)[] = [];
  const carried: boolean[] = [];
  let col = 0;
  let ownCells = 0;
  let ownSpan = 0;
  for (let cell = element.firstElementChild; cell; cell = cell.nextElementSibling) {
    const tag = cell.tagName;
    if (tag !== 'TD' && tag !== 'TH') continue;
    // cells of earlier rows spanning down into this one come first
    for (let pending = carry[col]; pending && pending.left > 0; pending = carry[col]) {
      cells[col] = pending.cell;
      carried[col] = true;
      pending.left--;
      col++;
    }
    const colspan = colSpanOf(cell);
    const rowspan = rowSpanOf(cell);
    for (let k = 0; k < colspan; k++) {
      cells[col + k] = cell;
      carried[col + k] = false;
      carry[col + k] = rowspan > 1 ? { cell, left: rowspan - 1 } : undefined;
    }
    col += colspan;
    ownCells++;
    ownSpan += colspan;
  }
  for (; col < carry.length; col++) {
    const pending = carry[col];
    if (pending && pending.left > 0) {
      cells[col] = pending.cell;
      carried[col] = true;
      pending.left--;
    }
  }
  return { element, cells, carried, ownCells, ownSpan };
}

function toGridRow(row: PlacedRow): GridRow {
  return {
    element: row.element,
    cells: row.cells,
    carried: row.carried,
    fullWidth: row.ownCells === 1 && row.ownSpan >= 2,
  };
}

interface TableParts {
  columns: GridColumn[];
  /** Rows below the header (not yet laid out: most tables of a page are not order tables). */
  body: Element[];
  width: number;
}

/** The table's own rows by section (not those of nested tables), by walking its children. */
function sections(table: Element): { head: Element[]; rest: Element[] } {
  const head: Element[] = [];
  const rest: Element[] = [];
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName;
    if (tag === 'TR') rest.push(child);
    else if (tag === 'THEAD' || tag === 'TBODY') {
      const into = tag === 'THEAD' ? head : rest;
      for (let row = child.firstElementChild; row; row = row.nextElementSibling) if (row.tagName === 'TR') into.push(row);
    }
  }
  return { head, rest };
}

function tableParts(table: Element): TableParts {
  const { head, rest } = sections(table);
  if (head.length > 0) {
    const placedHead = placeRows(head);
    return { columns: columnsOf(placedHead), body: rest, width: Math.max(0, ...placedHead.map((row) => row.cells.length)) };
  }
  // no <thead>: the header is one of the first rows (some kits put a caption row above it)
  for (let i = 0; i < Math.min(3, rest.length); i++) {
    const placed = placeRows([rest[i]!]);
    const columns = columnsOf(placed);
    if (hasOrderId(columns)) return { columns, body: rest.slice(i + 1), width: placed[0]!.cells.length };
  }
  return { columns: [], body: rest, width: 0 };
}

function findTableGrids(doc: Document): FoundGrid[] {
  const grids: FoundGrid[] = [];
  const accepted = new Set<Element>();
  // A header-only table waiting for its body: kits with a fixed header (antd `scroll.y`) render the header
  // and the body as two separate <table>s.
  let pending: { columns: GridColumn[]; width: number } | null = null;
  for (const table of Array.from(doc.getElementsByTagName('table'))) {
    const outer = table.parentElement?.closest('table');
    if (outer && accepted.has(outer)) continue;
    const parts = tableParts(table);
    const ownHeader = hasOrderId(parts.columns);
    if (!ownHeader && !pending) continue;
    const dataRows = placeRows(parts.body).filter((row) => row.ownCells > 0);
    if (ownHeader) {
      if (dataRows.length === 0) {
        pending = { columns: parts.columns, width: parts.width };
        continue;
      }
      accepted.add(table);
      grids.push({ layout: 'generic-table', columns: parts.columns, rows: dataRows.map(toGridRow) });
      pending = null;
    } else if (pending && dataRows.length > 0) {
      const widest = Math.max(...dataRows.map((row) => row.cells.length));
      if (widest === pending.width) {
        accepted.add(table);
        grids.push({ layout: 'generic-table', columns: pending.columns, rows: dataRows.map(toGridRow) });
      }
      pending = null;
    }
  }
  return grids;
}

// ---------------------------------------------------------------------------------------------- ARIA grids

function ariaCells(row: Element): Element[] {
  const cells = Array.from(row.querySelectorAll(CELL_ROLES)).filter((cell) => cell.closest('[role="row"]') === row);
  return cells.length > 0 ? cells : Array.from(row.children);
}

function placeAriaRow(row: Element, cells: readonly Element[]): PlacedRow {
  const placed: (Element | undefined)[] = [];
  cells.forEach((cell, position) => {
    const colindex = Number.parseInt(cell.getAttribute('aria-colindex') ?? '', 10);
    const index = Number.isFinite(colindex) && colindex >= 1 && colindex <= 1000 ? colindex - 1 : position;
    if (!placed[index]) placed[index] = cell;
  });
  return { element: row, cells: placed, carried: [], ownCells: cells.length, ownSpan: cells.length };
}

function findAriaGrids(doc: Document): FoundGrid[] {
  const grids: FoundGrid[] = [];
  const accepted: Element[] = [];
  for (const container of Array.from(doc.querySelectorAll(GRID_ROLES))) {
    if (container.tagName === 'TABLE' || accepted.some((grid) => grid.contains(container))) continue;
    const rows = Array.from(container.querySelectorAll('[role="row"]')).filter(
      (row) => row.closest(GRID_ROLES) === container,
    );
    if (rows.length === 0) continue;
    const placed = rows.map((row) => {
      const cells = ariaCells(row);
      return { row: placeAriaRow(row, cells), isHeader: cells.some((cell) => cell.getAttribute('role') === 'columnheader') };
    });
    let columns = columnsOf(placed.filter((row) => row.isHeader).map((row) => row.row));
    let body = placed.filter((row) => !row.isHeader).map((row) => row.row);
    if (!hasOrderId(columns)) {
      const first = placed.findIndex((row, i) => i < 3 && hasOrderId(columnsOf([row.row])));
      if (first < 0) continue;
      columns = columnsOf([placed[first]!.row]);
      body = placed.slice(first + 1).filter((row) => !row.isHeader).map((row) => row.row);
    }
    accepted.push(container);
    const width = columns.length;
    grids.push({
      layout: 'generic-grid',
      columns,
      rows: body.map((row) => ({ ...toGridRow(row), fullWidth: row.ownCells === 1 && width >= 2 })),
    });
  }
  return grids;
}

// ---------------------------------------------------------------------------------------------- div grids

/** The header row a header label sits in: the nearest ancestor row naming the id and another field. */
function headerRowAround(label: Element): { row: Element; columns: GridColumn[] } | null {
  let cell: Element = label;
  for (let level = 0; level < 4; level++) {
    const row = cell.parentElement;
    if (!row) return null;
    if (row.children.length >= 2) {
      const columns = columnsOf([
        { element: row, cells: Array.from(row.children), carried: [], ownCells: row.children.length, ownSpan: row.children.length },
      ]);
      if (hasOrderId(columns) && columns.length >= 2) return { row, columns };
    }
    cell = row;
  }
  return null;
}

/** Rows of a div grid: elements after the header row with as many children as it has cells. */
function rowsAfter(header: Element): Element[] {
  const width = header.children.length;
  const matches = (el: Element) => el.children.length === width && el.tagName === header.tagName;
  let anchor: Element | null = header;
  // the header row may sit in its own wrapper (`.head > .row` beside `.body > .row…`): look up two levels
  for (let level = 0; level < 3 && anchor; level++) {
    const rows: Element[] = [];
    for (let sibling = anchor.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      if (matches(sibling)) {
        rows.push(sibling);
        continue;
      }
      for (const child of Array.from(sibling.children)) {
        if (matches(child)) rows.push(child);
        else for (const grandchild of Array.from(child.children)) if (matches(grandchild)) rows.push(grandchild);
      }
    }
    if (rows.length > 0) return rows;
    anchor = anchor.parentElement;
  }
  return [];
}

function findDivGrids(doc: Document): FoundGrid[] {
  const body = doc.body;
  if (!body) return [];
  const grids: FoundGrid[] = [];
  const headers = new Set<Element>();
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > 40) continue;
    const text = collapse(raw);
    // header cells print the bare label; `订单号：123` is a value line, not a header
    if (!text || /[：:]/.test(text) || !ORDER_ID_LABELS.has(normalizeHeader(text))) continue;
    const label = node.parentElement;
    // search forms print the same labels beside their inputs
    if (!label || label.closest('table,[role="row"],form,label')) continue;
    const found = headerRowAround(label);
    if (!found || headers.has(found.row)) continue;
    headers.add(found.row);
    const after = rowsAfter(found.row);
    // a div grid is only told from a row of labels by the rows under it
    if (after.length === 0) continue;
    const rows = after.map((row) =>
      toGridRow({ element: row, cells: Array.from(row.children), carried: [], ownCells: row.children.length, ownSpan: row.children.length }),
    );
    grids.push({ layout: 'generic-grid', columns: found.columns, rows });
    if (grids.length >= 10) break;
  }
  return grids;
}
