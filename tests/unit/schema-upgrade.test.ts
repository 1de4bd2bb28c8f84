import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, declareSchema } from '@/utils/db/database';
import { yieldToNewerSchema } from '@/utils/db/open-database';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { recordReminder } from '@/utils/db/record-reminder';
import { captured } from './order-factory';

// The schema exactly as version 1 shipped it: a database created by the previous release.
function openVersion1(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({
    orders: 'key, createdAt, updatedAt, platform, [platform+shop], [status+createdAt], *waybillNos',
    rollups: 'key, day, [platform+day]',
    reminders: '++id, orderKey, at',
    diagnostics: 'key, platform',
  });
  return db;
}

const name = 'orderlens-upgrade-test';
afterEach(() => Dexie.delete(name));

describe('schema upgrade from the previous version', () => {
  it('keeps every order, reminder and rollup, and the new index answers', async () => {
    const orders = Array.from({ length: 50 }, (_, at) =>
      captured({ orderId: `49${String(at).padStart(17, '0')}`, platform: at % 2 ? 'jd' : 'douyin', createdAt: Date.UTC(2026, 4, 1 + (at % 20)) }),
    );
    // fill it through version 1's declaration only
    const v1 = openVersion1(name) as unknown as ReturnType<typeof createDatabase>;
    await v1.open();
    expect(v1.verno).toBe(1);
    await upsertOrders(v1, orders, Date.UTC(2026, 5, 1));
    await recordReminder(v1, { orderKey: `douyin:${orders[0]!.orderId}`, at: Date.UTC(2026, 5, 2), channel: 'feige', template: 'zh-default' });
    const before = { orders: await v1.orders.toArray(), reminders: await v1.reminders.toArray(), rollups: await v1.rollups.toArray() };
    v1.close();

    const upgraded = createDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect(await upgraded.orders.toArray()).toEqual(before.orders);
    expect(await upgraded.reminders.toArray()).toEqual(before.reminders);
    expect(await upgraded.rollups.toArray()).toEqual(before.rollups);
    const jdMay = await upgraded.orders.where('[platform+createdAt]').between(['jd', Date.UTC(2026, 4, 1)], ['jd', Date.UTC(2026, 5, 1)]).count();
    expect(jdMay).toBe(25);
    upgraded.close();
  });
});

describe('a newer schema opened while an older page holds the database', () => {
  const orders = Array.from({ length: 20 }, (_, at) => captured({ orderId: `48${String(at).padStart(17, '0')}` }));
  // a later release's schema: every shipped version, plus one more index
  function openNewer() {
    const db = new Dexie(name) as ReturnType<typeof createDatabase>;
    declareSchema(db);
    db.version(100).stores({ orders: 'key, createdAt, updatedAt, [status+createdAt], [platform+createdAt], *waybillNos, buyerId' });
    return db;
  }

  it('the old page yields: the upgrade goes through, every order is kept, the old page reloads into the new code', async () => {
    const old = createDatabase(name);
    await old.open();
    const reloads = vi.fn();
    yieldToNewerSchema(old, reloads);
    await upsertOrders(old, orders, Date.UTC(2026, 5, 1));
    const newer = openNewer();
    await newer.open();
    expect(reloads).toHaveBeenCalledTimes(1);
    expect(old.isOpen()).toBe(false);
    expect(newer.verno).toBe(100);
    expect(await newer.orders.count()).toBe(20);
    expect(await newer.rollups.count()).toBeGreaterThan(0);
    newer.close();
  });

  it('a page that does not yield blocks the upgrade: the waiting page is told, and the upgrade completes once it closes', async () => {
    const old = createDatabase(name);
    await old.open();
    old.on('versionchange', () => false); // a frozen tab: neither closes nor reloads
    await upsertOrders(old, orders, Date.UTC(2026, 5, 1));
    const newer = openNewer();
    const blocked = vi.fn();
    newer.on('blocked', blocked);
    const opening = newer.open();
    await vi.waitFor(() => expect(blocked).toHaveBeenCalled());
    expect(newer.isOpen()).toBe(false);
    old.close();
    await opening;
    expect(await newer.orders.count()).toBe(20);
    newer.close();
  });
});
