import { describe, expect, it } from 'vitest';
import { afterSaleStateOf, printedStatusWins, rollupStatus } from '@/utils/capture/floor/status-rollup';

describe('afterSaleStateOf', () => {
  it.each([
    ['退款中', 'open'],
    ['售后中', 'open'],
    ['仅退款', 'open'],
    ['待买家退货', 'open'],
    ['请卖家处理', 'open'],
    ['退款成功', 'refunded'],
    ['已退款', 'refunded'],
    ['仅退款，退款成功', 'refunded'],
    ['退货退款成功', 'refunded'],
    ['售后完成', 'finished'],
    ['退款关闭', 'withdrawn'],
    ['售后关闭', 'withdrawn'],
    ['-', 'none'],
    ['', 'none'],
    [null, 'none'],
    ['发货未超时', 'none'],
  ] as const)('%s → %s', (text, state) => {
    expect(afterSaleStateOf(text)).toBe(state);
  });
});

describe('rollupStatus', () => {
  it('keeps the printed status when no item has an after-sale', () => {
    expect(rollupStatus('已发货', ['-', ''], { itemCount: 2 })).toEqual({ status: 'shipped', statusText: '已发货' });
  });

  it('an open after-sale on any item makes the order after_sale', () => {
    expect(rollupStatus('已发货', ['-', '退款中'], { itemCount: 2 })).toEqual({ status: 'after_sale', statusText: '退款中', afterSale: true });
    expect(rollupStatus('交易成功', ['售后中'])).toMatchObject({ status: 'after_sale', afterSale: true });
    expect(rollupStatus('待发货', ['仅退款'])).toMatchObject({ status: 'after_sale' });
  });

  it('a closed order stays closed under a stale open after-sale text', () => {
    expect(rollupStatus('交易关闭', ['退款中'], { itemCount: 1 })).toEqual({ status: 'closed', statusText: '交易关闭', afterSale: true });
  });

  it('every item refunded → refunded', () => {
    expect(rollupStatus('已发货', ['退款成功', '已退款'], { itemCount: 2 })).toEqual({ status: 'refunded', statusText: '退款成功', afterSale: true });
  });

  it('a closed order with refunded items is refunded where the console closes trades on refund (千牛)', () => {
    expect(rollupStatus('交易关闭', ['退款成功', '-'], { itemCount: 2, closedMeansRefunded: true })).toEqual({
      status: 'refunded',
      statusText: '退款成功',
      afterSale: true,
    });
  });

  it('elsewhere a printed 已关闭 stands beside a refunded item (抖店 closes unpaid orders)', () => {
    expect(rollupStatus('已关闭', ['退款成功'], { itemCount: 1 })).toEqual({ status: 'closed', statusText: '已关闭', afterSale: true });
  });

  it('some items refunded: the printed status stands, afterSale and partialRefund are set', () => {
    expect(rollupStatus('已发货', ['退款成功', '-'], { itemCount: 2 })).toEqual({
      status: 'shipped',
      statusText: '已发货',
      afterSale: true,
      partialRefund: true,
    });
  });

  it('refunded texts with the item count unknown keep the printed status (partial not claimed)', () => {
    expect(rollupStatus('已签收', ['退款成功'])).toEqual({ status: 'delivered', statusText: '已签收', afterSale: true });
  });

  it('refunded texts with no printed status at all → refunded (the console says nothing else)', () => {
    expect(rollupStatus(undefined, ['退款成功'])).toEqual({ status: 'refunded', statusText: '退款成功', afterSale: true });
  });

  it('printed after-sale statuses stand as printed', () => {
    expect(rollupStatus('售后中', [])).toEqual({ status: 'after_sale', statusText: '售后中', afterSale: true });
    expect(rollupStatus('未发货，退款成功', ['-'], { itemCount: 1 })).toEqual({ status: 'refunded', statusText: '未发货，退款成功', afterSale: true });
  });

  it('a finished after-sale without outcome sets afterSale only; a withdrawn one changes nothing', () => {
    expect(rollupStatus('交易成功', ['售后完成'], { itemCount: 1 })).toEqual({ status: 'completed', statusText: '交易成功', afterSale: true });
    expect(rollupStatus('交易成功', ['退款关闭'], { itemCount: 1 })).toEqual({ status: 'completed', statusText: '交易成功' });
  });

  it('unknown words and no after-sale give nothing', () => {
    expect(rollupStatus('神秘状态', ['-'])).toEqual({});
    expect(rollupStatus(undefined, [])).toEqual({});
  });
});

describe('printedStatusWins', () => {
  it('the printed words beat a numeric code', () => {
    // 抖店: data-kora_order_status="3" (shipped) while the status cell prints 售后中
    expect(printedStatusWins('售后中', 'shipped')).toEqual({ status: 'after_sale', by: 'printed' });
  });

  it('the code is used only when no printed words are recognised', () => {
    expect(printedStatusWins('', 'shipped')).toEqual({ status: 'shipped', by: 'code' });
    expect(printedStatusWins('看不懂', 'paid')).toEqual({ status: 'paid', by: 'code' });
    expect(printedStatusWins(undefined, undefined)).toBeUndefined();
  });
});
