import type { OrderStatus } from '../model/status';

export type ReminderRefusal =
  | { ok: false; reason: 'not-unpaid'; status?: OrderStatus }
  | { ok: false; reason: 'cooldown'; lastAt: number; nextAt: number }
  | { ok: false; reason: 'unknown-order' };

/** A reminder is allowed on an order still unpaid and not reminded within the cooldown. */
export function checkReminderAllowed(
  order: { status?: OrderStatus } | undefined,
  lastReminderAt: number | undefined,
  now: number,
  cooldownHours: number,
): { ok: true } | ReminderRefusal {
  if (!order) return { ok: false, reason: 'unknown-order' };
  if (order.status !== 'unpaid') return { ok: false, reason: 'not-unpaid', status: order.status };
  if (lastReminderAt !== undefined) {
    const nextAt = lastReminderAt + cooldownHours * 3_600_000;
    if (now < nextAt) return { ok: false, reason: 'cooldown', lastAt: lastReminderAt, nextAt };
  }
  return { ok: true };
}

/** "下单 5 小时" / "付款剩余 20 分钟": the age of an unpaid order and what is left of its payment window. */
export function describeUnpaidAge(createdAt: number | undefined, payDeadlineAt: number | undefined, now: number): string {
  const parts: string[] = [];
  if (createdAt !== undefined) parts.push(`下单 ${humanSpan(now - createdAt)}`);
  if (payDeadlineAt !== undefined) parts.push(payDeadlineAt > now ? `付款剩余 ${humanSpan(payDeadlineAt - now)}` : '付款已超时');
  return parts.join(' · ');
}

function humanSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} 小时`;
  return `${Math.floor(hours / 24)} 天`;
}
