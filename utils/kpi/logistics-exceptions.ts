import type { OrderRecord } from '../db/database';

export type ExceptionKind = 'stalled' | 'delivery_failed' | 'returned' | 'late_shipment';

export interface ExceptionRules {
  /** A shipped order with no new logistics event for this long is stalled (default 48 h). */
  stalledHours: number;
}

export const DEFAULT_EXCEPTION_RULES: ExceptionRules = { stalledHours: 48 };

const FAILED_WORDS = /派送失败|投递失败|配送失败|拒收|无法派送|地址不详|联系不上/;
const RETURNED_WORDS = /退回|返回寄件人|退件|原件返回/;

/** The newest logistics event; without any, the ship time (printed, else when we saw it shipped). */
function lastActivityAt(order: OrderRecord): number | undefined {
  const newestEvent = Math.max(0, ...order.shipments.map((shipment) => shipment.lastEventAt ?? 0));
  if (newestEvent > 0) return newestEvent;
  return order.shippedAt ?? order.statusHistory.find((change) => change.status === 'shipped')?.at;
}

/**
 * Why an order needs the seller's attention for logistics, or null. Only orders still in transit or
 * waiting to ship can be exceptions; delivered and completed orders never are.
 */
export function logisticsException(order: OrderRecord, now: number, rules = DEFAULT_EXCEPTION_RULES): ExceptionKind | null {
  if (order.status === 'shipped') {
    const texts = order.shipments.map((shipment) => shipment.events.at(-1)?.text ?? '').join(' ');
    if (RETURNED_WORDS.test(texts)) return 'returned';
    if (FAILED_WORDS.test(texts)) return 'delivery_failed';
    const last = lastActivityAt(order);
    if (last !== undefined && now - last > rules.stalledHours * 3_600_000) return 'stalled';
    return null;
  }
  if (order.status === 'paid' && order.promisedShipAt !== undefined && now > order.promisedShipAt) return 'late_shipment';
  return null;
}
