import type { Page } from '@playwright/test';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { checkRollups, type RollupCheck } from '../../utils/db/check-rollups';
import { declareSchema, type OrderLensDatabase, type OrderRecord } from '../../utils/db/database';

export interface StoreSnapshot {
  orders: OrderRecord[];
  rollups: unknown[];
  reminders: unknown[];
  diagnostics: { key: string; pages: number; rowsSeen: number }[];
}

/** Every record of the extension's database, read in one transaction through an extension page. */
export async function readStore(extensionPage: Page): Promise<StoreSnapshot> {
  return extensionPage.evaluate(
    () =>
      new Promise<StoreSnapshot>((resolve, reject) => {
        const open = indexedDB.open('orderlens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['orders', 'rollups', 'reminders', 'diagnostics'] as const;
          const tx = db.transaction([...names]);
          const snapshot: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (snapshot[name] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(snapshot as unknown as StoreSnapshot);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * The stored rollups against a recount from the stored orders, by the product's own `checkRollups`, run here
 * in Node on a copy of the records (fake-indexeddb): nothing test-only ships in the extension.
 */
export async function checkSnapshotRollups(snapshot: StoreSnapshot): Promise<RollupCheck> {
  const db = new Dexie('orderlens-copy', { indexedDB: new IDBFactory(), IDBKeyRange }) as OrderLensDatabase;
  declareSchema(db);
  await db.transaction('rw', [db.orders, db.rollups, db.reminders], async () => {
    await db.orders.bulkPut(snapshot.orders);
    await db.rollups.bulkPut(snapshot.rollups as never[]);
    await db.reminders.bulkPut(snapshot.reminders as never[]);
  });
  try {
    return await checkRollups(db);
  } finally {
    db.close();
  }
}

/** Orders whose status history holds the same status twice in a row (an observation counted twice). */
export function repeatedStatuses(orders: readonly OrderRecord[]): string[] {
  return orders
    .filter((order) => order.statusHistory.some((entry, at) => at > 0 && order.statusHistory[at - 1]!.status === entry.status))
    .map((order) => order.key);
}
