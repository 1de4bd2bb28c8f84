import { emptyDiagnostics } from '../../capture/diagnostics';
import { readGenericTable } from '../../capture/generic-table';

import type { PageKind } from '../../model/order';
import type { PageRead, SiteReader } from '../types';
import { beginRead, pickAll } from '../../capture/fast-query';
import { largestRowsById } from '../../capture/find-rows-by-id';
import { readDetail } from './read-detail';
import { readListRows, readShopName } from './read-list';
import { LIST } from './selectors';
import { site } from './site';

/**
 * List and logistics pages: the div rows (`data-kora_order_status`). The logistics/delivery page's layout
 * is not described anywhere; it is read with the list reader when it shows the same rows, else by the
 * generic table reader.
 */
function readRows(doc: Document, kind: PageKind): PageRead {
  const diagnostics = emptyDiagnostics(site.platform, kind);
  const { elements, layout } = pickAll(doc, LIST.row);
  if (elements.length > 0) {
    diagnostics.layout = layout;
    const shop = readShopName(doc, diagnostics);
    return { kind, rows: readListRows(elements, { diag: diagnostics, kind, shop }), diagnostics };
  }
  const empty = pickAll(doc, LIST.empty);
  if (empty.elements.length > 0) {
    // The console's own empty state: a known layout showing no orders (not a broken layout).
    diagnostics.layout = `${empty.layout}-empty`;
    return { kind, rows: [], diagnostics };
  }
  const byId = rowsByOrderId(doc);
  if (byId.length > 0) {
    // class-free: re-hashed rows without their kora attribute, found as the elements holding one order id
    diagnostics.layout = 'douyin-rows-by-order-id';
    const shop = readShopName(doc, diagnostics);
    return { kind, rows: readListRows(byId, { diag: diagnostics, kind, shop }), diagnostics };
  }
  return readGenericTable(doc, site, kind) ?? { kind, rows: [], diagnostics };
}

// 抖店 order ids printed after their label (a 19-digit 商品ID never follows 订单编号).
const LABELLED_ID = /(?:订单编号|订单号)\s*[：:]?\s*(\d{19})(?!\d)/g;

/**
 * The largest element per printed order id that holds no other order id, in page order: 抖店's ids are
 * found after their label (a 19-digit 商品ID never follows 订单编号), then capture/find-rows-by-id's climb.
 */
function rowsByOrderId(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return [];
  const hits: [string, Element][] = [];
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const text: string[] = [];
  const owners: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('[data-orderlens]')) continue;
    text.push((node as Text).data);
    owners.push(parent);
  }
  // an id is the 19 digits after its label, in the same or the next text node
  for (let i = 0; i < text.length; i += 1) {
    const joined = i + 1 < text.length ? `${text[i]} ${text[i + 1]}` : text[i]!;
    LABELLED_ID.lastIndex = 0;
    const match = LABELLED_ID.exec(joined);
    if (!match?.[1]) continue;
    const inOwn = text[i]!.includes(match[1]);
    hits.push([match[1], inOwn ? owners[i]! : owners[i + 1]!]);
  }
  return [...largestRowsById(hits, [body]).values()];
}

function readPage(doc: Document, url: URL, kind: PageKind): PageRead {
  if (kind === 'detail') {
    const detail = readDetail(doc, url);
    if (detail.diagnostics.layout !== 'none') return detail;
    return readGenericTable(doc, site, kind) ?? detail;
  }
  return readRows(doc, kind);
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
