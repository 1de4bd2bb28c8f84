import type { OrderStatus } from '../model/status';

export type ReminderRefusal =
  | { ok: false; reason: 'not-unpaid'; status?: OrderStatus }
  | { ok: false; reason: 'cooldown'; lastAt: number; nextAt: number }
  | { ok: false; reason: 'expired'; deadlineAt: number }
  | { ok: false; reason: 'unknown-order' }
  /** Team sync: a teammate claimed this order's reminder on the server within the cooldown. `by` is their
   * display name, `at` when they claimed it. */
  | { ok: false; reason: 'claimed'; by: string; at: number };

/**
 * A reminder is allowed on an order still unpaid, within its payment window (past it the console has
 * closed the order), and not reminded within the cooldown.
 */
export function checkReminderAllowed(
  order: { status?: OrderStatus } | undefined,
  lastReminderAt: number | undefined,
  now: number,
  cooldownHours: number,
  payDeadlineAt?: number,
): { ok: true } | ReminderRefusal {
  if (!order) return { ok: false, reason: 'unknown-order' };
  if (order.status !== 'unpaid') return { ok: false, reason: 'not-unpaid', status: order.status };
  if (payDeadlineAt !== undefined && now > payDeadlineAt) return { ok: false, reason: 'expired', deadlineAt: payDeadlineAt };
  if (lastReminderAt !== undefined) {
    const nextAt = lastReminderAt + cooldownHours * 3_600_000;
    if (now < nextAt) return { ok: false, reason: 'cooldown', lastAt: lastReminderAt, nextAt };
  }
  return { ok: true };
}

/**
 * What is left of an unpaid order's payment window — `付款剩余 20 分钟` (`约` when the end is computed from
 * the console's usual window rather than printed), `已超过付款时限` past it — else its age, `下单 5 小时`.
 */
export function describeUnpaidAge(createdAt: number | undefined, payDeadlineAt: number | undefined, now: number, estimated = false): string {
  if (payDeadlineAt !== undefined) return payDeadlineAt > now ? `付款剩余${estimated ? '约' : ''} ${humanSpan(payDeadlineAt - now)}` : '已超过付款时限';
  return createdAt !== undefined ? `下单 ${humanSpan(now - createdAt)}` : '';
}

function humanSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天`;
}
