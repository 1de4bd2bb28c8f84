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
  return (await db.orders.where('createdAt').between(start, end, true, false).reverse().primaryKeys()) as string[];
}

export async function* orderChunks(db: OrderLensDatabase, keys: readonly string[], filter: ExportFilter): AsyncGenerator<OrderRecord[]> {
  for (let at = 0; at < keys.length; at += CHUNK) {
    const chunk = (await db.orders.bulkGet(keys.slice(at, at + CHUNK))).filter((order): order is OrderRecord => !!order);
    yield chunk.filter(
      (order) => (!filter.platform || order.platform === filter.platform) && (filter.shop === undefined || (order.shop ?? '') === filter.shop),
    );
  }
}

export async function allReminders(db: OrderLensDatabase): Promise<ReminderRecord[]> {
  return db.reminders.toArray();
}
