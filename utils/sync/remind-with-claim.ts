// 催付 with team sync on: the reminder is claimed on the team database first, so two members do not remind the
// same buyer within the cooldown.
import { reminderSummariesOf } from '../db/reminder-summaries';
import { orderKey } from '../model/order';
import { payDeadlineOf, type PaymentWindows } from '../remind/payment-windows';
import { remindOrder, type RemindOutcome } from '../remind/remind-order';
import { checkReminderAllowed } from '../remind/reminder-guard';
import { docPath, requestJson } from './remote';
import type { SyncContext } from './sync-context';
import { claimId, type ClaimDoc } from './team-docs';

/**
 * Local checks first (unpaid, window, cooldown: a refused reminder never leaves a claim), then the claim — a
 * teammate's claim within the cooldown refuses with their name and time; a 409 is re-read; a server that does
 * not answer lets the reminder go ahead marked uncoordinated (its claim is put by a later pass, see
 * offline-claims.ts).
 */
export async function remindWithClaim(context: SyncContext, platform: string, orderId: string, windows?: PaymentWindows): Promise<RemindOutcome> {
  const { active, deps } = context;
  const settings = await deps.remindSettings();
  const now = context.now();
  const key = orderKey(platform, orderId);
  const { db } = deps;
  const verdict = await db.transaction('r', db.orders, db.reminders, async () => {
    const order = await db.orders.get(key);
    const before = (await reminderSummariesOf(db, [key])).get(key);
    const deadline = order && payDeadlineOf(order, windows);
    return checkReminderAllowed(order, before?.lastAt, now, settings.cooldownHours, windows ? deadline?.at : undefined);
  });
  if (!verdict.ok) return verdict.reason === 'cooldown' ? await teammateClaimOf(context, key, verdict) : verdict;
  const claim = await claimOnServer(context, platform, orderId, now, settings.cooldownHours * 3_600_000);
  if (claim.refused) return claim.refused;
  const outcome = await remindOrder(db, platform, orderId, now, settings, windows, {
    by: active.config.settings.user,
    ...(claim.coordinated ? {} : { uncoordinated: true }),
  });
  if (outcome.ok && !claim.coordinated) await context.store.claims.put({ orderKey: key, platform, orderId, at: now });
  return outcome;
}

/**
 * A cooldown refusal because of a teammate's reminder already pulled here is their claim: it names them
 * and when they reminded, as the server's claim would. The cooldown of this member's own reminder stays.
 */
async function teammateClaimOf(context: SyncContext, key: string, cooldown: Extract<RemindOutcome, { reason: 'cooldown' }>): Promise<RemindOutcome> {
  const { user } = context.active.config.settings;
  const reminders = await context.deps.db.reminders.where('orderKey').equals(key).toArray();
  const last = reminders.reduce<(typeof reminders)[number] | undefined>((latest, reminder) => (!latest || reminder.at > latest.at ? reminder : latest), undefined);
  if (!last?.by || last.by === user || last.at !== cooldown.lastAt) return cooldown;
  const members = (await context.deps.readStatus()).members ?? {};
  return { ok: false, reason: 'claimed', by: members[last.by] ?? last.by, at: last.at };
}

async function claimOnServer(
  context: SyncContext,
  platform: string,
  orderId: string,
  now: number,
  cooldownMs: number,
): Promise<{ refused?: RemindOutcome; coordinated: boolean }> {
  const { active } = context;
  const { hasPermission, claimTimeoutMs } = context.deps;
  const remote = { ...active.remote, timeoutMs: claimTimeoutMs ?? 5_000 };
  const id = claimId(platform, orderId);
  const device = active.config.deviceId;
  try {
    if (hasPermission && !(await hasPermission(active.origin))) return { coordinated: false };
    for (let attempt = 0; attempt < 3; attempt++) {
      const read = await requestJson<ClaimDoc>(remote, 'GET', docPath(active.team, id));
      if (read.status !== 200 && read.status !== 404) return { coordinated: false };
      const existing = read.status === 200 ? read.body : undefined;
      if (existing && existing.device !== device && now - existing.at < cooldownMs) {
        return { refused: { ok: false, reason: 'claimed', by: existing.memberName || existing.member, at: existing.at }, coordinated: true };
      }
      const doc: ClaimDoc = {
        _id: id,
        ...(existing?._rev ? { _rev: existing._rev } : {}),
        type: 'claim',
        platform,
        orderId,
        member: active.config.settings.user,
        memberName: active.config.settings.memberName,
        device,
        at: now,
      };
      const put = await requestJson(remote, 'PUT', docPath(active.team, id), doc);
      if (put.status === 201 || put.status === 202 || put.status === 200) return { coordinated: true };
      if (put.status !== 409) return { coordinated: false };
    }
    return { coordinated: false };
  } catch {
    return { coordinated: false };
  }
}
