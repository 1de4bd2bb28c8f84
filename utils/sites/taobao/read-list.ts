import { emptyDiagnostics, recordSkip, recordStrategy, type ParseDiagnostics } from '../../capture/diagnostics';
import { findRowsById } from '../../capture/find-rows-by-id';
import { beginFloorRead } from '../../capture/floor/read-row-floor';
import { readGenericTable } from '../../capture/generic-table';
import { beginRead, pick, pickAll, queryAll, queryOne, type SelectorEntry } from '../../capture/fast-query';
import { collapse } from '../../capture/generic-cells';
import { cellsOf, childrenNamed, outermost, queryAllOutside, rowsOf } from '../../capture/table-parts';
import type { PageRead, RowRead } from '../types';
import { LEGACY_ROLES, QN_ROLES, rolesFromHeads, type Roles } from './columns';
import { BlockTallies, readOrderBlock, type OrderBlock } from './order-block';
import { LEGACY_SHOP, LIST, ROW } from './selectors';
import { site } from './site';
import { readShop } from './shop';

const EMPTY_TEXT = '没有符合条件的宝贝';
const HEAD_WORDS = /订单(?:号|编号)|创建时间/;

/** Order tables directly under the body (Fusion may wrap each in a div; nested tables are not orders). */
function orderTables(body: Element): Element[] {
  const direct = childrenNamed(body, 'table');
  if (direct.length > 0) return direct;
  return Array.from(body.querySelectorAll('table')).filter((table) => table.parentElement?.closest('table') == null);
}

function isEmptyState(root: Element): boolean {
  const empty = pick(root, LIST.empty);
  return empty !== null && collapse(empty.textContent).includes(EMPTY_TEXT);
}

interface Found {
  body: Element;
  layout: string;
  tables: Element[];
}

/** The new list's body: the first candidate whose first tables carry an order header or the empty state. */
function findQnBody(doc: Document, chain: readonly SelectorEntry[]): Found | null {
  const check = (body: Element, layout: string): Found | null => {
    const tables = orderTables(body);
    const looksLikeOrders = tables.slice(0, 3).some((table) => HEAD_WORDS.test(rowsOf(table)[0]?.textContent ?? ''));
    return looksLikeOrders || isEmptyState(body) ? { body, layout, tables } : null;
  };
  for (const entry of chain) {
    // The first candidate usually is the body, and precedes the 500 orders inside it: querySelector stops
    // there instead of scanning the whole page.
    const first = queryOne(doc, entry.selector);
    if (!first) continue;
    const found = check(first, entry.layout);
    if (found) return found;
    for (const body of queryAll(doc, entry.selector).slice(1)) {
      const other = check(body, entry.layout);
      if (other) return other;
    }
  }
  return null;
}

/**
 * The column heads (of the first chain entry that finds any) → roles. The heads live outside the order
 * list (a header table above it), so the list's subtree, most of a 500-order page, is not searched.
 */
function rolesFrom(root: ParentNode, list: Element | null, chain: readonly SelectorEntry[], fallback: Roles, diag: ParseDiagnostics): Roles {
  let heads: Element[] = [];
  let layout = 'none';
  for (const entry of chain) {
    if (list) queryAllOutside(root, list, entry.selector, heads);
    else heads = queryAll(root, entry.selector);
    if (heads.length > 0) {
      layout = entry.layout;
      break;
    }
  }
  const roles = heads.length > 0 ? rolesFromHeads(heads) : null;
  recordStrategy(diag, 'columns', roles ? `header ${layout}` : 'default order');
  return roles ?? fallback;
}

/** The sub-order rows (two cells or more) of `rows` and their cells. */
function subOrders(rows: readonly Element[], from: number): Pick<OrderBlock, 'itemRows' | 'itemCells'> {
  const itemRows: Element[] = [];
  const itemCells: Element[][] = [];
  for (let i = from; i < rows.length; i++) {
    const cells = cellsOf(rows[i]!);
    if (cells.length < 2) continue;
    itemRows.push(rows[i]!);
    itemCells.push(cells);
  }
  return { itemRows, itemCells };
}

function qnBlock(table: Element): OrderBlock {
  const rows = rowsOf(table);
  const first = rows[0];
  // The header row is one wide cell; a table whose first row is already a sub-order has no header.
  const headless = !first || cellsOf(first).length >= 2;
  const head = headless ? null : first;
  return { element: table, head, ...subOrders(rows, headless ? 0 : 1) };
}

