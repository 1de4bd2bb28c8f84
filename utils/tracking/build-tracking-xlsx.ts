import { STATUS_LABEL_ZH } from '../model/status';
import { XlsxWriter, type XlsxCell } from '../export/xlsx/xlsx-writer';
import { TRACKING_HEADERS } from './build-tracking-csv';
import { EXCEPTION_LABEL_ZH, type TrackingRow } from './tracking-rows';

const WIDTHS = [22, 12, 18, 24, 10, 12, 22, 48, 20, 12, 40];

const text = (value: string | undefined): XlsxCell => (value ? { t: 'text', v: value } : undefined);

/**
 * The batch-tracking results as an Excel workbook (sheet 物流, the tracking CSV's columns): numbers as text
 * cells with every digit, the newest event's time as a real date-time cell.
 */
export function buildTrackingXlsx(rows: readonly TrackingRow[], platformName: (platform: string) => string): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const writer = new XlsxWriter([{ name: '物流', columns: TRACKING_HEADERS.map((header, i) => ({ header, width: WIDTHS[i] ?? 16 })) }], (chunk) => parts.push(chunk));
  writer.startSheet();
  writer.addRows(
    rows.map((row) => [
      text(row.query),
      text(row.known ? platformName(row.platform ?? '') : '未找到'),
      text(row.shop),
      text(row.orderId),
      text(row.status ? STATUS_LABEL_ZH[row.status] : row.statusText),
      text(row.carrierName),
      text(row.waybillNo),
      text(row.lastEventText),
      row.lastEventAt ? { t: 'datetime', v: row.lastEventAt } : undefined,
      text(row.exception ? EXCEPTION_LABEL_ZH[row.exception] : undefined),
      text(row.links.at(0)?.url),
    ]),
  );
  writer.finish();
  return parts;
}
