import { exportFileName } from '@/utils/export/file-name';
import { XLSX_MIME } from '@/utils/export/xlsx/build-orders-xlsx';
import { buildTrackingXlsx } from '@/utils/tracking/build-tracking-xlsx';
import type { TrackingRow } from '@/utils/tracking/tracking-rows';
import { platformName } from '../platform-names';
import { downloadParts } from './download';

// Dashboard only (with the xlsx writer): the batch-tracking results as .xlsx.
export function exportTrackingXlsx(rows: readonly TrackingRow[]): number {
  downloadParts(buildTrackingXlsx(rows, (platform) => platformName(platform)) as BlobPart[], exportFileName('tracking', Date.now(), 'xlsx'), XLSX_MIME);
  return rows.length;
}
