import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '@/utils/model/status';
import { normalizeStatus } from '@/utils/model/status-words';

const CASES: Record<OrderStatus, string[]> = {
  unpaid: ['等待买家付款', '待支付', '待付款', '未付款', '未支付'],
  paid: [
    '待发货',
    '等待出库',
    '买家已付款',
    '买家已付款，等待商家发货',
    '等待卖家发货',
    '备货中',
    '已支付',
    '已付款',
    '待出库',
    '等待发货',
    '暂停',
  ],
  shipped: [
    '部分发货',
    '卖家部分发货',
    '卖家已发货',
    '商家已发货，等待买家确认',
    '等待买家确认收货',
    '等待确认收货',
    '已发货，待签收',
    '已发货',
    '待收货',
    '已出库',
  ],
  delivered: ['已签收', '买家已签收'],
  completed: ['交易成功', '完成', '已完成', '订单成功'],
  closed: ['交易关闭', '已取消', '取消', '已关闭', '订单失败', '交易被淘宝关闭', '未支付，交易关闭'],
  after_sale: ['退款中', '售后中', '请卖家处理', '待退货', '订单部分退款中', '请退款', '已锁定'],
  refunded: ['未发货，退款成功', '已发货，退款成功', '退款成功', '已退款'],
};

describe('normalizeStatus: console words', () => {
  for (const status of ORDER_STATUSES) {
    it.each(CASES[status])(`%s → ${status}`, (text) => {
      expect(normalizeStatus(text)).toBe(status);
    });
  }
});

describe('normalizeStatus: whitespace and commas', () => {
  it.each([
    ['  待发货  ', 'paid'],
    ['\n\t已签收\n', 'delivered'],
    ['已发货,待签收', 'shipped'],
    ['已发货， 待签收', 'shipped'],
    ['已发货 ， 待签收', 'shipped'],
    ['未发货,退款成功', 'refunded'],
    ['已 发 货，退款成功', 'refunded'],
    ['买家已付款,等待商家发货', 'paid'],
    ['未支付 ,交易关闭', 'closed'],
    ['商家已发货，\n等待买家确认', 'shipped'],
  ] as const)('%j → %s', (text, status) => {
    expect(normalizeStatus(text)).toBe(status);
  });
});

describe('normalizeStatus: phrases inside longer texts (longest wins)', () => {
  it.each([
    ['订单已取消', 'closed'],
    ['已成团，待发货', 'paid'],
    ['等待买家付款（剩余23小时）', 'unpaid'],
    ['交易关闭(超时未付款)', 'closed'], // 交易关闭 (4) beats 未付款 (3)
    ['已发货，部分退款中', 'after_sale'], // 部分退款中 (5) beats 已发货 (3)
    ['退货退款中', 'after_sale'],
    ['卖家已发货 发货未超时', 'shipped'],
    ['状态：已签收', 'delivered'],
    ['交易成功 已评价', 'completed'],
  ] as const)('%j → %s', (text, status) => {
    expect(normalizeStatus(text)).toBe(status);
  });
});

describe('normalizeStatus: unknown or ambiguous → null', () => {
  it.each([
    [''],
    ['   '],
    ['-'],
    ['abc'],
    ['全部'],
    ['发货未超时'],
    ['未完成'], // 完成 alone is exact-only
    ['申请取消'], // 取消 alone is exact-only
    ['退款关闭'], // 关闭 alone is never a keyword
    ['暂停发货中'],
    ['待成团'],
    ['交易关闭，退款成功'], // equally long phrases, different statuses
    ['constructor'],
    ['toString'],
    ['__proto__'],
    ['hasOwnProperty'],
  ])('%j → null', (text) => {
    expect(normalizeStatus(text)).toBeNull();
  });

  it('rejects null and undefined', () => {
    expect(normalizeStatus(null)).toBeNull();
    expect(normalizeStatus(undefined)).toBeNull();
  });
});

describe('normalizeStatus: the DESIGN.md examples', () => {
  it.each([
    ['等待买家付款', 'unpaid'],
    ['待支付', 'unpaid'],
    ['未付款', 'unpaid'],
    ['等待出库', 'paid'],
    ['买家已付款', 'paid'],
    ['卖家已发货', 'shipped'],
    ['等待确认收货', 'shipped'],
    ['已发货，待签收', 'shipped'],
    ['已签收', 'delivered'],
    ['交易成功', 'completed'],
    ['完成', 'completed'],
    ['交易关闭', 'closed'],
    ['已取消', 'closed'],
    ['退款中', 'after_sale'],
    ['未发货，退款成功', 'refunded'],
  ] as const)('%s → %s', (text, status) => {
    expect(normalizeStatus(text)).toBe(status);
  });
});

describe('closed for want of payment', () => {
  it('超时未支付，订单关闭 is closed, not unpaid', () => {
    expect(normalizeStatus('超时未支付，订单关闭')).toBe('closed');
    expect(normalizeStatus('超时未支付')).toBe('unpaid');
  });
});
