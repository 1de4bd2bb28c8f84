import { emptyDiagnostics, recordSkip, recordStrategy, type ParseDiagnostics } from '../../capture/diagnostics';
import { readGenericTable } from '../../capture/generic-table';
import { beginFloorRead, type FloorField, readRowFloor } from '../../capture/floor/read-row-floor';
import { beginRead, pick, pickAll, queryOne } from '../../capture/fast-query';
import { collapse } from '../../capture/generic-cells';
import type { CapturedOrderInput, Shipment, TrackingEvent } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { findBeijingTimes } from '../../model/time';
import type { PageRead } from '../types';
import { collectLabels, type LabelField, type LabelHit } from './labels';
import { receiverRegionAfterContact } from '../../model/receiver-region';
import { DETAIL } from './selectors';
import { readShop } from './shop';
import { site } from './site';
import { bounded, firstToken, isPlaceholder, leadingCode, parseAmount, parseTimeValue } from './text';

const WAYBILL = /^[A-Za-z0-9-]{4,40}$/;
const STATUS_PREFIX = /^\s*(?:当前订单状态|订单状态|交易状态)\s*[:：]\s*/;
const SIGNED = /已签收|签收人|本人签收|代收点签收/;
const STAMP_TEXT = /\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/;
const TIME_FIELDS = [
  ['createdAt', 'createdAt'],
  ['paidAt', 'paidAt'],
  ['shippedAt', 'shippedAt'],
  ['completedAt', 'completedAt'],
] as const satisfies readonly (readonly [LabelField, keyof CapturedOrderInput])[];

type Skip = { skip: string };

function firstHit(hits: readonly LabelHit[], field: LabelField): LabelHit | undefined {
  return hits.find((hit) => hit.field === field && hit.value !== '') ?? hits.find((hit) => hit.field === field);
}

function readEvent(el: Element): TrackingEvent | null {
  const timeEl = pick(el, DETAIL.traceTime);
  const at = timeEl ? parseTimeValue(collapse(timeEl.textContent)) : null;
  const ms = at && at.printed && at.value !== null ? at.value : findBeijingTimes(collapse(el.textContent))[0];
  if (ms === undefined) return null;
  let text = '';
  for (const entry of DETAIL.traceText) {
    text = collapse(queryOne(el, entry.selector)?.textContent);
    if (text) break;
  }
  if (!text) text = collapse(collapse(el.textContent).replace(STAMP_TEXT, ''));
  return text ? { at: ms, text: text.slice(0, 500) } : null;
}

/** The smallest ancestor of a waybill label that holds no other waybill label: one package. */
function packageOf(hit: LabelHit, waybills: readonly LabelHit[], stop: Element): Element {
  let box = hit.el;
  for (let parent = box.parentElement; parent && parent !== stop; parent = parent.parentElement) {
    if (waybills.some((other) => other !== hit && parent.contains(other.el))) break;
    box = parent;
  }
  return box;
}

function readShipments(hits: readonly LabelHit[], root: Element, diag: ParseDiagnostics): Shipment[] {
  const waybills = hits.filter((hit) => hit.field === 'waybill');
  const carriers = hits.filter((hit) => hit.field === 'carrier');
  const shipments: Shipment[] = [];
  const seen = new Set<string>();
  for (const hit of waybills) {
    const waybillNo = leadingCode(hit.value);
    if (!WAYBILL.test(waybillNo)) {
      if (!isPlaceholder(hit.value)) recordSkip(diag, 'bad-waybill');
      continue;
    }
    if (seen.has(waybillNo) || shipments.length >= 20) continue;
    seen.add(waybillNo);
    const box = packageOf(hit, waybills, root);
    const shipment: Shipment = { waybillNo, events: [] };
    const carrier = carriers.find((c) => box.contains(c.el));
    const carrierName = carrier ? bounded(firstToken(carrier.value), 40) : undefined;
    if (carrierName) shipment.carrierName = carrierName;
    readTrace(box, shipment, diag);
    shipments.push(shipment);
  }
  if (shipments.length > 0) recordStrategy(diag, 'waybills', 'label 运单号');
  return shipments;
}

