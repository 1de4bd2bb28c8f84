import { emptyDiagnostics } from '../../capture/diagnostics';
import { boundedText } from '../../capture/generic-cells';
import { readGenericTable } from '../../capture/generic-table';
import { queryChain, textOf } from '../../capture/strategy';
import type { PageRead } from '../types';
import { selectors } from './selectors';
import { site } from './site';

/**
 * 快手小店 order list (`/zone/order/list`). Its DOM is not publicly known, so the generic reader is this
 * console's primary strategy: it finds the table whose headers name an order id (订单号) and maps the other
 * columns by their header text. This reader adds the shop name from the console header.
 */
export function readKuaishouList(doc: Document): PageRead {
  const read = readGenericTable(doc, site, 'list');
  if (!read) return { kind: 'list', rows: [], diagnostics: emptyDiagnostics(site.platform, 'list') };
  const shop = boundedText(textOf(queryChain(doc, selectors.shopName, read.diagnostics, 'shop')), 80);
  if (shop) for (const row of read.rows) row.order.shop = shop;
  return read;
}
