import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { planExport } from '@/utils/db/export-source';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { captured } from './order-factory';

let db: OrderLensDatabase;
let name: string;
let serial = 0;
beforeEach(async () => {
  name = `export-source-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function drain(plan: Awaited<ReturnType<typeof planExport>>) {
  const out = [];
  for await (const chunk of plan.chunks) out.push(...chunk);
  return out;
}

describe('planExport', () => {
  it('reads every order once in key order, in chunks, including orders without a creation time', async () => {
    const orders = Array.from({ length: 4500 }, (_, at) =>
      captured({ orderId: `49${String(at).padStart(17, '0')}`, createdAt: at % 7 === 0 ? undefined : Date.UTC(2026, 4, 1) + at * 60_000 }),
    );
    await upsertOrders(db, orders, Date.UTC(2026, 5, 1));
    const plan = await planExport(db, {});
    expect(plan.total).toBe(4500);
    const read = await drain(plan);
    expect(read.map((order) => order.orderId)).toEqual(orders.map((order) => order.orderId));
  });

  it('filters by date range (newest first), platform and shop', async () => {
    await upsertOrders(db, [
      captured({ orderId: '4900000000000000001', createdAt: Date.parse('2026-05-01T10:00:00+08:00') }),
      captured({ orderId: '4900000000000000002', createdAt: Date.parse('2026-05-02T10:00:00+08:00'), shop: undefined }),
      captured({ orderId: '4900000000000000003', createdAt: Date.parse('2026-06-01T10:00:00+08:00') }),
      captured({ platform: 'jd', orderId: '309876543210', createdAt: Date.parse('2026-05-02T11:00:00+08:00') }),
    ], Date.UTC(2026, 6, 1));
    const may = await drain(await planExport(db, { range: { first: '2026-05-01', last: '2026-05-31' } }));
    expect(may.map((order) => order.orderId)).toEqual(['309876543210', '4900000000000000002', '4900000000000000001']);
    const douyinNoShop = await drain(await planExport(db, { platform: 'douyin', shop: '' }));
    expect(douyinNoShop.map((order) => order.orderId)).toEqual(['4900000000000000002']);
  });
});
