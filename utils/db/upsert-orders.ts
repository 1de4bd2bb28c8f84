import type { CaptureSource, CapturedOrder } from '../model/order';
import type { OrderStatus } from '../model/status';
import { orderKey } from '../model/order';
import { rollupKeyOf } from '../kpi/order-contribution';
import type { OrderLensDatabase, OrderRecord } from './database';
import { mergeOrder } from './merge-order';
import { addDeltasToRows, addRollupChanges, readRollupRows, type RollupChange } from './rollup-updates';
import { reminderSummariesOf } from './reminder-summaries';
import { classifyStorageError } from './storage-errors';

export interface StatusChangeNote {
  key: string;
  from?: OrderStatus;
  to: OrderStatus;
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  unchanged: number;
  statusChanges: StatusChangeNote[];
  /** Keys of the orders written (inserted or updated). */
  changedKeys: string[];
}

/** The rollup row a captured order will count in, when its capture says (its day needs createdAt). */
function expectedRollupKey(order: CapturedOrder): string | undefined {
  if (order.createdAt === undefined) return undefined;
  return rollupKeyOf({ ...order, firstSeenAt: order.createdAt }).key;
}

/**
 * Merge-upserts one page of captures in one transaction (the MV3 worker may stop at any time: either the
 * whole page is committed or none of it). Unchanged orders are not written at all. The reads go out
 * together (stored orders, their reminders, the rollup rows the page will most likely move) and so do the
 * writes (orders, rollups): the page costs two round trips to the database, not five.
 */
export async function upsertOrders(
  db: OrderLensDatabase,
  captured: readonly CapturedOrder[],
  now = Date.now(),
  source: CaptureSource = 'dom',
): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, statusChanges: [], changedKeys: [] };
  if (captured.length === 0) return result;
  try {
    await db.transaction('rw', db.orders, db.rollups, db.reminders, async () => {
      const keys = [...new Set(captured.map((order) => orderKey(order.platform, order.orderId)))];
      const likelyRollups = [...new Set(captured.map(expectedRollupKey).filter((key) => key !== undefined))];
      const [stored, reminders, rollupRows] = await Promise.all([
        db.orders.bulkGet(keys),
        reminderSummariesOf(db, keys),
        readRollupRows(db, likelyRollups),
      ]);
      const before = new Map<string, OrderRecord | undefined>(keys.map((key, at) => [key, stored[at]]));
      const after = new Map(before);
      for (const order of captured) {
        const key = orderKey(order.platform, order.orderId);
        after.set(key, mergeOrder(after.get(key), order, now, source));
      }
      const writes: OrderRecord[] = [];
      for (const [key, record] of after) {
        const previous = before.get(key);
        if (record === previous) {
          result.unchanged++;
          continue;
        }
        writes.push(record!);
        result.changedKeys.push(key);
        if (previous) result.updated++;
        else result.inserted++;
        if (record!.status && record!.status !== previous?.status) {
          result.statusChanges.push({ key, from: previous?.status, to: record!.status });
        }
      }
      if (writes.length === 0) return;
      const changes: RollupChange[] = writes.map((record) => {
        const counted = reminders.get(record.key) ?? { count: 0 };
        const previous = before.get(record.key);
        return { before: previous && { order: previous, reminders: counted }, after: { order: record, reminders: counted } };
      });
      const deltas = addRollupChanges(new Map(), changes);
      // A stored order whose day or shop the capture did not give counts in a row not read yet.
      const unread = [...deltas.keys()].filter((key) => !rollupRows.has(key));
      for (const [key, row] of await readRollupRows(db, unread)) rollupRows.set(key, row);
      const rollupWrites = addDeltasToRows(deltas, rollupRows);
      await Promise.all([db.orders.bulkPut(writes), rollupWrites.length > 0 ? db.rollups.bulkPut(rollupWrites) : undefined]);
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
  return result;
}
