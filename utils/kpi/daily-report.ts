import { addDays, beijingDay } from './beijing-day';
import { computeKpis, sumContributions } from './compute-kpis';
import type { Contribution } from './order-contribution';

/**
 * 日报: yesterday (a Beijing day) against the day before and the same weekday a week earlier, for all
 * platforms, each platform and each shop.
 *
 * Which day a figure counts — the same as the KPI tiles everywhere else:
 * - orders, GMV, 客单价, 支付转化率, 退货率, 纠纷率, 发货时效, 物流时效 and 挽回金额 are figures of the
 *   **orders created that day** (the rollup of their creation day), as known now. So 退货率 and 物流时效 of
 *   yesterday's orders only count the returns and deliveries already seen, and grow over the next days;
 * - 待催付 and 物流异常 are states of **now** (the 待催付 queue; open logistics exceptions of the last 30
 *   days' orders), with no comparison: yesterday's value of a state of now does not exist.
 */
export const REPORT_METRICS = [
  'orders',
  'gmv',
  'aov',
  'conversion',
  'return_rate',
  'dispute_rate',
  'ship_hours',
  'delivery_hours',
  'recovered_gmv',
  'unpaid',
  'exceptions',
] as const;

export type ReportMetric = (typeof REPORT_METRICS)[number];
export type MetricFormat = 'count' | 'money' | 'rate' | 'hours';

export const METRIC_FORMAT: Record<ReportMetric, MetricFormat> = {
  orders: 'count',
  gmv: 'money',
  aov: 'money',
  conversion: 'rate',
  return_rate: 'rate',
  dispute_rate: 'rate',
  ship_hours: 'hours',
  delivery_hours: 'hours',
  recovered_gmv: 'money',
  unpaid: 'count',
  exceptions: 'count',
};

/** Metrics that are states of now: one value, no comparison. */
export const NOW_METRICS: ReadonlySet<ReportMetric> = new Set(['unpaid', 'exceptions']);

export interface ReportDays {
  yesterday: string;
  dayBefore: string;
  lastWeek: string;
}

/** A change against a base day: the difference (for rates in 0–1 units: ×100 gives percentage points) and the relative change. */
export interface Delta {
  diff: number;
  /** diff / base; null when the base is 0 or the metric is a rate (rates compare in points). */
  ratio: number | null;
}

export interface MetricFigures {
  /** Yesterday's value, or now for 待催付/物流异常; null where it has no basis (no paid orders for 客单价…). */
  value: number | null;
  dayBefore: number | null;
  lastWeek: number | null;
  vsDayBefore: Delta | null;
  vsLastWeek: Delta | null;
}

export interface ReportRow {
  /** undefined on the total row. */
  platform?: string;
  /** undefined on total and platform rows; '' is a shop the console did not name. */
  shop?: string;
  /** Orders created yesterday, the day before and a week before (to say "no orders" honestly). */
  created: { yesterday: number; dayBefore: number; lastWeek: number };
  metrics: Record<ReportMetric, MetricFigures>;
}

export interface DailyReport {
  generatedAt: number;
  days: ReportDays;
  total: ReportRow;
  platforms: (ReportRow & { shops: ReportRow[] })[];
}

/** A rollup row's identity and sums (RollupRecord without its key). */
export type DayRollup = Contribution & { day: string; platform: string; shop: string };

/** Where an order currently counted in 待催付 or 物流异常 belongs. */
export interface ShopRef {
  platform: string;
  shop: string;
}

export interface DailyReportInput {
  now: number;
  rollups: readonly DayRollup[];
  /** Orders awaiting a reminder now (the 待催付 queue). */
  awaiting: readonly ShopRef[];
  /** Orders with an open logistics exception now. */
  exceptions: readonly ShopRef[];
}

export function reportDays(now: number): ReportDays {
  const yesterday = addDays(beijingDay(now), -1);
  return { yesterday, dayBefore: addDays(yesterday, -1), lastWeek: addDays(yesterday, -7) };
}

function deltaOf(value: number | null, base: number | null, format: MetricFormat): Delta | null {
  if (value === null || base === null) return null;
  const diff = value - base;
  return { diff, ratio: format === 'rate' || base === 0 ? null : diff / base };
}

type DayKey = keyof ReportDays;
const DAY_KEYS: readonly DayKey[] = ['yesterday', 'dayBefore', 'lastWeek'];

