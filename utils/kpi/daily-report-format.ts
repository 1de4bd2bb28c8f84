import type { Delta, MetricFormat, ReportMetric } from './daily-report';

export type ReportLang = 'zh' | 'en';

/** Metric names as the report prints them (the KPI tiles' words). */
export const METRIC_LABEL: Record<ReportLang, Record<ReportMetric, string>> = {
  zh: {
    orders: '订单数',
    gmv: 'GMV',
    aov: '客单价',
    conversion: '支付转化率',
    return_rate: '退货率',
    dispute_rate: '纠纷率',
    ship_hours: '发货时效',
    delivery_hours: '物流时效',
    recovered_gmv: '催付挽回金额',
    unpaid: '待催付（当前）',
    exceptions: '物流异常（当前）',
  },
  en: {
    orders: 'Orders',
    gmv: 'GMV',
    aov: 'Avg. order value',
    conversion: 'Payment conversion',
    return_rate: 'Return rate',
    dispute_rate: 'Dispute rate',
    ship_hours: 'Time to ship',
    delivery_hours: 'Delivery time',
    recovered_gmv: 'Recovered by reminders',
    unpaid: 'To remind (now)',
    exceptions: 'Logistics exceptions (now)',
  },
};

const locale = (lang: ReportLang) => (lang === 'zh' ? 'zh-CN' : 'en');

const money = (yuan: number, lang: ReportLang) =>
  `¥${yuan.toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A figure as printed: "—" where it has no basis (never 0%). */
export function formatValue(value: number | null, format: MetricFormat, lang: ReportLang): string {
  if (value === null) return '—';
  switch (format) {
    case 'count':
      return value.toLocaleString(locale(lang));
    case 'money':
      return money(value, lang);
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'hours':
      return lang === 'zh' ? `${value.toFixed(1)}小时` : `${value.toFixed(1)} h`;
  }
}

/**
 * A change as printed: ↑12.5% / ↓3.0% relative to the base; rates in percentage points (↑5.0个百分点); against
 * a base of 0 the absolute change (↑8, ↑¥280.00); 持平 when equal; "—" when either side has no basis.
 */
export function formatDelta(delta: Delta | null, format: MetricFormat, lang: ReportLang): string {
  if (delta === null) return '—';
  // float noise of hour sums or rate differences is no change
  if (Math.abs(delta.diff) < 1e-9) return lang === 'zh' ? '持平' : 'flat';
  const arrow = delta.diff > 0 ? '↑' : '↓';
  const size = Math.abs(delta.diff);
  if (format === 'rate') return lang === 'zh' ? `${arrow}${(size * 100).toFixed(1)}个百分点` : `${arrow}${(size * 100).toFixed(1)} pts`;
  if (delta.ratio !== null) return `${arrow}${(Math.abs(delta.ratio) * 100).toFixed(1)}%`;
  return `${arrow}${formatValue(size, format, lang)}`;
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `2026-12-01` → `12月1日 周二` / `Tue 2026-12-01`. */
export function formatReportDay(day: string, lang: ReportLang, withWeekday = true): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (lang === 'en') return withWeekday ? `${WEEKDAY_EN[weekday]} ${day}` : day;
  const [, month, date] = day.split('-').map(Number);
  return `${month}月${date}日${withWeekday ? ` ${WEEKDAY_ZH[weekday]}` : ''}`;
}

/** A shop's name as printed; the console did not name '' shops. */
export function shopLabel(shop: string, lang: ReportLang): string {
  return shop || (lang === 'zh' ? '（未识别店铺）' : '(unnamed shop)');
}
