import type { CaptureSource, CapturedOrder, Item, PageKind, Shipment, StoredOrder, TrackingEvent } from '../model/order';
import { orderKey } from '../model/order';
import type { OrderRecord } from './database';

/** Revision of the record shape written by this code (see MIGRATIONS.md). */
export const RECORD_REV = 1;

/** The capture's scalar fields merged one by one (items, shipments and sources have rules of their own). */
export const SCALAR_FIELDS = [
  'shop',
  'status',
  'statusText',
  'createdAt',
  'paidAt',
  'shippedAt',
  'deliveredAt',
  'completedAt',
  'promisedShipAt',
  'payDeadlineAt',
  'amountCents',
  'currency',
  'paymentMethod',
  'buyer',
  'receiverRegion',
  'buyerId',
  'orderSource',
  'afterSale',
  'dispute',
] as const satisfies readonly (keyof CapturedOrder & keyof StoredOrder)[];

/** Fields where the later observation wins whichever source made it: the order's state moves on. */
export const LATEST_WINS: ReadonlySet<string> = new Set(['status', 'statusText']);

/**
 * Merges one capture into what is stored. Rules (DESIGN.md "Model"): a later capture never erases a known
 * field with an unknown one; a status change is appended to the history with the time observed; merging
 * the same capture twice yields the same record (so the caller can skip the write). Between sources: a
 * value from the console's JSON (exact units) is not replaced by one read from page text, except status,
 * where the later observation wins; the JSON's item list replaces the one read from text.
 */
export function mergeOrder(existing: OrderRecord | undefined, captured: CapturedOrder, now: number, source: CaptureSource = 'dom'): OrderRecord {
  const merged: OrderRecord = existing
    ? { ...existing, statusHistory: [...existing.statusHistory] }
    : {
        key: orderKey(captured.platform, captured.orderId),
        platform: captured.platform,
        orderId: captured.orderId,
        currency: 'CNY',
        items: [],
        shipments: [],
        statusHistory: [],
        sources: [],
        waybillNos: [],
        firstSeenAt: now,
        updatedAt: now,
        rev: RECORD_REV,
      };
  const target = merged as Record<string, unknown>;
  const apiFields = new Set(existing?.apiFields ?? []);
  for (const field of SCALAR_FIELDS) {
    const value = captured[field];
    if (value === undefined) continue;
    if (source === 'dom' && apiFields.has(field) && !LATEST_WINS.has(field)) continue;
    target[field] = value;
    if (source === 'api' && !LATEST_WINS.has(field)) apiFields.add(field);
  }
  if (captured.status && existing?.status !== captured.status) {
    merged.statusHistory.push({ status: captured.status, statusText: captured.statusText, at: now });
  }
  if (source === 'api' && captured.items.length > 0) {
    merged.items = replaceItems(merged.items, captured.items);
    apiFields.add('items');
  } else if (!(source === 'dom' && apiFields.has('items') && merged.items.length > 0)) {
    merged.items = mergeItems(merged.items, captured.items);
  }
  if (apiFields.size > 0) merged.apiFields = [...apiFields].sort();
  merged.shipments = mergeShipments(merged.shipments, captured.shipments);
  merged.waybillNos = merged.shipments.map((shipment) => shipment.waybillNo);
  merged.sources = mergeSources(merged.sources, captured.sourcePage);
  merged.rev = RECORD_REV;
  if (existing && sameRecord(existing, merged)) return existing;
  merged.updatedAt = now;
  return merged;
}

function fill<T extends object>(known: T, incoming: T): T {
  const result = { ...known } as Record<string, unknown>;
  for (const [field, value] of Object.entries(incoming)) if (value !== undefined) result[field] = value;
  return result as T;
}

/** The JSON's items are the order's whole item list; what text reading added (e.g. a spec) fills gaps. */
function replaceItems(known: Item[], incoming: Item[]): Item[] {
  const identity = (item: Item) => `${item.title}\u0000${item.spec ?? ''}`;
  const byIdentity = new Map(known.map((item) => [identity(item), item]));
  return incoming.map((item) => {
    const match = byIdentity.get(identity(item));
    return match ? fill(match, item) : item;
  });
}

/** Items are matched by title + spec; a page listing fewer items (a truncated list cell) keeps the rest. */
function mergeItems(known: Item[], incoming: Item[]): Item[] {
  if (incoming.length === 0) return known;
  const identity = (item: Item) => `${item.title}\u0000${item.spec ?? ''}`;
  const byIdentity = new Map(known.map((item) => [identity(item), item]));
  const mergedIncoming = incoming.map((item) => {
    const match = byIdentity.get(identity(item));
    return match ? fill(match, item) : item;
  });
  if (mergedIncoming.length >= known.length) return mergedIncoming;
  const incomingIds = new Set(incoming.map(identity));
  return [...mergedIncoming, ...known.filter((item) => !incomingIds.has(identity(item)))];
}

/** Shipments are matched by waybill number; events are united and kept in time order. */
function mergeShipments(known: Shipment[], incoming: Shipment[]): Shipment[] {
  if (incoming.length === 0) return known;
  const result = [...known];
  for (const shipment of incoming) {
    const at = result.findIndex((item) => item.waybillNo === shipment.waybillNo);
    if (at < 0) {
      result.push(withLastEvent({ ...shipment, events: sortEvents(shipment.events) }));
      continue;
    }
    const previous = result[at]!;
    result[at] = withLastEvent({
      ...fill(previous, { ...shipment, events: previous.events }),
      events: unionEvents(previous.events, shipment.events),
    });
  }
  return result;
}

function unionEvents(known: TrackingEvent[], incoming: TrackingEvent[]): TrackingEvent[] {
  if (incoming.length === 0) return known;
  const seen = new Set(known.map((event) => `${event.at}\u0000${event.text}`));
  const added = incoming.filter((event) => !seen.has(`${event.at}\u0000${event.text}`));
  return added.length === 0 ? known : sortEvents([...known, ...added]);
}

function sortEvents(events: TrackingEvent[]): TrackingEvent[] {
  return [...events].sort((a, b) => a.at - b.at);
}

function withLastEvent(shipment: Shipment): Shipment {
  const newest = shipment.events.at(-1)?.at;
  if (newest !== undefined && (shipment.lastEventAt === undefined || newest > shipment.lastEventAt)) {
    return { ...shipment, lastEventAt: newest };
  }
  return shipment;
}

function mergeSources(known: PageKind[], page: PageKind): PageKind[] {
  return known.includes(page) ? known : [...known, page];
}

/** Structural equality ignoring key order and `updatedAt`. */
function sameRecord(a: OrderRecord, b: OrderRecord): boolean {
  return deepEqual({ ...a, updatedAt: 0 }, { ...b, updatedAt: 0 });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
