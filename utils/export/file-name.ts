import { formatBeijing } from '@/utils/model/time';

export type ExportFileKind = 'orders' | 'tracking' | 'daily-report';

/** `orderlens-orders-20260513-0022.csv`: the export time in Beijing time, whatever the machine's zone. */
export function exportFileName(kind: ExportFileKind, now: number = Date.now(), extension: 'csv' | 'xlsx' | 'png' = 'csv'): string {
  const stamp = formatBeijing(now); // `2026-05-13 00:22:32`
  const date = stamp.slice(0, 10).replaceAll('-', '');
  const time = stamp.slice(11, 16).replace(':', '');
  return `orderlens-${kind}-${date}-${time}.${extension}`;
}
