import { describe, expect, it } from 'vitest';
import { formatYuan, parseMoneyCents } from '@/utils/model/money';

describe('parseMoneyCents', () => {
  it.each([
    ['¥1,299.00', 129900],
    ['￥12.3', 1230],
    ['12.30元', 1230],
    ['12元', 1200],
    ['12 元', 1200],
    ['¥0.5', 50],
    ['¥0.29', 29],
    ['¥0.07', 7],
    ['¥19.99', 1999],
    ['¥0', 0],
    ['¥0.00', 0],
    ['¥1,234,567.89', 123456789],
    ['12.30', 1230],
    ['8', 800],
    ['  ¥8.80  ', 880],
    ['-¥5.00', -500],
    ['¥-5.00', -500],
    ['-5.00元', -500],
    ['−¥5.00', -500],
    ['－¥5.00', -500],
    ['-¥0.00', 0],
    ['实付：¥8.80', 880],
    ['实付:¥8.80', 880],
    ['实收款 ¥ 8.80', 880],
    ['实付款：8.80', 880],
    ['支付金额\n¥ 8.80\n', 880],
    ['共2件 实付¥8.80', 880],
    ['¥8.80（含运费¥8.80）', 880],
    ['￥１２．３０', 1230],
    ['１２元', 1200],
    ['¥1,000,000,000.00', 100000000000],
    ['-¥1,000,000,000', -100000000000],
    ['¥0001.50', 150],
    ['¥8.80, 已付', 880],
  ])('%j → %d', (text, cents) => {
    expect(parseMoneyCents(text)).toBe(cents);
  });

  it.each([
    [''],
    ['   '],
    ['\n\t'],
    ['¥--'],
    ['¥'],
    ['元'],
    ['abc'],
    ['--'],
    ['-'],
    ['¥1.2.3'],
    ['1.2.3'],
    ['1,2,3'],
    ['¥1,2,3'],
    ['¥12,34.00'],
    ['¥1.005'],
    ['¥0.299'],
    ['12.345元'],
    ['¥12.'],
    ['¥.5'],
    ['¥1e400'],
    ['1e400'],
    ['¥1E3'],
    ['Infinity'],
    ['NaN'],
    ['¥NaN'],
    ['¥123456789012345678901234567890'],
    ['123456789012345678901234567890'],
    ['¥1,000,000,000.01'],
    ['¥1000000001'],
    ['-¥1000000001'],
    ['¥10.00 ¥8.80'],
    ['原价¥10.00 实付¥8.80'],
    ['¥8.80（含快递:¥0.00）'],
    ['¥10-¥20'],
    ['-¥5.00 ¥5.00'],
    ['-¥-5.00'],
    ['12.30 8.80'],
    ['共2件'],
    ['RMB8.80'],
    ['¥0x10'],
    ['¥1 000'],
  ])('%j → null', (text) => {
    expect(parseMoneyCents(text)).toBeNull();
  });

  it('rejects null and undefined', () => {
    expect(parseMoneyCents(null)).toBeNull();
    expect(parseMoneyCents(undefined)).toBeNull();
  });

  it('never produces float noise: every cent from ¥0.00 to ¥20.99 is exact', () => {
    for (let cents = 0; cents < 2100; cents++) {
      const text = `¥${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseMoneyCents(text)).toBe(cents);
    }
  });

  it('never returns -0', () => {
    expect(Object.is(parseMoneyCents('-¥0.00'), 0)).toBe(true);
    expect(Object.is(parseMoneyCents('¥-0'), 0)).toBe(true);
  });

  it('round-trips with formatYuan', () => {
    for (const cents of [0, 1, 29, 99, 100, 880, 129900, -500, -1, 100000000000]) {
      expect(parseMoneyCents(`¥${formatYuan(cents)}`)).toBe(cents);
    }
  });
});

describe('formatYuan', () => {
  it.each([
    [129900, '1299.00'],
    [-500, '-5.00'],
    [0, '0.00'],
    [1, '0.01'],
    [-5, '-0.05'],
    [29, '0.29'],
    [1230, '12.30'],
    [100000000000, '1000000000.00'],
    [-100000000000, '-1000000000.00'],
  ])('%d → %s', (cents, text) => {
    expect(formatYuan(cents)).toBe(text);
  });

  it('prints -0 without a sign and non-finite input as empty', () => {
    expect(formatYuan(-0)).toBe('0.00');
    expect(formatYuan(Number.NaN)).toBe('');
    expect(formatYuan(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('parseMoneyCents with space-grouped digits', () => {
  it.each([['¥1 000'], ['1 000元'], ['¥ 1 299.00'], ['12 30元'], ['12元3']])('%j → null', (text) => {
    expect(parseMoneyCents(text)).toBeNull();
  });
});