/**
 * The trace entries of a list without class names: the `li` of a list whose every item prints a Beijing
 * time (the order-info list's items print labels, most without a time).
 */
function traceByTimes(box: Element): Element[] {
  const out: Element[] = [];
  const lists = new Set<Element>();
  for (const li of Array.from(box.querySelectorAll('li'))) if (li.parentElement) lists.add(li.parentElement);
  for (const list of lists) {
    const items = Array.from(list.children).filter((child) => child.localName === 'li');
    if (items.length === 0) continue;
    if (items.every((li) => findBeijingTimes(collapse(li.textContent)).length > 0 && !LABELLED.test(collapse(li.textContent)))) {
      out.push(...items);
    }
  }
  return out;
}
const LABELLED = /^(?:创建时间|下单时间|付款时间|支付时间|发货时间|成交时间|确认收货时间)\s*[:：]/;

function readTrace(box: Element, shipment: Shipment, diag: ParseDiagnostics): void {
  const trace = pickAll(box, DETAIL.traceItem);
  let elements = trace.elements;
  if (elements.length > 0) recordStrategy(diag, 'events', trace.layout);
  else {
    elements = traceByTimes(box);
    if (elements.length > 0) recordStrategy(diag, 'events', 'list of timed items');
  }
  for (const el of elements) {
    const event = readEvent(el);
    if (event && shipment.events.length < 200) shipment.events.push(event);
  }
  if (shipment.events.length > 0) shipment.lastEventAt = Math.max(...shipment.events.map((event) => event.at));
}

/** The element whose own text prints `no` (the deepest one). */
function printing(root: Element, no: string): Element | null {
  let best: Element | null = null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.localName === 'script' || el.localName === 'style') continue;
    if ((el.textContent ?? '').includes(no)) best = el;
  }
  return best;
}

/** Waybills printed without their label (`中通快递 7863…` in a cell of its own, beside the status): the floor. */
function floorShipments(root: Element, diag: ParseDiagnostics): Shipment[] {
  beginFloorRead();
  const floor = readRowFloor(root, { orderIdPattern: site.orderIdPattern, want: ['shipments'], closedMeansRefunded: true });
  const found = (floor.shipments?.value ?? []).slice(0, 20);
  const elements = found.map((s) => printing(root, s.waybillNo));
  const shipments: Shipment[] = [];
  found.forEach((s, i) => {
    const shipment: Shipment = { waybillNo: s.waybillNo, events: [] };
    const carrierName = s.carrierName ? bounded(s.carrierName, 40) : undefined;
    if (carrierName) shipment.carrierName = carrierName;
    const el = elements[i];
    if (el) {
      let box = el;
      for (let parent = box.parentElement; parent && parent !== root.parentElement; parent = parent.parentElement) {
        if (elements.some((other, j) => j !== i && other && parent.contains(other))) break;
        box = parent;
      }
      readTrace(box, shipment, diag);
    }
    shipments.push(shipment);
  });
  if (shipments.length > 0) recordStrategy(diag, 'waybills', `${floor.shipments!.strategy}`);
  return shipments;
}

/** Delivery time: when every package's trace shows it signed for, the latest of those times. */
function deliveredAt(shipments: readonly Shipment[]): number | undefined {
  if (shipments.length === 0) return undefined;
  let latest = 0;
  for (const shipment of shipments) {
    const signed = shipment.events.filter((event) => SIGNED.test(event.text)).map((event) => event.at);
    if (signed.length === 0) return undefined;
    latest = Math.max(latest, ...signed);
  }
  return latest;
}

/**
 * A printed 订单编号 decides the order; without one, the URL's bizOrderId, then the id the floor found
 * after a label the redesign printed otherwise.
 */
