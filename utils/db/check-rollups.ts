import { CONTRIBUTION_FIELDS, type Contribution } from '../kpi/order-contribution';
import type { OrderLensDatabase } from './database';
import { addRollupChanges, summariseReminders, type RollupDeltas } from './rollup-updates';

export interface RollupMismatch {
  /** `<day>|<platform>|<shop>` */
  key: string;
  field: keyof Contribution;
  stored: number;
  recounted: number;
}

export interface RollupCheck {
  orders: number;
  rollupRows: number;
  mismatches: RollupMismatch[];
}

/** Hour sums are floats: differences below this are rounding, not drift. */
const TOLERANCE = 1e-6;

/**
 * Recounts every rollup from the orders and reminders and compares it with the stored rollups, in one read
 * transaction (a consistent snapshot). Nothing is written. Empty result = the rollups the KPIs read are exact.
 */
export async function checkRollups(db: OrderLensDatabase): Promise<RollupCheck> {
  return db.transaction('r', db.orders, db.reminders, db.rollups, async () => {
    const reminders = summariseReminders(await db.reminders.toArray());
    const recount: RollupDeltas = new Map();
    let orders = 0;
    await db.orders.each((order) => {
      orders++;
      addRollupChanges(recount, [{ after: { order, reminders: reminders.get(order.key) ?? { count: 0 } } }]);
    });
    const stored = await db.rollups.toArray();
    const mismatches: RollupMismatch[] = [];
    const seen = new Set<string>();
    for (const row of stored) {
      seen.add(row.key);
      const expected = recount.get(row.key)?.delta;
      for (const field of CONTRIBUTION_FIELDS) {
        const recounted = expected?.[field] ?? 0;
        if (Math.abs(row[field] - recounted) > TOLERANCE) mismatches.push({ key: row.key, field, stored: row[field], recounted });
      }
    }
    for (const [key, { delta }] of recount) {
      if (seen.has(key)) continue;
      for (const field of CONTRIBUTION_FIELDS) if (Math.abs(delta[field]) > TOLERANCE) mismatches.push({ key, field, stored: 0, recounted: delta[field] });
    }
    return { orders, rollupRows: stored.length, mismatches };
  });
}
