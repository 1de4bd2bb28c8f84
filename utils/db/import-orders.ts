import { orderKey, type CapturedOrder } from '../model/order';
import type { OrderLensDatabase, OrderRecord } from './database';
import { mergeOrder } from './merge-order';
import { addRollupChanges, summariseReminders, writeRollupDeltas, type RollupChange, type RollupDeltas } from './rollup-updates';
import { classifyStorageError } from './storage-errors';

export interface ImportOrdersOptions {
  /** When the file's figures were true (the export's download time): a status seen later on a page is kept. */
  observedAt: number;
  /** The file lists every item of each order (a row per sub-order): its item list replaces the stored one. */
  itemsComplete: boolean;
  now?: number;
  onProgress?: (done: number, total: number) => void;
  /** Aborting rolls the whole import back. */
  signal?: AbortSignal;
}

export interface ImportOrdersResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Orders whose stored status was observed after the export and was therefore kept. */
  keptLaterStatus: number;
}

/** Orders merged per round trip: big enough that IndexedDB's per-request cost is amortised. */
const CHUNK = 5000;

export class ImportCancelledError extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelledError';
  }
}

function lastStatusChangeAt(order: OrderRecord): number {
  return order.statusHistory.at(-1)?.at ?? 0;
}

/**
 * The bulk write path for many orders at once (a console's own export file): one transaction for the whole
 * file, so a failure or a cancel leaves the database exactly as it was. The stored keys are read once, so
 * only orders already known are fetched (one bulkGet per chunk) and merged with the capture merge rules
 * (the file counts as exact, like the consoles' JSON); each chunk is written with one bulkPut; the rollup
 * moves are summed in memory and written once at the end, in the same transaction.
 */
export async function importOrders(db: OrderLensDatabase, orders: readonly CapturedOrder[], options: ImportOrdersOptions): Promise<ImportOrdersResult> {
  const result: ImportOrdersResult = { inserted: 0, updated: 0, unchanged: 0, keptLaterStatus: 0 };
  const now = options.now ?? Date.now();
  const byKey = new Map(orders.map((order) => [orderKey(order.platform, order.orderId), order]));
  const keys = [...byKey.keys()];
  try {
    await db.transaction('rw', db.orders, db.rollups, db.reminders, async () => {
      const reminders = summariseReminders(await db.reminders.toArray());
      const known = new Set(await db.orders.toCollection().primaryKeys());
      const deltas: RollupDeltas = new Map();
      for (let at = 0; at < keys.length; at += CHUNK) {
        if (options.signal?.aborted) throw new ImportCancelledError();
        const chunk = keys.slice(at, at + CHUNK);
        const knownKeys = chunk.filter((key) => known.has(key));
        const stored = new Map(knownKeys.length === 0 ? [] : (await db.orders.bulkGet(knownKeys)).map((record, index) => [knownKeys[index]!, record]));
        const writes: OrderRecord[] = [];
        const changes: RollupChange[] = [];
        chunk.forEach((key) => {
          const existing = stored.get(key);
          let incoming = byKey.get(key)!;
          if (existing && incoming.status !== undefined && lastStatusChangeAt(existing) > options.observedAt && existing.status !== incoming.status) {
            incoming = { ...incoming, status: undefined, statusText: undefined };
            result.keptLaterStatus++;
          }
          if (existing && !options.itemsComplete && existing.items.length > 0) incoming = { ...incoming, items: [] };
          const merged = mergeOrder(existing, incoming, options.observedAt, 'api');
          if (merged === existing) {
            result.unchanged++;
            return;
          }
          merged.updatedAt = now;
          if (!existing) merged.firstSeenAt = now;
          writes.push(merged);
          if (existing) result.updated++;
          else result.inserted++;
          const counted = reminders.get(key) ?? { count: 0 };
          changes.push({ before: existing && { order: existing, reminders: counted }, after: { order: merged, reminders: counted } });
        });
        if (writes.length > 0) await db.orders.bulkPut(writes);
        addRollupChanges(deltas, changes);
        options.onProgress?.(Math.min(at + CHUNK, keys.length), keys.length);
      }
      if (options.signal?.aborted) throw new ImportCancelledError();
      await writeRollupDeltas(db, deltas);
    });
  } catch (error) {
    if (error instanceof ImportCancelledError) throw error;
    throw classifyStorageError(error);
  }
  return result;
}
