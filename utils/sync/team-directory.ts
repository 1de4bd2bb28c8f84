// The team database's directory: this member's name (member:<user>) and the shop databases (shop:…).
import type { ShopTouched } from './push-own-changes';
import { docPath, kindOfStatus, requestJson, SyncError } from './remote';
import type { ActiveConfig } from './sync-context';
import { memberId, shopDocId, type MemberDoc, type ShopDirectoryDoc } from './team-docs';

/** Writes this member's directory doc when missing or renamed; returns the member names (id → name). */
export async function ensureMember(active: ActiveConfig): Promise<Record<string, string>> {
  const { user, memberName } = active.config.settings;
  const listed = await requestJson<{ rows?: { doc?: MemberDoc }[] }>(
    active.remote,
    'GET',
    `/${active.team}/_all_docs?include_docs=true&startkey=${encodeURIComponent('"member:"')}&endkey=${encodeURIComponent('"member:\uffff"')}`,
  );
  if (listed.status >= 400) throw new SyncError(kindOfStatus(listed.status), listed.status);
  const members: Record<string, string> = {};
  let mine: MemberDoc | undefined;
  for (const row of listed.body.rows ?? []) {
    if (!row.doc) continue;
    const id = row.doc._id.slice('member:'.length);
    members[id] = row.doc.name;
    if (id === user) mine = row.doc;
  }
  if (mine?.name !== memberName) {
    const put = await requestJson(active.remote, 'PUT', docPath(active.team, memberId(user)), { _id: memberId(user), ...(mine?._rev ? { _rev: mine._rev } : {}), type: 'member', name: memberName });
    if (put.status >= 400 && put.status !== 409) throw new SyncError(kindOfStatus(put.status), put.status);
  }
  members[user] = memberName;
  return members;
}

export async function readDirectory(active: ActiveConfig): Promise<ShopDirectoryDoc[]> {
  const listed = await requestJson<{ rows?: { doc?: ShopDirectoryDoc }[] }>(
    active.remote,
    'GET',
    `/${active.team}/_all_docs?include_docs=true&startkey=${encodeURIComponent('"shop:"')}&endkey=${encodeURIComponent('"shop:\uffff"')}`,
  );
  if (listed.status >= 400) throw new SyncError(kindOfStatus(listed.status), listed.status);
  const prefix = `${active.team}_`;
  return (listed.body.rows ?? [])
    .map((row) => row.doc)
    .filter((doc): doc is ShopDirectoryDoc => typeof doc?.db === 'string' && doc.db.startsWith(prefix) && typeof doc.platform === 'string');
}

/** Shops this device has orders of and the directory does not list yet: listed, so the admin sees them. */
export async function registerShops(active: ActiveConfig, directory: ShopDirectoryDoc[], touched: Map<string, ShopTouched>): Promise<void> {
  const listed = new Set(directory.map((doc) => doc.db));
  for (const [db, { platform, shop }] of touched) {
    if (listed.has(db)) continue;
    const id = shopDocId(platform, db.slice(db.lastIndexOf('_') + 1));
    // 409: listed meanwhile by a teammate. Other failures: the pass goes on (the directory is a help).
    await requestJson(active.remote, 'PUT', docPath(active.team, id), { _id: id, type: 'shop', db, platform, shop }).catch(() => undefined);
  }
}
