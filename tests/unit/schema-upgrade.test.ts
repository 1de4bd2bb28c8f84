import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase } from '@/utils/db/database';
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
