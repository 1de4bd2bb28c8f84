import { formatBeijing } from '../model/time';
import { METRIC_FORMAT, NOW_METRICS, REPORT_METRICS, type DailyReport, type ReportMetric, type ReportRow } from './daily-report';
import { METRIC_LABEL, formatDelta, formatReportDay, formatValue, shopLabel, type ReportLang } from './daily-report-format';

const WORDS = {
  zh: {
    title: '【日报】',
    compare: (before: string, week: string) => `对比：前日 ${before} · 上周同日 ${week}（按下单日统计）`,
    vsBefore: '前日',
    vsWeek: '上周',
    all: '全部平台',
    byPlatform: '分平台',
    noOrders: (before: number, week: number) => `昨日没有订单（前日 ${before} 单，上周同日 ${week} 单）。`,
    noData: '昨日、前日和上周同日都没有订单记录。',
    rowNoOrders: (before: number) => `昨日无订单（前日 ${before} 单）`,
    orders: (n: string) => `订单 ${n} 单`,
    conversion: '转化',
    returnRate: '退货',
    unpaid: '待催付',
    exceptions: '物流异常',
    footer: (at: string) => `OrderLens 按本机记录生成 · ${at}（北京时间）`,
    sep: '，',
    colon: '：',
  },
  en: {
    title: 'Daily report ',
    compare: (before: string, week: string) => `Against: day before ${before} · same day last week ${week} (by order date)`,
    vsBefore: 'day before',
    vsWeek: 'last week',
    all: 'All platforms',
    byPlatform: 'By platform',
    noOrders: (before: number, week: number) => `No orders yesterday (day before: ${before}, same day last week: ${week}).`,
    noData: 'No orders recorded yesterday, the day before or the same day last week.',
    rowNoOrders: (before: number) => `no orders yesterday (day before: ${before})`,
    orders: (n: string) => `${n} orders`,
    conversion: 'conv.',
    returnRate: 'returns',
    unpaid: 'to remind',
    exceptions: 'exceptions',
    footer: (at: string) => `Made by OrderLens from this browser's records · ${at} (Beijing time)`,
    sep: ', ',
    colon: ': ',
  },
} as const;

const fmt = (row: ReportRow, metric: ReportMetric, lang: ReportLang) => formatValue(row.metrics[metric].value, METRIC_FORMAT[metric], lang);

/** One line of the total: `GMV ¥1,234.00｜前日 ↑12.5%｜上周 —`. */
function metricLine(row: ReportRow, metric: ReportMetric, lang: ReportLang): string {
  const figures = row.metrics[metric];
  const words = WORDS[lang];
  const head = `${METRIC_LABEL[lang][metric]} ${fmt(row, metric, lang)}`;
  if (NOW_METRICS.has(metric) || figures.value === null) return head;
  const format = METRIC_FORMAT[metric];
  return `${head}｜${words.vsBefore} ${formatDelta(figures.vsDayBefore, format, lang)}｜${words.vsWeek} ${formatDelta(figures.vsLastWeek, format, lang)}`;
}

/** A platform or shop in one line: orders and GMV with their change against the day before, then rates. */
function compactLine(row: ReportRow, lang: ReportLang): string {
  const words = WORDS[lang];
  const parts: string[] = [];
  if (row.created.yesterday === 0) parts.push(words.rowNoOrders(row.created.dayBefore));
  else {
    const change = (metric: ReportMetric) => {
      const delta = formatDelta(row.metrics[metric].vsDayBefore, METRIC_FORMAT[metric], lang);
      return delta === '—' ? '' : ` ${delta}`;
    };
    parts.push(`${words.orders(fmt(row, 'orders', lang))}${change('orders')}`);
    parts.push(`GMV ${fmt(row, 'gmv', lang)}${change('gmv')}`);
    parts.push(`${METRIC_LABEL[lang].aov} ${fmt(row, 'aov', lang)}`);
    parts.push(`${words.conversion} ${fmt(row, 'conversion', lang)}`);
    parts.push(`${words.returnRate} ${fmt(row, 'return_rate', lang)}`);
  }
  const unpaid = row.metrics.unpaid.value ?? 0;
  const exceptions = row.metrics.exceptions.value ?? 0;
  if (unpaid > 0) parts.push(`${words.unpaid} ${unpaid}`);
  if (exceptions > 0) parts.push(`${words.exceptions} ${exceptions}`);
  return parts.join(words.sep);
}

/**
 * The report as plain text for a WeChat group: the total with every figure and both comparisons, then one
 * compact line per platform and shop. Honest about gaps: no orders yesterday is said, a figure without a
 * basis prints "—".
 */
export function dailyReportText(report: DailyReport, lang: ReportLang, platformName: (platform: string) => string): string {
  const words = WORDS[lang];
  const { days, total } = report;
  const lines = [
    `${words.title}${formatReportDay(days.yesterday, lang)}`,
    words.compare(formatReportDay(days.dayBefore, lang, false), formatReportDay(days.lastWeek, lang, false)),
    '',
    words.all,
  ];
  const anyOrders = total.created.yesterday + total.created.dayBefore + total.created.lastWeek > 0;
  if (!anyOrders) lines.push(words.noData);
  else if (total.created.yesterday === 0) lines.push(words.noOrders(total.created.dayBefore, total.created.lastWeek));
  for (const metric of REPORT_METRICS) {
    if (total.created.yesterday === 0 && !NOW_METRICS.has(metric)) continue;
    lines.push(metricLine(total, metric, lang));
  }
  if (report.platforms.length > 0) {
    lines.push('', words.byPlatform);
    for (const platform of report.platforms) {
      const name = platformName(platform.platform!);
      if (platform.shops.length === 1) {
        lines.push(`· ${name} · ${shopLabel(platform.shops[0]!.shop!, lang)}${words.colon}${compactLine(platform, lang)}`);
        continue;
      }
      lines.push(`· ${name}${words.colon}${compactLine(platform, lang)}`);
      for (const shop of platform.shops) lines.push(`  - ${shopLabel(shop.shop!, lang)}${words.colon}${compactLine(shop, lang)}`);
    }
  }
  lines.push('', words.footer(formatBeijing(report.generatedAt).slice(0, 16)));
  return lines.join('\n');
}

/** The notification's title and one-line figures: orders and GMV with their change, 客单价, 待催付, 物流异常. */
export function dailyReportHeadline(report: DailyReport, lang: ReportLang): { title: string; message: string } {
  const words = WORDS[lang];
  const { total } = report;
  const title = `${lang === 'zh' ? 'OrderLens 日报 · ' : 'OrderLens daily report · '}${formatReportDay(report.days.yesterday, lang)}`;
  const parts: string[] = [];
  if (total.created.yesterday === 0) parts.push(words.noOrders(total.created.dayBefore, total.created.lastWeek).replace(/[。.]$/, ''));
  else {
    const change = (metric: ReportMetric) => (lang === 'zh' ? '（前日' : ' (day before ') + formatDelta(total.metrics[metric].vsDayBefore, METRIC_FORMAT[metric], lang) + (lang === 'zh' ? '）' : ')');
    parts.push(`${words.orders(fmt(total, 'orders', lang))}${change('orders')}`, `GMV ${fmt(total, 'gmv', lang)}${change('gmv')}`, `${METRIC_LABEL[lang].aov} ${fmt(total, 'aov', lang)}`);
  }
  parts.push(`${words.unpaid} ${fmt(total, 'unpaid', lang)}`, `${words.exceptions} ${fmt(total, 'exceptions', lang)}`);
  return { title, message: parts.join(' · ') };
}
