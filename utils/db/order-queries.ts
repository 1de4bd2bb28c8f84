import { orderKey } from '../model/order';
import { ORDER_STATUSES, type OrderStatus } from '../model/status';
import { isPastPayDeadline, longestWindowHours, type PaymentWindows } from '../remind/payment-windows';
import type { OrderLensDatabase, OrderRecord } from './database';

/**
 * Reads of the dashboard: pages, counts and tallies of orders, always through an index range
 * (createdAt, [status+createdAt], the primary key, *waybillNos), never the whole table into memory.
 */

/** Creation-time bounds in epoch ms, [start, end). */
export interface TimeBounds {
  start: number;
  end: number;
}

export const ALL_TIME: TimeBounds = { start: 0, end: 8.64e15 };

export interface OrderQuery extends Partial<TimeBounds> {
  platform?: string;
  shop?: string;
  status?: OrderStatus;
  /** Substring of the buyer as displayed (no index: applied while walking the createdAt range). */
  buyer?: string;
}

/**
 * Where the next page starts (keyset pagination). Orders are listed newest first by createdAt, ties by
 * key descending (the order IndexedDB walks an index backwards); orders without a creation time are not
 * in the createdAt indexes and come last, in key order, when the range is unbounded.
 */
export type PageCursor = { phase: 'dated'; createdAt: number; key: string } | { phase: 'undated'; key: string };

export interface OrderPage {
  orders: OrderRecord[];
  next?: PageCursor;
}

export const PAGE_SIZE = 100;

type OrderCollection = ReturnType<OrderLensDatabase['orders']['toCollection']>;

const boundsOf = (query: OrderQuery): TimeBounds => ({ start: query.start ?? ALL_TIME.start, end: query.end ?? ALL_TIME.end });

export const isAllTime = (query: OrderQuery) => {
  const { start, end } = boundsOf(query);
  return start <= ALL_TIME.start && end >= ALL_TIME.end;
};

/** The filters an index range cannot apply (platform, shop, buyer), or undefined when there are none. */
function residualFilter(query: OrderQuery): ((order: OrderRecord) => boolean) | undefined {
  const { platform, shop, buyer } = query;
  const needle = buyer?.trim();
  if (!platform && shop === undefined && !needle) return undefined;
  return (order) =>
    (!platform || order.platform === platform) &&
    (shop === undefined || (order.shop ?? '') === shop) &&
    (!needle || (order.buyer ?? '').includes(needle));
}

/** Whether an order passes every filter of a query (used on index lookups that ignore the filters). */
export function matchesQuery(order: OrderRecord, query: OrderQuery): boolean {
  const { start, end } = boundsOf(query);
  if (query.status && order.status !== query.status) return false;
  if (order.createdAt === undefined ? !isAllTime(query) : order.createdAt < start || order.createdAt >= end) return false;
  return residualFilter(query)?.(order) ?? true;
}

/** Orders of the query with createdAt in [start, upTo] (or [start, end) without a cursor), newest first. */
function datedCollection(db: OrderLensDatabase, query: OrderQuery, cursor?: { createdAt: number; key: string }): OrderCollection {
  const { start, end } = boundsOf(query);
  const upper = cursor ? cursor.createdAt : end;
  const collection = query.status
    ? db.orders.where('[status+createdAt]').between([query.status, start], [query.status, upper], true, !!cursor)
    : db.orders.where('createdAt').between(start, upper, true, !!cursor);
  const residual = residualFilter(query);
  // Ties on the cursor's createdAt: the previous page ended at cursor.key, keys below it come next.
  const afterCursor = cursor ? (order: OrderRecord) => order.createdAt !== cursor.createdAt || order.key < cursor.key : undefined;
  const keep = residual && afterCursor ? (order: OrderRecord) => afterCursor(order) && residual(order) : (residual ?? afterCursor);
  const reversed = collection.reverse();
  return keep ? reversed.filter(keep) : reversed;
}

function undatedCollection(db: OrderLensDatabase, query: OrderQuery, afterKey?: string): OrderCollection {
  const residual = residualFilter(query);
  const base = afterKey === undefined ? db.orders.toCollection() : db.orders.where('key').above(afterKey);
  return base.filter(
    (order) => order.createdAt === undefined && (!query.status || order.status === query.status) && (residual?.(order) ?? true),
  );
}

/** Whether some orders have no creation time (they are then missing from the createdAt indexes). */
export async function hasUndatedOrders(db: OrderLensDatabase): Promise<boolean> {
  const [all, dated] = await Promise.all([db.orders.count(), db.orders.where('createdAt').aboveOrEqual(-Infinity).count()]);
  return all > dated;
}

