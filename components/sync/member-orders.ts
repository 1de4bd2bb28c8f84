import type { OrderLensDatabase, OrderRecord } from '@/utils/db/database';
import { matchesQuery, pageOrders, type OrderPage, type OrderQuery, type PageCursor } from '@/utils/db/order-queries';

/**
 * Team sync: the member ids that captured an order (united by the team merge). A record without `capturedBy` holds
 * only this browser's captures: it is `self`'s (this member's id) when given, else nobody's.
 */
export function capturedByOf(order: OrderRecord, self?: string): string[] {
  const by = order.capturedBy;
  if (!Array.isArray(by) || by.length === 0) return self ? [self] : [];
  return by.filter((id): id is string => typeof id === 'string');
}

export const capturedByMember = (order: OrderRecord, member: string, self?: string) => capturedByOf(order, self).includes(member);

/** Where the next page starts after `order` (the keyset cursor pageOrders itself would give). */
function cursorAfter(order: OrderRecord): PageCursor {
  return order.createdAt !== undefined ? { phase: 'dated', createdAt: order.createdAt, key: order.key } : { phase: 'undated', key: order.key };
}

const SCAN_CHUNK = 500;

/**
 * One page of the orders a member captured, newest first: the plain order pages walked in chunks and kept where
 * `capturedBy` holds the member (no index on it: the team views are a few members' orders, and a member filter is
 * a choice made for a look, not a hot path). The cursor is the last order kept, so paging on works as pageOrders'.
 */
export async function pageMemberOrders(
  db: OrderLensDatabase,
  query: OrderQuery,
  member: string,
  cursor: PageCursor | undefined,
  size: number,
  self?: string,
): Promise<OrderPage> {
  const kept: OrderRecord[] = [];
  let at = cursor;
  for (;;) {
    const chunk = await pageOrders(db, query, at, SCAN_CHUNK);
    for (const order of chunk.orders) {
      if (!capturedByMember(order, member, self)) continue;
      if (kept.length === size) return { orders: kept, next: cursorAfter(kept.at(-1)!) };
      kept.push(order);
    }
    if (!chunk.next) return { orders: kept };
    at = chunk.next;
  }
}

/** How many orders of the query a member captured (walks the table with the filter). */
export async function countMemberOrders(db: OrderLensDatabase, query: OrderQuery, member: string, self?: string): Promise<number> {
  return db.orders.filter((order) => capturedByMember(order, member, self) && matchesQuery(order, query)).count();
}
