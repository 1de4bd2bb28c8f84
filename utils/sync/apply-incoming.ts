// The pull side of a pass, after replication: teammates' documents that arrived in a local copy merged into the
// order store, and 重复催付 noted among the reminders they brought.
import { mergeTeamBatch } from '../db/merge-team-records';
import { throwIfAborted, type PassOptions, type SyncContext } from './sync-context';
import { isCapDoc, isRemDoc, orderCopyOf, reminderCopyOf } from './team-docs';

/** Teammates' documents that arrived in the local copy of `name` since the last merge, merged in batches. */
export async function applyIncoming(context: SyncContext, name: string, options: PassOptions, onBatch: () => void): Promise<void> {
  const { active, deps, store } = context;
  const local = context.local(name);
  const device = active.config.deviceId;
  const row = await store.applied.get(name);
  let since: number | string = row?.seq ?? 0;
  const limit = deps.applyBatch ?? 500;
  const cooldownMs = (await deps.remindSettings()).cooldownHours * 3_600_000;
  for (;;) {
    throwIfAborted(options);
    const changes = await local.changes({ since, include_docs: true, limit, return_docs: true } as any);
    if (changes.results.length === 0) break;
    const orders = [];
    const reminders = [];
    for (const change of changes.results as any[]) {
      const doc = change.doc;
      if (change.deleted || !doc || doc.device === device) continue;
      if (isCapDoc(doc)) orders.push(orderCopyOf(doc));
      else if (isRemDoc(doc)) reminders.push(reminderCopyOf(doc));
    }
    if (orders.length > 0 || reminders.length > 0) {
      const result = await mergeTeamBatch(deps.db, orders, reminders, active.config.settings.user, context.now());
      if (result.written.size > 0) await store.known.bulkPut([...result.written].map(([key, updatedAt]) => ({ key, updatedAt })));
      if (reminders.length > 0) await noteDuplicates(context, [...new Set(reminders.map((reminder) => reminder.orderKey))], cooldownMs);
    }
    since = changes.last_seq;
    await store.applied.update(name, { seq: since });
    onBatch();
  }
}

/** 重复催付: reminders of different members within the cooldown, one of them made offline. */
async function noteDuplicates(context: SyncContext, keys: string[], cooldownMs: number): Promise<void> {
  const { user, memberName } = context.active.config.settings;
  const members = (await context.deps.readStatus()).members ?? {};
  const nameOf = (id: string | undefined) => (id === undefined || id === user ? memberName : (members[id] ?? id));
  const { store } = context;
  const all = await context.deps.db.reminders.where('orderKey').anyOf(keys).toArray();
  for (const key of keys) {
    const list = all.filter((reminder) => reminder.orderKey === key).sort((a, b) => a.at - b.at);
    const involved = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (b.at - a.at >= cooldownMs) break;
        if ((a.by ?? user) === (b.by ?? user)) continue;
        if (!a.uncoordinated && !b.uncoordinated) continue;
        involved.set(nameOf(a.by), Math.min(involved.get(nameOf(a.by)) ?? a.at, a.at));
        involved.set(nameOf(b.by), Math.min(involved.get(nameOf(b.by)) ?? b.at, b.at));
      }
    }
    if (involved.size > 1) {
      const [platform, ...rest] = key.split(':');
      await store.duplicates.put({ orderKey: key, platform: platform!, orderId: rest.join(':'), by: [...involved].map(([member, at]) => ({ member, at })).sort((a, b) => a.at - b.at) });
    }
  }
}
