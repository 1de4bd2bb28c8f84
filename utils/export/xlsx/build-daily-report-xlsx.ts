import { METRIC_FORMAT, NOW_METRICS, REPORT_METRICS, type DailyReport, type ReportMetric, type ReportRow } from '../../kpi/daily-report';
import { METRIC_LABEL, formatDelta, shopLabel } from '../../kpi/daily-report-format';
import { XlsxWriter, type XlsxCell } from './xlsx-writer';

const UNIT: Record<string, string> = { rate: '（%）', hours: '（小时）', money: '（元）' };

/** A figure as a number cell: rates as percent (62.5), hours and money with two decimals; empty without a basis. */
function figure(value: number | null, metric: ReportMetric): XlsxCell {
  if (value === null) return undefined;
  switch (METRIC_FORMAT[metric]) {
    case 'count':
      return { t: 'number', v: value };
    case 'rate':
      return { t: 'money', v: Math.round(value * 10_000) / 100 };
    default:
      return { t: 'money', v: Math.round(value * 100) / 100 };
  }
}

function rowsOf(row: ReportRow, scope: string, platform: string, shop: string): XlsxCell[][] {
  return REPORT_METRICS.map((metric) => {
    const figures = row.metrics[metric];
    const format = METRIC_FORMAT[metric];
    const compared = !NOW_METRICS.has(metric);
    return [
      { t: 'text', v: scope },
      { t: 'text', v: platform },
      { t: 'text', v: shop },
      { t: 'text', v: `${METRIC_LABEL.zh[metric]}${UNIT[format] ?? ''}` },
      figure(figures.value, metric),
      compared ? figure(figures.dayBefore, metric) : undefined,
      compared ? { t: 'text', v: formatDelta(figures.vsDayBefore, format, 'zh') } : undefined,
      compared ? figure(figures.lastWeek, metric) : undefined,
      compared ? { t: 'text', v: formatDelta(figures.vsLastWeek, format, 'zh') } : undefined,
    ];
  });
}

/**
 * 日报 as an Excel workbook, sheet 日报: one row per scope (全部, each platform, each shop) and metric, the
 * three days' figures as numbers (empty where a figure has no basis) and the changes as the report prints them.
 */
export function buildDailyReportXlsx(report: DailyReport, platformName: (platform: string) => string): Uint8Array[] {
  const { days } = report;
  const columns = [
    { header: '范围', width: 8 },
    { header: '平台', width: 10 },
    { header: '店铺', width: 20 },
    { header: '指标', width: 22 },
    { header: `昨日 ${days.yesterday}`, width: 16 },
    { header: `前日 ${days.dayBefore}`, width: 16 },
    { header: '较前日', width: 16 },
    { header: `上周同日 ${days.lastWeek}`, width: 18 },
    { header: '较上周同日', width: 16 },
  ];
  const parts: Uint8Array[] = [];
  const writer = new XlsxWriter([{ name: '日报', columns }], (chunk) => parts.push(chunk));
  writer.startSheet();
  writer.addRows(rowsOf(report.total, '全部', '全部平台', ''));
  for (const platform of report.platforms) {
    const name = platformName(platform.platform!);
    writer.addRows(rowsOf(platform, '平台', name, ''));
    for (const shop of platform.shops) writer.addRows(rowsOf(shop, '店铺', name, shopLabel(shop.shop!, 'zh')));
  }
  writer.finish();
  return parts;
}
