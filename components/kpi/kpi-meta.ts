import type { Kpis } from '@/utils/kpi/compute-kpis';
import type { MessageKey } from '@/utils/i18n/t';

export type KpiName = Exclude<keyof Kpis, 'recovered_gmv'>;
export type KpiFormat = 'count' | 'money' | 'rate' | 'hours';

/** Display order, label, definition (hover) and format of each KPI tile. */
export const KPI_TILES: readonly { name: KpiName; label: MessageKey; definition: MessageKey; format: KpiFormat; link?: string }[] = [
  { name: 'orders', label: 'kpiOrders', definition: 'kpiOrdersDef', format: 'count' },
  { name: 'gmv', label: 'kpiGmv', definition: 'kpiGmvDef', format: 'money' },
  { name: 'aov', label: 'kpiAov', definition: 'kpiAovDef', format: 'money' },
  { name: 'conversion', label: 'kpiConversion', definition: 'kpiConversionDef', format: 'rate' },
  { name: 'return_rate', label: 'kpiReturnRate', definition: 'kpiReturnRateDef', format: 'rate' },
  { name: 'dispute_rate', label: 'kpiDisputeRate', definition: 'kpiDisputeRateDef', format: 'rate' },
  { name: 'ship_hours', label: 'kpiShipHours', definition: 'kpiShipHoursDef', format: 'hours' },
  { name: 'delivery_hours', label: 'kpiDeliveryHours', definition: 'kpiDeliveryHoursDef', format: 'hours' },
  { name: 'unpaid', label: 'kpiUnpaid', definition: 'kpiUnpaidDef', format: 'count', link: 'unpaid' },
  { name: 'recovery_rate', label: 'kpiRecoveryRate', definition: 'kpiRecoveryRateDef', format: 'rate' },
  { name: 'exceptions', label: 'kpiExceptions', definition: 'kpiExceptionsDef', format: 'count', link: 'exceptions' },
];

/** Tiles whose change against the previous period means something (not 待催付/物流异常: states of now). */
export const DELTA_KPIS: ReadonlySet<KpiName> = new Set(['orders', 'gmv', 'aov', 'conversion', 'return_rate', 'dispute_rate', 'ship_hours', 'delivery_hours', 'recovery_rate']);

export function formatKpi(value: number | null | undefined, format: KpiFormat, hoursUnit: string): string {
  if (value === null || value === undefined) return '—';
  switch (format) {
    case 'count':
      return value.toLocaleString('zh-CN');
    case 'money':
      return `¥${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'hours':
      return `${value.toFixed(1)} ${hoursUnit}`;
  }
}
