// The team-sync bench in a page served by the test server itself (same origin: no CORS, real IndexedDB):
// a teammate's history of N orders is put on the server as that teammate's cap: documents, then a new
// member turns sync on and runs the first pass — replication into the local PouchDB copies and the merge
// into the Dexie store — timed from the pass's start to its end.
import { checkRollups } from '@/utils/db/check-rollups';
import { createDatabase } from '@/utils/db/database';
import { mergeOrder } from '@/utils/db/merge-order';
import { orderKey } from '@/utils/model/order';
import { DEFAULT_REMIND_SETTINGS } from '@/utils/remind/remind-settings';
import { SyncEngine } from '@/utils/sync/sync-engine';
import { openSyncStore } from '@/utils/sync/sync-store';
import { DISABLED_STATUS, shopDbName, shopHashOf, teamDbName, UNKNOWN_SHOP, type TeamSyncStatus } from '@/utils/sync/sync-protocol';
import { capDocOf, shopDocId } from '@/utils/sync/team-docs';
import { createOrderGenerator } from '../generate-orders';

export interface SyncBenchOptions {
  orders: number;
  team: string;
  admin: { name: string; password: string };
  member: { name: string; password: string };
  /** Replication batch size (the engine's default when left out). */
  batchSize?: number;
}

const basic = (name: string, password: string) => 'Basic ' + btoa(`${name}:${password}`);

async function call(method: string, path: string, auth: string, body?: unknown): Promise<any> {
  const response = await fetch(path, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok && response.status !== 412) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export async function runSyncBench(options: SyncBenchOptions) {
  const admin = basic(options.admin.name, options.admin.password);
  const now = Date.UTC(2026, 11, 1, 4);
  const generator = createOrderGenerator({ seed: 16, now, days: 365 });
  // The teammate's records, as its own store would hold them.
  const byDb = new Map<string, { platform: string; shop: string; docs: unknown[] }>();
  for (let index = 0; index < options.orders; index++) {
    const captured = generator.orderAt(index);
    const record = mergeOrder(undefined, captured, now - (options.orders - index) * 1000, 'api');
    const shop = record.shop ?? UNKNOWN_SHOP;
    const db = shopDbName(options.team, record.platform, await shopHashOf(shop));
    let entry = byDb.get(db);
    if (!entry) byDb.set(db, (entry = { platform: record.platform, shop, docs: [] }));
    entry.docs.push(capDocOf({ ...record, key: orderKey(record.platform, record.orderId) }, 'teammate', 'teammatedevice'));
  }
  const team = teamDbName(options.team);
  const security = { admins: { names: [], roles: ['_admin'] }, members: { names: ['teammate', options.member.name], roles: [] } };
  await call('PUT', `/${team}`, admin);
  await call('PUT', `/${team}/_security`, admin, security);
  const seedStarted = performance.now();
  for (const [db, { platform, shop, docs }] of byDb) {
    await call('PUT', `/${db}`, admin);
    await call('PUT', `/${db}/_security`, admin, security);
    const id = shopDocId(platform, db.slice(db.lastIndexOf('_') + 1));
    await call('PUT', `/${team}/${encodeURIComponent(id)}`, admin, { _id: id, type: 'shop', db, platform, shop });
    for (let at = 0; at < docs.length; at += 2000) await call('POST', `/${db}/_bulk_docs`, admin, { docs: docs.slice(at, at + 2000) });
  }
  const seedMs = performance.now() - seedStarted;

  // The new member: an empty store, sync turned on, the first pass.
  const db = createDatabase(`orderlens-sync-bench-${Date.now()}`);
  let status: TeamSyncStatus = { ...DISABLED_STATUS };
  const progress: { at: number; phase?: string; done: number; total: number }[] = [];
  const started = { at: 0 };
  const engine = new SyncEngine({
    db,
    readStatus: async () => status,
    writeStatus: async (next) => {
      status = next;
      if (next.progress) progress.push({ at: performance.now() - started.at, ...next.progress });
    },
    remindSettings: async () => DEFAULT_REMIND_SETTINGS,
    openStore: () => openSyncStore(`orderlens-sync-bench-store-${Date.now()}`),
    localPrefix: `bench-${Date.now()}-`,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  const enabled = await engine.enable({ serverUrl: location.origin, team: options.team, user: options.member.name, memberName: '新成员' }, options.member.password);
  if (!enabled.ok) throw new Error(`enable: ${enabled.errorText}`);
  performance.clearResourceTimings();
  performance.setResourceTimingBufferSize(100_000);
  started.at = performance.now();
  const final = await engine.runPass();
  const passMs = performance.now() - started.at;
  // Where the pass waited on the server: requests by kind, count and summed duration.
  const requests: Record<string, { count: number; ms: number }> = {};
  for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
    const kind = new URL(entry.name).pathname.replace(/^\/[^/]+/, '').replace(/\/[^_][^/]*$/, '/<doc>') || '/';
    const slot = (requests[kind] ??= { count: 0, ms: 0 });
    slot.count++;
    slot.ms += entry.duration;
  }
  for (const slot of Object.values(requests)) slot.ms = Math.round(slot.ms);
  const stored = await db.orders.count();
  const rollups = await checkRollups(db);
  // A second pass with nothing new: the cost of an idle pass at this size.
  const idleStarted = performance.now();
  await engine.runPass();
  const idleMs = performance.now() - idleStarted;
  const phaseEnds: Record<string, number> = {};
  for (const sample of progress) if (sample.phase) phaseEnds[sample.phase] = Math.round(sample.at);
  return {
    orders: options.orders,
    shopDbs: byDb.size,
    seedMs: Math.round(seedMs),
    passMs: Math.round(passMs),
    ordersPerSecond: Math.round(stored / (passMs / 1000)),
    idlePassMs: Math.round(idleMs),
    stored,
    rollupMismatches: rollups.mismatches.length,
    errorKind: final.errorKind ?? null,
    progressUpdates: progress.length,
    lastProgressMsByPhase: phaseEnds,
    requests,
    userAgent: navigator.userAgent,
  };
}
