import { CONTRIBUTION_FIELDS, contributionOf, rollupKeyOf, type ReminderSummary } from '../kpi/order-contribution';
import type { OrderLensDatabase, OrderRecord, ReminderRecord, RollupRecord } from './database';

/** An order as it counts in the rollups: the record and its reminders. */
export interface CountedOrder {
  order: OrderRecord;
  reminders: ReminderSummary;
}

export interface RollupChange {
  before?: CountedOrder;
  after?: CountedOrder;
}

export function summariseReminders(reminders: readonly ReminderRecord[]): Map<string, ReminderSummary> {
  const byOrder = new Map<string, ReminderSummary>();
  for (const reminder of reminders) {
    const known = byOrder.get(reminder.orderKey) ?? { count: 0 };
    byOrder.set(reminder.orderKey, {
      count: known.count + 1,
      firstAt: Math.min(known.firstAt ?? reminder.at, reminder.at),
      lastAt: Math.max(known.lastAt ?? reminder.at, reminder.at),
    });
  }
  return byOrder;
}

function blankRollup(key: string, day: string, platform: string, shop: string): RollupRecord {
  const record = { key, day, platform, shop } as RollupRecord;
  for (const field of CONTRIBUTION_FIELDS) record[field] = 0;
  return record;
}

/** Per rollup row: its day, platform and shop, and the sum of contributions moving in (+) and out (−). */
export type RollupDeltas = Map<string, { meta: ReturnType<typeof rollupKeyOf>; delta: Record<(typeof CONTRIBUTION_FIELDS)[number], number> }>;

/** Adds orders' contribution moves (the old one out, the new one in) to `deltas`, in memory. */
export function addRollupChanges(deltas: RollupDeltas, changes: readonly RollupChange[]): RollupDeltas {
  for (const change of changes) {
    for (const [counted, sign] of [
      [change.before, -1],
      [change.after, 1],
    ] as const) {
      if (!counted) continue;
      const meta = rollupKeyOf(counted.order);
      let entry = deltas.get(meta.key);
      if (!entry) {
        entry = { meta, delta: blankRollup(meta.key, meta.day, meta.platform, meta.shop) };
        deltas.set(meta.key, entry);
      }
      const contribution = contributionOf(counted.order, counted.reminders);
      for (const field of CONTRIBUTION_FIELDS) entry.delta[field] += sign * contribution[field];
    }
  }
  return deltas;
}

/**
 * The stored rollup rows with the summed moves added (`stored`: the rows as read, by key; a missing key is a
 * new row). Rows whose moves sum to nothing are left out: there is nothing to write.
 */
export function addDeltasToRows(deltas: RollupDeltas, stored: ReadonlyMap<string, RollupRecord | undefined>): RollupRecord[] {
  const writes: RollupRecord[] = [];
  for (const [key, { meta, delta }] of deltas) {
    if (CONTRIBUTION_FIELDS.every((field) => delta[field] === 0)) continue;
    const record = stored.get(key) ?? blankRollup(key, meta.day, meta.platform, meta.shop);
    for (const field of CONTRIBUTION_FIELDS) {
      record[field] += delta[field];
      // Float sums of hours can leave -1e-13 behind when the last order leaves a day.
      if (Math.abs(record[field]) < 1e-9) record[field] = 0;
    }
    writes.push(record);
  }
  return writes;
}

/** Reads the rollup rows of `keys` in one bulkGet, as a map for addDeltasToRows. */
export async function readRollupRows(db: OrderLensDatabase, keys: readonly string[]): Promise<Map<string, RollupRecord | undefined>> {
  const rows = keys.length === 0 ? [] : await db.rollups.bulkGet([...keys]);
  return new Map(keys.map((key, at) => [key, rows[at]]));
}

/** Writes summed moves into the stored rollup rows: one bulkGet and one bulkPut whatever the number of orders. */
export async function writeRollupDeltas(db: OrderLensDatabase, deltas: RollupDeltas): Promise<void> {
  if (deltas.size === 0) return;
  const writes = addDeltasToRows(deltas, await readRollupRows(db, [...deltas.keys()]));
  if (writes.length > 0) await db.rollups.bulkPut(writes);
}

/**
 * Moves orders' contributions in the rollups: the old one out, the new one in. Must run inside the
 * transaction that writes the orders (or reminders) themselves, so rollups never drift from the data.
 */
export async function applyRollupChanges(db: OrderLensDatabase, changes: readonly RollupChange[]): Promise<void> {
  await writeRollupDeltas(db, addRollupChanges(new Map(), changes));
}

/**
 * Rebuilds every rollup from the orders and reminders, inside the caller's transaction (which must cover
 * orders, reminders and rollups): one pass over the orders, sums in memory, one bulkPut.
 */
export async function rebuildRollups(db: OrderLensDatabase): Promise<void> {
  const reminders = summariseReminders(await db.reminders.toArray());
  const deltas: RollupDeltas = new Map();
  await db.orders.each((order) => {
    addRollupChanges(deltas, [{ after: { order, reminders: reminders.get(order.key) ?? { count: 0 } } }]);
  });
  await db.rollups.clear();
  await writeRollupDeltas(db, deltas);
}

/** Rebuilds every rollup (after a migration) in one transaction, so readers never see half-built rollups. */
export async function recomputeRollups(db: OrderLensDatabase): Promise<void> {
  await db.transaction('rw', db.orders, db.reminders, db.rollups, () => rebuildRollups(db));
}
