import { countFloor, type FloorField, type FloorShipment, readRowFloor } from './floor/read-row-floor';
import type { CapturedOrderInput, Item, Shipment, TrackingEvent } from '../model/order';
import { traceEventsByWaybill } from './floor/trace-events';
import { idHitsIn, largestRowsById } from './find-rows-by-id';
import type { ItemLine } from './floor/item-lines';
import { clip } from './row-values';
import type { Tally } from './tally';

/** A field's tally and how many selector strategies precede the floor's in its names. */
export interface FloorTally {
  tally: Tally;
  offset: number;
}

export type FloorTallies = Partial<Record<FloorField, FloorTally>>;

/** A carrier's word (or 运单) followed by a number: only then is the floor asked for a row's waybills. */
// (not 订单号 / 子订单号: `订单号：81500013741` is the order's own number)
export const WAYBILL_HINT = /(?:快递|速递|速运|快运|物流|邮政|EMS|运单号?|(?<![订])单号)\s*[：:]?\s*[A-Za-z]{0,4}\d{8,}/;

/** Floor shipments → the order's shipments (no events: a list or logistics cell prints none). */
export function floorShipments(found: readonly FloorShipment[] | undefined): Shipment[] {
  const out: Shipment[] = [];
  for (const s of found ?? []) {
    if (out.length >= 20 || out.some((o) => o.waybillNo === s.waybillNo)) continue;
    const shipment: Shipment = { waybillNo: s.waybillNo, events: [] };
    if (s.carrierName) shipment.carrierName = clip(s.carrierName, 40);
    out.push(shipment);
  }
  return out;
}

/** Floor items → the order's items (their after-sale words roll up into the status, not into the item). */
export function floorItems(found: readonly ItemLine[] | undefined): Item[] {
  const out: Item[] = [];
  for (const line of found ?? []) {
    const title = clip(line.title, 300);
    if (!title || out.length >= 100) continue;
    const item: Item = { title };
    if (line.spec) item.spec = clip(line.spec, 200);
    if (line.quantity !== undefined) item.quantity = line.quantity;
    if (line.unitPriceCents !== undefined) item.unitPriceCents = line.unitPriceCents;
    if (line.skuId) item.skuId = clip(line.skuId, 40);
    out.push(item);
  }
  return out;
}

/**
 * Events for the shipments that have none, from the page's trace printed without class names
 * (floor/trace-events): each waybill's own block, or every event when one parcel is shown. `locate` reads an
 * event's place where the console's reader keeps one (抖店's `【成都市】`).
 */
export function attachTraceEvents(
  scope: Element,
  shipments: { waybillNo: string; events?: TrackingEvent[]; lastEventAt?: number }[],
  locate?: (text: string) => string | undefined,
): boolean {
  const bare = shipments.filter((s) => !s.events || s.events.length === 0);
  if (bare.length === 0) return false;
  const byWaybill = traceEventsByWaybill(scope, shipments.map((s) => s.waybillNo));
  let attached = false;
  for (const shipment of bare) {
    const events = byWaybill.get(shipment.waybillNo);
    if (!events || events.length === 0) continue;
    shipment.events = events.slice(0, 200).map(({ at, text }) => {
      const event: TrackingEvent = { at, text };
      const location = locate?.(text);
      if (location) event.location = location;
      return event;
    });
    shipment.lastEventAt = Math.max(...shipment.events.map((event) => event.at));
    attached = true;
  }
  return attached;
}

const QUANTITY_MARKS = /[x×]\s?\d{1,6}(?![\d.])/g;

/**
 * Whether the floor should read the row's items: none read, one lacking one of `fields` (those the console
 * prints per item: 拼多多 prints a subtotal, no unit price), or the row printing more quantity marks (`x1`)
 * than items were read (an item's wrapper gone).
 */
export function itemsIncomplete(
  items: readonly Item[] | undefined,
  row?: Element,
  fields: readonly ('quantity' | 'unitPriceCents')[] = ['quantity'],
): boolean {
  if (!items || items.length === 0 || items.some((item) => fields.some((field) => item[field] === undefined))) return true;
  return row !== undefined && (row.textContent?.match(QUANTITY_MARKS)?.length ?? 0) > items.length;
}

/**
 * The fields the site's selectors missed on their items, from the floor's reading of the same items: only
 * where both found the same items (same count, same titles), so nothing is attributed to another item.
 */
