import { describe, expect, it } from 'vitest';
import { findBeijingTimes, formatBeijing, parseBeijingTime, parseOrderTimeLine } from '@/utils/model/time';

/** Expected values built from UTC instants, never from the machine's zone. */
const bj = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

describe('parseBeijingTime', () => {
  it.each([
    ['2026-05-13 00:22:32', bj(2026, 5, 13, 0, 22, 32)],
    ['2026/05/13 00:22', bj(2026, 5, 13, 0, 22)],
    ['2026-05-13', bj(2026, 5, 13)],
    ['2026/05/13', bj(2026, 5, 13)],
    ['2026-5-3 8:05:09', bj(2026, 5, 3, 8, 5, 9)],
    ['2026-05-13T00:22:32', bj(2026, 5, 13, 0, 22, 32)],
    ['2026-05-13T00:22:32.000', bj(2026, 5, 13, 0, 22, 32)],
    ['2026-05-13T00:22:32+08:00', bj(2026, 5, 13, 0, 22, 32)],
    ['2026-05-13T00:22:32Z', Date.UTC(2026, 4, 13, 0, 22, 32)],
    ['2026-05-13T00:22:32-05:00', Date.UTC(2026, 4, 13, 5, 22, 32)],
    ['  2026-05-13 00:22:32 \n', bj(2026, 5, 13, 0, 22, 32)],
    ['2026-05-13   00:22:32', bj(2026, 5, 13, 0, 22, 32)],
    ['2026-01-01 00:00:00', Date.UTC(2025, 11, 31, 16)],
    ['2025-12-31 23:59:59', Date.UTC(2025, 11, 31, 15, 59, 59)],
    ['2024-02-29 12:00:00', bj(2024, 2, 29, 12)],
    ['2000-02-29', bj(2000, 2, 29)],
    ['2000-01-01 00:00:00', Date.UTC(1999, 11, 31, 16)],
    ['2099-12-31 23:59:59', bj(2099, 12, 31, 23, 59, 59)],
    ['2026-03-29 02:30:00', bj(2026, 3, 29, 2, 30)], // a DST gap in Europe; irrelevant in Beijing
    ['2026-03-08 02:30:00', bj(2026, 3, 8, 2, 30)], // a DST gap in Los Angeles
  ])('%j', (text, ms) => {
    expect(parseBeijingTime(text)).toBe(ms);
  });

  it('reads 00:22 Beijing as 16:22 UTC of the previous day', () => {
    expect(new Date(parseBeijingTime('2026-05-13 00:22:32')!).toISOString()).toBe('2026-05-12T16:22:32.000Z');
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['2026'],
    ['2026-05'],
    ['2026-02-30'],
    ['2026-02-29'],
    ['2100-02-29'],
    ['2026-04-31 10:00:00'],
    ['2026-13-01'],
    ['2026-00-10'],
    ['2026-05-00'],
    ['2026-05-13 25:00'],
    ['2026-05-13 24:00:00'],
    ['2026-05-13 12:60'],
    ['2026-05-13 12:30:60'],
    ['2026-05-13 12'],
    ['2026-05-13 12:5'],
    ['1999-12-31 23:59:59'],
    ['2100-01-01'],
    ['0026-05-13'],
    ['99999-05-13'],
    ['2026-05/13'],
    ['2026.05.13'],
    ['20260513'],
    ['2026-05-13 00:22:32 下单'],
    ['下单时间：2026-05-13 00:22:32'],
    ['2026-05-13 00:22:32 2026-05-14 00:22:32'],
    ['2026-05-13T00:22:32+99:00'],
    ['1715530952'],
    ['NaN'],
  ])('%j → null', (text) => {
    expect(parseBeijingTime(text)).toBeNull();
  });

  it('rejects null and undefined', () => {
    expect(parseBeijingTime(null)).toBeNull();
    expect(parseBeijingTime(undefined)).toBeNull();
  });
});