function orderIdOf(idHit: LabelHit | undefined, url: URL, floorId: string | undefined, diag: ParseDiagnostics): string | undefined {
  const candidates: [strategy: string, id: string | undefined][] = idHit
    ? [['label 订单编号', leadingCode(idHit.value)]]
    : [
        ['url bizOrderId', url.searchParams.get('bizOrderId')?.trim()],
        ['floor', floorId],
      ];
  for (const [strategy, id] of candidates) {
    if (!id) continue;
    recordStrategy(diag, 'orderId', strategy);
    return id;
  }
  recordStrategy(diag, 'orderId', 'none');
  return undefined;
}

/** The status label's value, else the status headline (`当前订单状态：…` printed without a label element). */
function statusTextOf(hits: readonly LabelHit[], root: Element, diag: ParseDiagnostics): string | undefined {
  const labelled = firstHit(hits, 'status')?.value;
  if (labelled) {
    recordStrategy(diag, 'status', 'label 当前订单状态');
    return labelled;
  }
  const headline = collapse(pick(root, DETAIL.statusHeadline)?.textContent).replace(STATUS_PREFIX, '');
  recordStrategy(diag, 'status', headline ? 'status headline' : 'none');
  return headline || undefined;
}

function readOrder(
  doc: Document,
  url: URL,
  root: Element,
  hits: readonly LabelHit[],
  diag: ParseDiagnostics,
  floorId?: string,
): CapturedOrderInput | Skip {
  const rawId = orderIdOf(firstHit(hits, 'orderId'), url, floorId, diag);
  if (!rawId) return { skip: 'no-order-id' };
  if (!site.orderIdPattern.test(rawId)) return { skip: 'bad-order-id' };

  const order: CapturedOrderInput = { platform: site.platform, orderId: rawId, sourcePage: 'detail', items: [] };
  const shop = readShop(doc, diag);
  if (shop) order.shop = shop;

  for (const [field, key] of TIME_FIELDS) {
    const hit = firstHit(hits, field);
    recordStrategy(diag, field, hit ? `label ${hit.word}` : 'none');
    if (!hit) continue;
    const time = parseTimeValue(hit.value);
    if (!time.printed) continue;
    if (time.value === null) return { skip: 'bad-time' };
    order[key] = time.value;
  }

  const statusText = statusTextOf(hits, root, diag);
  if (statusText) {
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
    const text = bounded(statusText, 60);
    if (text && status) order.statusText = text;
  }

  const amountHit = firstHit(hits, 'amount');
  recordStrategy(diag, 'amount', amountHit ? `label ${amountHit.word}` : 'none');
  if (amountHit) {
    const amount = parseAmount(amountHit.value);
    if (amount.printed) {
      if (amount.value === null || amount.value < 0) return { skip: 'bad-amount' };
      order.amountCents = amount.value;
    }
  }

  const buyerHit = firstHit(hits, 'buyer');
  const buyer = bounded(firstToken(buyerHit?.value ?? ''), 80);
  // 号码保护订单 is printed where the nick would be on privacy-number orders: no buyer to record.
  const knownBuyer = buyer && buyer !== '号码保护订单' ? buyer : undefined;
  recordStrategy(diag, 'buyer', knownBuyer ? `label ${buyerHit!.word}` : 'none');
  if (knownBuyer) order.buyer = knownBuyer;

  const payment = bounded(firstToken(firstHit(hits, 'paymentMethod')?.value ?? ''), 40);
  if (payment) order.paymentMethod = payment;

  const address = firstHit(hits, 'address')?.value;
  const region = address ? receiverRegionAfterContact(address) : null;
  recordStrategy(diag, 'receiverRegion', region ? 'label 收货地址' : 'none');
  if (region && region.length <= 80) order.receiverRegion = region;

  // The class-free floor for the fields the labels missed (a label the redesign printed otherwise).
  const missed: FloorField[] = [];
  // Only a field whose label is absent: a printed placeholder (`--`, 暂无) means the value is not there.
  // A label with a value that did not read (split or joined otherwise) asks the floor too.
  const labelled = (field: LabelField) => hits.some((hit) => hit.field === field && hit.value !== '') && !unread(field);
  function unread(field: LabelField): boolean {
    const hit = firstHit(hits, field);
    if (!hit || isPlaceholder(hit.value)) return false;
    const key = field === 'amount' ? 'amountCents' : field === 'address' ? 'receiverRegion' : field;
    return order[key as keyof CapturedOrderInput] === undefined;
  }
  if (!labelled('createdAt')) missed.push('createdAt');
  if (!labelled('paidAt')) missed.push('paidAt');
  if (!labelled('shippedAt')) missed.push('shippedAt');
  if (!labelled('amount')) missed.push('amountCents');
  if (!labelled('address')) missed.push('receiverRegion');
  if (!statusText) missed.push('status');
  if (missed.length > 0) {
    beginFloorRead();
    const floor = readRowFloor(root, { orderIdPattern: site.orderIdPattern, want: missed, closedMeansRefunded: true });
    for (const field of ['createdAt', 'paidAt', 'shippedAt', 'amountCents'] as const) {
      const hit = floor[field];
      if (!hit) continue;
      order[field] = hit.value;
      recordStrategy(diag, field === 'amountCents' ? 'amount' : field, hit.strategy);
    }
    const floorRegion = floor.receiverRegion?.value;
    if (floorRegion && floorRegion.length <= 80) {
      order.receiverRegion = floorRegion;
      recordStrategy(diag, 'receiverRegion', floor.receiverRegion!.strategy);
    }
    if (floor.status) {
      order.status = floor.status.value;
      const text = bounded(floor.status.statusText, 60);
      if (text) order.statusText = text;
      recordStrategy(diag, 'status', floor.status.strategy);
    }
  }

  let shipments = readShipments(hits, root, diag);
  if (shipments.length === 0) shipments = floorShipments(root, diag);
  if (shipments.length === 0) recordStrategy(diag, 'waybills', 'none');
  order.shipments = shipments;
  const delivered = deliveredAt(shipments);
  if (delivered !== undefined) order.deliveredAt = delivered;
  return order;
}

