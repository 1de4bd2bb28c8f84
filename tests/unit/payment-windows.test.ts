import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYMENT_WINDOW_HOURS, isPastPayDeadline, longestWindowHours, payDeadlineOf, windowHours } from '@/utils/remind/payment-windows';

const bj = (text: string) => Date.parse(`${text}+08:00`);
const HOUR = 3_600_000;

describe('payment windows', () => {
  it('every console has a default; the seller’s setting wins; nonsense falls back', () => {
    for (const platform of ['douyin', 'jd', 'taobao', 'kuaishou', 'pinduoduo']) expect(DEFAULT_PAYMENT_WINDOW_HOURS[platform]).toBeGreaterThan(0);
    expect(windowHours('taobao')).toBe(72);
    expect(windowHours('taobao', { taobao: 24 })).toBe(24);
    expect(windowHours('taobao', { taobao: -1 })).toBe(24);
    expect(windowHours('newconsole')).toBe(24);
  });

  it('a printed deadline wins over the window; else created + window, marked estimated', () => {
    const createdAt = bj('2026-05-13T10:00:00');
    expect(payDeadlineOf({ platform: 'douyin', createdAt, payDeadlineAt: createdAt + 2 * HOUR })).toEqual({ at: createdAt + 2 * HOUR, estimated: false });
    expect(payDeadlineOf({ platform: 'douyin', createdAt })).toEqual({ at: createdAt + 0.5 * HOUR, estimated: true });
    expect(payDeadlineOf({ platform: 'jd' })).toBeUndefined();
  });

  it('an unpaid order from months ago is past its window; one from minutes ago is not', () => {
    const now = bj('2026-12-01T12:00:00');
    expect(isPastPayDeadline({ platform: 'taobao', createdAt: bj('2026-05-13T10:00:00') }, now)).toBe(true);
    expect(isPastPayDeadline({ platform: 'douyin', createdAt: now - 10 * 60_000 }, now)).toBe(false);
    expect(isPastPayDeadline({ platform: 'jd' }, now)).toBe(false); // no time known: never dropped by guess
    expect(longestWindowHours({ jd: 240 })).toBe(240);
  });
});
