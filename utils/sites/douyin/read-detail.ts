import { emptyDiagnostics, recordSkip, recordStrategy, type ParseDiagnostics } from '../../capture/diagnostics';
import type { CapturedOrderInput, Item, Shipment, TrackingEvent } from '../../model/order';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import type { PageRead } from '../types';
import { pick, pickAll } from '../../capture/fast-query';
import { readShopName } from './read-list';
import { receiverRegion } from '../../model/receiver-region';
import { DETAIL, LABEL_TIME_FIELDS, STEP_TIME_FIELDS } from './selectors';
import { site } from './site';
import { clip, moneyOf, quantityOf, textOf, textPieces } from '../../capture/row-values';
import { attachTraceEvents, floorItems } from '../../capture/floor-fill';
import { beginFloorRead, FLOOR_STRATEGIES, floorStrategyIndex, readRowFloor } from '../../capture/floor/read-row-floor';

const LABEL_COLON = /\s*[：:]\s*$/;
const ID_DIGITS = /\d{5,}/;
const WAYBILL = /^[A-Za-z0-9-]{4,40}$/;
const STEP_TIME = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?$/;
const LOCATION = /^【([^】]{1,100})】/;
/** 抖店 prints an event's city first in its description: `派件中 【成都市】武侯区…`. */
const LOCATION_IN = /【([^】]{1,100})】/;

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

function readShipments(root: Element, diag: ParseDiagnostics): Shipment[] {
  const shipments: Shipment[] = [];
  const seen = new Set<string>();
  const packages = pickAll(root, DETAIL.package).elements;
  const unread: Element[] = [];
  const add = (shipment: Shipment) => {
    if (seen.has(shipment.waybillNo) || shipments.length >= 20) return;
    seen.add(shipment.waybillNo);
    if (shipment.events.length > 0) shipment.lastEventAt = Math.max(...shipment.events.map((event) => event.at));
    shipments.push(shipment);
  };
  // class-free: carrier + number printed in the block (`中通快递 7531…`, `韵达快递：4625…`), read by the floor
  const fromFloor = (scope: Element, events: TrackingEvent[]) => {
    const floor = readRowFloor(scope, { orderIdPattern: site.orderIdPattern, want: ['shipments'] }).shipments;
    if (!floor) return;
    for (const found of floor.value) {
      if (seen.has(found.waybillNo)) continue;
      const shipment: Shipment = { waybillNo: found.waybillNo, events: floor.value.length === 1 ? events : [] };
      if (found.carrierName) shipment.carrierName = clip(found.carrierName, 40);
      add(shipment);
      recordStrategy(diag, 'waybillNo', FLOOR_STRATEGIES[floorStrategyIndex(floor.strategy)]!);
    }
  };
  for (const pkg of packages) {
    const waybillNo = textOf(pick(pkg, DETAIL.waybillNo, diag, 'waybillNo'));
    // A package whose number is not a waybill (masked, `--`) is left out rather than stored wrong.
    if (!WAYBILL.test(waybillNo)) {
      const before = shipments.length;
      fromFloor(pkg, readTrace(pkg));
      if (shipments.length === before) unread.push(pkg);
      continue;
    }
    const shipment: Shipment = { waybillNo, events: readTrace(pkg) };
    const carrierName = clip(textOf(pick(pkg, DETAIL.carrierName, diag, 'carrierName')), 40);
    if (carrierName) shipment.carrierName = carrierName;
    add(shipment);
  }
  // the number printed elsewhere on the page (beside the status): one unread package owns its trace
  if (shipments.length === 0) fromFloor(root, unread.length === 1 ? readTrace(unread[0]!) : []);
  return shipments;
}

/** `label：value` joined in one text piece, or a bare label piece followed by its value: class-free. */
function labelInPieces(pieces: readonly string[], label: string): string {
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    if (!piece.startsWith(label)) continue;
    const rest = piece.slice(label.length);
    const joined = /^(?:\s*[：:]|\s)\s*(.*)$/.exec(rest);
    if (joined && joined[1]) return joined[1].trim();
    if ((rest === '' || joined) && i + 1 < pieces.length) return pieces[i + 1]!;
  }
  return '';
}

