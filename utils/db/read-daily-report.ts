import { buildDailyReport, reportDays, type DailyReport } from '../kpi/daily-report';
import { dayRange } from '../kpi/date-ranges';
import type { ExceptionRules } from '../kpi/logistics-exceptions';
import type { PaymentWindows } from '../remind/payment-windows';
import type { OrderLensDatabase } from './database';
import { readAwaitingReminder, readLogisticsExceptions, readRollups } from './read-kpis';

const shopRef = (order: { platform: string; shop?: string }) => ({ platform: order.platform, shop: order.shop ?? '' });

/**
 * 日报 of the day before `now`: the rollups of three days (a few rows each), the 待催付 queue now, and the
 * open logistics exceptions of the last 30 days' orders (the 近30天 the popup offers; older parcels still
 * "shipped" are mostly orders the seller never reopened).
 */
export async function readDailyReport(db: OrderLensDatabase, now: number, rules?: ExceptionRules, windows?: PaymentWindows): Promise<DailyReport> {
  const days = reportDays(now);
  const [rollups, awaiting, exceptions] = await Promise.all([
    Promise.all([days.yesterday, days.dayBefore, days.lastWeek].map((day) => readRollups(db, { range: { first: day, last: day } }))).then((rows) => rows.flat()),
    readAwaitingReminder(db, { range: dayRange('all', now) }, now, windows),
    readLogisticsExceptions(db, { range: dayRange('last30', now) }, now, rules),
  ]);
  return buildDailyReport({ now, rollups, awaiting: awaiting.map(shopRef), exceptions: exceptions.map(({ order }) => shopRef(order)) });
}
