import { emptyDiagnostics, recordSkip, recordStrategy, type ParseDiagnostics } from '../../capture/diagnostics';
import { readGenericTable } from '../../capture/generic-table';
import { queryAllChain, queryChain, type SelectorEntry } from '../../capture/strategy';
import type { PageRead, RowRead } from '../types';
import { cellCount, LEGACY_ROLES, QN_ROLES, rolesFromHeads, type Roles } from './columns';
import { readOrderBlock, type OrderBlock } from './order-block';
import { childrenNamed, findHook } from './hooks';
import { LIST, ROW } from './selectors';
import { site } from './site';
import { readShop } from './shop';
import { collapse } from './text';

const EMPTY_TEXT = '没有符合条件的宝贝';
const HEAD_WORDS = /订单(?:号|编号)|创建时间/;

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const section of childrenNamed(table, 'thead', 'tbody', 'tr')) {
    if (section.localName === 'tr') rows.push(section);
    else rows.push(...childrenNamed(section, 'tr'));
  }
  return rows;
}

/** Order tables directly under the body (Fusion may wrap each in a div; nested tables are not orders). */
function orderTables(body: Element): Element[] {
  const direct = childrenNamed(body, 'table');
  if (direct.length > 0) return direct;
  return Array.from(body.querySelectorAll('table')).filter((table) => table.parentElement?.closest('table') == null);
}

function isEmptyState(root: Element): boolean {
  const empty = queryChain(root, LIST.empty);
  return empty !== null && collapse(empty.textContent).includes(EMPTY_TEXT);
}

interface Found {
  body: Element;
  layout: string;
  tables: Element[];
}

/** The new list's body: the first candidate whose first tables carry an order header or the empty state. */
function findQnBody(doc: Document): Found | null {
  for (const entry of LIST.qnBody) {
    for (const body of Array.from(doc.querySelectorAll(entry.selector))) {
      const tables = orderTables(body);
      const looksLikeOrders = tables.slice(0, 3).some((table) => HEAD_WORDS.test(rowsOf(table)[0]?.textContent ?? ''));
      if (looksLikeOrders || isEmptyState(body)) return { body, layout: entry.layout, tables };
    }
  }
  return null;
}

function rolesFrom(root: ParentNode, chain: readonly SelectorEntry[], fallback: Roles, diag: ParseDiagnostics): Roles {
  const heads = queryAllChain(root, chain);
  const roles = heads.elements.length > 0 ? rolesFromHeads(heads.elements) : null;
  recordStrategy(diag, 'columns', roles ? `header ${heads.layout}` : 'default order');
  return roles ?? fallback;
}

function qnBlock(table: Element): OrderBlock {
  const rows = rowsOf(table);
  const first = rows[0];
  // The header row is one wide cell; a table whose first row is already a sub-order has no header.
  const headless = !first || cellCount(first) >= 2;
  const head = headless ? null : first;
  const itemRows = (headless ? rows : rows.slice(1)).filter((row) => cellCount(row) >= 2);
  return { element: table, head, itemRows };
}

function legacyBlock(order: Element): OrderBlock {
  const itemTable = findHook(order, ROW.legacyItemTable)?.el ?? null;
  const headTable = childrenNamed(order, 'table').find((table) => table !== itemTable) ?? null;
  const head = headTable ? (rowsOf(headTable)[0] ?? null) : null;
  const itemRows = itemTable ? rowsOf(itemTable).filter((row) => cellCount(row) >= 2) : [];
  return { element: order, head, itemRows };
}

function readBlocks(blocks: OrderBlock[], roles: Roles, diag: ParseDiagnostics, shop: string | undefined): RowRead[] {
  const rows: RowRead[] = [];
  const seen = new Set<string>();
  const ctx = { diag, roles, orderIdPattern: site.orderIdPattern, shop };
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
  diag.rowsParsed = rows.length;
  return rows;
}

export function readList(doc: Document): PageRead {
  const diag = emptyDiagnostics(site.platform, 'list');
  const shop = readShop(doc, diag);

  const qn = findQnBody(doc);
  if (qn) {
    diag.layout = qn.layout;
    const tables = qn.tables;
    // Fusion renders its empty state as a lone table in the body.
    if (tables.length === 0 || (tables.length === 1 && isEmptyState(tables[0]!))) {
      recordStrategy(diag, 'page', 'empty-state');
      return { kind: 'list', rows: [], diagnostics: diag };
    }
    const container = qn.body.closest('div.next-table') ?? qn.body.parentElement ?? doc;
    const roles = rolesFrom(container, LIST.qnHeadCells, QN_ROLES, diag);
    return { kind: 'list', rows: readBlocks(tables.map(qnBlock), roles, diag, shop), diagnostics: diag };
  }

  const legacy = queryAllChain(doc, LIST.legacyOrder);
  if (legacy.elements.length > 0) {
    diag.layout = legacy.layout;
    // Nested matches (a class-prefix selector also hitting inner parts) are not separate orders.
    const orders = legacy.elements.filter((el) => !legacy.elements.some((other) => other !== el && other.contains(el)));
    const roles = rolesFrom(doc, LIST.legacyHeadCells, LEGACY_ROLES, diag);
    return { kind: 'list', rows: readBlocks(orders.map(legacyBlock), roles, diag, shop), diagnostics: diag };
  }

  if (doc.body && isEmptyState(doc.body)) {
    diag.layout = 'taobao-empty-state';
    recordStrategy(diag, 'page', 'empty-state');
    return { kind: 'list', rows: [], diagnostics: diag };
  }

  // No known Taobao layout: degrade to the generic table reader rather than to nothing.
  const generic = readGenericTable(doc, site, 'list');
  if (generic) return generic;
  return { kind: 'list', rows: [], diagnostics: diag };
}
