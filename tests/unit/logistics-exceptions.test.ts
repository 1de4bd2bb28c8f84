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
