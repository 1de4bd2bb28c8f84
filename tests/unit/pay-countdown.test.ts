// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { payTimeLeftMs, withPrintedPayDeadline } from '@/utils/capture/pay-countdown';
import type { CapturedOrder } from '@/utils/model/order';

const MIN = 60_000;

describe("the console's pay countdown", () => {
  it.each([
    ['剩余 29分钟 自动关闭', 29 * MIN],
    ['剩余1天2小时 自动关闭', (26 * 60) * MIN],
    ['剩余 23小时59分 自动关闭', (23 * 60 + 59) * MIN],
    ['还剩 01:30:00 自动关闭', 90 * MIN],
    ['12分钟后自动关闭', 12 * MIN],
    ['剩余 10分钟 自动取消订单', 10 * MIN],
  ])('%s → %d ms', (text, ms) => {
    expect(payTimeLeftMs(text)).toBe(ms);
  });

  it.each([['剩余 47 小时发货'], ['剩余 1天23小时 需发货'], ['已关闭'], ['超时未支付，订单关闭'], ['']])('%s is no pay countdown', (text) => {
    expect(payTimeLeftMs(text)).toBeUndefined();
  });

  const row = (html: string) => new DOMParser().parseFromString(`<div id="r">${html}</div>`, 'text/html').getElementById('r')!;
  const order = (status: CapturedOrder['status']) =>
    ({ platform: 'douyin', orderId: '4934071258846137422', status, items: [], shipments: [], sourcePage: 'list' }) as unknown as CapturedOrder;
  const NOW = Date.parse('2026-05-13T10:00:20+08:00');

  it('an unpaid order gets the printed end of its window, rounded to the minute; others are left alone', () => {
    const html = '<div>待支付</div><div>剩余 29分钟 自动关闭</div>';
    expect(withPrintedPayDeadline(order('unpaid'), row(html), NOW).payDeadlineAt).toBe(Date.parse('2026-05-13T10:29:00+08:00'));
    expect(withPrintedPayDeadline(order('paid'), row(html), NOW).payDeadlineAt).toBeUndefined();
    expect(withPrintedPayDeadline(order('unpaid'), row('<div>待支付</div>'), NOW).payDeadlineAt).toBeUndefined();
  });
});
