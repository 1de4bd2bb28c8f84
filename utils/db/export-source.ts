import { dayRangeToMs, type DayRange } from '../kpi/date-ranges';
import type { OrderLensDatabase, OrderRecord, ReminderRecord } from './database';

export interface ExportFilter {
  range?: DayRange;
  platform?: string;
  shop?: string;
}

const CHUNK = 2000;

/**
 * The keys of the orders to export, newest first. Keys only (a few MB for 100k orders): the records are
 * then read chunk by chunk so the page stays responsive and memory stays flat.
 */
export async function exportKeys(db: OrderLensDatabase, filter: ExportFilter): Promise<string[]> {
  if (!filter.range || filter.range.first === '0000-00-00') {
    const keys = (await db.orders.orderBy('createdAt').reverse().primaryKeys()) as string[];
    // orders without a creation time are not in the createdAt index
    const all = (await db.orders.toCollection().primaryKeys()) as string[];
    const indexed = new Set(keys);
    return [...keys, ...all.filter((key) => !indexed.has(key))];
  }
  const { start, end } = dayRangeToMs(filter.range);
  if (filter.platform) {
    return (await db.orders
      .where('[platform+createdAt]')
      .between([filter.platform, start], [filter.platform, end], true, false)
      .reverse()
      .primaryKeys()) as string[];
  }
  return (await db.orders.where('createdAt').between(start, end, true, false).reverse().primaryKeys()) as string[];
}

export async function* orderChunks(db: OrderLensDatabase, keys: readonly string[], filter: ExportFilter): AsyncGenerator<OrderRecord[]> {
  for (let at = 0; at < keys.length; at += CHUNK) {
    const chunk = (await db.orders.bulkGet(keys.slice(at, at + CHUNK))).filter((order): order is OrderRecord => !!order);
    yield chunk.filter((order) => keep(order, filter));
  }
}

function keep(order: OrderRecord, filter: ExportFilter): boolean {
  return (!filter.platform || order.platform === filter.platform) && (filter.shop === undefined || (order.shop ?? '') === filter.shop);
}

/** Every order in primary-key order, a chunk at a time by key range (no key list, no random reads). */
async function* allOrderChunks(db: OrderLensDatabase, filter: ExportFilter): AsyncGenerator<OrderRecord[]> {
  let after: string | undefined;
  for (;;) {
    const chunk = await (after === undefined ? db.orders.limit(CHUNK) : db.orders.where(':id').above(after).limit(CHUNK)).toArray();
    if (chunk.length === 0) return;
    after = chunk[chunk.length - 1]!.key;
    yield chunk.filter((order) => keep(order, filter));
  }
}

export interface ExportPlan {
  /** Orders the chunks will go through (before the platform/shop filter), for progress. */
  total: number;
  chunks: AsyncGenerator<OrderRecord[]>;
}

/**
 * How an export reads its orders. All of them: in key order by key ranges (grouped by platform, ids
 * ascending), the fastest read IndexedDB offers. A date range: newest first through the createdAt index.
 */
export async function planExport(db: OrderLensDatabase, filter: ExportFilter): Promise<ExportPlan> {
  if (!filter.range || filter.range.first === '0000-00-00') {
    return { total: await db.orders.count(), chunks: allOrderChunks(db, filter) };
  }
  const keys = await exportKeys(db, filter);
  return { total: keys.length, chunks: orderChunks(db, keys, filter) };
}

export async function allReminders(db: OrderLensDatabase): Promise<ReminderRecord[]> {
  return db.reminders.toArray();
}
