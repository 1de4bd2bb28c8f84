import { emptyDiagnostics, type ParseDiagnostics } from '../../capture/diagnostics';
import { readGenericTable } from '../../capture/generic-table';
import type { SelectorEntry } from '../../capture/fast-query';
import type { PageKind } from '../../model/order';
import { beginRead, pick, pickAll } from '../../capture/fast-query';
import { clip, textOf } from '../../capture/row-values';
import type { PageRead, SiteReader } from '../types';
import { readDetail } from './read-detail';
import { TABLE_LAYOUT } from './read-legacy-list';
import { CARD_LAYOUT, readRows, type RowLayout } from './read-list';
import { CARDS, PORDER } from './selectors';
import { findOrderRows } from '../../capture/floor-fill';
import { beginFloorRead } from '../../capture/floor/read-row-floor';
import { site } from './site';
import { floorShopName } from '../../capture/floor/shop-name';

interface ListLayout {
  row: readonly SelectorEntry[];
  empty: readonly SelectorEntry[];
  shop: readonly SelectorEntry[];
  rowLayout: RowLayout;
}

// Newest first: the 2024+ cards, then the old porder tables.
const LIST_LAYOUTS: readonly ListLayout[] = [
  { row: CARDS.row, empty: CARDS.empty, shop: CARDS.shop, rowLayout: CARD_LAYOUT },
  { row: PORDER.row, empty: PORDER.empty, shop: PORDER.shop, rowLayout: TABLE_LAYOUT },
];

function shopName(doc: Document, chain: readonly SelectorEntry[], diag: ParseDiagnostics): string | undefined {
  return clip(textOf(pick(doc, chain, diag, 'shop')), 80) ?? floorShopName(doc, diag);
}

function readList(doc: Document, kind: PageKind): PageRead {
  const diagnostics = emptyDiagnostics(site.platform, kind);
  beginFloorRead();
  for (const layout of LIST_LAYOUTS) {
    const { elements, layout: name } = pickAll(doc, layout.row);
    if (elements.length === 0) continue;
    diagnostics.layout = name;
    const shop = shopName(doc, layout.shop, diagnostics);
    const ctx = { diag: diagnostics, kind, shop };
    return { kind, rows: readRows(elements, ctx, layout.rowLayout), diagnostics };
  }
  for (const layout of LIST_LAYOUTS) {
    const empty = pickAll(doc, layout.empty);
    if (empty.elements.length > 0) {
      // The console's own empty state (暂无数据): a known layout showing no orders, not a broken one.
      diagnostics.layout = `${empty.layout}-empty`;
      return { kind, rows: [], diagnostics };
    }
  }
  // Re-hashed classes, other wrappers: order rows found by their order ids, read by the floor.
  const rows = findOrderRows(doc.body, site.orderIdPattern);
  if (rows.length > 0) {
    const table = rows[0]!.tagName === 'TABLE' || rows[0]!.tagName === 'TBODY' || rows[0]!.querySelector('tr') !== null;
    diagnostics.layout = table ? 'floor-rows-porder' : 'floor-rows-cards';
    const shop = shopName(doc, table ? PORDER.shop : CARDS.shop, diagnostics);
    return { kind, rows: readRows(rows, { diag: diagnostics, kind, shop }, table ? TABLE_LAYOUT : CARD_LAYOUT), diagnostics };
  }
  return readGenericTable(doc, site, kind) ?? { kind, rows: [], diagnostics };
}

function readPage(doc: Document, url: URL, kind: PageKind): PageRead {
  if (kind === 'detail') {
    const detail = readDetail(doc, url);
    if (detail.diagnostics.layout !== 'none') return detail;
    return readGenericTable(doc, site, kind) ?? detail;
  }
  return readList(doc, kind);
}

export const reader: SiteReader = {
  read(doc: Document, url: URL): PageRead | null {
    const kind = site.detectPage(url);
    if (!kind) return null;
    try {
      beginRead();
      return readPage(doc, url, kind);
    } catch {
      // Never throw into the console page: an unexpected document shape reads as nothing.
      const diagnostics = emptyDiagnostics(site.platform, kind);
      diagnostics.layout = 'read-error';
      return { kind, rows: [], diagnostics };
    }
  },
};
