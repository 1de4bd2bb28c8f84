// Team sync (issue 16): merging teammates' copies of an order into the local store.
//
// Every device pushes its own merged record of an order (a single-writer document); the team view of the order
// on each device is its own record merged with every teammate's. The merge below is a join: commutative,
// idempotent and associative (up to the status history's run compression), so whatever order the documents
// arrive in, every device ends with the same record:
// - status history: the union of observations (by time, status), sorted by time, repeated runs kept once
//   (first observation); status and statusText are the latest observation's — the capture rule "the later
//   observation wins" across the team.
// - other scalar fields: a known value beats an unknown one; between two known values, the one a console's
//   JSON gave (apiFields) beats one read from page text, then a fixed order on the value, so every device picks
//   the same one without clocks.
// - items: the JSON's list beats a text list, then the longer list, then the fixed order.
// - shipments: united by waybill number, events united and sorted, fields as for scalars.
// - sources, apiFields, capturedBy: unions; firstSeenAt: the earliest; updatedAt: the latest.
import type { ReminderSummary } from '../kpi/order-contribution';
import type { Item, Shipment, StatusChange, TrackingEvent } from '../model/order';
import type { OrderLensDatabase, OrderRecord, ReminderRecord } from './database';
import { LATEST_WINS, RECORD_REV, SCALAR_FIELDS } from './merge-order';
import { addRollupChanges, writeRollupDeltas, type RollupChange, type RollupDeltas } from './rollup-updates';
import { reminderSummariesOf } from './reminder-summaries';
import { classifyStorageError } from './storage-errors';

// the capture's scalar fields but status and statusText, which follow the united status history
const SCALARS = SCALAR_FIELDS.filter((field) => !LATEST_WINS.has(field));

/** A fixed total order on JSON values: every device compares the same way. */
function rank(value: unknown): string {
  return JSON.stringify(value) ?? '';
}

function pick<T>(a: T | undefined, b: T | undefined, aExact: boolean, bExact: boolean): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (aExact !== bExact) return aExact ? a : b;
  return rank(a) >= rank(b) ? a : b;
}

function sortedUnion(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  if (!a && !b) return undefined;
  return [...new Set([...(a ?? []), ...(b ?? [])])].sort();
}

function historyKey(change: StatusChange): string {
  return `${change.at}\u0000${change.status}`;
}

export function mergeStatusHistory(a: readonly StatusChange[], b: readonly StatusChange[]): StatusChange[] {
  const byKey = new Map<string, StatusChange>();
  for (const change of [...a, ...b]) {
    const key = historyKey(change);
    const known = byKey.get(key);
    byKey.set(key, known ? (rank(known.statusText) >= rank(change.statusText) ? known : change) : change);
  }
  const sorted = [...byKey.values()].sort((x, y) => x.at - y.at || (x.status < y.status ? -1 : x.status > y.status ? 1 : 0));
  // One entry per run of the same status (its first observation): no status counted twice.
  return sorted.filter((change, index) => index === 0 || sorted[index - 1]!.status !== change.status);
}

