import { downloadParts } from '@/components/export/download';
import { platformName } from '@/components/platform-names';
import { exportFileName } from '@/utils/export/file-name';
import { buildDailyReportXlsx } from '@/utils/export/xlsx/build-daily-report-xlsx';
import { XLSX_MIME } from '@/utils/export/xlsx/build-orders-xlsx';
import type { DailyReport } from '@/utils/kpi/daily-report';
import type { ReportLang } from '@/utils/kpi/daily-report-format';
import { cardToPng, drawReportCard } from './draw-report-card';

/** 日报 as `orderlens-daily-report-<stamp>.xlsx` (sheet 日报, Chinese like the other exports). */
export function downloadDailyXlsx(report: DailyReport): void {
  downloadParts(buildDailyReportXlsx(report, (platform) => platformName(platform)) as BlobPart[], exportFileName('daily-report', Date.now(), 'xlsx'), XLSX_MIME);
}

/** 日报 as a PNG card, in the UI language. */
export async function downloadDailyPng(report: DailyReport, lang: ReportLang): Promise<void> {
  const png = await cardToPng(drawReportCard(report, lang, (platform) => platformName(platform, lang)));
  downloadParts([png], exportFileName('daily-report', Date.now(), 'png'), 'image/png');
}
