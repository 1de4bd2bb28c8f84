// Claims of reminders made while the server could not be reached, put by a later pass.
import { docPath, kindOfStatus, requestJson, SyncError } from './remote';
import type { SyncContext } from './sync-context';
import { claimId, type ClaimDoc } from './team-docs';

/** Claims of reminders made offline: put now (unless a later claim is there); a teammate's claim within the cooldown → 重复催付. */
export async function reconcileClaims(context: SyncContext): Promise<void> {
  const { active, store } = context;
  const pending = await store.claims.toArray();
  if (pending.length === 0) return;
  const cooldownMs = (await context.deps.remindSettings()).cooldownHours * 3_600_000;
  const device = active.config.deviceId;
  const { user, memberName } = active.config.settings;
  for (const row of pending) {
    const id = claimId(row.platform, row.orderId);
    const read = await requestJson<ClaimDoc>(active.remote, 'GET', docPath(active.team, id));
    if (read.status !== 200 && read.status !== 404) throw new SyncError(kindOfStatus(read.status), read.status);
    const existing = read.status === 200 ? read.body : undefined;
    if (existing && existing.device !== device && Math.abs(existing.at - row.at) < cooldownMs) {
      const known = await store.duplicates.get(row.orderKey);
      const by = new Map((known?.by ?? []).map((entry) => [entry.member, entry.at]));
      by.set(existing.memberName || existing.member, existing.at);
      by.set(memberName, row.at);
      await store.duplicates.put({
        orderKey: row.orderKey,
        platform: row.platform,
        orderId: row.orderId,
        by: [...by].map(([member, at]) => ({ member, at })).sort((a, b) => a.at - b.at),
      });
    }
    if (!existing || existing.at < row.at) {
      const put = await requestJson(active.remote, 'PUT', docPath(active.team, id), {
        _id: id,
        ...(existing?._rev ? { _rev: existing._rev } : {}),
        type: 'claim',
        platform: row.platform,
        orderId: row.orderId,
        member: user,
        memberName,
        device,
        at: row.at,
      } satisfies ClaimDoc);
      if (put.status === 409) continue; // a teammate claimed meanwhile: read again next pass
      if (put.status >= 400) throw new SyncError(kindOfStatus(put.status), put.status);
    }
    await store.claims.delete(row.orderKey);
  }
}
