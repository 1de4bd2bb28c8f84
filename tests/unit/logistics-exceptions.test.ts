import { describe, expect, it } from 'vitest';
import { mergeOrder } from '@/utils/db/merge-order';
import { logisticsException } from '@/utils/kpi/logistics-exceptions';
import { captured } from './order-factory';

const bj = (text: string) => Date.parse(`${text}+08:00`);
const NOW = bj('2026-05-14T12:00:00');
const record = (overrides: Parameters<typeof captured>[0], seenAt = bj('2026-05-10T12:00:00')) => mergeOrder(undefined, captured(overrides), seenAt);
const shipped = (events: { at: number; text: string }[], extra: Parameters<typeof captured>[0] = {}) =>
  record({ status: 'shipped', statusText: '已发货', shipments: [{ waybillNo: 'SF1234567890123', events }], ...extra });

describe('logistics exception rules', () => {
  it('a shipped order with no new event for longer than the threshold is stalled', () => {
    expect(logisticsException(shipped([{ at: bj('2026-05-12T11:00:00'), text: '运输中' }]), NOW)).toBe('stalled');
    expect(logisticsException(shipped([{ at: bj('2026-05-12T13:00:00'), text: '运输中' }]), NOW)).toBeNull();
    expect(logisticsException(shipped([{ at: bj('2026-05-12T11:00:00'), text: '运输中' }]), NOW, { stalledHours: 72 })).toBeNull();
  });

  it('without events, counts from the printed ship time, else from when it was seen shipping', () => {
    expect(logisticsException(shipped([], { shippedAt: bj('2026-05-11T08:00:00') }), NOW)).toBe('stalled');
    expect(logisticsException(shipped([]), bj('2026-05-11T12:00:00'))).toBeNull();
  });

  it('recognises failed and returned deliveries from the newest event', () => {
    expect(logisticsException(shipped([{ at: bj('2026-05-14T09:00:00'), text: '派送失败，收件人电话无人接听' }]), NOW)).toBe('delivery_failed');
    expect(logisticsException(shipped([{ at: bj('2026-05-14T09:00:00'), text: '快件已退回，返回寄件人' }]), NOW)).toBe('returned');
    expect(logisticsException(shipped([{ at: bj('2026-05-13T09:00:00'), text: '拒收' }, { at: bj('2026-05-14T09:00:00'), text: '已签收' }]), NOW)).toBeNull();
  });

  it('a paid order past its promised ship time is late; delivered and unpaid orders never are exceptions', () => {
    expect(logisticsException(record({ status: 'paid', statusText: '待发货', promisedShipAt: bj('2026-05-14T00:00:00') }), NOW)).toBe('late_shipment');
    expect(logisticsException(record({ status: 'paid', statusText: '待发货', promisedShipAt: bj('2026-05-15T00:00:00') }), NOW)).toBeNull();
    expect(logisticsException(record({ status: 'delivered', statusText: '已签收' }), NOW)).toBeNull();
    expect(logisticsException(record({ status: 'unpaid' }), NOW)).toBeNull();
  });
});

describe('logistics exceptions: every status × newest event', () => {
  const OLD = bj('2026-05-10T09:00:00'); // 99 h before NOW: past the 48 h threshold
  const FRESH = bj('2026-05-14T09:00:00');
  const EVENTS = {
    none: [],
    'fresh transit': [{ at: FRESH, text: '运输中，到达杭州转运中心' }],
    'stale transit': [{ at: OLD, text: '运输中，到达杭州转运中心' }],
    'stale signed': [{ at: OLD - 3_600_000, text: '派送中' }, { at: OLD, text: '已签收，签收人：本人' }],
    'stale station pickup': [{ at: OLD, text: '您的快件已被菜鸟驿站代收，请及时取件' }],
    'stale 妥投': [{ at: OLD, text: '已妥投' }],
    'stale 待签收': [{ at: OLD, text: '派件中，待签收' }],
    failed: [{ at: FRESH, text: '派送失败，收件人电话无人接听' }],
    returned: [{ at: FRESH, text: '快件已退回，返回寄件人' }],
  } as const;
  // What a shipped order (shipped 4 days ago) is, per newest event; every other status is never an exception.
  const SHIPPED: Record<keyof typeof EVENTS, string | null> = {
    none: 'stalled',
    'fresh transit': null,
    'stale transit': 'stalled',
    'stale signed': null,
    'stale station pickup': null,
    'stale 妥投': null,
    'stale 待签收': 'stalled',
    failed: 'delivery_failed',
    returned: 'returned',
  };
  const STATUSES = ['unpaid', 'paid', 'shipped', 'delivered', 'completed', 'closed', 'after_sale', 'refunded'] as const;
  for (const status of STATUSES) {
    for (const [name, events] of Object.entries(EVENTS) as [keyof typeof EVENTS, (typeof EVENTS)[keyof typeof EVENTS]][]) {
      it(`${status} with ${name}`, () => {
        const order = record({ status, shippedAt: OLD, shipments: [{ waybillNo: 'YT2345678901234', events: [...events] }] });
        expect(logisticsException(order, NOW)).toBe(status === 'shipped' ? SHIPPED[name] : null);
      });
    }
  }

  it('a shipped order with two parcels: one signed, one stalled → stalled; both signed → none', () => {
    const signed = { waybillNo: 'YT2345678901234', events: [{ at: OLD, text: '已签收' }] };
    const stalled = { waybillNo: 'SF1234567890123', events: [{ at: OLD, text: '运输中' }] };
    const fresh = { waybillNo: 'SF1234567890123', events: [{ at: FRESH, text: '运输中' }] };
    expect(logisticsException(record({ status: 'shipped', shipments: [signed, stalled] }), NOW)).toBe('stalled');
    expect(logisticsException(record({ status: 'shipped', shipments: [signed, fresh] }), NOW)).toBeNull();
    expect(logisticsException(record({ status: 'shipped', shipments: [signed, { ...signed, waybillNo: 'SF1234567890123' }] }), NOW)).toBeNull();
  });
});
