import { emptyDiagnostics, recordSkip, recordStrategy } from '../../capture/diagnostics';
import { boundedText, collapse, orderIdCell, orderIdFinder, orderIdSkipReason, statusOf, textPieces } from '../../capture/generic-cells';
import { readLabelValues, valueOf } from '../../capture/generic-labels';
import { readDetailFields, readShipments } from '../../capture/generic-detail';
import { provinceCity } from '../../capture/generic-region';
import { beginRead, pick, pickAll } from '../../capture/fast-query';
import { beginFloorRead, type FloorField, readRowFloor } from '../../capture/floor/read-row-floor';
import { textOf } from '../../capture/row-values';
import { attachTraceEvents, fillFromFloor, floorShipments } from '../../capture/floor-fill';
import type { CapturedOrderInput, TrackingEvent } from '../../model/order';
import { parseBeijingTime } from '../../model/time';
import type { PageRead } from '../types';
import { labels, selectors } from './selectors';
import { site } from './site';
import { floorShopName } from '../../capture/floor/shop-name';

const ALL_LABELS: ReadonlySet<string> = new Set(Object.values(labels).flat());

/**
 * 拼多多 order detail (`/orders/detail?type=4399&sn=…`): "订单号：<sn>" and the other `label：value` pairs inside
 * `#mf-mms-orders-container`, the receiver block `div.buyer-receive-info`, and one block per package with
 * 物流公司, 快递单号 and its trace.
 */
export function readPddDetail(doc: Document, url: URL): PageRead {
  const diag = emptyDiagnostics(site.platform, 'detail');
  const read: PageRead = { kind: 'detail', rows: [], diagnostics: diag };
  beginRead();
  beginFloorRead();
  // the micro-app's container, else the whole page (re-hashed or renamed containers): labels need no class
  const root = pick(doc, selectors.root, diag, 'root') ?? doc.body;
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
    const heading = pick(root, selectors.detailStatus);
    const status = heading ? statusOf(textPieces(heading)) : null;
    if (status?.status) {
      order.status = status.status;
      order.statusText = status.statusText;
      recordStrategy(diag, 'status', 'pdd-detail-status-heading');
    }
  }

  // receiver block: last block is the address; only province and city are kept
  const receiver = pick(root, selectors.receiverBlock);
  const addressText = receiver?.lastElementChild ? textOf(receiver.lastElementChild) : valueOf(values, labels.address)?.value;
  const region = addressText ? provinceCity(collapse(addressText)) : null;
  if (region) {
    order.receiverRegion = region;
    recordStrategy(diag, 'receiverRegion', receiver ? 'pdd-2021-buyer-receive-info' : 'label:收货地址');
  }

  const packages = pickAll(root, selectors.packageBlocks).elements;
  order.shipments = readShipments(values, labels, packages, selectors.traceItems, diag);
  // a package whose waybill is printed `中通快递 7531…` (no 快递单号 label): the floor reads the number, the
  // package keeps its trace
  for (const pkg of packages) {
    if (order.shipments.length >= 20) break;
    const found = floorShipments(readRowFloor(pkg, { orderIdPattern: site.orderIdPattern, want: ['shipments'] }).shipments?.value)[0];
    if (!found || order.shipments.some((s) => s.waybillNo === found.waybillNo)) continue;
    const events: TrackingEvent[] = [];
    for (const li of pickAll(pkg, selectors.traceItems).elements.slice(0, 200)) {
      const pieces = textPieces(li);
      const at = pieces[0] ? parseBeijingTime(pieces[0]) : null;
      const text = pieces.slice(1).join(' ').slice(0, 500);
      if (at !== null && text) events.push({ at, text });
    }
    found.events = events;
    if (events.length > 0) found.lastEventAt = Math.max(...events.map((e) => e.at));
    order.shipments.push(found);
    recordStrategy(diag, 'waybills', 'floor:package-block');
  }

  // the class-free floor: every waybill the page prints (a second package, a carrier + number line), and
  // the fields the labels and blocks missed
  const missed: FloorField[] = ['shipments'];
  if (!order.status) missed.push('status');
  if (order.amountCents === undefined) missed.push('amountCents');
  if (!order.receiverRegion) missed.push('receiverRegion');
  const shipmentsBefore = order.shipments.length;
  fillFromFloor(root, order, missed, site.orderIdPattern);
  if (order.shipments.length > shipmentsBefore) recordStrategy(diag, 'shipments', 'floor');
  if (attachTraceEvents(root, order.shipments)) recordStrategy(diag, 'trace', 'floor');

  const shop = boundedText(textOf(pick(doc, selectors.shopName, diag, 'shop')), 80) ?? floorShopName(doc, diag);
  if (shop) order.shop = shop;

  read.rows.push({ element: root.firstElementChild ?? root, order });
  diag.rowsParsed = 1;
  return read;
}
