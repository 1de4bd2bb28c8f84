import { emptyDiagnostics, recordSkip, recordStrategy, type ParseDiagnostics } from '../../capture/diagnostics';
import { firstMatch, textOf } from '../../capture/strategy';
import type { CapturedOrderInput, Item, Shipment, TrackingEvent } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import type { PageRead } from '../types';
import { pick, pickAll } from '../../capture/fast-query';
import { readShopName } from './read-list';
import { receiverRegion } from '../../model/receiver-region';
import { DETAIL, LABEL_TIME_FIELDS, STEP_TIME_FIELDS } from './selectors';
import { site } from './site';
import { clip, moneyOf, quantityOf } from '../../capture/row-values';

const LABEL_COLON = /\s*[：:]\s*$/;
const ID_DIGITS = /\d{5,}/;
const WAYBILL = /^[A-Za-z0-9-]{4,40}$/;
const LOCATION = /^【([^】]{1,100})】/;

type TimeField = (typeof STEP_TIME_FIELDS)[string];

/** auxo Descriptions: label text (without its colon) → the content element beside it. */
function readDescriptions(root: ParentNode): Map<string, Element> {
  const values = new Map<string, Element>();
  const { elements } = pickAll(root, DETAIL.descriptionLabel);
  for (const label of elements) {
    const content = label.nextElementSibling;
    const key = textOf(label).replace(LABEL_COLON, '');
    if (content && key && !values.has(key)) values.set(key, content);
  }
  return values;
}

/** Step titles (买家下单 …) with their times; a step without a time (not reached yet) is left out. */
function readStepTimes(root: ParentNode, diag: ParseDiagnostics): Map<TimeField, string> {
  const times = new Map<TimeField, string>();
  const { elements, layout } = pickAll(root, DETAIL.step);
  for (const step of elements) {
    const field = STEP_TIME_FIELDS[textOf(pick(step, DETAIL.stepTitle))];
    const time = textOf(pick(step, DETAIL.stepTime));
    if (field && time && !times.has(field)) times.set(field, time);
  }
  if (times.size > 0) recordStrategy(diag, 'times', `steps:${layout}`);
  return times;
}

function readItems(root: ParentNode): Item[] {
  const items: Item[] = [];
  for (const row of pickAll(root, DETAIL.itemRow).elements.slice(0, 100)) {
    const title = clip(textOf(pick(row, DETAIL.itemName)), 300);
    if (!title) continue;
    const item: Item = { title };
    const spec = clip(textOf(pick(row, DETAIL.itemSpec)), 200);
    if (spec) item.spec = spec;
    const price = moneyOf(textOf(pick(row, DETAIL.itemPrice)));
    if (typeof price === 'number') item.unitPriceCents = price;
    const quantity = quantityOf(textOf(pick(row, DETAIL.itemQuantity)));
    if (quantity) item.quantity = quantity;
    items.push(item);
  }
  return items;
}

function readTrace(pkg: Element): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  for (const line of pickAll(pkg, DETAIL.trace).elements.slice(0, 200)) {
    const at = parseBeijingTime(textOf(pick(line, DETAIL.traceTime)));
    const state = textOf(pick(line, DETAIL.traceState));
    const desc = textOf(pick(line, DETAIL.traceDesc));
    const text = clip([state, desc].filter(Boolean).join(' '), 500);
    // A trace line without a readable time is left out: an event is only worth keeping with its time.
    if (at === null || !text) continue;
    const event: TrackingEvent = { at, text };
    const location = LOCATION.exec(desc)?.[1];
    if (location) event.location = location;
    events.push(event);
  }
  return events;
}

function readShipments(root: ParentNode, diag: ParseDiagnostics): Shipment[] {
  const shipments: Shipment[] = [];
  const seen = new Set<string>();
  for (const pkg of pickAll(root, DETAIL.package).elements) {
    const waybillNo = textOf(pick(pkg, DETAIL.waybillNo, diag, 'waybillNo'));
    // A package whose number is not a waybill (masked, `--`) is left out rather than stored wrong.
    if (!WAYBILL.test(waybillNo) || seen.has(waybillNo) || shipments.length >= 20) continue;
    seen.add(waybillNo);
    const shipment: Shipment = { waybillNo, events: readTrace(pkg) };
    const carrierName = clip(textOf(pick(pkg, DETAIL.carrierName, diag, 'carrierName')), 40);
    if (carrierName) shipment.carrierName = carrierName;
    if (shipment.events.length > 0) shipment.lastEventAt = Math.max(...shipment.events.map((event) => event.at));
    shipments.push(shipment);
  }
  return shipments;
}

/** The 抖店 order detail page (URL inferred, see site.ts): one order with its times, waybills and traces. */
export function readDetail(doc: Document, url: URL): PageRead {
  const diag = emptyDiagnostics(site.platform, 'detail');
  const read: PageRead = { kind: 'detail', rows: [], diagnostics: diag };
  const found = pick(doc, DETAIL.root);
  if (!found) return read;
  const root = found;
  const labels = readDescriptions(root);
  if (labels.size === 0 && pickAll(root, DETAIL.step).elements.length === 0) return read;
  diag.layout = 'douyin-2024-detail';
  diag.rowsSeen = 1;

  const valueOf = (label: string) => textOf(labels.get(label));
  const orderId = firstMatch<string>(diag, 'orderId', [
    { name: 'label-订单编号', run: () => ID_DIGITS.exec(valueOf('订单编号') || valueOf('订单号'))?.[0] },
    { name: 'url-id', run: () => url.searchParams.get('id') ?? url.searchParams.get('order_id') },
  ]);
  const skip = (reason: string) => {
    recordSkip(diag, reason);
    return read;
  };
  if (!orderId) return skip('no-order-id');
  if (!site.orderIdPattern.test(orderId)) return skip('bad-order-id');

  const order: CapturedOrderInput = { platform: site.platform, orderId, sourcePage: 'detail' };
  const shop = readShopName(doc, diag);
  if (shop) order.shop = shop;

  const stepTimes = readStepTimes(root, diag);
  for (const [label, field] of Object.entries(LABEL_TIME_FIELDS)) {
    if (!stepTimes.has(field) && valueOf(label)) stepTimes.set(field, valueOf(label));
  }
  for (const [field, text] of stepTimes) {
    const at = parseBeijingTime(text);
    if (at === null) return skip('bad-time');
    order[field] = at;
  }

  const statusText = clip(textOf(pick(root, DETAIL.statusTitle)) || valueOf('订单状态'), 60);
  if (statusText) {
    order.statusText = statusText;
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
  }

  const amountText = valueOf('实付金额') || valueOf('支付金额') || valueOf('实付款');
  const amountCents = moneyOf(amountText);
  if (amountCents === null) return skip('bad-amount');
  if (amountCents !== undefined) order.amountCents = amountCents;

  const paymentMethod = clip(valueOf('支付方式'), 40);
  if (paymentMethod) order.paymentMethod = paymentMethod;
  const buyer = clip(valueOf('抖音昵称') || valueOf('买家昵称'), 80);
  if (buyer) order.buyer = buyer;
  const receiver = valueOf('收货信息') || valueOf('收货地址');
  if (receiver) {
    const parts = receiver.split('，');
    const region = receiverRegion(parts.length >= 3 ? parts.slice(2).join('，') : receiver);
    if (region) order.receiverRegion = clip(region, 80);
  }
  order.items = readItems(root);
  order.shipments = readShipments(root, diag);
  if (order.status === 'after_sale') order.afterSale = true;

  diag.rowsParsed = 1;
  read.rows.push({ element: root, order });
  return read;
}
