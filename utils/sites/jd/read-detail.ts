import { emptyDiagnostics, recordSkip, recordStrategy } from '../../capture/diagnostics';
import type { CapturedOrderInput, Item, Shipment, TrackingEvent } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import { pick, pickAll } from '../../capture/fast-query';
import { receiverRegion } from '../../model/receiver-region';
import { clip, moneyOf, quantityOf, textOf } from '../../capture/row-values';
import { beginFloorRead, type FloorField, readRowFloor } from '../../capture/floor/read-row-floor';
import { attachTraceEvents, fillFromFloor, floorShipments, itemsIncomplete } from '../../capture/floor-fill';
import type { PageRead } from '../types';
import { CARRIER_LABELS, DETAIL, DETAIL_AMOUNT_LABELS, DETAIL_TIME_LABELS, WAYBILL_LABELS } from './selectors';
import { site } from './site';
import { floorShopName } from '../../capture/floor/shop-name';

const LABEL_COLON = /\s*[：:]\s*$/;
const JOINED_PAIR = /^([^：:]{1,12}?)\s*[：:]\s*(.+)$/;
const ID_DIGITS = /\d{5,}/;
const SKU_LABEL = /^(?:SKU|商品编号)\s*[：:]\s*/i;
const WAYBILL = /^[A-Za-z0-9-]{4,40}$/;
const PLAIN_QUANTITY = /^\d{1,7}$/;
const NOT_PRINTED = new Set(['', '-', '--', '暂无']);

/** `dt` label (without its colon) → `dd` text; the first occurrence of a label wins. */
function readPairs(root: ParentNode): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const dl of pickAll(root, DETAIL.pair).elements) {
    const dt = dl.querySelector('dt');
    if (!dt) {
      // label and value joined into one element (`订单状态：等待确认收货`)
      const joined = JOINED_PAIR.exec(textOf(dl));
      if (joined && !pairs.has(joined[1]!)) pairs.set(joined[1]!, joined[2]!);
      continue;
    }
    const label = textOf(dt).replace(LABEL_COLON, '');
    if (label && !pairs.has(label)) pairs.set(label, textOf(dl.querySelector('dd')));
  }
  return pairs;
}

function firstLabelled(pairs: Map<string, string>, labels: readonly string[]): string {
  for (const label of labels) {
    const value = pairs.get(label);
    if (value && !NOT_PRINTED.has(value)) return value;
  }
  return '';
}

function readItems(root: ParentNode): Item[] {
  const items: Item[] = [];
  for (const tr of pickAll(root, DETAIL.itemRow).elements.slice(0, 100)) {
    const title = clip(textOf(pick(tr, DETAIL.itemName)), 300);
    if (!title) continue;
    const item: Item = { title };
    const spec = clip(textOf(pick(tr, DETAIL.itemSpec)), 200);
    if (spec) item.spec = spec;
    const sku = clip(textOf(pick(tr, DETAIL.itemSku)).replace(SKU_LABEL, ''), 64);
    if (sku) item.skuId = sku;
    const price = moneyOf(textOf(pick(tr, DETAIL.itemPrice)));
    if (typeof price === 'number') item.unitPriceCents = price;
    const quantityText = textOf(pick(tr, DETAIL.itemQuantity));
    const quantity = PLAIN_QUANTITY.test(quantityText) ? Number(quantityText) : quantityOf(quantityText);
    if (quantity) item.quantity = quantity;
    items.push(item);
  }
  return items;
}

function readShipments(root: ParentNode): Shipment[] {
  const shipments: Shipment[] = [];
  for (const pkg of pickAll(root, DETAIL.package).elements) {
    const pairs = readPairs(pkg);
    let waybillNo = firstLabelled(pairs, WAYBILL_LABELS);
    let floorCarrier: string | undefined;
    if (!WAYBILL.test(waybillNo)) {
      // the number printed as `京东快递：JDVA…` in the package's header: the class-free floor reads it
      const floor = floorShipments(readRowFloor(pkg, { orderIdPattern: site.orderIdPattern, want: ['shipments'] }).shipments?.value)[0];
      if (floor) {
        waybillNo = floor.waybillNo;
        floorCarrier = floor.carrierName;
      }
    }
    // A package whose number is not a waybill (masked, `--`) is left out rather than stored wrong.
    if (!WAYBILL.test(waybillNo) || shipments.some((s) => s.waybillNo === waybillNo) || shipments.length >= 20) continue;
    const events: TrackingEvent[] = [];
    for (const li of pickAll(pkg, DETAIL.trace).elements.slice(0, 200)) {
      const at = parseBeijingTime(textOf(pick(li, DETAIL.traceTime)));
      const text = clip(textOf(pick(li, DETAIL.traceText)), 500);
      if (at !== null && text) events.push({ at, text });
    }
    const shipment: Shipment = { waybillNo, events };
    const carrierName = clip(firstLabelled(pairs, CARRIER_LABELS), 40) || floorCarrier;
    if (carrierName) shipment.carrierName = carrierName;
    if (events.length > 0) shipment.lastEventAt = Math.max(...events.map((event) => event.at));
    shipments.push(shipment);
  }
  return shipments;
}

