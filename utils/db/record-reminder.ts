import type { ReminderSummary } from '../kpi/order-contribution';
import type { OrderLensDatabase, OrderRecord, ReminderRecord } from './database';
import { applyRollupChanges, summariseReminders } from './rollup-updates';
import { classifyStorageError } from './storage-errors';

/**
 * Adds a reminder and moves the order's contribution (待催付 → 已催付) in the rollups. Call it inside a
 * transaction over orders, reminders and rollups; `before` is the order's reminder summary until now.
 */
export async function addReminderInTransaction(
  db: OrderLensDatabase,
  reminder: Omit<ReminderRecord, 'id'>,
  order: OrderRecord | undefined,
  before: ReminderSummary,
): Promise<number> {
  const id = (await db.reminders.add(reminder)) as number;
  if (order) {
    const after: ReminderSummary = {
      count: before.count + 1,
      firstAt: Math.min(before.firstAt ?? reminder.at, reminder.at),
      lastAt: Math.max(before.lastAt ?? reminder.at, reminder.at),
    };
    await applyRollupChanges(db, [{ before: { order, reminders: before }, after: { order, reminders: after } }]);
  }
  return id;
}

/** Stores a 催付 reminder and moves the order's contribution in the same transaction. */
export async function recordReminder(db: OrderLensDatabase, reminder: Omit<ReminderRecord, 'id'>): Promise<number> {
  try {
    return await db.transaction('rw', db.orders, db.reminders, db.rollups, async () => {
      const before = summariseReminders(await db.reminders.where('orderKey').equals(reminder.orderKey).toArray());
      return addReminderInTransaction(db, reminder, await db.orders.get(reminder.orderKey), before.get(reminder.orderKey) ?? { count: 0 });
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}
