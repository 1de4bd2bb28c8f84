// Replication of the shop databases: which ones a pass syncs, each one's state on the server, and the one-shot
// checkpointed push (this device's documents) then pull between its local copy and the server.
import type { PouchDatabase } from './pouch';
import type { ShopTouched } from './push-own-changes';
import { kindOfStatus, requestJson, SyncError } from './remote';
import { AbortedError, type ActiveConfig, type PassOptions, type SyncContext } from './sync-context';
import type { SyncAppliedRow, SyncStore } from './sync-store';
import type { ShopDirectoryDoc } from './team-docs';

export interface RemoteDbInfo {
  error?: SyncError;
  docCount?: number;
  /** update_seq as JSON (CouchDB's is an opaque string). */
  remoteSeq?: string;
}

/** The shop databases of the directory and those this device wrote to, each with its row in the sync store
 * (new ones added as pending), in name order. */
export async function shopRowsToSync(store: SyncStore, directory: ShopDirectoryDoc[], touched: Map<string, ShopTouched>): Promise<SyncAppliedRow[]> {
  const rows = new Map((await store.applied.toArray()).map((row) => [row.db, row]));
  for (const doc of directory) if (!rows.has(doc.db)) rows.set(doc.db, { db: doc.db, seq: 0, platform: doc.platform, shop: doc.shop, state: 'pending' });
  for (const [db, shop] of touched) if (!rows.has(db)) rows.set(db, { db, seq: 0, platform: shop.platform, shop: shop.shop, state: 'pending' });
  for (const row of rows.values()) if (!(await store.applied.get(row.db))) await store.applied.put(row);
  return [...rows.values()].sort((a, b) => (a.db < b.db ? -1 : 1));
}

/** The server database's own answer (PouchDB's http info() resolves with an error body instead of failing). */
export async function remoteInfo(active: ActiveConfig, db: string): Promise<RemoteDbInfo> {
  const info = await requestJson<{ doc_count?: number; update_seq?: unknown }>(active.remote, 'GET', `/${encodeURIComponent(db)}`);
  if (info.status >= 400) return { error: new SyncError(kindOfStatus(info.status), info.status) };
  return { docCount: info.body.doc_count ?? 0, remoteSeq: JSON.stringify(info.body.update_seq ?? null) };
}

/** Docs the pull of `row` should bring (server count minus local copy's count), 0 when it will be skipped. */
export async function expectedPull(context: SyncContext, row: SyncAppliedRow, info: RemoteDbInfo): Promise<number> {
  if (info.error || unchanged(row, info)) return 0;
  return Math.max(0, (info.docCount ?? 0) - (await context.local(row.db).info()).doc_count);
}

/** Nothing new on the server since the last complete pull and nothing of ours to push: no replication (an
 * idle pass costs one request per shop database instead of a dozen). */
function unchanged(row: SyncAppliedRow, info: RemoteDbInfo): boolean {
  return row.remoteSeq === info.remoteSeq && !(row.unpushed && row.unpushed > 0) && row.state === 'ok';
}

/** Pushes then pulls one shop database; returns the server's seq the pull started from. */
export async function syncShop(context: SyncContext, row: SyncAppliedRow, info: RemoteDbInfo, options: PassOptions, onPulled: (docs: number) => void): Promise<string> {
  if (info.error) throw info.error;
  const remoteSeq = info.remoteSeq!;
  if (unchanged(row, info)) return remoteSeq;
  const PouchDB = context.pouch();
  const local = context.local(row.db);
  const remote = remoteDb(context, row.db);
  const batch = { batch_size: context.deps.batchSize ?? 500, batches_limit: 4, retry: false };
  // Push only this device's documents: the local copy also holds every teammate document pulled, which the
  // server has (without the filter the pass after a first sync would ask the server about each of them).
  const device = context.active.config.deviceId;
  await replicate(PouchDB.replicate(local, remote, { ...batch, filter: (doc: { device?: string }) => doc.device === device }), options);
  const replication = PouchDB.replicate(remote, local, batch);
  replication.on('change', (change: any) => onPulled(change.docs_written ?? 0));
  await replicate(replication, options);
  // The seq read before the pull: whatever was written after it (our own push included) is pulled next time.
  return remoteSeq;
}

function remoteDb(context: SyncContext, db: string): PouchDatabase {
  const PouchDB = context.pouch();
  const { origin, remote } = context.active;
  const fetcher = remote.fetch;
  return new PouchDB(`${origin}/${db}`, {
    adapter: 'http',
    skip_setup: true,
    fetch: (url: string | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', remote.authorization);
      return fetcher(String(url), { ...init, headers, credentials: 'omit' });
    },
  } as any);
}

async function replicate(replication: any, options: PassOptions): Promise<void> {
  const abort = () => replication.cancel();
  options.signal?.addEventListener('abort', abort);
  try {
    const result = await replication;
    if (options.signal?.aborted) throw new AbortedError();
    if (result?.status === 'aborting' || result?.ok === false) {
      const error = result.errors?.[0];
      throw error ?? new SyncError('server');
    }
    const failures = (result?.errors ?? []) as any[];
    if (failures.length > 0) throw failures[0];
  } catch (error) {
    if (options.signal?.aborted) throw new AbortedError();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
