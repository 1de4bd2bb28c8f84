import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, type OrderLensDatabase, type OrderRecord } from '@/utils/db/database';
import {
  countByStatus,
  countOrders,
  findByNumberPrefix,
  lookupNumbers,
  pageOrders,
  searchOrders,
  tallyOrders,
  unpaidNotReminded,
  type OrderQuery,
  type PageCursor,
} from '@/utils/db/order-queries';
import { recordReminder } from '@/utils/db/record-reminder';
import { upsertOrders } from '@/utils/db/upsert-orders';
import type { CapturedOrderInput } from '@/utils/model/order';
import { ORDER_STATUSES } from '@/utils/model/status';
import { captured } from './order-factory';

const bj = (text: string) => Date.parse(`${text}+08:00`);
const NOW = bj('2026-05-14T12:00:00');
const PLATFORMS = ['douyin', 'jd', 'kuaishou', 'pinduoduo', 'taobao'];

let db: OrderLensDatabase;
let name: string;
let serial = 0;

beforeEach(async () => {
  name = `order-queries-test-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const id = (n: number) => String(4934071258846000000n + BigInt(n));

/** 250 orders over 5 days, several sharing a creation second (ties), two platforms, all statuses. */
async function seedMany(): Promise<CapturedOrderInput[]> {
  const orders = Array.from({ length: 250 }, (_, n) =>
    captured({
      orderId: id(n),
      platform: n % 5 === 0 ? 'jd' : 'douyin',
      shop: n % 5 === 0 ? '京东店' : n % 2 ? '甲店' : '乙店',
      status: ORDER_STATUSES[n % ORDER_STATUSES.length],
      // every 3 orders share the same second
      createdAt: bj('2026-05-10T00:00:00') + Math.floor(n / 3) * 3_600_000,
      buyer: n % 10 === 7 ? '王**' : '测*',
      receiverRegion: n % 4 === 0 ? '浙江省杭州市' : '北京市',
    }),
  );
  await upsertOrders(db, orders, NOW);
  return orders;
}

async function allPages(query: OrderQuery, size = 100): Promise<OrderRecord[][]> {
  const pages: OrderRecord[][] = [];
  let cursor: PageCursor | undefined;
  do {
    const page = await pageOrders(db, query, cursor, size);
    pages.push(page.orders);
    cursor = page.next;
  } while (cursor && pages.length < 100);
  return pages;
}

const sortedNewestFirst = (orders: OrderRecord[]) =>
  [...orders].sort((a, b) => (b.createdAt ?? -1) - (a.createdAt ?? -1) || (a.key < b.key ? 1 : -1));

describe('keyset pagination', () => {
  it('walks every order once, newest first, ties broken by key, 100 per page', async () => {
    await seedMany();
    const pages = await allPages({});
    expect(pages.map((page) => page.length)).toEqual([100, 100, 50]);
    const all = pages.flat();
    expect(new Set(all.map((order) => order.key)).size).toBe(250);
    expect(all).toEqual(sortedNewestFirst(await db.orders.toArray()));
  });

  it('pages that end inside a run of equal creation times lose and repeat nothing', async () => {
    await seedMany();
    const all = (await allPages({}, 7)).flat();
    expect(all.map((order) => order.key)).toEqual(sortedNewestFirst(await db.orders.toArray()).map((order) => order.key));
  });

  it('filters by status (compound index), platform, shop, date range and buyer', async () => {
    const orders = await seedMany();
    const start = bj('2026-05-11T00:00:00');
    const end = bj('2026-05-13T00:00:00');
    const query: OrderQuery = { status: 'paid', platform: 'douyin', shop: '甲店', start, end };
    const expected = orders.filter(
      (order) => order.status === 'paid' && order.platform === 'douyin' && order.shop === '甲店' && order.createdAt! >= start && order.createdAt! < end,
    );
    expect(expected.length).toBeGreaterThan(0);
    const all = (await allPages(query, 3)).flat();
    expect(all.map((order) => order.orderId).sort()).toEqual(expected.map((order) => order.orderId).sort());
    expect(await countOrders(db, query)).toBe(expected.length);
    const byBuyer = (await allPages({ buyer: '王' })).flat();
    expect(byBuyer).toHaveLength(25);
  });

  it('lists orders without a creation time last, and only when the range is unbounded', async () => {
    await seedMany();
    await upsertOrders(db, [captured({ orderId: '1000000000000000001', createdAt: undefined }), captured({ orderId: '1000000000000000002', createdAt: undefined })], NOW);
    const all = (await allPages({}, 100)).flat();
    expect(all).toHaveLength(252);
    expect(all.slice(-2).map((order) => order.orderId)).toEqual(['1000000000000000001', '1000000000000000002']);
    expect(await countOrders(db, {})).toBe(252);
    expect(await countOrders(db, { start: 0, end: NOW })).toBe(250);
    // a page boundary inside the undated tail
    const small = (await allPages({}, 251)).flat();
    expect(small).toHaveLength(252);
  });
});

describe('counts and tallies', () => {
  it('counts per status from the [status+createdAt] index', async () => {
    await seedMany();
    const counts = await countByStatus(db, {});
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(250);
    expect(counts.unpaid).toBe(32); // n % 8 === 0 for n < 250
    const jd = await countByStatus(db, { platform: 'jd' });
    expect(Object.values(jd).reduce((a, b) => a + b, 0)).toBe(50);
  });

  it('tallies by a key with a cap', async () => {
    await seedMany();
    const tally = await tallyOrders(db, {}, (order) => order.receiverRegion?.slice(0, 2));
    expect(tally).toEqual({ counts: new Map([['北京', 187], ['浙江', 63]]), scanned: 250, capped: false });
    const capped = await tallyOrders(db, {}, () => 'x', 100);
    expect(capped).toEqual({ counts: new Map([['x', 100]]), scanned: 100, capped: true });
  });
});

describe('search', () => {
  it('finds orders by order-number prefix on every platform and by waybill prefix', async () => {
    await seedMany();
    await upsertOrders(
      db,
      [
        captured({
          platform: 'pinduoduo',
          orderId: '220216-179332719430230',
          createdAt: bj('2026-05-09T00:00:00'),
          shipments: [{ waybillNo: 'YT1234567890123' }, { waybillNo: '75312345678901' }],
        }),
      ],
      NOW,
    );
    expect((await findByNumberPrefix(db, PLATFORMS, id(42))).map((order) => order.key)).toEqual([`douyin:${id(42)}`]);
    expect(await findByNumberPrefix(db, PLATFORMS, `${id(42)}\t`)).toHaveLength(1);
    expect((await findByNumberPrefix(db, PLATFORMS, '4934071258846000')).length).toBe(100);
    expect((await findByNumberPrefix(db, PLATFORMS, '220216-1793')).map((order) => order.orderId)).toEqual(['220216-179332719430230']);
    expect((await findByNumberPrefix(db, PLATFORMS, 'yt12345')).map((order) => order.orderId)).toEqual(['220216-179332719430230']);
    expect((await findByNumberPrefix(db, PLATFORMS, '75312345678901')).map((order) => order.orderId)).toEqual(['220216-179332719430230']);
    expect(await findByNumberPrefix(db, PLATFORMS, id(42), { platform: 'jd' })).toEqual([]);
    expect(await findByNumberPrefix(db, PLATFORMS, '王**')).toEqual([]);
  });

  it('falls back to the buyer when no number matches', async () => {
    await seedMany();
    const byNumber = await searchOrders(db, PLATFORMS, id(7), {});
    expect(byNumber.via).toBe('number');
    const byBuyer = await searchOrders(db, PLATFORMS, '王', {}, undefined, 10);
    expect(byBuyer.via).toBe('buyer');
    expect(byBuyer.orders).toHaveLength(10);
    expect(byBuyer.next).toBeDefined();
    const second = await searchOrders(db, PLATFORMS, '王', {}, byBuyer.next, 10);
    expect(second.orders).toHaveLength(10);
    expect(second.orders.every((order) => order.buyer === '王**')).toBe(true);
  });
});

describe('待催付 queue', () => {
  it('lists unpaid orders never reminded, oldest first, page by page', async () => {
    const orders = await seedMany();
    const unpaid = orders.filter((order) => order.status === 'unpaid');
    // remind the oldest three
    for (const order of unpaid.slice(0, 3)) {
      await recordReminder(db, { orderKey: `${order.platform}:${order.orderId}`, at: NOW, channel: 'feige', template: 'zh' });
    }
    const first = await unpaidNotReminded(db, { size: 10 });
    expect(first.orders.map((order) => order.orderId)).toEqual(unpaid.slice(3, 13).map((order) => order.orderId));
    const rest = await unpaidNotReminded(db, { size: 100, after: first.next });
    expect(rest.orders.map((order) => order.orderId)).toEqual(unpaid.slice(13).map((order) => order.orderId));
    expect(rest.next).toBeUndefined();
    const jd = await unpaidNotReminded(db, { platform: 'jd' });
    expect(jd.orders.every((order) => order.platform === 'jd')).toBe(true);
  });
});

describe('batch lookup', () => {
  it('looks numbers up as order numbers on every platform and as waybills', async () => {
    await upsertOrders(
      db,
      [
        captured({ orderId: '4934071258846137423', shipments: [{ waybillNo: 'SF1234567890123' }, { waybillNo: '75312345678901' }] }),
        captured({ platform: 'jd', orderId: '4934071258846137423' }),
        captured({ platform: 'taobao', orderId: '3456789012345678901', shipments: [{ waybillNo: 'sf9999999999999' }] }),
      ],
      NOW,
    );
    const found = await lookupNumbers(db, PLATFORMS, ['4934071258846137423', '75312345678901', 'SF9999999999999', '999']);
    expect(found.map((item) => [item.query, item.orders.map((order) => order.key).sort(), item.waybill])).toEqual([
      ['4934071258846137423', ['douyin:4934071258846137423', 'jd:4934071258846137423'], undefined],
      ['75312345678901', ['douyin:4934071258846137423'], '75312345678901'],
      ['SF9999999999999', [], undefined],
      ['999', [], undefined],
    ]);
  });
});
