import type { OrderLensDatabase, ReminderRecord } from '../db/database';
import { addReminderInTransaction } from '../db/record-reminder';
import { summariseReminders } from '../db/rollup-updates';
import { classifyStorageError } from '../db/storage-errors';
import { orderKey } from '../model/order';
import { buyerChatFor } from '../sites/chat-registry';
import { fillTemplate } from './fill-template';
import { checkReminderAllowed, type ReminderRefusal } from './reminder-guard';
import { templateFor, type RemindSettings } from './remind-settings';
import { payDeadlineOf, type PaymentWindows } from './payment-windows';

export type RemindOutcome =
  | { ok: true; at: number; text: string; templateId: string; chatUrl?: string; channel: string }
  | ReminderRefusal;

/**
 * 催付 one order: checks it is still unpaid, within its payment window and outside the cooldown, fills the platform's template and
 * records the reminder — all in one transaction, so two clicks cannot both pass the guard. Sending is the
 * seller's: the caller copies `text` and opens `chatUrl`.
 */
export async function remindOrder(
  db: OrderLensDatabase,
  platform: string,
  orderId: string,
  now: number,
  settings: RemindSettings,
  /** Given (the dashboard's queue): an order past its payment window is refused. Left out for a row on a
   * live console page: the console prints it unpaid right now, whatever our window says. */
  windows?: PaymentWindows,
  /** Team sync: stored on the reminder (who reminded; made while the server was unreachable). */
  extra?: Pick<ReminderRecord, 'by' | 'uncoordinated'>,
): Promise<RemindOutcome> {
  const key = orderKey(platform, orderId);
  try {
    return await db.transaction('rw', db.orders, db.reminders, db.rollups, async (): Promise<RemindOutcome> => {
      const order = await db.orders.get(key);
      const before = summariseReminders(await db.reminders.where('orderKey').equals(key).toArray()).get(key) ?? { count: 0 };
      const deadline = order && payDeadlineOf(order, windows);
      const verdict = checkReminderAllowed(order, before.lastAt, now, settings.cooldownHours, windows ? deadline?.at : undefined);
      if (!verdict.ok) return verdict;
      const template = templateFor(settings, platform);
      const chat = buyerChatFor(platform)?.({ orderId, buyer: order!.buyer }) ?? null;
      const text = fillTemplate(
        template.text,
        {
          buyer: order!.buyer,
          items: order!.items,
          amountCents: order!.amountCents,
          createdAt: order!.createdAt,
          payDeadlineAt: deadline && (!deadline.estimated || deadline.at > now) ? deadline.at : undefined,
          shop: order!.shop,
          orderId,
          coupon: settings.coupon || undefined,
        },
        template.lang,
      );
      const channel = chat?.channel ?? 'clipboard';
      await addReminderInTransaction(db, { orderKey: key, at: now, channel, template: template.id, ...extra }, order, before);
      return { ok: true, at: now, text, templateId: template.id, chatUrl: chat?.url, channel };
    });
  } catch (error) {
    throw classifyStorageError(error);
  }
}
