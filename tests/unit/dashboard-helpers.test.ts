import { describe, expect, it } from 'vitest';
import { batchTrackingRows } from '@/components/dashboard/batch-rows';
import { niceMax } from '@/components/dashboard/chart-scale';
import { splitOrderNumbers } from '@/components/dashboard/parse-order-numbers';
import { provinceOf } from '@/components/dashboard/province';
import { s } from '@/components/dashboard/strings';
import { viewOfHash } from '@/components/dashboard/use-hash-view';
import { comparePlatforms, trendDays } from '@/components/dashboard/use-overview';
import { mergeOrder } from '@/utils/db/merge-order';
import type { RollupRecord } from '@/utils/db/database';
import { emptyContribution } from '@/utils/kpi/order-contribution';
import { captured } from './order-factory';

const bj = (text: string) => Date.parse(`${text}+08:00`);
const NOW = bj('2026-05-14T12:00:00');
const record = (overrides: Parameters<typeof captured>[0] = {}) => mergeOrder(undefined, captured(overrides), NOW);

describe('provinceOf', () => {
  it.each([
    ['浙江省杭州市', '浙江'],
    ['北京市', '北京'],
    ['新疆维吾尔自治区乌鲁木齐市', '新疆'],
    ['内蒙古自治区呼和浩特市', '内蒙古'],
    ['黑龙江省哈尔滨市', '黑龙江'],
    ['广西壮族自治区南宁市', '广西'],
    ['湖北省恩施土家族苗族自治州', '湖北'],
    ['广东 深圳', '广东'],
    ['中国 上海市', '上海'],
    ['香港特别行政区', '香港'],
  ])('%s → %s', (region, province) => {
    expect(provinceOf(region)).toBe(province);
  });

  it('is undefined for nothing or no province', () => {
    expect(provinceOf(undefined)).toBeUndefined();
    expect(provinceOf('  ')).toBeUndefined();
    expect(provinceOf('海外')).toBeUndefined();
  });
});

describe('pasted order numbers', () => {
  it('splits on lines, spaces, commas and Chinese punctuation, drops duplicates and junk', () => {
    expect(
      splitOrderNumbers('4934071258846137421\n4934071258846137422\t\r\n 4934071258846137423，4934071258846137424、SF1234567890123；220216-179332719430230 订单 4934071258846137421'),
    ).toEqual([
      '4934071258846137421',
      '4934071258846137422',
      '4934071258846137423',
      '4934071258846137424',
      'SF1234567890123',
      '220216-179332719430230',
    ]);
    expect(splitOrderNumbers('"4934071258846137421"\n「75312345678901」')).toEqual(['4934071258846137421', '75312345678901']);
    expect(splitOrderNumbers('')).toEqual([]);
  });
});

describe('batch tracking rows', () => {
  it('lists every waybill of an order found by number, only the matching waybill when found by waybill, 未找到 otherwise', () => {
    const order = record({
      orderId: '4934071258846137423',
      status: 'shipped',
      statusText: '已发货',
      shipments: [
        { waybillNo: 'SF1234567890123', carrierName: '顺丰速运', events: [{ at: bj('2026-05-13T20:00:00'), text: '已揽收' }] },
        { waybillNo: '75312345678901', events: [] },
      ],
    });
    const rows = batchTrackingRows(
      [
        { query: '4934071258846137423', orders: [order] },
        { query: '75312345678901', orders: [order], waybill: '75312345678901' },
        { query: '123456', orders: [] },
      ],
      NOW,
    );
    expect(rows.map((row) => [row.query, row.known, row.waybillNo ?? null])).toEqual([
      ['4934071258846137423', true, 'SF1234567890123'],
      ['4934071258846137423', true, '75312345678901'],
      ['75312345678901', true, '75312345678901'],
      ['123456', false, null],
    ]);
    expect(rows[0]!.carrierName).toBe('顺丰速运');
    expect(rows[0]!.lastEventText).toBe('已揽收');
    expect(rows[0]!.links.some((link) => link.url.includes('kuaidi100.com'))).toBe(true);
  });

  it('uses the threshold it is given for stalled parcels', () => {
    const order = record({
      status: 'shipped',
      shipments: [{ waybillNo: 'SF1234567890123', events: [{ at: NOW - 30 * 3_600_000, text: '运输中' }] }],
    });
    expect(batchTrackingRows([{ query: 'x', orders: [order] }], NOW, { stalledHours: 48 })[0]!.exception).toBeNull();
    expect(batchTrackingRows([{ query: 'x', orders: [order] }], NOW, { stalledHours: 24 })[0]!.exception).toBe('stalled');
  });
});

describe('views and charts', () => {
  it('routes hashes to views, unknown ones to the overview', () => {
    expect(viewOfHash('')).toBe('overview');
    expect(viewOfHash('#unpaid')).toBe('unpaid');
    expect(viewOfHash('#exceptions')).toBe('exceptions');
    expect(viewOfHash('#parse-health')).toBe('parse-health');
    expect(viewOfHash('#orders?status=paid')).toBe('orders');
    expect(viewOfHash('#nope')).toBe('overview');
  });

  it('rounds axis maxima to 1, 2, 5 × 10^k', () => {
    expect([0, 0.3, 1, 3, 7, 10, 11, 260, 1234.5].map(niceMax)).toEqual([1, 0.5, 1, 5, 10, 10, 20, 500, 2000]);
  });

  it('draws the days of the range up to today; 全部 starts at the first day with orders', () => {
    expect(trendDays({ range: 'last7' }, undefined, NOW)).toEqual([
      '2026-05-08',
      '2026-05-09',
      '2026-05-10',
      '2026-05-11',
      '2026-05-12',
      '2026-05-13',
      '2026-05-14',
    ]);
    expect(trendDays({ range: 'all' }, '2026-05-12', NOW)).toEqual(['2026-05-12', '2026-05-13', '2026-05-14']);
    expect(trendDays({ range: 'custom', custom: { first: '2026-05-13', last: '2026-05-20' } }, undefined, NOW)).toEqual(['2026-05-13', '2026-05-14']);
    expect(trendDays({ range: 'all' }, '2024-01-01', NOW)).toHaveLength(366);
  });

  it('compares platforms from rollups', () => {
    const rollup = (platform: string, shop: string, created: number, paid: number, gmvCents: number): RollupRecord => ({
      ...emptyContribution(),
      key: `2026-05-13|${platform}|${shop}`,
      day: '2026-05-13',
      platform,
      shop,
      created,
      paid,
      gmvCents,
    });
    const rows = comparePlatforms([rollup('douyin', 'a', 4, 2, 10000), rollup('douyin', 'b', 6, 3, 5000), rollup('jd', '', 2, 2, 30000), rollup('taobao', '', 0, 0, 0)]);
    expect(rows.map((row) => [row.platform, row.kpis.orders, row.paid, row.kpis.gmv, row.kpis.aov, row.kpis.conversion])).toEqual([
      ['jd', 2, 2, 300, 150, 1],
      ['douyin', 10, 5, 150, 30, 0.5],
    ]);
  });

  it('fills placeholders in the UI language (Chinese in tests)', () => {
    expect(s('batchSummary', { n: 3, found: 2, missing: 1 })).toBe('共 3 个单号：找到 2 个，未找到 1 个');
    expect(s('totalOrders', { n: 12000 })).toBe('本地共 12,000 单');
  });
});