export function readDetail(doc: Document, url: URL): PageRead {
  const diag = emptyDiagnostics(site.platform, 'detail');
  beginRead();
  const found = pickAll(doc, DETAIL.root);
  const root = found.elements[0] ?? doc.body;
  if (!root) return { kind: 'detail', rows: [], diagnostics: diag };
  const hits = collectLabels(root);
  // The micro-app renders late (8–10 s): without its order-info labels there is nothing to read yet.
  let recognised = hits.some((hit) => hit.field === 'orderId' || hit.field === 'createdAt' || hit.field === 'paidAt');
  let floorId: string | undefined;
  if (!recognised) {
    // Labels printed otherwise (a redesign's): the page is an order's when the floor finds its id by label.
    beginFloorRead();
    const floor = readRowFloor(root, { orderIdPattern: site.orderIdPattern, want: ['orderId', 'createdAt', 'paidAt'] });
    if (floor.orderId?.strategy === 'floor-label' && (floor.createdAt || floor.paidAt)) {
      floorId = floor.orderId.value;
      recognised = true;
    }
  }
  if (!recognised) {
    const generic = readGenericTable(doc, site, 'detail');
    if (generic) return generic;
    return { kind: 'detail', rows: [], diagnostics: diag };
  }
  diag.layout = found.elements[0] ? found.layout : 'taobao-detail-labels';
  diag.rowsSeen = 1;
  const result = readOrder(doc, url, root, hits, diag, floorId);
  if ('skip' in result) {
    recordSkip(diag, result.skip);
    return { kind: 'detail', rows: [], diagnostics: diag };
  }
  diag.rowsParsed = 1;
  return { kind: 'detail', rows: [{ element: root, order: result }], diagnostics: diag };
}