function legacyBlock(order: Element): OrderBlock {
  const itemTable = pick(order, ROW.legacyItemTable);
  const headTable = childrenNamed(order, 'table').find((table) => table !== itemTable) ?? null;
  const head = headTable ? (rowsOf(headTable)[0] ?? null) : null;
  return { element: order, head, ...subOrders(itemTable ? rowsOf(itemTable) : [], 0) };
}

function readBlocks(blocks: OrderBlock[], roles: Roles, diag: ParseDiagnostics, shop: string | undefined): RowRead[] {
  const rows: RowRead[] = [];
  const seen = new Set<string>();
  const tallies = new BlockTallies();
  const ctx = { tallies, roles, orderIdPattern: site.orderIdPattern, shop };
  for (const block of blocks) {
    diag.rowsSeen++;
    let result;
    try {
      result = readOrderBlock(block, ctx);
    } catch {
      result = { skip: 'read-error' };
    }
    if ('skip' in result) {
      recordSkip(diag, result.skip);
      continue;
    }
    // The same order twice on one page (a re-render caught mid-way) is one capture.
    if (seen.has(result.order.orderId)) {
      recordSkip(diag, 'duplicate');
      continue;
    }
    seen.add(result.order.orderId);
    // New layout: the order element is a <table>, so controls go into the header row's cell instead.
    const anchor = block.head?.lastElementChild;
    const row: RowRead = { element: block.element, order: result.order };
    if (anchor && (anchor.localName === 'td' || anchor.localName === 'th')) row.controlsAnchor = anchor;
    rows.push(row);
  }
  tallies.flush(diag);
  diag.rowsParsed = rows.length;
  return rows;
}

// Class-prefix entries (`[class*="…"]`) are fallbacks for a redeploy's new hashes: every layout's stable
// selectors are tried before any of them (a prefix selector scans a whole 500-order page in vain on the
// other layout's pages).
const isPrefixFallback = (entry: SelectorEntry) => entry.selector.includes('[class*=');
const BY_STABILITY = [false, true].map((prefix) => ({
  qnBody: LIST.qnBody.filter((entry) => isPrefixFallback(entry) === prefix),
  legacyOrder: LIST.legacyOrder.filter((entry) => isPrefixFallback(entry) === prefix),
}));

function readQn(doc: Document, qn: Found, diag: ParseDiagnostics): PageRead {
  const shop = readShop(doc, diag);
  diag.layout = qn.layout;
  const tables = qn.tables;
  // Fusion renders its empty state as a lone table in the body.
  if (tables.length === 0 || (tables.length === 1 && isEmptyState(tables[0]!))) {
    recordStrategy(diag, 'page', 'empty-state');
    return { kind: 'list', rows: [], diagnostics: diag };
  }
  const container = qn.body.closest('div.next-table') ?? qn.body.parentElement ?? doc;
  const roles = rolesFrom(container, qn.body, LIST.qnHeadCells, QN_ROLES, diag);
  return { kind: 'list', rows: readBlocks(tables.map(qnBlock), roles, diag, shop), diagnostics: diag };
}

function readLegacy(doc: Document, found: { elements: Element[]; layout: string }, diag: ParseDiagnostics): PageRead {
  // The legacy list's page header is the taobao.com site nav: its nick is tried first (the class-prefix
  // hooks of the Qianniu header would scan the whole 500-order page for nothing).
  const shop = readShop(doc, diag, LEGACY_SHOP);
  diag.layout = found.layout;
  const orders = outermost(found.elements);
  // The orders' common parent is the list (when they have one).
  const parent = orders[0]!.parentElement;
  const list = orders.every((order) => order.parentElement === parent) ? parent : null;
  const roles = rolesFrom(doc, list, LIST.legacyHeadCells, LEGACY_ROLES, diag);
  return { kind: 'list', rows: readBlocks(orders.map(legacyBlock), roles, diag, shop), diagnostics: diag };
}

// An order id after its label, as the order headers print it (`订单号：3318…`).
const LABELLED_ID = /订单(?:号|编号)\s*[:：]?\s*(\d{16,20})(?!\d)/g;

