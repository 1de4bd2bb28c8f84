import type { OrderRecord } from '../db/database';
import type { OrderStatus } from '../model/status';
import { beijingDay } from './beijing-day';

/**
 * What one order adds to the daily rollup of its shop. Rollups are the sums of these over orders, kept
 * up to date at write time (old contribution out, new one in), so KPIs never load the orders table.
 */
export interface Contribution {
  /** Orders created (下单). */
  created: number;
  /** Orders that were paid at some point (付款), including ones refunded or closed afterwards. */
  paid: number;
  /** 实付 of paid orders, in cents. */
  gmvCents: number;
  /** Orders returned or refunded after payment (退货/退款). */
  returned: number;
  /** Orders that reached the buyer and stayed (已签收/已完成) — with `returned`, the 退货率 denominator. */
  completed: number;
  /** Orders with a dispute (纠纷/投诉) flag. */
  disputed: number;
  /** Sum and count of paid → shipped durations in hours (发货时效). */
  shipHoursSum: number;
  shipCount: number;
  /** Sum and count of shipped → delivered durations in hours (物流时效). */
  deliveryHoursSum: number;
  deliveryCount: number;
  /** Orders still unpaid now (待付款). */
  unpaid: number;
  /** Unpaid orders never reminded (待催付). */
  awaitingReminder: number;
  /** Orders reminded at least once (催付). */
  reminded: number;
  /** Reminded orders later seen paid (催付挽回) and their 实付. */
  recovered: number;
  recoveredCents: number;
}

export const CONTRIBUTION_FIELDS = [
  'created',
  'paid',
  'gmvCents',
  'returned',
  'completed',
  'disputed',
  'shipHoursSum',
  'shipCount',
  'deliveryHoursSum',
  'deliveryCount',
  'unpaid',
  'awaitingReminder',
  'reminded',
  'recovered',
  'recoveredCents',
] as const satisfies readonly (keyof Contribution)[];

export interface ReminderSummary {
  count: number;
  firstAt?: number;
  lastAt?: number;
}

const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set(['paid', 'shipped', 'delivered', 'completed', 'after_sale', 'refunded']);
const HOUR_MS = 3_600_000;

export function emptyContribution(): Contribution {
  return Object.fromEntries(CONTRIBUTION_FIELDS.map((field) => [field, 0])) as unknown as Contribution;
}

/**
 * When the order entered a status: the console's own time if it printed one, else the time we saw it change
 * into that status. An order first seen already in the status tells nothing about when it got there.
 */
function enteredAt(order: OrderRecord, status: OrderStatus, printed: number | undefined): number | undefined {
  if (printed !== undefined) return printed;
  const at = order.statusHistory.findIndex((change) => change.status === status);
  return at > 0 ? order.statusHistory[at]!.at : undefined;
}

function hoursBetween(from: number | undefined, to: number | undefined): number | undefined {
  if (from === undefined || to === undefined || to < from) return undefined;
  return (to - from) / HOUR_MS;
}

/** The rollup row an order counts in: its shop's Beijing day of creation (else of first sighting). */
export function rollupKeyOf(order: Pick<OrderRecord, 'createdAt' | 'firstSeenAt' | 'platform' | 'shop'>): { key: string; day: string; platform: string; shop: string } {
  const day = beijingDay(order.createdAt ?? order.firstSeenAt);
  const shop = order.shop ?? '';
  return { key: `${day}|${order.platform}|${shop}`, day, platform: order.platform, shop };
}

export function contributionOf(order: OrderRecord, reminders: ReminderSummary = { count: 0 }): Contribution {
  const c = emptyContribution();
  const status = order.status;
  c.created = 1;
  const wasPaid = order.paidAt !== undefined || (status !== undefined && PAID_STATUSES.has(status));
  if (wasPaid) {
    c.paid = 1;
    c.gmvCents = order.amountCents ?? 0;
  }
  const returned = status === 'refunded' || (wasPaid && (status === 'after_sale' || order.afterSale === true));
  if (returned) c.returned = 1;
  else if (status === 'completed' || status === 'delivered') c.completed = 1;
  if (order.dispute) c.disputed = 1;
  const paidAt = enteredAt(order, 'paid', order.paidAt);
  const shippedAt = enteredAt(order, 'shipped', order.shippedAt);
  const deliveredAt = enteredAt(order, 'delivered', order.deliveredAt);
  const shipHours = hoursBetween(paidAt, shippedAt);
  if (shipHours !== undefined) {
    c.shipHoursSum = shipHours;
    c.shipCount = 1;
  }
  const deliveryHours = hoursBetween(shippedAt, deliveredAt);
  if (deliveryHours !== undefined) {
    c.deliveryHoursSum = deliveryHours;
    c.deliveryCount = 1;
  }
  if (status === 'unpaid') {
    c.unpaid = 1;
    if (reminders.count === 0) c.awaitingReminder = 1;
  }
  if (reminders.count > 0) {
    c.reminded = 1;
    const paidMoment = enteredAt(order, 'paid', order.paidAt);
    const paidAfterReminder = paidMoment === undefined || reminders.firstAt === undefined || paidMoment >= reminders.firstAt;
    if (wasPaid && paidAfterReminder) {
      c.recovered = 1;
      c.recoveredCents = order.amountCents ?? 0;
    }
  }
  return c;
}
