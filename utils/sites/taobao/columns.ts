import { collapse } from '../../capture/generic-cells';

/** What a column of the sold list holds. */
export type Role = 'item' | 'price' | 'quantity' | 'afterSale' | 'buyer' | 'status' | 'amount' | 'ops';
export type Roles = readonly (Role | null)[];

// Header words per role, in test order: 履约/售后状态 must be tried before 交易状态's bare 状态.
const HEADER_WORDS: ReadonlyArray<readonly [Role, RegExp]> = [
  ['afterSale', /^(?:售后|履约\/?售后状态|履约状态|售后状态)/],
  ['status', /^(?:交易状态|订单状态|状态)$/],
  ['amount', /^(?:实收款|实付款|买家实付|实付金额|实收金额)/],
  ['price', /^(?:单价|价格)/],
  ['quantity', /^(?:数量|件数)/],
  ['item', /^(?:宝贝|商品)/],
  ['buyer', /^买家/],
  ['ops', /^(?:操作|评价)/],
];

/** Column heads (as printed) → role per column index; null for heads we do not read. */
export function rolesFromHeads(heads: readonly Element[]): Role[] | null {
  const roles: (Role | null)[] = [];
  const seen = new Set<Role>();
  for (const head of heads) {
    const text = collapse(head.textContent);
    const role = HEADER_WORDS.find(([, words]) => words.test(text))?.[0] ?? null;
    const span = Math.max(1, Number(head.getAttribute('colspan')) || 1);
    const unique = role && !seen.has(role) ? role : null;
    if (unique) seen.add(unique);
    roles.push(unique);
    for (let i = 1; i < span; i++) roles.push(null);
  }
  return roles.some((role) => role !== null) ? (roles as Role[]) : null;
}

/** The legacy list's column order (宝贝 单价 数量 售后 买家 交易状态 实收款 评价; status in td 6). */
export const LEGACY_ROLES: Roles = ['item', 'price', 'quantity', 'afterSale', 'buyer', 'status', 'amount', 'ops'];
/** The new list's column order when its header table cannot be read. */
export const QN_ROLES: Roles = ['item', 'price', 'quantity', 'afterSale', 'buyer', 'status', 'amount', 'ops'];

export type Cells = Map<Role, Element>;

function spanOf(cell: Element, attr: 'colspan' | 'rowspan'): number {
  return Math.max(1, Number(cell.getAttribute(attr)) || 1);
}

/**
 * A sub-order row's cells by role. Fusion cells carry `data-next-table-col` (their column even under
 * rowspan); otherwise cells are placed by position: the first sub-order row holds every column, later
 * rows only the columns the first row does not span across the order (`spannedColumns` of the first row).
 * Returns null when the row's shape does not fit the header (the caller then reads by content).
 */
export interface MappedRow {
  cells: Cells;
  /** The row's cells and the column each was placed in. */
  placed: Element[];
  columns: number[];
  /** Columns whose cell spans the order's later rows (rowspan > 1); read when first needed. */
  spanned?: Set<number>;
}

/** Columns of a mapped (first) row whose cell spans the order's later rows. */
export function spannedColumns(row: MappedRow): ReadonlySet<number> {
  if (!row.spanned) {
    row.spanned = new Set();
    for (let i = 0; i < row.placed.length; i++) if (spanOf(row.placed[i]!, 'rowspan') > 1) row.spanned.add(row.columns[i]!);
  }
  return row.spanned;
}

function place(mapped: MappedRow, roles: Roles, cell: Element, col: number): void {
  const role = roles[col];
  if (role && !mapped.cells.has(role)) mapped.cells.set(role, cell);
  mapped.placed.push(cell);
  mapped.columns.push(col);
}

/** `list`: the row's cells (table-parts' cellsOf); `firstRow`: the order's first mapped sub-order row, for later rows. */
export function mapCells(list: readonly Element[], roles: Roles, firstRow: MappedRow | null): MappedRow | null {
  if (list.length === 0) return null;
  const mapped: MappedRow = { cells: new Map(), placed: [], columns: [] };
  const fusionColumns: number[] = [];
  for (const cell of list) {
    const value = cell.getAttribute('data-next-table-col');
    if (value === null) break;
    fusionColumns.push(Number(value));
  }
  if (fusionColumns.length === list.length) {
    for (let i = 0; i < list.length; i++) {
      const col = fusionColumns[i]!;
      if (!Number.isInteger(col) || col < 0 || col >= roles.length) return null;
      place(mapped, roles, list[i]!, col);
    }
    return mapped;
  }
  const rowSpanned = firstRow ? spannedColumns(firstRow) : null;
  const columns: number[] = [];
  for (let col = 0; col < roles.length; col++) if (!rowSpanned?.has(col)) columns.push(col);
  const spans = list.map((cell) => spanOf(cell, 'colspan'));
  let width = 0;
  for (const span of spans) width += span;
  if (width !== columns.length) return null;
  let at = 0;
  for (let i = 0; i < list.length; i++) {
    const col = columns[at];
    if (col === undefined) return null;
    place(mapped, roles, list[i]!, col);
    at += spans[i]!;
  }
  return mapped;
}
