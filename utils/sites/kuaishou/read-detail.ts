import { emptyDiagnostics, recordSkip, recordStrategy } from '../../capture/diagnostics';
import { boundedText, orderIdCell, orderIdFinder, orderIdSkipReason, statusOf, textPieces } from '../../capture/generic-cells';
import { readDetailFields, readShipments } from '../../capture/generic-detail';
import { readLabelValues, valueOf } from '../../capture/generic-labels';
import { provinceCity } from '../../capture/generic-region';
import { pick, pickAll } from '../../capture/fast-query';
import { attachTraceEvents } from '../../capture/floor-fill';
import { beginFloorRead, FLOOR_STRATEGIES, floorStrategyIndex, readRowFloor } from '../../capture/floor/read-row-floor';
import { lastEventAt, traceEvents } from '../../capture/generic-trace';
import { textPieces as piecesOf } from '../../capture/row-values';
import { normalizeStatus } from '../../model/status-words';
import type { Shipment } from '../../model/order';
import { readKuaishouShop } from './read-list';
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
  const root = pick(doc, selectors.detailRoot, diag, 'root') ?? doc.body;
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
    const heading = pick(root, selectors.detailStatus);
    const status = heading ? statusOf(textPieces(heading)) : null;
    if (status?.status) {
      order.status = status.status;
      order.statusText = status.statusText;
      recordStrategy(diag, 'status', 'kuaishou-detail-status-heading');
    } else {
      // class-free: the page's first short text that is a status word (the status card heads the page)
      const printed = piecesOf(root).find((piece) => piece.length <= 8 && normalizeStatus(piece));
      const value = printed ? normalizeStatus(printed) : null;
      if (printed && value) {
        order.status = value;
        order.statusText = printed;
        if (value === 'after_sale' || value === 'refunded') order.afterSale = true;
        recordStrategy(diag, 'status', 'floor-pattern');
      }
    }
  }

  const address = valueOf(values, detailLabels.address);
  const region = address ? provinceCity(address.value) : null;
  if (region) {
    order.receiverRegion = region;
    recordStrategy(diag, 'receiverRegion', 'label:收货地址');
  }

  const blocks = pickAll(root, selectors.packageBlocks).elements;
  order.shipments = readShipments(values, detailLabels, blocks, selectors.traceItems, diag);
  floorShipments(root, blocks, order.shipments, diag);
  if (attachTraceEvents(root, order.shipments)) recordStrategy(diag, 'trace', 'floor');

  const shop = readKuaishouShop(doc, diag);
  if (shop) order.shop = shop;

  read.rows.push({ element: root, order });
  diag.rowsParsed = 1;
  return read;
}

/**
 * Package blocks whose waybill the labels did not give (printed `圆通速递：YT…` in an element of its own): the
 * class-free floor reads the block's carrier + number, and the block's timeline gives its events.
 */
function floorShipments(
  root: Element,
  blocks: readonly Element[],
  shipments: NonNullable<CapturedOrderInput['shipments']>,   diag: PageRead['diagnostics'],
): void {
  beginFloorRead();
  const known = (block: Element) => shipments.some((s) => (block.textContent ?? '').includes(s.waybillNo));
  const candidates = blocks.filter((block) => !known(block) && !blocks.some((other) => other !== block && block.contains(other)));
  const scopes = candidates.length > 0 ? candidates : shipments.length === 0 ? [root] : [];
  for (const block of scopes) {
    const floor = readRowFloor(block, { orderIdPattern: site.orderIdPattern, want: ['shipments'] }).shipments;
    if (!floor) continue;
    const events = scopes.length === 1 && block === root && floor.value.length > 1 ? [] : traceEvents(pickAll(block, selectors.traceItems).elements);
    for (const found of floor.value) {
      if (shipments.some((s) => s.waybillNo === found.waybillNo) || shipments.length >= 20) continue;
      const shipment: Shipment = { waybillNo: found.waybillNo, events };
      if (found.carrierName) shipment.carrierName = found.carrierName;
      const last = lastEventAt(events);
      if (last !== undefined) shipment.lastEventAt = last;
      shipments.push(shipment);
      recordStrategy(diag, 'waybills', FLOOR_STRATEGIES[floorStrategyIndex(floor.strategy)]!);
    }
  }
}
