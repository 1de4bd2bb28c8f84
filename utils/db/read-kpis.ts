import { computeKpis, sumContributions, type Kpis } from '../kpi/compute-kpis';
import { dayRangeToMs, type DayRange } from '../kpi/date-ranges';
import { logisticsException, DEFAULT_EXCEPTION_RULES, type ExceptionRules } from '../kpi/logistics-exceptions';
import type { Contribution } from '../kpi/order-contribution';
import type { OrderLensDatabase, OrderRecord, RollupRecord } from './database';
import { reminderSummariesOf } from './reminder-summaries';
import { isPastPayDeadline, longestWindowHours, type PaymentWindows } from '../remind/payment-windows';

export interface KpiFilter {
  range: DayRange;
  platform?: string;
  shop?: string;
}

/** Rollup rows of a range: a few rows per day and shop, never the orders table. */
export async function readRollups(db: OrderLensDatabase, filter: KpiFilter): Promise<RollupRecord[]> {
  const { first, last } = filter.range;
  const rows = filter.platform
    ? await db.rollups.where('[platform+day]').between([filter.platform, first], [filter.platform, last], true, true).toArray()
    : await db.rollups.where('day').between(first, last, true, true).toArray();
  return filter.shop === undefined ? rows : rows.filter((row) => row.shop === filter.shop);
}

/** Orders in transit or waiting to ship in the range, with their exception (a bounded, indexed read). */
export async function readLogisticsExceptions(
  db: OrderLensDatabase,
  filter: KpiFilter,
  now: number,
  rules: ExceptionRules = DEFAULT_EXCEPTION_RULES,
): Promise<{ order: OrderRecord; kind: NonNullable<ReturnType<typeof logisticsException>> }[]> {
  const { start, end } = dayRangeToMs(filter.range);
  const candidates = (
    await Promise.all(
      (['shipped', 'paid'] as const).map((status) =>
        db.orders.where('[status+createdAt]').between([status, start], [status, end], true, false).toArray(),
      ),
    )
  ).flat();
  return candidates
    .filter((order) => (!filter.platform || order.platform === filter.platform) && (filter.shop === undefined || order.shop === filter.shop))
    .map((order) => ({ order, kind: logisticsException(order, now, rules) }))
    .filter((item): item is { order: OrderRecord; kind: NonNullable<typeof item.kind> } => item.kind !== null);
}

/**
 * 待催付 now: unpaid orders of the range still within their payment window and never reminded. Not from
 * rollups — it changes with the clock (an order we never saw again was closed by the console when its
 * window ended) — but a bounded, indexed read: only unpaid orders created within the longest window.
 */
export async function countAwaitingReminder(db: OrderLensDatabase, filter: KpiFilter, now: number, windows: PaymentWindows = {}): Promise<number> {
  return (await readAwaitingReminder(db, filter, now, windows)).length;
}

/** The orders countAwaitingReminder counts. */
export async function readAwaitingReminder(db: OrderLensDatabase, filter: KpiFilter, now: number, windows: PaymentWindows = {}): Promise<OrderRecord[]> {
  const { start, end } = dayRangeToMs(filter.range);
  const from = Math.max(start, now - longestWindowHours(windows) * 3_600_000);
  if (from >= end) return [];
  const candidates = (await db.orders.where('[status+createdAt]').between(['unpaid', from], ['unpaid', end], true, false).toArray()).filter(
    (order) =>
      (!filter.platform || order.platform === filter.platform) &&
      (filter.shop === undefined || (order.shop ?? '') === filter.shop) &&
      !isPastPayDeadline(order, now, windows),
  );
  if (candidates.length === 0) return [];
  const reminded = await reminderSummariesOf(db, candidates.map((order) => order.key));
  return candidates.filter((order) => !reminded.has(order.key));
}

export async function readKpis(db: OrderLensDatabase, filter: KpiFilter, now: number, rules?: ExceptionRules, windows?: PaymentWindows): Promise<Kpis> {
  const [rows, exceptions, awaiting] = await Promise.all([
    readRollups(db, filter),
    readLogisticsExceptions(db, filter, now, rules),
    countAwaitingReminder(db, filter, now, windows),
  ]);
  return { ...computeKpis(sumContributions(rows), exceptions.length), unpaid: awaiting };
}

/** Orders and GMV per day of a range (the trend chart), from rollups. */
export async function readDailyTrend(db: OrderLensDatabase, filter: KpiFilter): Promise<{ day: string; orders: number; gmv: number }[]> {
  const byDay = new Map<string, Contribution[]>();
  for (const row of await readRollups(db, filter)) {
    const list = byDay.get(row.day) ?? [];
    list.push(row);
    byDay.set(row.day, list);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, rows]) => {
      const total = sumContributions(rows);
      return { day, orders: total.created, gmv: total.gmvCents / 100 };
    });
}