/** The 抖店 order detail page (URL inferred, see site.ts): one order with its times, waybills and traces. */
export function readDetail(doc: Document, url: URL): PageRead {
  const diag = emptyDiagnostics(site.platform, 'detail');
  const read: PageRead = { kind: 'detail', rows: [], diagnostics: diag };
  // class-free: the page body when it prints the order's 订单编号 label
  const found = pick(doc, DETAIL.root) ?? doc.body;
  if (!found) return read;
  const root = found;
  const labels = readDescriptions(root);
  if (labels.size === 0 && pickAll(root, DETAIL.step).elements.length === 0 && !labelInPieces(textPieces(root), '订单编号')) return read;
  diag.layout = 'douyin-2024-detail';
  diag.rowsSeen = 1;

  beginFloorRead();
  let pieces: string[] | undefined;
  // the auxo Descriptions first; its labels re-hashed or joined with their values: the page's text pieces
  const valueOf = (label: string) => {
    const el = labels.get(label);
    if (el) return textOf(el);
    pieces ??= textPieces(root);
    return labelInPieces(pieces, label);
  };
  let orderId = ID_DIGITS.exec(valueOf('订单编号') || valueOf('订单号'))?.[0];
  if (orderId) recordStrategy(diag, 'orderId', 'label-订单编号');
  else {
    orderId = url.searchParams.get('id') ?? url.searchParams.get('order_id') ?? undefined;
    recordStrategy(diag, 'orderId', orderId ? 'url-id' : 'none');
  }
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
  // class-free steps: a step title printed as a whole piece, its time in one of the next two pieces
  pieces ??= textPieces(root);
  for (let i = 0; i < pieces.length; i += 1) {
    const field = STEP_TIME_FIELDS[pieces[i]!];
    if (!field || stepTimes.has(field)) continue;
    for (let j = i + 1; j <= i + 2 && j < pieces.length; j += 1) {
      if (STEP_TIME.test(pieces[j]!) && parseBeijingTime(pieces[j]!) !== null) {
        stepTimes.set(field, pieces[j]!);
        break;
      }
    }
  }
  for (const [field, text] of stepTimes) {
    const at = parseBeijingTime(text);
    if (at === null) return skip('bad-time');
    order[field] = at;
  }

  pieces ??= textPieces(root);
  const statusText = clip(
    textOf(pick(root, DETAIL.statusTitle)) ||
      valueOf('订单状态') ||
      // class-free: the page's first short text that is a status word (the status title heads the page)
      (pieces.find((piece) => piece.length <= 8 && normalizeStatus(piece)) ?? ''),
    60,
  );
  if (statusText) {
    order.statusText = statusText;
    const status = normalizeStatus(statusText);
    if (status) order.status = status;
  }

  const amountText = valueOf('实付金额') || valueOf('支付金额') || valueOf('实付款');
  let amountCents = moneyOf(amountText);
  if (amountCents === null || amountCents === undefined) {
    // the label's next text is not the whole amount (`¥` `208` `.90` in spans, a note beside it): the floor
    // reads the text after the label as a whole; a printed `¥--` stays unreadable
    const floor = readRowFloor(root, { orderIdPattern: site.orderIdPattern, want: ['amountCents'] }).amountCents;
    if (floor) amountCents = floor.value;
  }
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
  if (!order.receiverRegion) {
    const floor = readRowFloor(root, { orderIdPattern: site.orderIdPattern, want: ['receiverRegion'] }).receiverRegion;
    if (floor) {
      order.receiverRegion = clip(floor.value, 80);
      recordStrategy(diag, 'receiverRegion', floor.strategy);
    }
  }
  order.items = readItems(root);
  if (order.items.length === 0) {
    // the goods table re-hashed: the floor's items (its columns, or each quantity mark's block)
    const floor = readRowFloor(root, { orderIdPattern: site.orderIdPattern, want: ['items'] }).items;
    if (floor) {
      order.items = floorItems(floor.value);
      recordStrategy(diag, 'items', floor.strategy);
    }
  }
  order.shipments = readShipments(root, diag);
  if (attachTraceEvents(root, order.shipments, (text) => LOCATION_IN.exec(text)?.[1])) recordStrategy(diag, 'trace', 'floor');
  if (order.status === 'after_sale') order.afterSale = true;

  diag.rowsParsed = 1;
  read.rows.push({ element: root, order });
  return read;
}
