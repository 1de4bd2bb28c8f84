import type { OrderLensDatabase } from '../db/database';
import { recordDiagnostics } from '../db/record-diagnostics';
import { upsertOrders } from '../db/upsert-orders';
import { reminderSummariesOf } from '../db/reminder-summaries';
import { StorageError, storageErrorMessage } from '../db/storage-errors';
import { logisticsException, type ExceptionKind } from '../kpi/logistics-exceptions';
import { remindOrder, type RemindOutcome } from '../remind/remind-order';
import { remindSettingsItem } from '../remind/remind-settings';
import { paymentWindowsItem } from '../remind/payment-window-settings';
import { payDeadlineOf } from '../remind/payment-windows';
import { orderKey } from '../model/order';
import { checkSender, type SenderLike } from '../messaging/check-sender';
import {
  ContentMessageSchema,
  MAX_MESSAGE_CHARS,
  type CaptureMessage,
  type CaptureReply,
  type RejectedReply,
  type RowStateRequest,
} from '../messaging/content-messages';
import { exceptionRulesItem } from './dashboard-settings';
import { lastKnownOrderCountItem, lastStorageErrorItem, rejectedMessagesItem } from './settings-items';
import { showStorageErrorBadge } from './storage-error-badge';

export interface RowStateShipment {
  waybillNo: string;
  carrierName?: string;
  lastEventAt?: number;
  /** The newest events first, at most ROW_STATE_EVENTS. */
  events: { at: number; text: string }[];
}

export interface RowState {
  status?: string;
  statusText?: string;
  /** End of an unpaid order's payment window: printed by the console, else estimated from the window. */
  payDeadline?: { at: number; estimated: boolean };
  waybills: RowStateShipment[];
  exception: ExceptionKind | null;
  reminders: number;
  lastReminderAt?: number;
}

/** Events per waybill sent back to a page: enough for the 查物流 panel, no more. */
const ROW_STATE_EVENTS = 8;

export interface RowStateReply {
  ok: true;
  states: Record<string, RowState>;
}

export interface HandlerDeps {
  db: OrderLensDatabase;
  extensionId: string;
  now?: () => number;
  /** Called after a capture changed orders, so other console tabs can refresh their rows. */
  onOrdersChanged?: (platform: string, orderIds: string[], fromTabId: number) => void;
  /** Team sync: 催付 through the team's claim; null when sync is off (then the local reminder below). */
  teamRemind?: (platform: string, orderId: string) => Promise<RemindOutcome | null>;
}

async function reject(reason: string): Promise<RejectedReply> {
  const counts = await rejectedMessagesItem.getValue();
  await rejectedMessagesItem.setValue({ ...counts, [reason]: (counts[reason] ?? 0) + 1 });
  return { ok: false, error: reason };
}

function serialisedLength(raw: unknown): number {
  try {
    return JSON.stringify(raw)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Entry point for every message a content script sends: check, validate, then act. Never throws. */
export async function handleContentMessage(
  raw: unknown,
  sender: SenderLike,
  deps: HandlerDeps,
): Promise<CaptureReply | RowStateReply | RemindOutcome | RejectedReply> {
  if (serialisedLength(raw) > MAX_MESSAGE_CHARS) return reject('oversized');
  const from = checkSender(sender, deps.extensionId);
  if (!from.ok) return reject(from.reason);
  const parsed = ContentMessageSchema.safeParse(raw);
  if (!parsed.success) return reject('invalid-shape');
  const message = parsed.data;
  if (message.platform !== from.platform) return reject('platform-mismatch');
  try {
    switch (message.type) {
      case 'orderlens/capture':
        return await saveCapture(message, deps, sender.tab?.id ?? -1);
      case 'orderlens/row-state':
        return await readRowState(message, deps);
      case 'orderlens/remind':
        return (
          (await deps.teamRemind?.(message.platform, message.orderId)) ??
          (await remindOrder(deps.db, message.platform, message.orderId, deps.now?.() ?? Date.now(), await remindSettingsItem.getValue()))
        );
    }
  } catch (error) {
    const kind = error instanceof StorageError ? error.kind : 'unknown';
    await lastStorageErrorItem.setValue({ kind, at: deps.now?.() ?? Date.now() });
    await showStorageErrorBadge(true);
    // the words go with the answer: the console page shows them too (content scripts load no Dexie)
    return { ok: false, error: kind, retry: true, message: storageErrorMessage(kind) };
  }
}

async function saveCapture(message: CaptureMessage, deps: HandlerDeps, tabId: number): Promise<CaptureReply | RejectedReply> {
  if (message.orders.some((order) => order.platform !== message.platform)) return reject('platform-mismatch');
  if (message.diagnostics.platform !== message.platform) return reject('platform-mismatch');
  const now = deps.now?.() ?? Date.now();
  const result = await upsertOrders(deps.db, message.orders, now, message.source);
  await recordDiagnostics(deps.db, message.diagnostics, now, message.captureId);
  // counted incrementally: counting a 100k-order table costs ~150 ms per page
  if (result.inserted > 0) await lastKnownOrderCountItem.setValue((await lastKnownOrderCountItem.getValue()) + result.inserted);
  if (result.changedKeys.length > 0) {
    const prefix = `${message.platform}:`;
    deps.onOrdersChanged?.(message.platform, result.changedKeys.map((key) => key.slice(prefix.length)), tabId);
  }
  if (await lastStorageErrorItem.getValue()) {
    await lastStorageErrorItem.setValue(null);
    await showStorageErrorBadge(false);
  }
  return { ok: true, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged };
}

async function readRowState(message: RowStateRequest, deps: HandlerDeps): Promise<RowStateReply> {
  const keys = message.orderIds.map((id) => orderKey(message.platform, id));
  const orders = await deps.db.orders.bulkGet(keys);
  const reminders = await reminderSummariesOf(deps.db, keys);
  const rules = await exceptionRulesItem.getValue();
  const windows = await paymentWindowsItem.getValue();
  const states: Record<string, RowState> = {};
  message.orderIds.forEach((orderId, at) => {
    const order = orders[at];
    const own = reminders.get(keys[at]!);
    if (!order && !own) return;
    states[orderId] = {
      status: order?.status,
      statusText: order?.statusText,
      payDeadline: order?.status === 'unpaid' ? payDeadlineOf(order, windows) : undefined,
      waybills: (order?.shipments ?? []).map(({ waybillNo, carrierName, lastEventAt, events }) => ({
        waybillNo,
        carrierName,
        lastEventAt,
        events: events.slice(-ROW_STATE_EVENTS).reverse().map(({ at, text }) => ({ at, text })),
      })),
      exception: order ? logisticsException(order, deps.now?.() ?? Date.now(), rules) : null,
      reminders: own?.count ?? 0,
      lastReminderAt: own?.lastAt,
    };
  });
  return { ok: true, states };
}
