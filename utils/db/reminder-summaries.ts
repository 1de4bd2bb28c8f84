import type { ReminderSummary } from '../kpi/order-contribution';
import type { OrderLensDatabase } from './database';
import { summariseReminders } from './rollup-updates';

/**
 * The reminder summary (count, first and last time) of each of `keys`, read inside the caller's
 * transaction (which must cover reminders). Orders without reminders are absent from the map.
 */
export async function reminderSummariesOf(db: OrderLensDatabase, keys: readonly string[]): Promise<Map<string, ReminderSummary>> {
  if (keys.length === 0) return new Map();
  const sorted = [...keys].sort();
  const wanted = new Set(keys);
  // One range read, then only the wanted keys: anyOf walks a cursor with one round trip per key.
  const inRange = await db.reminders.where('orderKey').between(sorted[0]!, sorted.at(-1)!, true, true).toArray();
  return summariseReminders(inRange.filter((reminder) => wanted.has(reminder.orderKey)));
}