/** neworder.shop.jd.com/order/orderDetail: one order with its times, payment method, waybills and traces. */
export function readDetail(doc: Document, url: URL): PageRead {
  const diag = emptyDiagnostics(site.platform, 'detail');
  const read: PageRead = { kind: 'detail', rows: [], diagnostics: diag };
  beginFloorRead();
  const chain = pickAll(doc, DETAIL.root);
  // a renamed container (re-hashed classes): the dl label pairs are read on the whole page
  const root = chain.elements[0] ?? doc.body;
  const layout = chain.elements[0] ? chain.layout : 'floor-page';
  if (!root) return read;
  // Package blocks hold dl pairs too (承运人, 运单号), under labels the order block never uses.
  const pairs = readPairs(root);
  if (pairs.size === 0) return read;
  diag.layout = layout;
  diag.rowsSeen = 1;
  const skip = (reason: string) => {
    recordSkip(diag, reason);
    return read;
  };

  let orderId = ID_DIGITS.exec(firstLabelled(pairs, ['订单编号', '订单号']))?.[0];
  if (orderId) recordStrategy(diag, 'orderId', 'label-订单编号');
  else {
    orderId = url.searchParams.get('orderId') ?? undefined;
    recordStrategy(diag, 'orderId', orderId ? 'url-orderId' : 'none');
  }
  if (!orderId) return skip('no-order-id');
  if (!site.orderIdPattern.test(orderId)) return skip('bad-order-id');

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: 'detail' };
  const shop = clip(textOf(pick(doc, DETAIL.shop, diag, 'shop')), 80) ?? floorShopName(doc, diag);
  if (shop) order.shop = shop;

  for (const [label, field] of Object.entries(DETAIL_TIME_LABELS)) {
    const printed = firstLabelled(pairs, [label]);
    if (!printed) continue;
    const at = parseBeijingTime(printed);
    if (at === null) return skip('bad-time');
    order[field] = at;
    recordStrategy(diag, field, `label-${label}`);
  }

  const statusText = clip(textOf(pick(root, DETAIL.status, diag, 'status')) || firstLabelled(pairs, ['订单状态']), 60);
  if (statusText) {
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
    order.statusText = statusText;
  }
  const amountCents = moneyOf(firstLabelled(pairs, DETAIL_AMOUNT_LABELS));
  if (amountCents === null) return skip('bad-amount');
  if (amountCents !== undefined) order.amountCents = amountCents;
  const paymentMethod = clip(firstLabelled(pairs, ['支付方式', '付款方式']), 40);
  if (paymentMethod) order.paymentMethod = paymentMethod;
  const buyer = clip(firstLabelled(pairs, ['买家账号', '买家', '用户账号']), 80);
  if (buyer) order.buyer = buyer;
  const region = receiverRegion(firstLabelled(pairs, ['收货地址', '地址']));
  if (region) order.receiverRegion = clip(region, 80);

  order.items = readItems(root);
  order.shipments = readShipments(root);
  // the class-free floor: every waybill the page prints (包裹1/包裹2, a carrier + number line in the status or
  // a logistics cell), and what the labels missed
  const missed: FloorField[] = ['shipments'];
  if (!order.statusText) missed.push('status');
  if (order.amountCents === undefined) missed.push('amountCents');
  if (!order.receiverRegion) missed.push('receiverRegion');
  if (itemsIncomplete(order.items, undefined, ['quantity', 'unitPriceCents'])) missed.push('items');
  const before = order.shipments.length;
  fillFromFloor(root, order, missed, site.orderIdPattern);
  if (order.shipments.length > before) recordStrategy(diag, 'shipments', 'floor');
  if (attachTraceEvents(root, order.shipments)) recordStrategy(diag, 'trace', 'floor');
  if (order.status === 'after_sale') order.afterSale = true;
  diag.rowsParsed = 1;
  read.rows.push({ element: root, order });
  return read;
}