function buildRow(byDay: Record<DayKey, Contribution[]>, awaiting: number, exceptions: number, ids: { platform?: string; shop?: string }): ReportRow {
  const totals = { yesterday: sumContributions(byDay.yesterday), dayBefore: sumContributions(byDay.dayBefore), lastWeek: sumContributions(byDay.lastWeek) };
  const kpis = { yesterday: computeKpis(totals.yesterday), dayBefore: computeKpis(totals.dayBefore), lastWeek: computeKpis(totals.lastWeek) };
  const metrics = {} as Record<ReportMetric, MetricFigures>;
  for (const metric of REPORT_METRICS) {
    if (NOW_METRICS.has(metric)) {
      metrics[metric] = { value: metric === 'unpaid' ? awaiting : exceptions, dayBefore: null, lastWeek: null, vsDayBefore: null, vsLastWeek: null };
      continue;
    }
    const [value, dayBefore, lastWeek] = DAY_KEYS.map((day) => kpis[day][metric as Exclude<ReportMetric, 'unpaid' | 'exceptions'>]);
    const format = METRIC_FORMAT[metric];
    metrics[metric] = {
      value: value!,
      dayBefore: dayBefore!,
      lastWeek: lastWeek!,
      vsDayBefore: deltaOf(value!, dayBefore!, format),
      vsLastWeek: deltaOf(value!, lastWeek!, format),
    };
  }
  return {
    ...ids,
    created: { yesterday: totals.yesterday.created, dayBefore: totals.dayBefore.created, lastWeek: totals.lastWeek.created },
    metrics,
  };
}

const emptyDays = (): Record<DayKey, Contribution[]> => ({ yesterday: [], dayBefore: [], lastWeek: [] });

/** Bigger first: yesterday's GMV, then yesterday's orders, then the name. */
function byWeight(a: ReportRow, b: ReportRow, nameA: string, nameB: string): number {
  return (
    (b.metrics.gmv.value ?? 0) - (a.metrics.gmv.value ?? 0) ||
    (b.metrics.orders.value ?? 0) - (a.metrics.orders.value ?? 0) ||
    nameA.localeCompare(nameB)
  );
}

/** The report of the day before `now` (Beijing), from the rollups of the three days and the states of now. */
export function buildDailyReport(input: DailyReportInput): DailyReport {
  const days = reportDays(input.now);
  const dayOf = new Map<string, DayKey>(DAY_KEYS.map((key) => [days[key], key]));
  const total = emptyDays();
  const platforms = new Map<string, { days: Record<DayKey, Contribution[]>; shops: Map<string, Record<DayKey, Contribution[]>> }>();
  const groupOf = (platform: string, shop: string) => {
    let group = platforms.get(platform);
    if (!group) platforms.set(platform, (group = { days: emptyDays(), shops: new Map() }));
    let shopDays = group.shops.get(shop);
    if (!shopDays) group.shops.set(shop, (shopDays = emptyDays()));
    return { platformDays: group.days, shopDays };
  };
  for (const row of input.rollups) {
    const day = dayOf.get(row.day);
    if (!day || row.created === 0) continue;
    const { platformDays, shopDays } = groupOf(row.platform, row.shop);
    total[day].push(row);
    platformDays[day].push(row);
    shopDays[day].push(row);
  }
  const counts = (refs: readonly ShopRef[]) => {
    const byKey = new Map<string, number>();
    for (const ref of refs) {
      groupOf(ref.platform, ref.shop);
      for (const key of [ref.platform, `${ref.platform}|${ref.shop}`]) byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    return (key: string) => byKey.get(key) ?? 0;
  };
  const awaiting = counts(input.awaiting);
  const exceptions = counts(input.exceptions);
  const platformRows = [...platforms.entries()]
    .map(([platform, group]) => {
      const shops = [...group.shops.entries()]
        .map(([shop, shopDays]) => buildRow(shopDays, awaiting(`${platform}|${shop}`), exceptions(`${platform}|${shop}`), { platform, shop }))
        .sort((a, b) => byWeight(a, b, a.shop!, b.shop!));
      return { ...buildRow(group.days, awaiting(platform), exceptions(platform), { platform }), shops };
    })
    .sort((a, b) => byWeight(a, b, a.platform!, b.platform!));
  return {
    generatedAt: input.now,
    days,
    total: buildRow(total, input.awaiting.length, input.exceptions.length, {}),
    platforms: platformRows,
  };
}
