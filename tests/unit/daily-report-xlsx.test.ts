import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildDailyReport, type DayRollup } from '@/utils/kpi/daily-report';
import { emptyContribution } from '@/utils/kpi/order-contribution';
import { buildDailyReportXlsx } from '@/utils/export/xlsx/build-daily-report-xlsx';

const NOW = Date.parse('2026-05-14T09:00:00+08:00');
const rollup = (day: string, created: number, paid: number, gmvCents: number, shop = '测试旗舰店'): DayRollup => ({
  ...emptyContribution(), day, platform: 'douyin', shop, created, paid, gmvCents,
});

describe('日报 .xlsx', () => {
  it('holds one row per scope and metric: figures as numbers, changes as printed, empty where there is no basis', () => {
    // 05-13: 4 orders, 3 paid, ¥180 (客单价 60, conversion 75%); 05-12: 2 orders, 2 paid, ¥120; 05-06: nothing
    const report = buildDailyReport({ now: NOW, rollups: [rollup('2026-05-13', 4, 3, 18000), rollup('2026-05-12', 2, 2, 12000)], awaiting: [], exceptions: [] });
    const files = unzipSync(Buffer.concat(buildDailyReportXlsx(report, () => '抖店')));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].map((match) => match[2]!);
    // header + 11 metrics for each of 全部, 抖店 and its one shop
    expect(rows).toHaveLength(1 + 3 * 11);
    expect(rows[0]).toContain('昨日 2026-05-13');
    expect(rows[0]).toContain('上周同日 2026-05-06');
    const cells = (row: string) => [...row.matchAll(/<c r="([A-Z]+)\d+"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)].map((m) => [m[1], m[2] ?? m[3]]);
    expect(cells(rows[1]!)).toEqual([['A', '全部'], ['B', '全部平台'], ['D', '订单数'], ['E', '4'], ['F', '2'], ['G', '↑100.0%'], ['H', '0'], ['I', '↑4']]);
    expect(cells(rows[2]!)).toEqual([['A', '全部'], ['B', '全部平台'], ['D', 'GMV（元）'], ['E', '180'], ['F', '120'], ['G', '↑50.0%'], ['H', '0'], ['I', '↑¥180.00']]);
    // 支付转化率 in percent; last week had no orders: no figure, no change
    expect(cells(rows[4]!)).toEqual([['A', '全部'], ['B', '全部平台'], ['D', '支付转化率（%）'], ['E', '75'], ['F', '100'], ['G', '↓25.0个百分点'], ['I', '—']]);
    // 待催付 is a state of now: no other days
    expect(cells(rows[10]!)).toEqual([['A', '全部'], ['B', '全部平台'], ['D', '待催付（当前）'], ['E', '0']]);
    expect(cells(rows[23]!).slice(0, 4)).toEqual([['A', '店铺'], ['B', '抖店'], ['C', '测试旗舰店'], ['D', '订单数']]);
  });
});
