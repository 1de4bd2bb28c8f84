import { emptyDiagnostics } from '../../capture/diagnostics';
import { readGenericTable } from '../../capture/generic-table';

import type { PageKind } from '../../model/order';
import type { PageRead, SiteReader } from '../types';
import { beginRead, pickAll } from '../../capture/fast-query';
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
  return readGenericTable(doc, site, kind) ?? { kind, rows: [], diagnostics };
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
