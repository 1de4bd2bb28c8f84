import { CONTRIBUTION_FIELDS, emptyContribution, type Contribution } from './order-contribution';

/**
 * The KPI tiles, named as in DESIGN.md's test contract. Money in yuan, rates 0–1, durations in hours;
 * null where the denominator is zero (shown as "—", never as 0%).
 */
export interface Kpis {
  /** 订单数: orders created in the range. */
  orders: number;
  /** GMV: 实付 of the orders paid, in yuan. */
  gmv: number;
  /** 客单价: GMV / paid orders. */
  aov: number | null;
  /** 支付转化率: paid orders / created orders. */
  conversion: number | null;
  /** 退货率: returned or refunded / (completed + returned). */
  return_rate: number | null;
  /** 纠纷率: orders with a dispute / all orders. */
  dispute_rate: number | null;
  /** 发货时效: mean hours from payment to shipment. */
  ship_hours: number | null;
  /** 物流时效: mean hours from shipment to delivery. */
  delivery_hours: number | null;
  /** 待催付: unpaid orders not yet reminded. */
  unpaid: number;
  /** 催付挽回率: reminded orders later paid / reminded orders. */
  recovery_rate: number | null;
  /** 物流异常: counted from shipments, not from rollups (it depends on the current time). */
  exceptions: number;
  /** 挽回金额 in yuan (shown beside the recovery rate). */
  recovered_gmv: number;
}

export const KPI_NAMES = [
  'orders',
  'gmv',
  'aov',
  'conversion',
  'return_rate',
  'dispute_rate',
  'ship_hours',
  'delivery_hours',
  'unpaid',
  'recovery_rate',
  'exceptions',
] as const;

export function sumContributions(rows: readonly Contribution[]): Contribution {
  const total = emptyContribution();
  for (const row of rows) for (const field of CONTRIBUTION_FIELDS) total[field] += row[field];
  return total;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function computeKpis(total: Contribution, exceptions = 0): Kpis {
  return {
    orders: total.created,
    gmv: total.gmvCents / 100,
    aov: total.paid > 0 ? Math.round(total.gmvCents / total.paid) / 100 : null,
    conversion: ratio(total.paid, total.created),
    return_rate: ratio(total.returned, total.completed + total.returned),
    dispute_rate: ratio(total.disputed, total.created),
    ship_hours: ratio(total.shipHoursSum, total.shipCount),
    delivery_hours: ratio(total.deliveryHoursSum, total.deliveryCount),
    unpaid: total.awaitingReminder,
    recovery_rate: ratio(total.recovered, total.reminded),
    exceptions,
    recovered_gmv: total.recoveredCents / 100,
  };
}