export function completeItems(items: Item[], fromFloor: readonly Item[]): void {
  // the floor found items the selectors passed over (an item's wrapper gone): its list, the selectors' fields first
  if (fromFloor.length > items.length && items.every((item) => fromFloor.some((other) => other.title === item.title))) {
    const bySelectors = new Map(items.map((item) => [item.title, item]));
    items.splice(0, items.length, ...fromFloor.map((other) => ({ ...other, ...bySelectors.get(other.title) })));
    return;
  }
  if (items.length !== fromFloor.length || items.some((item, i) => item.title !== fromFloor[i]!.title)) return;
  items.forEach((item, i) => {
    const other = fromFloor[i]!;
    if (item.quantity === undefined && other.quantity !== undefined) item.quantity = other.quantity;
    if (item.unitPriceCents === undefined && other.unitPriceCents !== undefined) item.unitPriceCents = other.unitPriceCents;
    if (item.spec === undefined && other.spec !== undefined) item.spec = other.spec;
    if (item.skuId === undefined && other.skuId !== undefined) item.skuId = other.skuId;
  });
}

/**
 * Asks the class-free floor (utils/capture/floor) for the fields the site selectors missed, writes what it
 * finds into the order and counts each wanted field in its tally (`floor-*` strategy or none). Returns
 * `bad-amount` when the amount was missed and the row prints money that cannot be read (`¥--`), `bad-time`
 * when a missed time's label is followed by a date that cannot be read: the row is skipped rather than stored
 * without it, as when its selectors read them.
 */
export function fillFromFloor(
  row: Element,
  order: CapturedOrderInput,
  missed: readonly FloorField[],
  orderIdPattern: RegExp,
  tallies: FloorTallies = {},
): 'bad-amount' | 'bad-time' | undefined {
  if (missed.length === 0) return undefined;
  const floor = readRowFloor(row, { orderIdPattern, want: missed });
  for (const field of missed) {
    const t = tallies[field];
    if (t) countFloor(t.tally, t.offset, floor[field]);
  }
  if (floor.createdAt) order.createdAt = floor.createdAt.value;
  if (floor.paidAt) order.paidAt = floor.paidAt.value;
  if (floor.shippedAt) order.shippedAt = floor.shippedAt.value;
  if (floor.amountCents) order.amountCents = floor.amountCents.value;
  if (floor.status) {
    order.status = floor.status.value;
    order.statusText = floor.status.statusText;
    if (floor.status.afterSale) order.afterSale = true;
  }
  if (floor.buyer) order.buyer = clip(floor.buyer.value, 80);
  if (floor.receiverRegion) order.receiverRegion = clip(floor.receiverRegion.value, 80);
  if (floor.paymentMethod) order.paymentMethod = clip(floor.paymentMethod.value, 40);
  if (floor.items && (!order.items || order.items.length === 0)) {
    order.items = floorItems(floor.items.value);
  } else if (floor.items && order.items) completeItems(order.items, floorItems(floor.items.value));
  if (floor.shipments) {
    const merged = [...(order.shipments ?? [])];
    for (const s of floorShipments(floor.shipments.value)) {
      if (merged.length < 20 && !merged.some((m) => m.waybillNo === s.waybillNo)) merged.push(s);
    }
    order.shipments = merged;
  }
  return floor.amountUnreadable ? 'bad-amount' : floor.timeUnreadable ? 'bad-time' : undefined;
}

// An order id printed as a whole run of digits (and dashes), for the class-free row finder.
const ID_RUN = /(?<![\d-])\d[\d-]{4,30}\d(?![\d-])/g;
const ID_LABEL_BEFORE = /订单(?:编号|号)\s*[：:]?\s*$/;

/**
 * Order rows without any class name (a re-hashed or re-wrapped page): the largest element holding exactly
 * one order id under a parent that holds several. Ids printed after an order-id label are preferred
 * (SKU ids can share the order id's format); without such labels every id-shaped run counts.
 */
export function findOrderRows(root: Element | null | undefined, orderIdPattern: RegExp): Element[] {
  return [...new Set(findOrderRowsById(root, orderIdPattern).values())];
}

/** findOrderRows keyed by the order id each row holds, in page order. */
export function findOrderRowsById(root: Element | null | undefined, orderIdPattern: RegExp): Map<string, Element> {
  if (!root) return new Map();
  const labelled = new Set<string>();
  const any = new Set<string>();
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
  let previous = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (const match of data.matchAll(ID_RUN)) {
      const id = match[0];
      if (!orderIdPattern.test(id)) continue;
      any.add(id);
      const before = data.slice(0, match.index) || previous;
      if (ID_LABEL_BEFORE.test(before.slice(-20))) labelled.add(id);
    }
    if (data.trim()) previous = data;
  }
  const ids = labelled.size > 0 ? labelled : any;
  if (ids.size === 0) return new Map();
  return largestRowsById(idHitsIn(root, ids, ID_RUN), [root]);
}

// Node constants by value: the readers also run where the DOM globals are not installed (a bare JSDOM).
const SHOW_TEXT = 4;
