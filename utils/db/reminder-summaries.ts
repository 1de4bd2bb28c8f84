import type { ReminderSummary } from '../kpi/order-contribution';
import type { OrderLensDatabase } from './database';
import { summariseReminders } from './rollup-updates';

/** The range read stops at this many reminders per wanted key: beyond, the range is mostly other orders'. */
const RANGE_READ_PER_KEY = 4;

/**
 * The reminder summary (count, first and last time) of each of `keys`, read inside the caller's
 * transaction (which must cover reminders). Orders without reminders are absent from the map.
 *
 * One read of the orderKey index between the lowest and highest key when that range holds little besides
 * these orders' reminders (a console page of recent orders); when it holds many more (keys spread over a
 * big store: the read would grow with the reminders table), one read per key instead, sent together.
 * Never anyOf: its cursor jumps from key to key, one round trip per jump.
 */
export async function reminderSummariesOf(db: OrderLensDatabase, keys: readonly string[]): Promise<Map<string, ReminderSummary>> {
  if (keys.length === 0) return new Map();
  const wanted = [...new Set(keys)].sort();
  const cap = Math.max(64, RANGE_READ_PER_KEY * wanted.length);
  const inRange = await db.reminders.where('orderKey').between(wanted[0]!, wanted.at(-1)!, true, true).limit(cap).toArray();
  if (inRange.length < cap) {
    const set = new Set(wanted);
    return summariseReminders(inRange.filter((reminder) => set.has(reminder.orderKey)));
  }
  const perKey = await Promise.all(wanted.map((key) => db.reminders.where('orderKey').equals(key).toArray()));
  return summariseReminders(perKey.flat());
}
