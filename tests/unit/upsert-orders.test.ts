import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { classifyStorageError } from '@/utils/db/storage-errors';
import { captured } from './order-factory';

let db: OrderLensDatabase;
let dbName: string;
let counter = 0;

beforeEach(async () => {
  dbName = `orderlens-test-${counter++}`;
  db = createDatabase(dbName);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(dbName);
});

const page = () => [
  captured({ orderId: '4987654321098765432' }),
  captured({ orderId: '4987654321098765433', status: 'paid', statusText: '待发货' }),
  captured({ orderId: '4987654321098765434', status: 'shipped', statusText: '已发货', shipments: [{ waybillNo: 'JT0006968326954', events: [] }] }),
];

describe('upsertOrders', () => {
  it('stores a page in the orders table keyed platform:orderId, 19-digit ids intact', async () => {
    const result = await upsertOrders(db, page(), 1_800_000_000_000);
    expect(result).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    const keys = await db.orders.toCollection().primaryKeys();
    expect(keys.sort()).toEqual([
      'douyin:4987654321098765432',
      'douyin:4987654321098765433',
      'douyin:4987654321098765434',
    ]);
    expect((await db.orders.get('douyin:4987654321098765432'))!.orderId).toBe('4987654321098765432');
  });

  it('the same page saved twice changes nothing', async () => {
    await upsertOrders(db, page(), 1_800_000_000_000);
    const before = await db.orders.toArray();
    const again = await upsertOrders(db, page(), 1_800_000_100_000);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, statusChanges: [] });
    expect(await db.orders.toArray()).toEqual(before);
  });

  it('reports status changes and finds orders by index (status, waybill, platform)', async () => {
    await upsertOrders(db, page(), 1_800_000_000_000);
    const result = await upsertOrders(db, [captured({ orderId: '4987654321098765432', status: 'paid', statusText: '待发货' })], 1_800_000_100_000);
    expect(result.statusChanges).toEqual([{ key: 'douyin:4987654321098765432', from: 'unpaid', to: 'paid' }]);
    expect(await db.orders.where('waybillNos').equals('JT0006968326954').count()).toBe(1);
    expect(await db.orders.where('[status+createdAt]').between(['paid', Dexie.minKey], ['paid', Dexie.maxKey]).count()).toBe(2);
    expect(await db.orders.where('[platform+createdAt]').between(['douyin', 0], ['douyin', Infinity]).count()).toBe(3);
  });

  it('merges duplicates inside one batch instead of writing twice', async () => {
    const result = await upsertOrders(db, [captured(), captured({ paymentMethod: '抖音支付' })], 1_800_000_000_000);
    expect(result.inserted).toBe(1);
    expect((await db.orders.get('douyin:4987654321098765432'))!.paymentMethod).toBe('抖音支付');
  });

  it('writes all of a page or none of it', async () => {
    const failing = (key: string) => {
      if (key === 'douyin:4987654321098765434') throw new Error('disk gone');
    };
    db.orders.hook('creating', failing);
    await expect(upsertOrders(db, page(), 1_800_000_000_000)).rejects.toMatchObject({ name: 'StorageError' });
    db.orders.hook('creating').unsubscribe(failing);
    expect(await db.orders.count()).toBe(0);
  });
});

describe('classifyStorageError', () => {
  it('finds QuotaExceededError inside an AbortError', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(classifyStorageError(abort).kind).toBe('quota');
  });
  it('recognises open failures and version changes', () => {
    expect(classifyStorageError({ name: 'OpenFailedError' }).kind).toBe('open-failed');
    expect(classifyStorageError({ name: 'VersionChangeError' }).kind).toBe('version');
    expect(classifyStorageError(new Error('x')).kind).toBe('unknown');
  });
});