function mergeEvents(a: readonly TrackingEvent[], b: readonly TrackingEvent[]): TrackingEvent[] {
  const byKey = new Map<string, TrackingEvent>();
  for (const event of [...a, ...b]) {
    const key = `${event.at}\u0000${event.text}`;
    const known = byKey.get(key);
    byKey.set(key, known ? (rank(known) >= rank(event) ? known : event) : event);
  }
  return [...byKey.values()].sort((x, y) => x.at - y.at || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
}

function mergeShipment(a: Shipment, b: Shipment): Shipment {
  const events = mergeEvents(a.events, b.events);
  const merged: Shipment = { waybillNo: a.waybillNo, events };
  const carrierName = pick(a.carrierName, b.carrierName, false, false);
  const carrierCode = pick(a.carrierCode, b.carrierCode, false, false);
  if (carrierName !== undefined) merged.carrierName = carrierName;
  if (carrierCode !== undefined) merged.carrierCode = carrierCode;
  const last = Math.max(a.lastEventAt ?? -Infinity, b.lastEventAt ?? -Infinity, events.at(-1)?.at ?? -Infinity);
  if (Number.isFinite(last)) merged.lastEventAt = last;
  return merged;
}

function mergeShipments(a: readonly Shipment[], b: readonly Shipment[]): Shipment[] {
  const byWaybill = new Map<string, Shipment>();
  for (const shipment of [...a, ...b]) {
    const known = byWaybill.get(shipment.waybillNo);
    byWaybill.set(shipment.waybillNo, known ? mergeShipment(known, shipment) : mergeShipment(shipment, shipment));
  }
  return [...byWaybill.values()].sort((x, y) => (x.waybillNo < y.waybillNo ? -1 : x.waybillNo > y.waybillNo ? 1 : 0));
}

function pickItems(a: OrderRecord, b: OrderRecord): Item[] {
  const aExact = a.apiFields?.includes('items') ?? false;
  const bExact = b.apiFields?.includes('items') ?? false;
  if (a.items.length === 0) return b.items;
  if (b.items.length === 0) return a.items;
  if (aExact !== bExact) return aExact ? a.items : b.items;
  if (a.items.length !== b.items.length) return a.items.length > b.items.length ? a.items : b.items;
  return rank(a.items) >= rank(b.items) ? a.items : b.items;
}

/**
 * The team merge of two copies of the same order (see the file's head). Pure; returns a new record, or `a`
 * itself when `b` adds nothing (so the caller can skip the write). `updatedAt` is the later of the two.
 */
export function mergeTeamRecords(a: OrderRecord, b: OrderRecord): OrderRecord {
  const merged: Record<string, unknown> = { key: a.key, platform: a.platform, orderId: a.orderId };
  const aApi = new Set(a.apiFields ?? []);
  const bApi = new Set(b.apiFields ?? []);
  for (const field of SCALARS) {
    const value = pick(a[field] as unknown, b[field] as unknown, aApi.has(field), bApi.has(field));
    if (value !== undefined) merged[field] = value;
  }
  const history = mergeStatusHistory(a.statusHistory, b.statusHistory);
  merged.statusHistory = history;
  const latest = history.at(-1);
  if (latest) {
    merged.status = latest.status;
    const text = latest.statusText ?? pick(a.status === latest.status ? a.statusText : undefined, b.status === latest.status ? b.statusText : undefined, false, false);
    if (text !== undefined) merged.statusText = text;
  } else {
    const status = pick(a.status, b.status, false, false);
    if (status !== undefined) merged.status = status;
    const text = pick(a.status === status ? a.statusText : undefined, b.status === status ? b.statusText : undefined, false, false);
    if (text !== undefined) merged.statusText = text;
  }
  merged.items = pickItems(a, b);
  merged.shipments = mergeShipments(a.shipments, b.shipments);
  merged.waybillNos = (merged.shipments as Shipment[]).map((shipment) => shipment.waybillNo);
  merged.sources = sortedUnion(a.sources, b.sources) ?? [];
  const apiFields = sortedUnion(a.apiFields, b.apiFields);
  if (apiFields && apiFields.length > 0) merged.apiFields = apiFields;
  const capturedBy = sortedUnion(a.capturedBy, b.capturedBy);
  if (capturedBy) merged.capturedBy = capturedBy;
  merged.firstSeenAt = Math.min(a.firstSeenAt, b.firstSeenAt);
  merged.updatedAt = Math.max(a.updatedAt, b.updatedAt);
  merged.rev = RECORD_REV;
  const record = merged as OrderRecord;
  return sameTeamRecord(a, record) ? a : record;
}

/** Equal as the team sees them: field by field, ignoring `updatedAt`, the order of sources/apiFields/capturedBy and of shipments. */
export function sameTeamRecord(a: OrderRecord, b: OrderRecord): boolean {
  return rank(normalise(a)) === rank(normalise(b));
}

function normalise(record: OrderRecord): unknown {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const value = (record as Record<string, unknown>)[key];
    if (value === undefined || key === 'updatedAt') continue;
    if (key === 'sources' || key === 'apiFields' || key === 'capturedBy') copy[key] = [...(value as string[])].sort();
    else if (key === 'shipments') copy[key] = mergeShipments(value as Shipment[], []);
    else if (key === 'statusHistory') copy[key] = mergeStatusHistory(value as StatusChange[], []);
    else copy[key] = value;
  }
  return copy;
}

/** One teammate's copy of an order, as it arrives from the server. */
export interface TeamOrderCopy {
  record: OrderRecord;
  /** Member id of the device that wrote it. */
  member: string;
}

/** One teammate's reminder, as it arrives from the server. */
export interface TeamReminderCopy {
  /** The server document id (`rem:…`): stored once. */
  remoteId: string;
  orderKey: string;
  at: number;
  channel: string;
  template: string;
  by: string;
  uncoordinated?: boolean;
}

export interface MergeTeamResult {
  inserted: number;
  updated: number;
  unchanged: number;
  remindersAdded: number;
  /** key → updatedAt of every order record this merge wrote (the push skips records it wrote itself). */
  written: Map<string, number>;
}

