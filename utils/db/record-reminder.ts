import type { OrderLensDatabase, ReminderRecord } from './database';
import { applyRollupChanges, summariseReminders } from './rollup-updates';
import { classifyStorageError } from './storage-errors';

/** Stores a 催付 reminder and moves the order's contribution (待催付 → 已催付) in the same transaction. */
export async function recordReminder(db: OrderLensDatabase, reminder: Omit<ReminderRecord, 'id'>): Promise<number> {
  try {
    return await db.transaction('rw', db.orders, db.reminders, db.rollups, async () => {
      const previous = summariseReminders(await db.reminders.where('orderKey').equals(reminder.orderKey).toArray());
      const id = await db.reminders.add(reminder);
      const order = await db.orders.get(reminder.orderKey);
      if (order) {
        const after = summariseReminders(await db.reminders.where('orderKey').equals(reminder.orderKey).toArray());
        await applyRollupChanges(db, [
          {
            before: { order, reminders: previous.get(reminder.orderKey) ?? { count: 0 } },
            after: { order, reminders: after.get(reminder.orderKey)! },
          },
        ]);
      }
      return id as number;
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}
