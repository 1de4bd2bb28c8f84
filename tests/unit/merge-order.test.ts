import { describe, expect, it } from 'vitest';
import { mergeOrder } from '@/utils/db/merge-order';
import { captured } from './order-factory';

const T0 = Date.UTC(2026, 4, 13, 0, 0, 0);
const T1 = T0 + 3_600_000;
const T2 = T1 + 3_600_000;

describe('mergeOrder', () => {
  it('creates a record keyed platform:orderId with first status in history', () => {
    const record = mergeOrder(undefined, captured(), T0);
    expect(record.key).toBe('douyin:4987654321098765432');
    expect(record.orderId).toBe('4987654321098765432');
    expect(record.firstSeenAt).toBe(T0);
    expect(record.updatedAt).toBe(T0);
    expect(record.statusHistory).toEqual([{ status: 'unpaid', statusText: '待支付', at: T0 }]);
    expect(record.sources).toEqual(['list']);
  });

  it('returns the very same record when the same capture is merged again (idempotent)', () => {
    const first = mergeOrder(undefined, captured(), T0);
    const again = mergeOrder(first, captured(), T1);
    expect(again).toBe(first);
    expect(again.updatedAt).toBe(T0);
  });

  it('never erases a known field with an unknown one', () => {
    const first = mergeOrder(undefined, captured({ paymentMethod: '在线支付', receiverRegion: '陕西省 安康市' }), T0);
    const sparse = captured({ paymentMethod: undefined, receiverRegion: undefined, buyer: undefined, amountCents: undefined, shop: undefined });
    const merged = mergeOrder(first, sparse, T1);
    expect(merged.paymentMethod).toBe('在线支付');
    expect(merged.receiverRegion).toBe('陕西省 安康市');
    expect(merged.buyer).toBe('测*');
    expect(merged.amountCents).toBe(12990);
    expect(merged.shop).toBe('测试旗舰店');
  });

  it('appends status changes with the time observed', () => {
    let record = mergeOrder(undefined, captured(), T0);
    record = mergeOrder(record, captured({ status: 'paid', statusText: '待发货' }), T1);
    record = mergeOrder(record, captured({ status: 'shipped', statusText: '已发货' }), T2);
    record = mergeOrder(record, captured({ status: 'shipped', statusText: '已发货' }), T2 + 1);
    expect(record.statusHistory.map((change) => [change.status, change.at])).toEqual([
      ['unpaid', T0],
      ['paid', T1],
      ['shipped', T2],
    ]);
    expect(record.status).toBe('shipped');
    expect(record.updatedAt).toBe(T2);
  });

  it('merges a detail capture: adds times, waybills and events to the list capture', () => {
    const list = mergeOrder(undefined, captured({ status: 'shipped', statusText: '已发货' }), T0);
    const detail = captured({
      sourcePage: 'detail',
      status: 'shipped',
      statusText: '已发货',
      paidAt: T0 - 1000,
      shippedAt: T0,
      items: [],
      shipments: [
        { waybillNo: 'SF1234567890123', carrierName: '顺丰速运', events: [{ at: T0, text: '已揽件' }] },
        { waybillNo: 'YT9693083639795', carrierName: '圆通速递', events: [] },
      ],
    });
    const merged = mergeOrder(list, detail, T1);
    expect(merged.paidAt).toBe(T0 - 1000);
    expect(merged.items).toHaveLength(1);
    expect(merged.waybillNos).toEqual(['SF1234567890123', 'YT9693083639795']);
    expect(merged.shipments[0]!.lastEventAt).toBe(T0);
    expect(merged.sources).toEqual(['list', 'detail']);
  });

  it('unites logistics events of the same waybill without duplicates, in time order', () => {
    const withFirst = mergeOrder(
      undefined,
      captured({ shipments: [{ waybillNo: 'SF1234567890123', events: [{ at: T1, text: '运输中' }, { at: T0, text: '已揽件' }] }] }),
      T0,
    );
    const merged = mergeOrder(
      withFirst,
      captured({ shipments: [{ waybillNo: 'SF1234567890123', carrierName: '顺丰速运', events: [{ at: T1, text: '运输中' }, { at: T2, text: '派件中' }] }] }),
      T2,
    );
    expect(merged.shipments).toHaveLength(1);
    expect(merged.shipments[0]!.carrierName).toBe('顺丰速运');
    expect(merged.shipments[0]!.events.map((event) => event.text)).toEqual(['已揽件', '运输中', '派件中']);
    expect(merged.shipments[0]!.lastEventAt).toBe(T2);
  });

  it('keeps items a shorter (truncated) list capture does not show, and fills their fields', () => {
    const detail = mergeOrder(
      undefined,
      captured({ items: [{ title: 'A', spec: '红', quantity: 2 }, { title: 'B', quantity: 1 }] }),
      T0,
    );
    const merged = mergeOrder(detail, captured({ items: [{ title: 'A', spec: '红', unitPriceCents: 500 }] }), T1);
    expect(merged.items).toEqual([
      { title: 'A', spec: '红', quantity: 2, unitPriceCents: 500 },
      { title: 'B', quantity: 1 },
    ]);
  });
});