/** One page of orders, newest first; `next` is set when more follow. */
export async function pageOrders(db: OrderLensDatabase, query: OrderQuery, cursor?: PageCursor, size = PAGE_SIZE): Promise<OrderPage> {
  const orders: OrderRecord[] = [];
  if (!cursor || cursor.phase === 'dated') {
    const dated = await datedCollection(db, query, cursor).limit(size + 1).toArray();
    if (dated.length > size) {
      const last = dated[size - 1]!;
      return { orders: dated.slice(0, size), next: { phase: 'dated', createdAt: last.createdAt!, key: last.key } };
    }
    orders.push(...dated);
    if (!isAllTime(query) || !(await hasUndatedOrders(db))) return { orders };
  }
  const room = size - orders.length;
  const undated = await undatedCollection(db, query, cursor?.phase === 'undated' ? cursor.key : undefined)
    .limit(room + 1)
    .toArray();
  if (undated.length > room) {
    const page = [...orders, ...undated.slice(0, room)];
    return { orders: page, next: { phase: 'undated', key: page.at(-1)!.key } };
  }
  return { orders: [...orders, ...undated] };
}

/**
 * How many orders match. Index counts when only the range and the status filter (IndexedDB counts the
 * index range without reading records); otherwise the range is walked with the remaining filters.
 */
export async function countOrders(db: OrderLensDatabase, query: OrderQuery): Promise<number> {
  const { start, end } = boundsOf(query);
  const residual = residualFilter(query);
  const range = query.status
    ? db.orders.where('[status+createdAt]').between([query.status, start], [query.status, end], true, false)
    : db.orders.where('createdAt').between(start, end, true, false);
  const dated = await (residual ? range.filter(residual) : range).count();
  if (!isAllTime(query) || !(await hasUndatedOrders(db))) return dated;
  return dated + (await undatedCollection(db, query).count());
}

/** `4934…\t` from our own CSVs, pasted text with spaces: the bare number. */
export function normalizeNumber(term: string): string {
  return term.replace(/\s+/g, '');
}

const ID_LIKE = /^[\d-]{4,}$/;
const WAYBILL_LIKE = /^[A-Za-z0-9-]{4,40}$/;

/**
 * Orders whose number starts with `term` (key range `platform:term…` on each platform) or one of whose
 * waybills starts with it (*waybillNos), filtered by the query, newest first; at most `limit`.
 */
export async function findByNumberPrefix(
  db: OrderLensDatabase,
  platforms: readonly string[],
  term: string,
  query: OrderQuery = {},
  limit = PAGE_SIZE,
): Promise<OrderRecord[]> {
  const number = normalizeNumber(term);
  if (!WAYBILL_LIKE.test(number)) return [];
  const found = new Map<string, OrderRecord>();
  const lookups: Promise<OrderRecord[]>[] = [];
  if (ID_LIKE.test(number)) {
    const keyPrefixes = platforms.filter((platform) => !query.platform || platform === query.platform).map((platform) => orderKey(platform, number));
    if (keyPrefixes.length > 0) lookups.push(db.orders.where('key').startsWithAnyOf(keyPrefixes).limit(limit * 4).toArray());
  }
  const waybillPrefixes = [...new Set([number, number.toUpperCase()])];
  lookups.push(db.orders.where('waybillNos').startsWithAnyOf(waybillPrefixes).distinct().limit(limit * 4).toArray());
  for (const list of await Promise.all(lookups)) {
    for (const order of list) if (matchesQuery(order, query)) found.set(order.key, order);
  }
  return [...found.values()].sort(newestFirst).slice(0, limit);
}

export function newestFirst(a: OrderRecord, b: OrderRecord): number {
  return (b.createdAt ?? -1) - (a.createdAt ?? -1) || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
}

export interface SearchPage extends OrderPage {
  /** How the term matched: order or waybill number (one page), or buyer (paged like the plain list). */
  via: 'number' | 'buyer';
}

/** Search: by order/waybill number first (indexes); when nothing matches, by buyer within the filters. */
export async function searchOrders(
  db: OrderLensDatabase,
  platforms: readonly string[],
  term: string,
  query: OrderQuery,
  cursor?: PageCursor,
  size = PAGE_SIZE,
): Promise<SearchPage> {
  if (!cursor) {
    const byNumber = await findByNumberPrefix(db, platforms, term, query, size);
    if (byNumber.length > 0) return { orders: byNumber, via: 'number' };
  }
  return { ...(await pageOrders(db, { ...query, buyer: term.trim() }, cursor, size)), via: 'buyer' };
}

export type StatusCounts = Record<OrderStatus, number>;

/** Orders per normalised status created in the range: index counts of [status+createdAt]. */
export async function countByStatus(db: OrderLensDatabase, query: Omit<OrderQuery, 'status' | 'buyer'>): Promise<StatusCounts> {
  const counts = await Promise.all(ORDER_STATUSES.map((status) => countOrders(db, { ...query, status, buyer: undefined })));
  return Object.fromEntries(ORDER_STATUSES.map((status, at) => [status, counts[at]!])) as StatusCounts;
}