describe('findBeijingTimes', () => {
  it('finds every timestamp in PDD header text, in order', () => {
    expect(
      findBeijingTimes('订单编号：220216-179332719430230 订单成交时间：2026-05-13 00:22:32 承诺发货时间：2026-05-15 00:22:32'),
    ).toEqual([bj(2026, 5, 13, 0, 22, 32), bj(2026, 5, 15, 0, 22, 32)]);
  });

  it.each([
    ['', []],
    ['没有时间', []],
    ['订单号 123456789012', []],
    ['创建时间:2026/05/13 08:00', [bj(2026, 5, 13, 8)]],
    ['2026-05-13', [bj(2026, 5, 13)]],
    ['下单2026-5-3 8:05:09付款2026-5-3 8:06', [bj(2026, 5, 3, 8, 5, 9), bj(2026, 5, 3, 8, 6)]],
    ['无效 2026-02-30 00:00:00 有效 2026-02-28 00:00:00', [bj(2026, 2, 28)]],
    ['2026-05-13 25:61:99', []], // a broken time is not read as a bare date
    ['2026-05-13 00:22:329', []],
    ['12026-05-13 00:22:32', []],
    ['2026-05-133', []],
    ['1999-12-31 23:00:00 / 2026-01-01 00:00:00', [Date.UTC(2025, 11, 31, 16)]],
    ['发货 2026-05-14，签收 2026-05-16 09:00', [bj(2026, 5, 14), bj(2026, 5, 16, 9)]],
  ])('%j', (text, expected) => {
    expect(findBeijingTimes(text)).toEqual(expected);
  });
});

describe('parseOrderTimeLine', () => {
  const created = bj(2026, 8, 6, 1, 22, 42);
  const paid = bj(2026, 8, 6, 1, 25, 4);

  it.each([
    ['2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款', { createdAt: created, paidAt: paid }],
    ['2026-08-06 01:22:42 下单,2026-08-06 01:25:04 付款', { createdAt: created, paidAt: paid }],
    ['  2026-08-06   01:22:42  下单 ，  2026-08-06 01:25:04   付款  ', { createdAt: created, paidAt: paid }],
    ['2026-08-06 01:22:42下单，2026-08-06 01:25:04付款', { createdAt: created, paidAt: paid }],
    ['2026-08-06 01:22:42 下单', { createdAt: created }],
    ['2026-08-06 01:22:42 下单，未付款', { createdAt: created }],
    // labels, not positions, decide
    ['2026-08-06 01:25:04 付款，2026-08-06 01:22:42 下单', { createdAt: created, paidAt: paid }],
    ['2026-08-06 01:25:04 支付', { paidAt: paid }],
    // label-before form
    ['下单时间：2026-08-06 01:22:42 付款时间：2026-08-06 01:25:04', { createdAt: created, paidAt: paid }],
    ['创建时间:2026-08-06 01:22:42', { createdAt: created }],
    ['付款时间：2026-08-06 01:25:04', { paidAt: paid }],
  ])('%j', (text, expected) => {
    expect(parseOrderTimeLine(text)).toEqual(expected);
  });

  it.each([
    [''],
    ['下单，付款'],
    ['2026-08-06 01:22:42'],
    ['2026-08-06 01:22:42 发货'],
    ['2026-02-30 01:22:42 下单'],
    ['2026-08-06 01:22:42 下单，2026-08-06 01:30:00 下单'],
  ])('%j → {}', (text) => {
    expect(parseOrderTimeLine(text)).toEqual({});
  });

  it('drops only the label that conflicts', () => {
    expect(
      parseOrderTimeLine('2026-08-06 01:22:42 下单，2026-08-06 01:23:00 下单，2026-08-06 01:25:04 付款'),
    ).toEqual({ paidAt: paid });
  });
});

describe('formatBeijing', () => {
  it.each([
    [bj(2026, 5, 13, 0, 22, 32), '2026-05-13 00:22:32'],
    [Date.UTC(2026, 4, 12, 16, 22, 32), '2026-05-13 00:22:32'],
    [Date.UTC(2025, 11, 31, 16), '2026-01-01 00:00:00'],
    [Date.UTC(2025, 11, 31, 15, 59, 59), '2025-12-31 23:59:59'],
    [bj(2024, 2, 29, 9, 5, 7), '2024-02-29 09:05:07'],
    [0, '1970-01-01 08:00:00'],
  ])('%d → %s', (ms, text) => {
    expect(formatBeijing(ms)).toBe(text);
  });

  it('round-trips with parseBeijingTime', () => {
    for (const text of ['2026-05-13 00:22:32', '2000-01-01 00:00:00', '2099-12-31 23:59:59', '2024-02-29 12:34:56']) {
      expect(formatBeijing(parseBeijingTime(text)!)).toBe(text);
    }
  });

  it('returns empty text for non-finite input', () => {
    expect(formatBeijing(Number.NaN)).toBe('');
    expect(formatBeijing(Number.POSITIVE_INFINITY)).toBe('');
    expect(formatBeijing(9e15)).toBe('');
  });
});

describe('zone independence', () => {
  it('the module never asks the machine for local time', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../utils/model/time.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/Date\.parse|\.get(FullYear|Month|Date|Day|Hours|Minutes|Seconds)\(|getTimezoneOffset|toLocale/);
    expect(source).not.toMatch(/new Date\((?!ms \+)/);
  });
});
