import { emptyDiagnostics, recordSkip, recordStrategy } from '../../capture/diagnostics';
import { boundedText, orderIdCell, orderIdFinder, orderIdSkipReason, statusOf, textPieces } from '../../capture/generic-cells';
import { readDetailFields, readShipments } from '../../capture/generic-detail';
import { readLabelValues, valueOf } from '../../capture/generic-labels';
import { provinceCity } from '../../capture/generic-region';
import { queryAllChain, queryChain, textOf } from '../../capture/strategy';
import type { CapturedOrderInput } from '../../model/order';
import type { PageRead } from '../types';
import { detailLabels, selectors } from './selectors';
import { site } from './site';

const ALL_LABELS: ReadonlySet<string> = new Set(Object.values(detailLabels).flat());

/**
 * 快手小店 order detail (URL and DOM INFERRED, see site.ts): reads only `label：value` pairs (订单号, 下单时间,
 * 支付时间, 发货时间, 实付款, 快递公司/运单号 per package …) and a package's timeline. An order is produced only
 * when the page prints an order id of the console's format that agrees with the URL's `id`.
 */
export function readKuaishouDetail(doc: Document, url: URL): PageRead {
  const diag = emptyDiagnostics(site.platform, 'detail');
  const read: PageRead = { kind: 'detail', rows: [], diagnostics: diag };
  const root = queryChain(doc, selectors.detailRoot, diag, 'root') ?? doc.body;
  if (!root) return read;
  const values = readLabelValues(root, ALL_LABELS);
  const idValue = valueOf(values, detailLabels.orderId);
  if (!idValue) return read;
  diag.layout = 'kuaishou-detail-labels-inferred';
  diag.rowsSeen = 1;

  const id = orderIdCell(idValue.value, orderIdFinder(site.orderIdPattern));
  if (id.kind !== 'value') {
    recordSkip(diag, orderIdSkipReason(id));
    return read;
  }
  const urlId = url.searchParams.get('id') ?? url.searchParams.get('oid') ?? url.searchParams.get('orderId');
  if (urlId && urlId !== id.value) {
    recordSkip(diag, 'order-id-mismatch');
    return read;
  }
  recordStrategy(diag, 'orderId', `label:${idValue.label}`);
  const order: CapturedOrderInput = { platform: site.platform, orderId: id.value, sourcePage: 'detail', items: [], shipments: [] };

  const fields = readDetailFields(values, detailLabels, diag);
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
      recordStrategy(diag, 'status', 'kuaishou-detail-status-heading');
    }
  }

  const address = valueOf(values, detailLabels.address);
  const region = address ? provinceCity(address.value) : null;
  if (region) {
    order.receiverRegion = region;
    recordStrategy(diag, 'receiverRegion', 'label:收货地址');
  }

  order.shipments = readShipments(values, detailLabels, queryAllChain(root, selectors.packageBlocks).elements, selectors.traceItems, diag);

  const shop = boundedText(textOf(queryChain(doc, selectors.shopName, diag, 'shop')), 80);
  if (shop) order.shop = shop;

  read.rows.push({ element: root, order });
  diag.rowsParsed = 1;
  return read;
}
