// The push side of a pass: this device's own changes since the last pass, written as its single-writer cap:/rem:
// documents into the local copies of their shops' databases (replication then takes them to the server).
import type { OrderLensDatabase, OrderRecord } from '../db/database';
import { sameTeamRecord } from '../db/merge-team-records';
import type { SyncContext } from './sync-context';
import { shopDbName, UNKNOWN_SHOP, type TeamSyncStatus } from './sync-protocol';
import { readPush, type SyncStore } from './sync-store';
import { capDocOf, remDocOf, type CapDoc } from './team-docs';

/** Records read per round trip when looking for this device's changes. */
const SCAN_CHUNK = 1000;
/** Records whose updatedAt is this close to the scan's start are looked at again next pass (a write whose
 * time was taken before the scan may commit after it). */
const RESCAN_MS = 10_000;

/** A shop database written to, by its platform and shop name. */
export interface ShopTouched {
  platform: string;
  shop: string;
}

/** Orders changed here and not pushed yet. */
export async function countOwnChanges(db: OrderLensDatabase, store: SyncStore): Promise<number> {
  const push = await readPush(store);
  return (await ownChangesSince(db, store, push.ordersFrom)).keys.length;
}

/**
 * Orders with updatedAt ≥ `from` whose updatedAt is not the one pushed or merged: read from the updatedAt
 * index alone (its keys and primary keys, in the same order), so records are fetched only for real changes.
 */
async function ownChangesSince(db: OrderLensDatabase, store: SyncStore, from: number): Promise<{ keys: string[]; maxSeen: number }> {
  const range = db.orders.where('updatedAt').aboveOrEqual(from);
  const [times, keys] = await Promise.all([range.keys() as Promise<number[]>, range.primaryKeys()]);
  const own: string[] = [];
  let maxSeen = from - 1;
  for (let at = 0; at < keys.length; at += SCAN_CHUNK * 5) {
    const chunk = keys.slice(at, at + SCAN_CHUNK * 5);
    const known = await store.known.bulkGet(chunk);
    chunk.forEach((key, index) => {
      const updatedAt = times[at + index]!;
      maxSeen = Math.max(maxSeen, updatedAt);
      if (known[index]?.updatedAt !== updatedAt) own.push(key);
    });
  }
  return { keys: own, maxSeen };
}

/**
 * This device's own changes since the last pass into the local copies: orders whose updatedAt moved and that
 * the team merge did not write, and new reminders of this device. Returns the shop databases written.
 */
export async function writeOwnChanges(
  context: SyncContext,
  shopHash: (shop: string) => Promise<string>,
  started: number,
  onProgress: (progress: TeamSyncStatus['progress']) => void,
): Promise<Map<string, ShopTouched>> {
  const { active, store } = context;
  const { db } = context.deps;
  const { user } = active.config.settings;
  const device = active.config.deviceId;
  const push = await readPush(store);
  const touched = new Map<string, ShopTouched>();
  const { keys, maxSeen } = await ownChangesSince(db, store, push.ordersFrom);
  for (let at = 0; at < keys.length; at += SCAN_CHUNK) {
    const chunk = keys.slice(at, at + SCAN_CHUNK);
    const own = (await db.orders.bulkGet(chunk)).filter((record): record is OrderRecord => !!record);
    const byDb = new Map<string, OrderRecord[]>();
    for (const record of own) {
      const shop = record.shop ?? UNKNOWN_SHOP;
      const name = shopDbName(active.config.settings.team, record.platform, await shopHash(shop));
      touched.set(name, { platform: record.platform, shop });
      let list = byDb.get(name);
      if (!list) byDb.set(name, (list = []));
      list.push(record);
    }
    for (const [name, list] of byDb) {
      const local = context.local(name);
      const docs = list.map((record) => capDocOf(record, user, device));
      const existing = await local.allDocs({ keys: docs.map((doc) => doc._id), include_docs: true });
      const writes: CapDoc[] = [];
      existing.rows.forEach((row: any, index: number) => {
        const doc = docs[index]!;
        const old = row.doc as CapDoc | undefined;
        if (old && sameTeamRecord({ ...old.order, waybillNos: [] } as OrderRecord, { ...doc.order, waybillNos: [] } as OrderRecord)) return;
        if (row.value?.rev) doc._rev = row.value.rev;
        writes.push(doc);
      });
      if (writes.length > 0) {
        await local.bulkDocs(writes);
        const row = await store.applied.get(name);
        if (row) await store.applied.update(name, { unpushed: (row.unpushed ?? 0) + writes.length });
        else await store.applied.put({ db: name, seq: 0, platform: list[0]!.platform, shop: list[0]!.shop ?? UNKNOWN_SHOP, state: 'pending', unpushed: writes.length });
      }
    }
    if (own.length > 0) await store.known.bulkPut(own.map((record) => ({ key: record.key, updatedAt: record.updatedAt })));
    if (keys.length > SCAN_CHUNK) onProgress({ phase: 'push', done: Math.min(at + SCAN_CHUNK, keys.length), total: keys.length });
  }
  const reminders = (await db.reminders.where('id').above(push.remindersAfter).toArray()).filter((reminder) => !reminder.remoteId);
  let remindersAfter = push.remindersAfter;
  if (reminders.length > 0) {
    const orders = await db.orders.bulkGet([...new Set(reminders.map((reminder) => reminder.orderKey))]);
    const byKey = new Map(orders.filter((order): order is OrderRecord => !!order).map((order) => [order.key, order]));
    const byDb = new Map<string, ReturnType<typeof remDocOf>[]>();
    for (const reminder of reminders) {
      remindersAfter = Math.max(remindersAfter, reminder.id ?? 0);
      const order = byKey.get(reminder.orderKey);
      if (!order) continue;
      const shop = order.shop ?? UNKNOWN_SHOP;
      const name = shopDbName(active.config.settings.team, order.platform, await shopHash(shop));
      touched.set(name, { platform: order.platform, shop });
      let list = byDb.get(name);
      if (!list) byDb.set(name, (list = []));
      list.push(remDocOf(reminder, order.platform, order.orderId, reminder.by ?? user, device));
    }
    for (const [name, docs] of byDb) {
      const local = context.local(name);
      const existing = await local.allDocs({ keys: docs.map((doc) => doc._id) });
      const writes = docs.filter((_doc, index) => !(existing.rows[index] as any)?.value?.rev);
      if (writes.length > 0) {
        await local.bulkDocs(writes);
        const row = await store.applied.get(name);
        if (row) await store.applied.update(name, { unpushed: (row.unpushed ?? 0) + writes.length });
        else await store.applied.put({ db: name, seq: 0, platform: docs[0]!.platform, shop: byKey.get(docs[0]!.orderKey)?.shop ?? UNKNOWN_SHOP, state: 'pending', unpushed: writes.length });
      }
    }
  }
  const ordersFrom = Math.max(push.ordersFrom, Math.min(maxSeen + 1, started - RESCAN_MS));
  await store.config.put({ id: 'push', ordersFrom, remindersAfter });
  return touched;
}