export interface Tally {
  counts: Map<string, number>;
  /** Orders read. */
  scanned: number;
  /** True when the range held more orders than `cap`: the tally covers the newest `cap` only. */
  capped: boolean;
}

/** Counts orders of the query by a key (e.g. province), reading at most `cap` orders, newest first. */
export async function tallyOrders(
  db: OrderLensDatabase,
  query: OrderQuery,
  keyOf: (order: OrderRecord) => string | undefined,
  cap = 20_000,
): Promise<Tally> {
  const counts = new Map<string, number>();
  let scanned = 0;
  await datedCollection(db, query)
    .limit(cap + 1)
    .each((order) => {
      scanned++;
      if (scanned > cap) return;
      const key = keyOf(order);
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    });
  return { counts, scanned: Math.min(scanned, cap), capped: scanned > cap };
}

/**
 * 待催付 queue: unpaid orders never reminded, oldest first ([status+createdAt] ascending), a page at a
 * time. Reminded orders are dropped batch by batch (reminders are looked up by the batch's keys).
 */
export async function unpaidNotReminded(
  db: OrderLensDatabase,
  options: { platform?: string; after?: { createdAt: number; key: string }; size?: number; now?: number; windows?: PaymentWindows } = {},
): Promise<{ orders: OrderRecord[]; next?: { createdAt: number; key: string } }> {
  const size = options.size ?? PAGE_SIZE;
  const orders: OrderRecord[] = [];
  let after = options.after;
  // With a clock, orders past their payment window are left out (the console has closed them): only the
  // unpaid orders created within the longest window can still be open.
  const now = options.now;
  const openSince = now === undefined ? -Infinity : now - longestWindowHours(options.windows) * 3_600_000;
  for (;;) {
    const from = after;
    const batch = await db.orders
      .where('[status+createdAt]')
      .between(['unpaid', Math.max(from?.createdAt ?? -Infinity, openSince)], ['unpaid', Infinity], true, true)
      .filter(
        (order) =>
          (!from || order.createdAt !== from.createdAt || order.key > from.key) && (!options.platform || order.platform === options.platform),
      )
      .limit(size + 1)
      .toArray();
    const reminded = new Set(
      (await db.reminders.where('orderKey').anyOf(batch.map((order) => order.key)).toArray()).map((reminder) => reminder.orderKey),
    );
    for (const order of batch.slice(0, size)) {
      if (reminded.has(order.key)) continue;
      if (now !== undefined && isPastPayDeadline(order, now, options.windows)) continue;
      orders.push(order);
      if (orders.length === size) {
        return order !== batch.at(-1) ? { orders, next: { createdAt: order.createdAt!, key: order.key } } : { orders };
      }
    }
    if (batch.length <= size) return { orders };
    const last = batch[size - 1]!;
    after = { createdAt: last.createdAt!, key: last.key };
  }
}

/** What a number pasted into batch tracking matched. */
export interface NumberLookup {
  query: string;
  orders: OrderRecord[];
  /** Set when the number is a waybill of the orders (not their order number). */
  waybill?: string;
}

/**
 * Batch tracking: each number looked up as an order number on every platform (key `platform:number`)
 * and as a waybill number (*waybillNos), in two bulk reads.
 */
export async function lookupNumbers(db: OrderLensDatabase, platforms: readonly string[], queries: readonly string[]): Promise<NumberLookup[]> {
  const keys = queries.flatMap((query) => platforms.map((platform) => orderKey(platform, query)));
  const waybillKeys = [...new Set(queries.flatMap((query) => [query, query.toUpperCase()]))];
  const [byKey, byWaybill] = await Promise.all([
    db.orders.bulkGet(keys),
    waybillKeys.length > 0 ? db.orders.where('waybillNos').anyOf(waybillKeys).distinct().toArray() : Promise.resolve([]),
  ]);
  const ordersByKey = new Map<string, OrderRecord>();
  for (const order of byKey) if (order) ordersByKey.set(order.key, order);
  const ordersByWaybill = new Map<string, OrderRecord[]>();
  for (const order of byWaybill) {
    for (const waybill of order.waybillNos) {
      const list = ordersByWaybill.get(waybill) ?? [];
      list.push(order);
      ordersByWaybill.set(waybill, list);
    }
  }
  return queries.map((query) => {
    const asOrder = platforms.map((platform) => ordersByKey.get(orderKey(platform, query))).filter((order): order is OrderRecord => !!order);
    if (asOrder.length > 0) return { query, orders: asOrder };
    const waybill = ordersByWaybill.has(query) ? query : query.toUpperCase();
    const asWaybill = ordersByWaybill.get(waybill) ?? [];
    return asWaybill.length > 0 ? { query, orders: asWaybill, waybill } : { query, orders: [] };
  });
}
