import { METRIC_FORMAT, NOW_METRICS, REPORT_METRICS, type DailyReport, type Delta, type ReportRow } from '@/utils/kpi/daily-report';
import { METRIC_LABEL, formatDelta, formatReportDay, formatValue, shopLabel, type ReportLang } from '@/utils/kpi/daily-report-format';
import { formatBeijing } from '@/utils/model/time';
import { d } from './daily-strings';

const WIDTH = 720;
const SCALE = 2; // sharp on phone screens, where the card is read
const PAD = 24;
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif';
const COLORS = { ink: '#1d2129', muted: '#86909c', line: '#e5e6eb', brand: '#1966ff', up: '#00a870', down: '#f53f3f', band: '#f7f8fa' };
const HEADER = 96;
const TILE_H = 78;
const ROW_H = 32;
const TABLE_COLUMNS = [
  { x: PAD, align: 'left' },
  { x: 330, align: 'right' },
  { x: 450, align: 'right' },
  { x: 540, align: 'right' },
  { x: 620, align: 'right' },
  { x: WIDTH - PAD, align: 'right' },
] as const;

const deltaColor = (delta: Delta | null) => (!delta || Math.abs(delta.diff) < 1e-9 ? COLORS.muted : delta.diff > 0 ? COLORS.up : COLORS.down);

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function text(ctx: CanvasRenderingContext2D, value: string, x: number, y: number, size: number, color: string, options: { bold?: boolean; align?: CanvasTextAlign; max?: number } = {}) {
  ctx.font = `${options.bold ? '600 ' : ''}${size}px ${FONT}`;
  ctx.fillStyle = color;
  ctx.textAlign = options.align ?? 'left';
  ctx.fillText(options.max ? fitText(ctx, value, options.max) : value, x, y);
}

interface TableLine {
  row: ReportRow;
  label: string;
  indent: boolean;
}

function tableLines(report: DailyReport, lang: ReportLang, platformName: (platform: string) => string): TableLine[] {
  return report.platforms.flatMap((platform) => {
    const name = platformName(platform.platform!);
    if (platform.shops.length === 1) return [{ row: platform, label: `${name} · ${shopLabel(platform.shops[0]!.shop!, lang)}`, indent: false }];
    return [{ row: platform, label: name, indent: false }, ...platform.shops.map((shop) => ({ row: shop, label: shopLabel(shop.shop!, lang), indent: true }))];
  });
}

/**
 * The report as a PNG card (Canvas 2D, CJK fonts of the system): every figure of the total with both
 * comparisons, then one line per platform and shop. "—" where a figure has no basis.
 */
export function drawReportCard(report: DailyReport, lang: ReportLang, platformName: (platform: string) => string): HTMLCanvasElement {
  const { total, days } = report;
  const noOrders = total.created.yesterday === 0;
  const metrics = noOrders ? REPORT_METRICS.filter((metric) => NOW_METRICS.has(metric)) : REPORT_METRICS;
  const lines = tableLines(report, lang, platformName);
  const gridRows = Math.ceil(metrics.length / 2);
  const tableTop = HEADER + (noOrders ? 44 : 12) + gridRows * TILE_H + 16;
  const height = tableTop + (lines.length > 0 ? ROW_H * (lines.length + 1) + 16 : 0) + 44;

  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, height);

  ctx.fillStyle = COLORS.brand;
  ctx.fillRect(0, 0, WIDTH, HEADER - 12);
  text(ctx, `${d('heading')} · ${formatReportDay(days.yesterday, lang)}`, PAD, 44, 26, '#fff', { bold: true });
  text(ctx, d('days', { yesterday: formatReportDay(days.yesterday, lang, false), dayBefore: formatReportDay(days.dayBefore, lang, false), lastWeek: formatReportDay(days.lastWeek, lang, false) }), PAD, 70, 14, '#e8f0ff');

  let y = HEADER;
  if (noOrders) {
    const message = total.created.dayBefore + total.created.lastWeek === 0 ? d('noData') : d('noOrdersYesterday', { dayBefore: total.created.dayBefore, lastWeek: total.created.lastWeek });
    text(ctx, message, PAD, y + 26, 15, COLORS.ink, { max: WIDTH - 2 * PAD });
    y += 44;
  } else y += 12;

  const tileW = (WIDTH - 2 * PAD - 12) / 2;
  metrics.forEach((metric, index) => {
    const x = PAD + (index % 2) * (tileW + 12);
    const top = y + Math.floor(index / 2) * TILE_H;
    const figures = total.metrics[metric];
    const format = METRIC_FORMAT[metric];
    ctx.fillStyle = COLORS.band;
    ctx.fillRect(x, top, tileW, TILE_H - 8);
    text(ctx, METRIC_LABEL[lang][metric], x + 12, top + 20, 13, COLORS.muted);
    text(ctx, formatValue(figures.value, format, lang), x + 12, top + 48, 22, COLORS.ink, { bold: true, max: tileW / 2 });
    if (NOW_METRICS.has(metric) || figures.value === null) return;
    const vsBefore = `${d('colDayBefore')} ${formatDelta(figures.vsDayBefore, format, lang)}`;
    const vsWeek = `${d('colLastWeek')} ${formatDelta(figures.vsLastWeek, format, lang)}`;
    text(ctx, vsBefore, x + tileW - 12, top + 30, 12, deltaColor(figures.vsDayBefore), { align: 'right' });
    text(ctx, vsWeek, x + tileW - 12, top + 50, 12, deltaColor(figures.vsLastWeek), { align: 'right' });
  });

  if (lines.length > 0) {
    let rowY = tableTop;
    const headers = [d('colScope'), METRIC_LABEL[lang].orders, 'GMV', d('colVsDayBefore'), METRIC_LABEL[lang].conversion, METRIC_LABEL[lang].return_rate];
    headers.forEach((header, i) => text(ctx, header, TABLE_COLUMNS[i]!.x, rowY + 20, 12, COLORS.muted, { align: TABLE_COLUMNS[i]!.align, max: i === 0 ? 200 : 90 }));
    for (const line of lines) {
      ctx.fillStyle = COLORS.line;
      ctx.fillRect(PAD, rowY + ROW_H - 1, WIDTH - 2 * PAD, 1);
      rowY += ROW_H;
      const { metrics: m } = line.row;
      const bold = !line.indent;
      text(ctx, line.label, PAD + (line.indent ? 16 : 0), rowY + 21, 14, COLORS.ink, { bold, max: 270 });
      const cells = [
        formatValue(m.orders.value, 'count', lang),
        formatValue(m.gmv.value, 'money', lang),
        formatDelta(m.gmv.vsDayBefore, 'money', lang),
        formatValue(m.conversion.value, 'rate', lang),
        formatValue(m.return_rate.value, 'rate', lang),
      ];
      cells.forEach((cell, i) =>
        text(ctx, cell, TABLE_COLUMNS[i + 1]!.x, rowY + 21, 14, i === 2 ? deltaColor(m.gmv.vsDayBefore) : COLORS.ink, { align: 'right', max: 110 }),
      );
    }
  }

  const footer = lang === 'zh' ? `OrderLens 按本机记录生成 · ${formatBeijing(report.generatedAt).slice(0, 16)}（北京时间）` : `OrderLens, from this browser's records · ${formatBeijing(report.generatedAt).slice(0, 16)} (Beijing time)`;
  text(ctx, footer, PAD, height - 18, 12, COLORS.muted);
  return canvas;
}

/** The card as PNG bytes. */
export function cardToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png'));
}
