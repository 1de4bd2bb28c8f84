import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { readDailyTrend, readKpis, readLogisticsExceptions } from '@/utils/db/read-kpis';
import { recordReminder } from '@/utils/db/record-reminder';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { dayRange } from '@/utils/kpi/date-ranges';
import { captured } from './order-factory';

// Beijing times written out; the "now" of the test is 2026-05-14 12:00 Beijing.
const bj = (text: string) => Date.parse(`${text}+08:00`);
const NOW = bj('2026-05-14T12:00:00');

let db: OrderLensDatabase;
let name: string;
let serial = 0;

beforeEach(async () => {
  name = `kpi-test-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

/**
 * The hand-built shop. Created on 05-13 (yesterday) unless said otherwise:
 *   A unpaid ¥50, reminded, later paid (recovered)             B unpaid ¥20, never reminded (待催付)
 *   C completed ¥100, paid 10:00 → shipped 22:00 (12 h) → delivered 05-14 10:00 (36 h)
 *   D refunded ¥30 (returned)                                  E shipped ¥40, dispute, last event 05-11 (stalled)
 *   F closed, never paid ¥10                                   G (today, 05-14) paid ¥60, JD shop
 *   H unpaid ¥15, reminded, still unpaid
 */
const at = (day: string) => bj(`2026-05-${day}`);
const firstPage = () => [
    captured({ orderId: '4900000000000000001', status: 'unpaid', statusText: '待支付', amountCents: 5000, createdAt: at('13T09:00:00') }),
    captured({ orderId: '4900000000000000002', status: 'unpaid', statusText: '待支付', amountCents: 2000, createdAt: at('13T09:10:00') }),
    captured({
      orderId: '4900000000000000003', status: 'completed', statusText: '已完成', amountCents: 10000, createdAt: at('13T09:20:00'),
      paidAt: at('13T10:00:00'), shippedAt: at('13T22:00:00'), deliveredAt: at('14T10:00:00'),
    }),
    captured({ orderId: '4900000000000000004', status: 'refunded', statusText: '已退款', amountCents: 3000, createdAt: at('13T09:30:00'), paidAt: at('13T09:31:00') }),
    captured({
      orderId: '4900000000000000005', status: 'shipped', statusText: '已发货', amountCents: 4000, createdAt: at('13T09:40:00'), dispute: true,
      shipments: [{ waybillNo: 'SF1234567890123', events: [{ at: at('11T08:00:00'), text: '已揽件' }] }],
    }),
    captured({ orderId: '4900000000000000006', status: 'closed', statusText: '已关闭', amountCents: 1000, createdAt: at('13T09:50:00') }),
    captured({ orderId: '4900000000000000007', platform: 'jd', shop: '京东自营店', status: 'paid', statusText: '等待出库', amountCents: 6000, createdAt: at('14T08:00:00') }),
    captured({ orderId: '4900000000000000008', status: 'unpaid', statusText: '待支付', amountCents: 1500, createdAt: at('13T11:00:00') }),
];

async function buildShop() {
  await upsertOrders(db, firstPage(), bj('2026-05-13T12:00:00'));
  await recordReminder(db, { orderKey: 'douyin:4900000000000000001', at: bj('2026-05-13T13:00:00'), channel: 'feige', template: 'zh-default' });
  await recordReminder(db, { orderKey: 'douyin:4900000000000000008', at: bj('2026-05-13T13:05:00'), channel: 'feige', template: 'zh-default' });
  await upsertOrders(db, [
    captured({ orderId: '4900000000000000001', status: 'paid', statusText: '待发货', amountCents: 5000, createdAt: at('13T09:00:00'), paidAt: at('13T14:00:00') }),
  ], bj('2026-05-13T14:05:00'));
}

describe('KPIs from rollups', () => {
  it('computes every KPI of the hand-built shop over all platforms, 近7天', async () => {
    await buildShop();
    // 抖店's default payment window is 30 minutes; this shop gives its buyers two days
    const kpis = await readKpis(db, { range: dayRange('last7', NOW) }, NOW, undefined, { douyin: 48 });
    expect(kpis).toEqual({
      orders: 8,
      gmv: 280, // paid: A 50 + C 100 + D 30 + E 40 + G 60
      aov: 56, // 280 / 5
      conversion: 5 / 8,
      return_rate: 1 / 2, // D returned / (C completed + D returned)
      dispute_rate: 1 / 8,
      ship_hours: 12, // C only: 10:00 → 22:00
      delivery_hours: 12, // C: 05-13 22:00 → 05-14 10:00
      unpaid: 1, // B (H was reminded; A got paid)
      recovery_rate: 1 / 2, // A recovered of A, H reminded
      exceptions: 1, // E stalled since 05-11 08:00
      recovered_gmv: 50,
    });
  });

  it('待催付 follows the clock: an unpaid order past its payment window is no longer waiting for a reminder', async () => {
    await buildShop();
    const range = { range: dayRange('last7', NOW) };
    expect((await readKpis(db, range, NOW, undefined, { douyin: 48 })).unpaid).toBe(1); // B, 27 h old
    expect((await readKpis(db, range, NOW, undefined, { douyin: 24 })).unpaid).toBe(0); // B past 24 h
    expect((await readKpis(db, range, NOW)).unpaid).toBe(0); // default 30 minutes
  });

  it('today vs yesterday, one platform, one shop', async () => {
    await buildShop();
    const today = await readKpis(db, { range: dayRange('today', NOW) }, NOW);
    const yesterday = await readKpis(db, { range: dayRange('yesterday', NOW) }, NOW);
    expect([today.orders, today.gmv]).toEqual([1, 60]);
    expect([yesterday.orders, yesterday.gmv]).toEqual([7, 220]);
    const jd = await readKpis(db, { range: dayRange('all', NOW), platform: 'jd' }, NOW);
    expect([jd.orders, jd.gmv, jd.conversion]).toEqual([1, 60, 1]);
    const douyinShop = await readKpis(db, { range: dayRange('all', NOW), platform: 'douyin', shop: '测试旗舰店' }, NOW);
    expect(douyinShop.orders).toBe(7);
  });

  it('shows null, not 0, where a rate has no denominator', async () => {
    const empty = await readKpis(db, { range: dayRange('all', NOW) }, NOW);
    expect(empty).toMatchObject({ orders: 0, gmv: 0, aov: null, conversion: null, return_rate: null, ship_hours: null, recovery_rate: null });
  });

  it('keeps rollups equal to a recount after status changes and re-captures', async () => {
    await buildShop();
    const rollupsBefore = await db.rollups.toArray();
    const again = await upsertOrders(db, firstPage().slice(1), NOW); // the same page again (A changed since)
    expect(again.inserted + again.updated).toBe(0);
    expect(await db.rollups.toArray()).toEqual(rollupsBefore);
    await upsertOrders(db, [captured({ orderId: '4900000000000000005', status: 'delivered', statusText: '已签收', amountCents: 4000, createdAt: at('13T09:40:00'), dispute: true })], NOW);
    const kpis = await readKpis(db, { range: dayRange('all', NOW) }, NOW);
    expect(kpis.orders).toBe(8);
    expect(kpis.exceptions).toBe(0);
    expect(kpis.return_rate).toBe(1 / 3); // C and E completed-side, D returned
  });

  it('lists logistics exceptions and the daily trend', async () => {
    await buildShop();
    const exceptions = await readLogisticsExceptions(db, { range: dayRange('all', NOW) }, NOW);
    expect(exceptions.map((item) => [item.order.orderId, item.kind])).toEqual([['4900000000000000005', 'stalled']]);
    expect(await readDailyTrend(db, { range: dayRange('last7', NOW) })).toEqual([
      { day: '2026-05-13', orders: 7, gmv: 220 },
      { day: '2026-05-14', orders: 1, gmv: 60 },
    ]);
  });
});

describe('recomputeRollups', () => {
  it('rebuilds exactly the rollups kept at write time', async () => {
    const { recomputeRollups } = await import('@/utils/db/rollup-updates');
    await upsertOrders(db, firstPage(), bj('2026-05-13T12:00:00'));
    await recordReminder(db, { orderKey: 'douyin:4900000000000000001', at: bj('2026-05-13T13:00:00'), channel: 'feige', template: 'zh-default' });
    await upsertOrders(db, [captured({ orderId: '4900000000000000001', status: 'paid', statusText: '待发货', amountCents: 5000, createdAt: at('13T09:00:00'), paidAt: at('13T14:00:00') })], NOW);
    const kept = (await db.rollups.toArray()).sort((a, b) => a.key.localeCompare(b.key));
    await recomputeRollups(db);
    const rebuilt = (await db.rollups.toArray()).sort((a, b) => a.key.localeCompare(b.key));
    expect(rebuilt).toEqual(kept);
  });
});

describe('durations from observed status changes', () => {
  it('uses a transition we saw, never the first sighting of an order already shipped', async () => {
    const { contributionOf } = await import('@/utils/kpi/order-contribution');
    const { mergeOrder } = await import('@/utils/db/merge-order');
    const seenShipped = mergeOrder(undefined, captured({ status: 'shipped', statusText: '已发货', paidAt: bj('2026-05-13T10:00:00') }), bj('2026-11-25T10:00:00'));
    expect(contributionOf(seenShipped).shipCount).toBe(0);
    let watched = mergeOrder(undefined, captured(), bj('2026-05-13T09:00:00'));
    watched = mergeOrder(watched, captured({ status: 'paid', statusText: '待发货' }), bj('2026-05-13T10:00:00'));
    watched = mergeOrder(watched, captured({ status: 'shipped', statusText: '已发货' }), bj('2026-05-13T16:00:00'));
    expect(contributionOf(watched)).toMatchObject({ shipCount: 1, shipHoursSum: 6 });
  });
});
