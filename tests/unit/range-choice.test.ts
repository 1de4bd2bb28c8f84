import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { firstRange } from '@/components/range-choice';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { captured } from './order-factory';

const NOW = Date.parse('2026-12-01T12:00:00+08:00');
const DAY = 86_400_000;
let db: OrderLensDatabase;
let name: string;
let serial = 0;

beforeEach(async () => {
  name = `range-test-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe('the first range a seller sees shows their data', () => {
  it('全部 with nothing recent (or nothing at all), 近30天 with orders this month, 今日 with orders today', async () => {
    expect(await firstRange(db, NOW)).toBe('all');
    await upsertOrders(db, [captured({ orderId: '4900000000000000001', createdAt: NOW - 200 * DAY })], NOW);
    expect(await firstRange(db, NOW)).toBe('all');
    await upsertOrders(db, [captured({ orderId: '4900000000000000002', createdAt: NOW - 10 * DAY })], NOW);
    expect(await firstRange(db, NOW)).toBe('last30');
    await upsertOrders(db, [captured({ orderId: '4900000000000000003', createdAt: NOW - 3_600_000 })], NOW);
    expect(await firstRange(db, NOW)).toBe('today');
  });
});
