import { recognizeCarrier } from '../carriers/recognize';
import { trackingLinks } from '../carriers/tracking-links';
import type { OrderRecord } from '../db/database';
import { logisticsException, type ExceptionKind, type ExceptionRules } from '../kpi/logistics-exceptions';
import type { OrderStatus } from '../model/status';

/** One waybill of an order (or the order itself while it has none) as batch tracking shows it. */
export interface TrackingRow {
  /** The number the seller asked for (batch tracking) or the order id. */
  query: string;
  known: boolean;
  platform?: string;
  shop?: string;
  orderId?: string;
  status?: OrderStatus;
  statusText?: string;
  carrierName?: string;
  carrierCode?: string;
  waybillNo?: string;
  lastEventAt?: number;
  lastEventText?: string;
  exception: ExceptionKind | null;
  links: { label: string; url: string }[];
}

export const EXCEPTION_LABEL_ZH: Record<ExceptionKind, string> = {
  stalled: '超时无轨迹',
  delivery_failed: '派送失败',
  returned: '退回',
  late_shipment: '超时未发货',
};

export function trackingRowsOf(order: OrderRecord, now: number, rules?: ExceptionRules, query = order.orderId): TrackingRow[] {
  const base = {
    query,
    known: true,
    platform: order.platform,
    shop: order.shop,
    orderId: order.orderId,
    status: order.status,
    statusText: order.statusText,
    exception: logisticsException(order, now, rules),
  };
  if (order.shipments.length === 0) return [{ ...base, links: [] }];
  return order.shipments.map((shipment) => {
    const recognised = recognizeCarrier({ carrierName: shipment.carrierName, waybillNo: shipment.waybillNo });
    const last = shipment.events.at(-1);
    return {
      ...base,
      carrierName: shipment.carrierName ?? recognised.carrier?.nameZh,
      carrierCode: recognised.carrier?.code,
      waybillNo: shipment.waybillNo,
      lastEventAt: last?.at ?? shipment.lastEventAt,
      lastEventText: last?.text,
      links: trackingLinks(shipment.waybillNo, recognised.carrier).map(({ label, url }) => ({ label, url })),
    };
  });
}

export function unknownRow(query: string): TrackingRow {
  return { query, known: false, exception: null, links: [] };
}
