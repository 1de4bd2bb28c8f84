import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { readDailyReport } from '@/utils/db/read-daily-report';
import { recordReminder } from '@/utils/db/record-reminder';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { buildDailyReport, reportDays, type DailyReport, type ReportRow } from '@/utils/kpi/daily-report';
import { formatDelta } from '@/utils/kpi/daily-report-format';
import { dailyReportText } from '@/utils/kpi/daily-report-text';
import { captured } from './order-factory';

// Beijing wall-clock times written out; "now" is Thursday 2026-05-14 09:00 Beijing, so the report is of
// Wednesday 05-13, against Tuesday 05-12 (前日) and Wednesday 05-06 (上周同日).
const bj = (text: string) => Date.parse(`${text}+08:00`);
const NOW = bj('2026-05-14T09:00:00');
const FLAGSHIP = '测试旗舰店';
const SECOND = '抖店二店';
const JD_SHOP = '京东自营店';
const NAMES: Record<string, string> = { douyin: '抖店', jd: '京东' };
const platformName = (platform: string) => NAMES[platform] ?? platform;
// 抖店's default payment window is 30 minutes; this shop gives its buyers two days
const WINDOWS = { douyin: 48 };

let db: OrderLensDatabase;
let name: string;
let serial = 0;

beforeEach(async () => {
  name = `daily-report-test-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

let nextId = 4_910_000_000_000_000_000n;
const order = (overrides: Parameters<typeof captured>[0]) => captured({ orderId: String(nextId++), ...overrides });

/**
 * The hand-built shops.
 * Yesterday 05-13:
 *   抖店 测试旗舰店  Y1 completed ¥100, paid 10:00 → shipped 22:00 (12 h) → delivered 05-14 08:00 (10 h)
 *                   Y2 refunded ¥30 (paid, returned)
 *                   Y3 shipped ¥40, dispute, paid 09:00 → shipped 13:00 (4 h), last event 13:00 (20 h ago: not stalled)
 *                   Y4 unpaid ¥20 at 20:00, never reminded (待催付 within the 48 h window)
 *                   Y5 closed ¥10, never paid
 *   抖店 抖店二店    Y6 paid ¥60, promised to ship by 05-14 00:00 (物流异常: late shipment)
 *   京东 京东自营店  Y7 unpaid ¥50, reminded 12:00, paid 13:00 (recovered ¥50)
 * Day before 05-12:
 *   抖店 测试旗舰店  B1 completed ¥200, paid 10:00 → shipped 20:00 (10 h) → delivered 05-13 20:00 (24 h)
 *                   B2 shipped ¥40, paid 11:00 → shipped 13:00 (2 h), last event 派送失败 (物流异常)
 *                   B3 and B4 closed ¥30 and ¥15, never paid
 * Same weekday last week 05-06:
 *   抖店 测试旗舰店  W1 completed ¥100
 *   京东 京东自营店  W2 paid ¥40, W3 closed ¥10
 * Outside the three days (must not count): 05-10 抖店 completed ¥999; 05-14 (today) 京东 paid ¥77.
 */
async function buildShops() {
  const douyin = { platform: 'douyin' as const, shop: FLAGSHIP };
  await upsertOrders(
    db,
    [
      order({ ...douyin, status: 'completed', statusText: '已完成', amountCents: 10000, createdAt: bj('2026-05-13T09:00:00'), paidAt: bj('2026-05-13T10:00:00'), shippedAt: bj('2026-05-13T22:00:00'), deliveredAt: bj('2026-05-14T08:00:00') }),
      order({ ...douyin, status: 'refunded', statusText: '已退款', amountCents: 3000, createdAt: bj('2026-05-13T09:10:00'), paidAt: bj('2026-05-13T09:11:00') }),
      order({
        ...douyin, status: 'shipped', statusText: '已发货', amountCents: 4000, createdAt: bj('2026-05-13T08:50:00'), dispute: true,
        paidAt: bj('2026-05-13T09:00:00'), shippedAt: bj('2026-05-13T13:00:00'),
        shipments: [{ waybillNo: 'SF1234567890123', events: [{ at: bj('2026-05-13T13:00:00'), text: '已揽件' }] }],
      }),
      order({ ...douyin, status: 'unpaid', statusText: '待支付', amountCents: 2000, createdAt: bj('2026-05-13T20:00:00') }),
      order({ ...douyin, status: 'closed', statusText: '已关闭', amountCents: 1000, createdAt: bj('2026-05-13T09:30:00') }),
      order({ platform: 'douyin', shop: SECOND, status: 'paid', statusText: '待发货', amountCents: 6000, createdAt: bj('2026-05-13T14:00:00'), paidAt: bj('2026-05-13T15:00:00'), promisedShipAt: bj('2026-05-14T00:00:00') }),
      order({ platform: 'jd', shop: JD_SHOP, orderId: '300000000001', status: 'unpaid', statusText: '等待付款', amountCents: 5000, createdAt: bj('2026-05-13T11:00:00') }),

      order({ ...douyin, status: 'completed', statusText: '已完成', amountCents: 20000, createdAt: bj('2026-05-12T09:00:00'), paidAt: bj('2026-05-12T10:00:00'), shippedAt: bj('2026-05-12T20:00:00'), deliveredAt: bj('2026-05-13T20:00:00') }),
      order({
        ...douyin, status: 'shipped', statusText: '已发货', amountCents: 4000, createdAt: bj('2026-05-12T10:30:00'),
        paidAt: bj('2026-05-12T11:00:00'), shippedAt: bj('2026-05-12T13:00:00'),
        shipments: [{ waybillNo: 'YT1234567890123', events: [{ at: bj('2026-05-13T18:00:00'), text: '派送失败，联系不上收件人' }] }],
      }),
      order({ ...douyin, status: 'closed', statusText: '已关闭', amountCents: 3000, createdAt: bj('2026-05-12T12:00:00') }),
      order({ ...douyin, status: 'closed', statusText: '已关闭', amountCents: 1500, createdAt: bj('2026-05-12T12:30:00') }),

      order({ ...douyin, status: 'completed', statusText: '已完成', amountCents: 10000, createdAt: bj('2026-05-06T10:00:00') }),
      order({ platform: 'jd', shop: JD_SHOP, orderId: '300000000002', status: 'paid', statusText: '等待出库', amountCents: 4000, createdAt: bj('2026-05-06T10:00:00') }),
      order({ platform: 'jd', shop: JD_SHOP, orderId: '300000000003', status: 'closed', statusText: '已取消', amountCents: 1000, createdAt: bj('2026-05-06T11:00:00') }),

      order({ ...douyin, status: 'completed', statusText: '已完成', amountCents: 99900, createdAt: bj('2026-05-10T10:00:00') }),
      order({ platform: 'jd', shop: JD_SHOP, orderId: '300000000004', status: 'paid', statusText: '等待出库', amountCents: 7700, createdAt: bj('2026-05-14T08:00:00') }),
    ],
    bj('2026-05-13T11:30:00'),
  );
  await recordReminder(db, { orderKey: 'jd:300000000001', at: bj('2026-05-13T12:00:00'), channel: 'dongdong', template: 'zh-default' });
  await upsertOrders(
    db,
    [order({ platform: 'jd', shop: JD_SHOP, orderId: '300000000001', status: 'paid', statusText: '等待出库', amountCents: 5000, createdAt: bj('2026-05-13T11:00:00'), paidAt: bj('2026-05-13T13:00:00') })],
    bj('2026-05-13T13:05:00'),
  );
}

const values = (row: ReportRow) => Object.fromEntries(Object.entries(row.metrics).map(([metric, figures]) => [metric, figures.value]));

describe('日报 figures', () => {
  it('names yesterday, the day before and the same weekday last week in Beijing days', () => {
    expect(reportDays(NOW)).toEqual({ yesterday: '2026-05-13', dayBefore: '2026-05-12', lastWeek: '2026-05-06' });
    // Beijing midnight is 16:00 UTC: one millisecond before it, "today" is still 05-13 in Beijing
    expect(reportDays(Date.parse('2026-05-13T15:59:59.999Z')).yesterday).toBe('2026-05-12');
    expect(reportDays(Date.parse('2026-05-13T16:00:00.000Z')).yesterday).toBe('2026-05-13');
  });

  it('computes the total, its deltas and every platform and shop row of the hand-built shops', async () => {
    await buildShops();
    const report = await readDailyReport(db, NOW, undefined, WINDOWS);

    expect(report.total.created).toEqual({ yesterday: 7, dayBefore: 4, lastWeek: 3 });
    expect(values(report.total)).toEqual({
      orders: 7,
      gmv: 280, // paid Y1 100 + Y2 30 + Y3 40 + Y6 60 + Y7 50
      aov: 56, // 280 / 5
      conversion: 5 / 7,
      return_rate: 1 / 2, // Y2 returned / (Y1 completed + Y2)
      dispute_rate: 1 / 7, // Y3
      ship_hours: 8, // (Y1 12 + Y3 4) / 2
      delivery_hours: 10, // Y1 only
      recovered_gmv: 50, // Y7
      unpaid: 1, // Y4 (Y7 got paid)
      exceptions: 2, // Y6 late, B2 delivery failed
    });
    const { metrics } = report.total;
    // day before: 4 orders, paid B1 200 + B2 40, 客单价 120, conversion 2/4, 退货率 0/1 (B1 completed), ship (10+2)/2, delivery 24
    expect([metrics.orders.dayBefore, metrics.gmv.dayBefore, metrics.aov.dayBefore, metrics.conversion.dayBefore]).toEqual([4, 240, 120, 0.5]);
    expect([metrics.return_rate.dayBefore, metrics.dispute_rate.dayBefore, metrics.ship_hours.dayBefore, metrics.delivery_hours.dayBefore]).toEqual([0, 0, 6, 24]);
    // last week: 3 orders, paid W1 100 + W2 40, 客单价 70, conversion 2/3, 退货率 0/1, no ship or delivery times: no basis
    expect([metrics.orders.lastWeek, metrics.gmv.lastWeek, metrics.aov.lastWeek, metrics.conversion.lastWeek]).toEqual([3, 140, 70, 2 / 3]);
    expect([metrics.return_rate.lastWeek, metrics.ship_hours.lastWeek, metrics.delivery_hours.lastWeek]).toEqual([0, null, null]);

    expect(metrics.orders.vsDayBefore).toEqual({ diff: 3, ratio: 0.75 });
    expect(metrics.orders.vsLastWeek).toEqual({ diff: 4, ratio: 4 / 3 });
    expect(metrics.gmv.vsDayBefore).toEqual({ diff: 40, ratio: 40 / 240 });
    expect(metrics.aov.vsLastWeek).toEqual({ diff: -14, ratio: -0.2 });
    expect(metrics.conversion.vsDayBefore!.diff).toBeCloseTo(5 / 7 - 0.5, 12);
    expect(metrics.conversion.vsDayBefore!.ratio).toBeNull(); // rates compare in points
    expect(metrics.ship_hours.vsLastWeek).toBeNull(); // nothing to compare with
    expect(metrics.recovered_gmv.vsDayBefore).toEqual({ diff: 50, ratio: null }); // base 0: no relative change
    expect(metrics.unpaid.vsDayBefore).toBeNull(); // a state of now is not compared

    // platforms and shops, bigger GMV first
    expect(report.platforms.map((row) => [row.platform, row.shops.map((shop) => shop.shop)])).toEqual([
      ['douyin', [FLAGSHIP, SECOND]],
      ['jd', [JD_SHOP]],
    ]);
    const [douyin, jd] = report.platforms;
    expect(values(douyin!)).toEqual({
      orders: 6, gmv: 230, aov: 57.5, conversion: 4 / 6, return_rate: 0.5, dispute_rate: 1 / 6,
      ship_hours: 8, delivery_hours: 10, recovered_gmv: 0, unpaid: 1, exceptions: 2,
    });
    expect(douyin!.metrics.gmv.vsDayBefore).toEqual({ diff: -10, ratio: -10 / 240 });
    const [flagship, second] = douyin!.shops;
    expect(values(flagship!)).toMatchObject({ orders: 5, gmv: 170, aov: 56.67, conversion: 0.6, return_rate: 0.5, dispute_rate: 0.2, unpaid: 1, exceptions: 1 });
    expect(flagship!.created).toEqual({ yesterday: 5, dayBefore: 4, lastWeek: 1 });
    // a shop with orders yesterday only: counts compare with 0, rates have no basis on the other days
    expect(second!.created).toEqual({ yesterday: 1, dayBefore: 0, lastWeek: 0 });
    expect(second!.metrics.orders.vsDayBefore).toEqual({ diff: 1, ratio: null });
    expect(second!.metrics.aov).toMatchObject({ value: 60, dayBefore: null, vsDayBefore: null });
    expect(second!.metrics.return_rate.value).toBeNull(); // nothing delivered or returned yet
    expect(values(jd!)).toMatchObject({ orders: 1, gmv: 50, recovered_gmv: 50, unpaid: 0, exceptions: 0 });
    expect(jd!.metrics.orders.vsLastWeek).toEqual({ diff: -1, ratio: -0.5 });
    expect(jd!.shops).toHaveLength(1);
  });

  it('writes the WeChat text of the hand-built shops', async () => {
    await buildShops();
    const text = dailyReportText(await readDailyReport(db, NOW, undefined, WINDOWS), 'zh', platformName);
    expect(text).toBe(
      [
        '【日报】5月13日 周三',
        '对比：前日 5月12日 · 上周同日 5月6日（按下单日统计）',
        '',
        '全部平台',
        '订单数 7｜前日 ↑75.0%｜上周 ↑133.3%',
        'GMV ¥280.00｜前日 ↑16.7%｜上周 ↑100.0%',
        '客单价 ¥56.00｜前日 ↓53.3%｜上周 ↓20.0%',
        '支付转化率 71.4%｜前日 ↑21.4个百分点｜上周 ↑4.8个百分点',
        '退货率 50.0%｜前日 ↑50.0个百分点｜上周 ↑50.0个百分点',
        '纠纷率 14.3%｜前日 ↑14.3个百分点｜上周 ↑14.3个百分点',
        '发货时效 8.0小时｜前日 ↑33.3%｜上周 —',
        '物流时效 10.0小时｜前日 ↓58.3%｜上周 —',
        '催付挽回金额 ¥50.00｜前日 ↑¥50.00｜上周 ↑¥50.00',
        '待催付（当前） 1',
        '物流异常（当前） 2',
        '',
        '分平台',
        '· 抖店：订单 6 单 ↑50.0%，GMV ¥230.00 ↓4.2%，客单价 ¥57.50，转化 66.7%，退货 50.0%，待催付 1，物流异常 2',
        '  - 测试旗舰店：订单 5 单 ↑25.0%，GMV ¥170.00 ↓29.2%，客单价 ¥56.67，转化 60.0%，退货 50.0%，待催付 1，物流异常 1',
        '  - 抖店二店：订单 1 单 ↑1，GMV ¥60.00 ↑¥60.00，客单价 ¥60.00，转化 100.0%，退货 —，物流异常 1',
        '· 京东 · 京东自营店：订单 1 单 ↑1，GMV ¥50.00 ↑¥50.00，客单价 ¥50.00，转化 100.0%，退货 —',
        '',
        'OrderLens 按本机记录生成 · 2026-05-14 09:00（北京时间）',
      ].join('\n'),
    );
  });

  it('says so when yesterday had no orders, and prints no 0% for figures without a basis', async () => {
    await buildShops();
    // a week later nothing was captured: yesterday 05-20 is empty, the same weekday last week is 05-13
    const report = await readDailyReport(db, bj('2026-05-21T09:00:00'), undefined, WINDOWS);
    expect(report.total.created).toEqual({ yesterday: 0, dayBefore: 0, lastWeek: 7 });
    expect(report.total.metrics.aov.value).toBeNull();
    expect(report.total.metrics.conversion).toMatchObject({ value: null, vsLastWeek: null });
    const text = dailyReportText(report, 'zh', platformName);
    expect(text).toContain('昨日没有订单（前日 0 单，上周同日 7 单）。');
    expect(text).not.toContain('0.0%');
    expect(text).not.toContain('GMV');
    expect(text).toContain('· 京东 · 京东自营店：昨日无订单（前日 0 单）');
  });

  it('reports an empty database honestly', async () => {
    const report = await readDailyReport(db, NOW);
    expect(report.platforms).toEqual([]);
    expect(values(report.total)).toMatchObject({ orders: 0, gmv: 0, aov: null, conversion: null, return_rate: null, unpaid: 0, exceptions: 0 });
    const text = dailyReportText(report, 'zh', platformName);
    expect(text).toContain('昨日、前日和上周同日都没有订单记录。');
    expect(text).not.toContain('分平台');
    expect(text).toContain('待催付（当前） 0');
  });

  it('counts an order by its Beijing creation day across the 16:00 UTC midnight', async () => {
    await upsertOrders(
      db,
      [
        // 05-12 23:59:59 Beijing, and 05-13 00:00:00 Beijing one second later
        order({ status: 'paid', statusText: '待发货', amountCents: 1000, createdAt: Date.parse('2026-05-12T15:59:59Z') }),
        order({ status: 'paid', statusText: '待发货', amountCents: 2000, createdAt: Date.parse('2026-05-12T16:00:00Z') }),
      ],
      Date.parse('2026-05-12T16:00:01Z'),
    );
    // at 05-14 00:00:30 Beijing (16:00:30 UTC) the report is of 05-13: the second order, against the first
    const report = await readDailyReport(db, Date.parse('2026-05-13T16:00:30Z'));
    expect([report.total.metrics.gmv.value, report.total.metrics.gmv.dayBefore]).toEqual([20, 10]);
    // half a minute before Beijing midnight the report is still of 05-12: the first order only
    const earlier = await readDailyReport(db, Date.parse('2026-05-13T15:59:30Z'));
    expect([earlier.total.metrics.gmv.value, earlier.total.metrics.gmv.dayBefore]).toEqual([10, 0]);
  });
});

describe('日报 deltas and text details', () => {
  const empty = (): DailyReport => buildDailyReport({ now: NOW, rollups: [], awaiting: [], exceptions: [] });

  it('formats changes: relative, in points for rates, absolute against 0, 持平, and — without a basis', () => {
    expect(formatDelta({ diff: 3, ratio: 0.75 }, 'count', 'zh')).toBe('↑75.0%');
    expect(formatDelta({ diff: -0.05, ratio: null }, 'rate', 'zh')).toBe('↓5.0个百分点');
    expect(formatDelta({ diff: -0.05, ratio: null }, 'rate', 'en')).toBe('↓5.0 pts');
    expect(formatDelta({ diff: 60, ratio: null }, 'money', 'zh')).toBe('↑¥60.00');
    expect(formatDelta({ diff: 0, ratio: 0 }, 'money', 'zh')).toBe('持平');
    expect(formatDelta(null, 'count', 'zh')).toBe('—');
  });

  it('counts 待催付 and 物流异常 of now per platform and shop, even where no order was created on the three days', () => {
    const report = buildDailyReport({
      now: NOW,
      rollups: [],
      awaiting: [{ platform: 'kuaishou', shop: '' }, { platform: 'kuaishou', shop: '' }],
      exceptions: [{ platform: 'kuaishou', shop: '快手好店' }],
    });
    expect(report.total.metrics.unpaid.value).toBe(2);
    expect(report.total.metrics.exceptions.value).toBe(1);
    const [kuaishou] = report.platforms;
    expect(kuaishou!.shops.map((shop) => [shop.shop, shop.metrics.unpaid.value, shop.metrics.exceptions.value])).toEqual([
      ['', 2, 0],
      ['快手好店', 0, 1],
    ]);
    const text = dailyReportText(report, 'zh', (platform) => platform);
    expect(text).toContain('  - （未识别店铺）：昨日无订单（前日 0 单），待催付 2');
  });

  it('speaks English when asked', () => {
    const text = dailyReportText(empty(), 'en', (platform) => platform);
    expect(text.split('\n')[0]).toBe('Daily report Wed 2026-05-13');
    expect(text).toContain('No orders recorded yesterday, the day before or the same day last week.');
    expect(text).toContain('(Beijing time)');
  });
});
