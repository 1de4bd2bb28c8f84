import { emptyDiagnostics, recordSkip, recordStrategy } from '../../capture/diagnostics';
import { boundedText, collapse, orderIdCell, orderIdFinder, orderIdSkipReason, statusOf, textPieces } from '../../capture/generic-cells';
import { readLabelValues, valueOf } from '../../capture/generic-labels';
import { readDetailFields, readShipments } from '../../capture/generic-detail';
import { provinceCity } from '../../capture/generic-region';
import { queryAllChain, queryChain, textOf } from '../../capture/strategy';
import type { CapturedOrderInput } from '../../model/order';
import type { PageRead } from '../types';
import { labels, selectors } from './selectors';
import { site } from './site';

const ALL_LABELS: ReadonlySet<string> = new Set(Object.values(labels).flat());

/**
 * 拼多多 order detail (`/orders/detail?type=4399&sn=…`): "订单号：<sn>" and the other `label：value` pairs inside
 * `#mf-mms-orders-container`, the receiver block `div.buyer-receive-info`, and one block per package with
 * 物流公司, 快递单号 and its trace.
 */
export function readPddDetail(doc: Document, url: URL): PageRead {
  const diag = emptyDiagnostics(site.platform, 'detail');
  const read: PageRead = { kind: 'detail', rows: [], diagnostics: diag };
  const root = queryChain(doc, selectors.root, diag, 'root');
  if (!root) return read;
  const values = readLabelValues(root, ALL_LABELS);
  const idValue = valueOf(values, labels.orderId);
  // nothing rendered yet (the micro-app loads after the shell), or not an order page we know
  if (!idValue) return read;
  diag.layout = 'pdd-detail-labels';
  diag.rowsSeen = 1;

  const id = orderIdCell(idValue.value, orderIdFinder(site.orderIdPattern));
  if (id.kind !== 'value') {
    recordSkip(diag, orderIdSkipReason(id));
    return read;
  }
  // the SPA keeps the previous order on screen while it loads the next one: trust only a page that shows the URL's order
  const urlSn = url.searchParams.get('sn');
  if (urlSn && urlSn !== id.value) {
    recordSkip(diag, 'order-id-mismatch');
    return read;
  }
  recordStrategy(diag, 'orderId', 'label:订单号');
  const order: CapturedOrderInput = { platform: site.platform, orderId: id.value, sourcePage: 'detail', items: [], shipments: [] };

  const fields = readDetailFields(values, labels, diag);
  if ('skip' in fields) {
    recordSkip(diag, fields.skip);
    return read;
  }
  Object.assign(order, fields.order);

  if (!order.status) {
    const heading = queryChain(root, selectors.detailStatus);
    const status = heading ? statusOf(textPieces(heading)) : null;
    if (status?.status) {
      order.status = status.status;
      order.statusText = status.statusText;
      recordStrategy(diag, 'status', 'pdd-detail-status-heading');
    }
  }

  // receiver block: last block is the address; only province and city are kept
  const receiver = queryChain(root, selectors.receiverBlock);
  const addressText = receiver?.lastElementChild ? textOf(receiver.lastElementChild) : valueOf(values, labels.address)?.value;
  const region = addressText ? provinceCity(collapse(addressText)) : null;
  if (region) {
    order.receiverRegion = region;
    recordStrategy(diag, 'receiverRegion', receiver ? 'pdd-2021-buyer-receive-info' : 'label:收货地址');
  }

  order.shipments = readShipments(values, labels, queryAllChain(root, selectors.packageBlocks).elements, selectors.traceItems, diag);

  const shop = boundedText(textOf(queryChain(doc, selectors.shopName, diag, 'shop')), 80);
  if (shop) order.shop = shop;

  read.rows.push({ element: root.firstElementChild ?? root, order });
  diag.rowsParsed = 1;
  return read;
}
