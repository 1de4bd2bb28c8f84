import type { OrderRecord } from '../db/database';

export type ExceptionKind = 'stalled' | 'delivery_failed' | 'returned' | 'late_shipment';

export interface ExceptionRules {
  /** A shipped order with no new logistics event for this long is stalled (default 48 h). */
  stalledHours: number;
}

export const DEFAULT_EXCEPTION_RULES: ExceptionRules = { stalledHours: 48 };

const FAILED_WORDS = /派送失败|投递失败|配送失败|拒收|无法派送|地址不详|联系不上/;
const RETURNED_WORDS = /退回|返回寄件人|退件|原件返回/;
// The carriers' words for a parcel handed over (签收, 妥投, 代收, picked up from a locker or station).
const SIGNED_WORDS = /已签收|签收成功|已妥投|妥投成功|已送达|已代收|已取件|已取出|(?:本人|他人|家人|同事|前台|门卫|物业|快递柜|丰巢|驿站)(?:代)?签收|已被.{0,24}(?:代收|签收|取走)/;
const NOT_SIGNED_WORDS = /待签收|未签收|拒签|拒收/;

/** True when a tracking event says the parcel was handed over (`已签收`, `已妥投`, `已被菜鸟驿站代收`…). */
export function isSignedEvent(text: string | undefined): boolean {
  return !!text && SIGNED_WORDS.test(text) && !NOT_SIGNED_WORDS.test(text);
}

type Shipments = OrderRecord['shipments'];

/** The newest event of these parcels; without any, the ship time (printed, else when we saw it shipped). */
function lastActivityAt(order: OrderRecord, shipments: Shipments): number | undefined {
  const newestEvent = Math.max(0, ...shipments.map((shipment) => shipment.lastEventAt ?? 0));
  if (newestEvent > 0) return newestEvent;
  return order.shippedAt ?? order.statusHistory.find((change) => change.status === 'shipped')?.at;
}

/**
 * Why an order needs the seller's attention for logistics, or null. Only orders still in transit or
 * waiting to ship can be exceptions; delivered and completed orders never are, and neither is a parcel
 * whose newest event says it was signed for — the order list may still print 已发货 long after that.
 */
export function logisticsException(order: OrderRecord, now: number, rules = DEFAULT_EXCEPTION_RULES): ExceptionKind | null {
  if (order.status === 'shipped') {
    const open = order.shipments.filter((shipment) => !isSignedEvent(shipment.events.at(-1)?.text));
    if (order.shipments.length > 0 && open.length === 0) return null; // every parcel signed for
    const texts = open.map((shipment) => shipment.events.at(-1)?.text ?? '').join(' ');
    if (RETURNED_WORDS.test(texts)) return 'returned';
    if (FAILED_WORDS.test(texts)) return 'delivery_failed';
    const last = lastActivityAt(order, open);
    if (last !== undefined && now - last > rules.stalledHours * 3_600_000) return 'stalled';
    return null;
  }
  if (order.status === 'paid' && order.promisedShipAt !== undefined && now > order.promisedShipAt) return 'late_shipment';
  return null;
}