/**
 * Merges a batch of teammates' copies (orders and reminders) into the local store in ONE transaction over
 * orders, reminders and rollups: the affected orders and their reminders are read together, each order merged
 * with every copy of it (mergeTeamRecords), reminders not yet stored (by remoteId) added with `by`, and each
 * order's rollup contribution moved once from (record, reminders) before to after. A record only this device
 * had captured (no capturedBy yet) gets `self` in capturedBy. Applying the same batch again changes nothing.
 */
export async function mergeTeamBatch(
  db: OrderLensDatabase,
  orders: readonly TeamOrderCopy[],
  reminders: readonly TeamReminderCopy[],
  self: string,
  now: number,
): Promise<MergeTeamResult> {
  const result: MergeTeamResult = { inserted: 0, updated: 0, unchanged: 0, remindersAdded: 0, written: new Map() };
  const keys = [...new Set([...orders.map((copy) => copy.record.key), ...reminders.map((reminder) => reminder.orderKey)])];
  if (keys.length === 0) return result;
  try {
    await db.transaction('rw', db.orders, db.reminders, db.rollups, async () => {
      const stored = await db.orders.bulkGet(keys);
      const storedByKey = new Map(keys.map((key, at) => [key, stored[at]]));
      const sorted = [...keys].sort();
      const storedReminders = await db.reminders.where('orderKey').between(sorted[0]!, sorted.at(-1)!, true, true).toArray();
      const knownRemote = new Set(storedReminders.filter((reminder) => reminder.remoteId).map((reminder) => reminder.remoteId!));
      const before = await reminderSummariesOf(db, keys);
      const after = new Map<string, ReminderSummary>(keys.map((key) => [key, { ...(before.get(key) ?? { count: 0 }) }]));
      const newReminders: Omit<ReminderRecord, 'id'>[] = [];
      for (const reminder of reminders) {
        if (knownRemote.has(reminder.remoteId)) continue;
        knownRemote.add(reminder.remoteId);
        const { remoteId, orderKey, at, channel, template, by, uncoordinated } = reminder;
        newReminders.push({ orderKey, at, channel, template, by, remoteId, ...(uncoordinated ? { uncoordinated: true } : {}) });
        const summary = after.get(orderKey)!;
        summary.count += 1;
        summary.firstAt = Math.min(summary.firstAt ?? at, at);
        summary.lastAt = Math.max(summary.lastAt ?? at, at);
      }
      const mergedByKey = new Map<string, OrderRecord>();
      for (const copy of orders) {
        const incoming: OrderRecord = {
          ...copy.record,
          capturedBy: [...new Set([...(copy.record.capturedBy ?? []), copy.member])].sort(),
          waybillNos: copy.record.shipments.map((shipment) => shipment.waybillNo),
        };
        let current = mergedByKey.get(copy.record.key) ?? storedByKey.get(copy.record.key);
        if (current && !current.capturedBy) current = { ...current, capturedBy: [self] };
        mergedByKey.set(copy.record.key, current ? mergeTeamRecords(current, incoming) : incoming);
      }
      const writes: OrderRecord[] = [];
      const changes: RollupChange[] = [];
      for (const key of keys) {
        const existing = storedByKey.get(key);
        const merged = mergedByKey.get(key);
        const remindersBefore = before.get(key) ?? { count: 0 };
        const remindersAfter = after.get(key)!;
        const orderChanged = merged !== undefined && (!existing || !sameTeamRecord(existing, merged) || !existing.capturedBy);
        if (orderChanged) {
          const record = { ...merged, updatedAt: now };
          writes.push(record);
          result.written.set(key, now);
          if (existing) result.updated++;
          else result.inserted++;
          changes.push({ before: existing && { order: existing, reminders: remindersBefore }, after: { order: record, reminders: remindersAfter } });
        } else {
          if (merged !== undefined) result.unchanged++;
          if (existing && remindersAfter.count !== remindersBefore.count) {
            changes.push({ before: { order: existing, reminders: remindersBefore }, after: { order: existing, reminders: remindersAfter } });
          }
        }
      }
      if (writes.length > 0) await db.orders.bulkPut(writes);
      if (newReminders.length > 0) await db.reminders.bulkAdd(newReminders);
      result.remindersAdded = newReminders.length;
      const deltas: RollupDeltas = new Map();
      addRollupChanges(deltas, changes);
      await writeRollupDeltas(db, deltas);
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
  return result;
}