/** Tables inside `el` (itself included) that no other table inside it holds. */
function outerTables(el: Element): Element[] {
  if (el.localName === 'table') return [el];
  return Array.from(el.querySelectorAll('table')).filter((table) => table.parentElement?.closest('table') === null || !el.contains(table.parentElement!.closest('table')));
}

/**
 * Class-free order blocks (a re-hashed page, wrappers added or removed): every order id printed after its
 * label, its block the largest element holding that id and no other (each order is its own table on the
 * new list, a div of a header table and an item table on the legacy one). The header row is the row
 * printing the id; the sub-order rows are the other rows of two cells or more (a separate header table's
 * rows excepted).
 */
function classFreeBlocks(doc: Document): OrderBlock[] {
  const body = doc.body;
  if (!body) return [];
  const ids = new Set<string>();
  for (const match of (body.textContent ?? '').matchAll(LABELLED_ID)) ids.add(match[1]!);
  if (ids.size === 0) return [];
  const blocks: OrderBlock[] = [];
  for (const [id, element] of findRowsById(body, ids, ids)) {
    const tables = outerTables(element);
    const rowsPer = tables.map(rowsOf);
    let head: Element | null = null;
    let headTable = -1;
    rowsPer.forEach((rows, t) => {
      if (head) return;
      const row = rows.find((r) => (r.textContent ?? '').includes(id));
      if (row) {
        head = row;
        headTable = t;
      }
    });
    const itemRows: Element[] = [];
    const itemCells: Element[][] = [];
    rowsPer.forEach((rows, t) => {
      if (t === headTable && tables.length > 1) return;
      for (const row of rows) {
        if (row === head) continue;
        const cells = cellsOf(row);
        if (cells.length < 2) continue;
        itemRows.push(row);
        itemCells.push(cells);
      }
    });
    blocks.push({ element: element, head, itemRows, itemCells });
  }
  return blocks;
}

/** Column heads without class names: the `th` cells outside the orders' common parent (or all of them). */
function classFreeRoles(doc: Document, blocks: readonly OrderBlock[], fallback: Roles, diag: ParseDiagnostics): Roles {
  const parent = blocks[0]!.element.parentElement;
  const list = parent && blocks.every((block) => block.element.parentElement === parent) ? parent : null;
  const heads: Element[] = [];
  if (list && doc.body) queryAllOutside(doc.body, list, 'th', heads);
  else heads.push(...Array.from(doc.querySelectorAll('th')));
  const roles = heads.length > 0 ? rolesFromHeads(heads) : null;
  recordStrategy(diag, 'columns', roles ? 'header th' : 'default order');
  return roles ?? fallback;
}

export function readList(doc: Document): PageRead {
  const diag = emptyDiagnostics(site.platform, 'list');
  beginRead();
  beginFloorRead();

  for (const chains of BY_STABILITY) {
    const qn = findQnBody(doc, chains.qnBody);
    if (qn) return readQn(doc, qn, diag);
    const legacy = pickAll(doc, chains.legacyOrder);
    if (legacy.elements.length > 0) return readLegacy(doc, legacy, diag);
  }

  // No selector found the orders (a redesign's new class names): find them by their printed ids.
  let blocks: OrderBlock[] = [];
  try {
    blocks = classFreeBlocks(doc);
  } catch {
    // a DOM without TreeWalker support (or odd markup): the generic reader below still tries
  }
  if (blocks.length > 0) {
    const shop = readShop(doc, diag);
    diag.layout = 'taobao-class-free';
    const tableOrders = blocks.every((block) => block.element.localName === 'table');
    const roles = classFreeRoles(doc, blocks, tableOrders ? QN_ROLES : LEGACY_ROLES, diag);
    return { kind: 'list', rows: readBlocks(blocks, roles, diag, shop), diagnostics: diag };
  }

  if (doc.body && isEmptyState(doc.body)) {
    readShop(doc, diag);
    diag.layout = 'taobao-empty-state';
    recordStrategy(diag, 'page', 'empty-state');
    return { kind: 'list', rows: [], diagnostics: diag };
  }

  // No known Taobao layout: degrade to the generic table reader rather than to nothing.
  const generic = readGenericTable(doc, site, 'list');
  if (generic) return generic;
  return { kind: 'list', rows: [], diagnostics: diag };
}
