import Papa from 'papaparse';
import { idCell, textCell } from '../export/csv-cell';
import { formatBeijing } from '../model/time';
import { STATUS_LABEL_ZH } from '../model/status';
import { EXCEPTION_LABEL_ZH, type TrackingRow } from './tracking-rows';

const BOM = '\uFEFF';

export const TRACKING_HEADERS = ['查询号', '平台', '店铺', '订单编号', '订单状态', '快递公司', '运单号', '最新轨迹', '最新轨迹时间', '物流异常', '查询链接'] as const;

/** The tracking CSV (batch tracking, `[data-action="export-tracking"]`): one row per waybill. */
export function buildTrackingCsv(rows: readonly TrackingRow[], platformName: (platform: string) => string): string {
  const data = rows.map((row) => [
    idCell(row.query),
    row.known ? textCell(platformName(row.platform ?? '')) : '未找到',
    textCell(row.shop),
    idCell(row.orderId),
    textCell(row.status ? STATUS_LABEL_ZH[row.status] : row.statusText),
    textCell(row.carrierName),
    idCell(row.waybillNo),
    textCell(row.lastEventText),
    row.lastEventAt ? formatBeijing(row.lastEventAt) : '',
    row.exception ? EXCEPTION_LABEL_ZH[row.exception] : '',
    textCell(row.links.at(0)?.url),
  ]);
  return BOM + Papa.unparse({ fields: [...TRACKING_HEADERS], data }, { newline: '\r\n', quotes: true, escapeFormulae: false }) + '\r\n';
}
