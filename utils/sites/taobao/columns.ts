import { collapse } from './text';

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

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  // Sibling walk, not row.children: HTMLCollection iteration is costly on the hot path.
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'td' || child.localName === 'th') cells.push(child);
  }
  return cells;
}

function spanOf(cell: Element, attr: 'colspan' | 'rowspan'): number {
  return Math.max(1, Number(cell.getAttribute(attr)) || 1);
}

/**
 * A sub-order row's cells by role. Fusion cells carry `data-next-table-col` (their column even under
 * rowspan); otherwise cells are placed by position: the first sub-order row holds every column, later
 * rows only the columns the first row does not span across the order (`rowSpanned`).
 * Returns null when the row's shape does not fit the header (the caller then reads by content).
 */
export interface MappedRow {
  cells: Cells;
  /** Columns whose cell spans the order's later rows (rowspan > 1). */
  spanned: Set<number>;
}

export function mapCells(row: Element, roles: Roles, rowSpanned: ReadonlySet<number> | null): MappedRow | null {
  const list = cellsOf(row);
  if (list.length === 0) return null;
  const cells: Cells = new Map();
  const spanned = new Set<number>();
  const place = (cell: Element, col: number) => {
    const role = roles[col];
    if (role && !cells.has(role)) cells.set(role, cell);
    if (spanOf(cell, 'rowspan') > 1) spanned.add(col);
  };
  if (list.every((cell) => cell.hasAttribute('data-next-table-col'))) {
    for (const cell of list) {
      const col = Number(cell.getAttribute('data-next-table-col'));
      if (!Number.isInteger(col) || col < 0 || col >= roles.length) return null;
      place(cell, col);
    }
    return { cells, spanned };
  }
  const columns: number[] = [];
  for (let col = 0; col < roles.length; col++) if (!rowSpanned?.has(col)) columns.push(col);
  let width = 0;
  for (const cell of list) width += spanOf(cell, 'colspan');
  if (width !== columns.length) return null;
  let at = 0;
  for (const cell of list) {
    const col = columns[at];
    if (col === undefined) return null;
    place(cell, col);
    at += spanOf(cell, 'colspan');
  }
  return { cells, spanned };
}

export function cellCount(row: Element): number {
  return cellsOf(row).length;
}
