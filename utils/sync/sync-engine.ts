// Team sync engine (issue 16). Runs in the background (and in tests); one pass at a time.
//
// A pass: (1) the team db answers with these credentials, (2) this member's directory doc, (3) this device's
// own changes since the last pass — orders whose updatedAt moved (captures, file imports, restores alike) and
// new reminders — written as single-writer documents into the local PouchDB copy of their shop's database,
// (4) per shop database: replicate local → server, then server → local (one-shot, checkpointed: a pass
// stopped anywhere is resumed by the next), (5) teammates' documents that arrived in the local copy merged
// into the Dexie store in batches (utils/db/merge-team-records.ts), the applied seq saved after each batch
// commits, (6) claims of reminders made offline put on the server, 重复催付 noted. A shop whose database says
// 401/403 is marked forbidden and the others go on; a server that cannot be reached ends the pass with its
// status. With sync off nothing here runs: no request, no PouchDB database, not even the sync store opened.
import type { OrderLensDatabase, OrderRecord, ReminderRecord } from '../db/database';
import { mergeTeamBatch, sameTeamRecord } from '../db/merge-team-records';
import { reminderSummariesOf } from '../db/reminder-summaries';
import { orderKey } from '../model/order';
import { remindOrder, type RemindOutcome } from '../remind/remind-order';
import { checkReminderAllowed } from '../remind/reminder-guard';
import type { RemindSettings } from '../remind/remind-settings';
import { payDeadlineOf, type PaymentWindows } from '../remind/payment-windows';
import { syncPouchDB, type PouchDatabase, type PouchStatic } from './pouch';
import { basicAuth, classifyError, docPath, kindOfStatus, requestJson, SyncError, type FetchLike, type RemoteContext } from './remote';
import {
  allowedServerOrigin,
  DISABLED_STATUS,
  shopDbName,
  shopHashOf,
  SYNC_ERROR_TEXTS,
  TEAM_ID_PATTERN,
  teamDbName,
  UNKNOWN_SHOP,
  type ShopSyncStatus,
  type SyncEnableResponse,
  type SyncErrorKind,
  type TeamSyncSettings,
  type TeamSyncStatus,
} from './sync-protocol';
import { deviceIdOf, openSyncStore, readConfig, readPush, type SyncAppliedRow, type SyncConfigRow, type SyncStore } from './sync-store';
import {
  capDocOf,
  claimId,
  isCapDoc,
  isRemDoc,
  memberId,
  orderCopyOf,
  remDocOf,
  reminderCopyOf,
  shopDocId,
  type CapDoc,
  type ClaimDoc,
  type MemberDoc,
  type ShopDirectoryDoc,
} from './team-docs';

export interface SyncEngineDeps {
  db: OrderLensDatabase;
  readStatus: () => Promise<TeamSyncStatus>;
  writeStatus: (status: TeamSyncStatus) => Promise<void>;
  remindSettings: () => Promise<RemindSettings>;
  openStore?: () => SyncStore;
  pouchDB?: () => PouchStatic;
  fetch?: FetchLike;
  now?: () => number;
  /** Whether the browser granted the host permission for the server's origin. */
  hasPermission?: (origin: string) => Promise<boolean>;
  /** Local PouchDB name prefix (tests: two devices in one process). */
  localPrefix?: string;
  /** Documents per replication batch. */
  batchSize?: number;
  /** Incoming documents merged per Dexie transaction. */
  applyBatch?: number;
  /** ms a claim may take before the reminder goes ahead uncoordinated. */
  claimTimeoutMs?: number;
}

export interface PassOptions {
  /** Aborting stops the pass where it is (replication cancelled); the next pass resumes. */
  signal?: AbortSignal;
}

/** Records read per round trip when looking for this device's changes. */
const SCAN_CHUNK = 1000;
/** Records whose updatedAt is this close to the scan's start are looked at again next pass (a write whose
 * time was taken before the scan may commit after it). */
const RESCAN_MS = 10_000;

class AbortedError extends Error {
  constructor() {
    super('sync pass aborted');
    this.name = 'AbortError';
  }
}

interface RemoteDbInfo {
  error?: SyncError;
  docCount?: number;
  /** update_seq as JSON (CouchDB's is an opaque string). */
  remoteSeq?: string;
}

interface ActiveConfig {
  config: SyncConfigRow;
  origin: string;
  remote: RemoteContext;
  team: string;
}

export class SyncEngine {
  private store?: SyncStore;
  private running?: Promise<TeamSyncStatus>;
  private again = false;
  private readonly locals = new Map<string, PouchDatabase>();
  private readonly hashes = new Map<string, string>();
  private soonTimer?: ReturnType<typeof setTimeout>;
  private abortRun?: AbortController;
  private lastProgressWrite = 0;
  /** Passes started, and the pass that wrote the last progress (its first report is never throttled). */
  private passCount = 0;
  private progressPass = -1;

  constructor(private readonly deps: SyncEngineDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private fetch(): FetchLike {
    return this.deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  private openStore(): SyncStore {
    this.store ??= (this.deps.openStore ?? openSyncStore)();
    return this.store;
  }

  private pouch(): PouchStatic {
    return (this.deps.pouchDB ?? syncPouchDB)();
  }

  async isEnabled(): Promise<boolean> {
    return (await this.deps.readStatus()).enabled;
  }

  async status(): Promise<TeamSyncStatus> {
    return this.deps.readStatus();
  }

  /** A worker that starts finds no pass of its own running: a `running` left by a stopped worker is cleared. */
  async clearStaleRunning(): Promise<void> {
    if (this.running) return;
    const status = await this.deps.readStatus();
    if (status.running) await this.deps.writeStatus({ ...status, running: false, progress: undefined });
  }

  // ---------------------------------------------------------------- enable / disable

  /** Checks the settings and the login against the server, then stores the credentials. */
  async enable(settings: TeamSyncSettings, secret: string): Promise<SyncEnableResponse> {
    const fail = (errorKind: SyncErrorKind, detail?: string): SyncEnableResponse => ({
      ok: false,
      errorKind,
      errorText: detail ? `${SYNC_ERROR_TEXTS[errorKind]}：${detail}` : SYNC_ERROR_TEXTS[errorKind],
    });
    const team = settings.team?.trim();
    const user = settings.user?.trim();
    if (!team || !TEAM_ID_PATTERN.test(team)) return fail('invalid', '团队名只能用小写字母、数字、_ 和 -，并以字母开头');
    if (!user) return fail('invalid', '请填写用户名');
    if (!secret) return fail('invalid', '请填写密码或令牌');
    const origin = allowedServerOrigin(settings.serverUrl);
    if (!origin) return fail('invalid', '服务器地址必须是 https://（本机测试可用 http://localhost 或 http://127.0.0.1）');
    if (this.deps.hasPermission && !(await this.deps.hasPermission(origin))) return fail('permission');
    const remote: RemoteContext = { origin, authorization: basicAuth(user, secret), fetch: this.fetch() };
    try {
      const session = await requestJson<{ userCtx?: { name?: string | null } }>(remote, 'GET', '/_session');
      if (session.status === 401) return fail('unauthorized');
      if (session.status >= 400) return fail(kindOfStatus(session.status) === 'missing' ? 'server' : kindOfStatus(session.status));
      if (session.body.userCtx?.name !== user) return fail('unauthorized');
      const teamDb = await requestJson(remote, 'GET', `/${teamDbName(team)}`);
      if (teamDb.status === 403) return fail('forbidden', `团队数据库 ${teamDbName(team)}`);
      if (teamDb.status >= 400) return fail(kindOfStatus(teamDb.status));
    } catch (error) {
      return fail(classifyError(error));
    }
    const store = this.openStore();
    const deviceId = await deviceIdOf(store);
    const clean: TeamSyncSettings = { serverUrl: origin, team, user, memberName: settings.memberName?.trim() || user };
    const previous = await readConfig(store);
    if (previous && (previous.settings.serverUrl !== clean.serverUrl || previous.settings.team !== clean.team || previous.settings.user !== clean.user)) {
      await this.forgetLocalCopies();
    }
    await store.config.put({ id: 'config', settings: clean, secret, deviceId, enabledAt: this.now() });
    await this.deps.writeStatus({
      ...DISABLED_STATUS,
      enabled: true,
      server: origin,
      team,
      user,
      member: clean.memberName,
      pending: 0,
      shops: [],
    });
    return { ok: true };
  }

  /** Forgets the credentials and the local copies; the merged orders stay in the store. */
  async disable(): Promise<void> {
    clearTimeout(this.soonTimer);
    // A pass under way (a first sync may take minutes) stops where it is.
    this.abortRun?.abort();
    if (this.running) await this.running.catch(() => undefined);
    const store = this.openStore();
    await this.forgetLocalCopies();
    await store.config.delete('config');
    await this.deps.writeStatus({ ...DISABLED_STATUS });
  }

  private async forgetLocalCopies(): Promise<void> {
    const store = this.openStore();
    const rows = await store.applied.toArray();
    for (const row of rows) {
      const local = this.local(row.db);
      await local.destroy().catch(() => undefined);
      this.locals.delete(row.db);
    }
    await Promise.all([store.applied.clear(), store.known.clear(), store.claims.clear(), store.duplicates.clear(), store.config.delete('push')]);
  }

  private local(db: string): PouchDatabase {
    let local = this.locals.get(db);
    if (!local) {
      const PouchDB = this.pouch();
      local = new PouchDB(`${this.deps.localPrefix ?? 'sync-'}${db}`, { adapter: 'idb', auto_compaction: true } as any);
      this.locals.set(db, local);
    }
    return local;
  }

  private remoteDb(active: ActiveConfig, db: string): PouchDatabase {
    const PouchDB = this.pouch();
    const fetcher = active.remote.fetch;
    return new PouchDB(`${active.origin}/${db}`, {
      adapter: 'http',
      skip_setup: true,
      fetch: (url: string | Request, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('Authorization', active.remote.authorization);
        return fetcher(String(url), { ...init, headers, credentials: 'omit' });
      },
    } as any);
  }

  private async shopHash(shop: string): Promise<string> {
    let hash = this.hashes.get(shop);
    if (!hash) {
      hash = await shopHashOf(shop);
      this.hashes.set(shop, hash);
    }
    return hash;
  }

  private async activeConfig(): Promise<ActiveConfig | undefined> {
    if (!(await this.isEnabled())) return undefined;
    const config = await readConfig(this.openStore());
    if (!config) return undefined;
    const origin = allowedServerOrigin(config.settings.serverUrl);
    if (!origin) return undefined;
    return {
      config,
      origin,
      team: teamDbName(config.settings.team),
      remote: { origin, authorization: basicAuth(config.settings.user, config.secret), fetch: this.fetch() },
    };
  }

  // ---------------------------------------------------------------- scheduling

  /** Runs a pass, or joins the one running (and runs once more after it, for changes made meanwhile). */
  runPass(options: PassOptions = {}): Promise<TeamSyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    // One controller per run: the caller's signal and disable() both stop it.
    const controller = new AbortController();
    options.signal?.addEventListener('abort', () => controller.abort());
    if (options.signal?.aborted) controller.abort();
    this.abortRun = controller;
    const inner: PassOptions = { signal: controller.signal };
    const run = (async () => {
      try {
        let status = await this.pass(inner);
        while (this.again && !controller.signal.aborted) {
          this.again = false;
          status = await this.pass(inner);
        }
        return status;
      } finally {
        this.running = undefined;
        this.abortRun = undefined;
        this.again = false;
      }
    })();
    this.running = run;
    return run;
  }

  /** A pass soon after local changes (debounced). */
  scheduleSoon(delayMs = 5_000): void {
    clearTimeout(this.soonTimer);
    this.soonTimer = setTimeout(() => {
      void this.isEnabled().then((enabled) => (enabled ? this.runPass() : undefined)).catch(() => undefined);
    }, delayMs);
  }

  /** Local orders changed (a capture): counted as pending and pushed by a pass soon. Nothing when sync is off. */
  async noteLocalChange(count: number): Promise<void> {
    const status = await this.deps.readStatus();
    if (!status.enabled) return;
    await this.deps.writeStatus({ ...status, pending: status.pending + count });
    this.scheduleSoon();
  }

  // ---------------------------------------------------------------- the pass

  private async pass(options: PassOptions): Promise<TeamSyncStatus> {
    const active = await this.activeConfig();
    if (!active) return this.deps.readStatus();
    const { config, origin } = active;
    const store = this.openStore();
    const started = this.now();
    this.passCount++;
    let status: TeamSyncStatus = {
      ...(await this.deps.readStatus()),
      enabled: true,
      server: origin,
      team: config.settings.team,
      user: config.settings.user,
      member: config.settings.memberName,
      running: true,
      lastPassAt: started,
    };
    await this.deps.writeStatus(status);
    const check = () => {
      if (options.signal?.aborted) throw new AbortedError();
    };
    try {
      if (this.deps.hasPermission && !(await this.deps.hasPermission(origin))) throw new SyncError('permission');
      const teamInfo = await requestJson(active.remote, 'GET', `/${active.team}`);
      if (teamInfo.status >= 400) throw new SyncError(kindOfStatus(teamInfo.status), teamInfo.status);
      check();
      const members = await this.ensureMember(active);
      const directory = await this.readDirectory(active);
      check();
      status = { ...status, members: { ...members, [config.settings.user]: config.settings.memberName } };
      const touched = await this.writeOwnChanges(active, started, (progress) => (status = { ...status, progress }));
      check();
      await this.registerShops(active, directory, touched);
      const rows = new Map((await store.applied.toArray()).map((row) => [row.db, row]));
      for (const doc of directory) if (!rows.has(doc.db)) rows.set(doc.db, { db: doc.db, seq: 0, platform: doc.platform, shop: doc.shop, state: 'pending' });
      for (const [db, shop] of touched) if (!rows.has(db)) rows.set(db, { db, seq: 0, platform: shop.platform, shop: shop.shop, state: 'pending' });
      for (const row of rows.values()) if (!(await store.applied.get(row.db))) await store.applied.put(row);
      // Every shop database's state first: the first sync's progress counts over all of them.
      const ordered = [...rows.values()].sort((a, b) => (a.db < b.db ? -1 : 1));
      const infos = new Map<string, RemoteDbInfo>();
      let total = 0;
      for (const row of ordered) {
        const info = await this.remoteInfo(active, row.db);
        infos.set(row.db, info);
        total += await this.expectedPull(row, info);
      }
      let pulledBefore = 0;
      const report = (phase: 'pull' | 'apply', done: number) => {
        if (total < (this.deps.applyBatch ?? 500)) return;
        status = { ...status, progress: { phase, done: Math.min(done, total), total } };
        void this.writeProgress(status);
      };
      let fatal: unknown;
      for (const row of ordered) {
        check();
        let pulled = 0;
        try {
          const remoteSeq = await this.syncShop(active, row, infos.get(row.db)!, options, (docs) => {
            pulled = docs;
            report('pull', pulledBefore + pulled);
          });
          await store.applied.update(row.db, { state: 'ok', lastSyncAt: this.now(), unpushed: 0, remoteSeq });
        } catch (error) {
          if (error instanceof AbortedError) throw error;
          const kind = classifyError(error);
          if (kind === 'forbidden' || kind === 'unauthorized') await store.applied.update(row.db, { state: 'forbidden' });
          else if (kind === 'missing') await store.applied.update(row.db, { state: 'pending' });
          else {
            fatal = error;
            break;
          }
        }
        pulledBefore += pulled;
        // What arrived before an error is merged all the same.
        await this.applyIncoming(active, row.db, options, () => report('apply', pulledBefore));
      }
      if (fatal) throw fatal;
      check();
      await this.reconcileClaims(active);
      status = await this.finishStatus({ ...status, running: false, lastOkAt: this.now(), progress: undefined, errorKind: undefined, errorText: undefined });
      const forbidden = status.shops.filter((shop) => shop.state === 'forbidden');
      if (forbidden.length > 0) {
        status = {
          ...status,
          errorKind: 'forbidden',
          errorText: `${SYNC_ERROR_TEXTS.forbidden}：${forbidden.map((shop) => shop.shop).join('、')}（其他店铺正常同步）`,
        };
      }
    } catch (error) {
      const kind: SyncErrorKind = error instanceof AbortedError ? 'unreachable' : classifyError(error);
      const detail = error instanceof AbortedError ? '同步被中断，下次继续' : kind === 'missing' ? undefined : (error as Error)?.message;
      status = await this.finishStatus({
        ...status,
        running: false,
        progress: undefined,
        errorKind: kind,
        errorText: detail && detail !== SYNC_ERROR_TEXTS[kind] && kind !== 'unauthorized' ? `${SYNC_ERROR_TEXTS[kind]}（${detail.replace(/^.*?（|）$/g, '')}）` : SYNC_ERROR_TEXTS[kind],
      });
    }
    await this.deps.writeStatus(status);
    return status;
  }

  /**
   * At most one progress write per 500 ms, but the first of a pass and the last (done = total) always go out:
   * throttled by the clock alone, a quick pass right after another wrote none, and the bar could stop short.
   */
  private async writeProgress(status: TeamSyncStatus): Promise<void> {
    const now = Date.now();
    const { done = 0, total = 0 } = status.progress ?? {};
    const first = this.progressPass !== this.passCount;
    if (!first && done < total && now - this.lastProgressWrite < 500) return;
    this.progressPass = this.passCount;
    this.lastProgressWrite = now;
    await this.deps.writeStatus(status);
  }

  private async finishStatus(status: TeamSyncStatus): Promise<TeamSyncStatus> {
    const store = this.openStore();
    const rows = await store.applied.toArray();
    const shops: ShopSyncStatus[] = rows.map((row) => ({
      db: row.db,
      platform: row.platform ?? '',
      shop: row.shop ?? '',
      state: row.state ?? 'pending',
      ...(row.lastSyncAt ? { lastSyncAt: row.lastSyncAt } : {}),
    }));
    const unpushed = rows.reduce((sum, row) => sum + (row.unpushed ?? 0), 0);
    const pendingOrders = await this.countOwnChanges();
    const duplicates = (await store.duplicates.toArray()).map(({ platform, orderId, by }) => ({ platform, orderId, by }));
    return { ...status, shops, pending: unpushed + pendingOrders + (await store.claims.count()), duplicates };
  }

  private async countOwnChanges(): Promise<number> {
    const push = await readPush(this.openStore());
    return (await this.ownChangesSince(push.ordersFrom)).keys.length;
  }

  /**
   * Orders with updatedAt ≥ `from` whose updatedAt is not the one pushed or merged: read from the updatedAt
   * index alone (its keys and primary keys, in the same order), so records are fetched only for real changes.
   */
  private async ownChangesSince(from: number): Promise<{ keys: string[]; maxSeen: number }> {
    const range = this.deps.db.orders.where('updatedAt').aboveOrEqual(from);
    const [times, keys] = await Promise.all([range.keys() as Promise<number[]>, range.primaryKeys()]);
    const own: string[] = [];
    let maxSeen = from - 1;
    for (let at = 0; at < keys.length; at += SCAN_CHUNK * 5) {
      const chunk = keys.slice(at, at + SCAN_CHUNK * 5);
      const known = await this.openStore().known.bulkGet(chunk);
      chunk.forEach((key, index) => {
        const updatedAt = times[at + index]!;
        maxSeen = Math.max(maxSeen, updatedAt);
        if (known[index]?.updatedAt !== updatedAt) own.push(key);
      });
    }
    return { keys: own, maxSeen };
  }

  /** Writes this member's directory doc when missing or renamed; returns the member names (id → name). */
  private async ensureMember(active: ActiveConfig): Promise<Record<string, string>> {
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

  private async readDirectory(active: ActiveConfig): Promise<ShopDirectoryDoc[]> {
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
  private async registerShops(active: ActiveConfig, directory: ShopDirectoryDoc[], touched: Map<string, { platform: string; shop: string }>): Promise<void> {
    const listed = new Set(directory.map((doc) => doc.db));
    for (const [db, { platform, shop }] of touched) {
      if (listed.has(db)) continue;
      const id = shopDocId(platform, db.slice(db.lastIndexOf('_') + 1));
      // 409: listed meanwhile by a teammate. Other failures: the pass goes on (the directory is a help).
      await requestJson(active.remote, 'PUT', docPath(active.team, id), { _id: id, type: 'shop', db, platform, shop }).catch(() => undefined);
    }
  }

  /**
   * This device's own changes since the last pass into the local copies: orders whose updatedAt moved and that
   * the team merge did not write, and new reminders of this device. Returns the shop databases written.
   */
  private async writeOwnChanges(
    active: ActiveConfig,
    started: number,
    onProgress: (progress: TeamSyncStatus['progress']) => void,
  ): Promise<Map<string, { platform: string; shop: string }>> {
    const { db } = this.deps;
    const store = this.openStore();
    const { user } = active.config.settings;
    const device = active.config.deviceId;
    const push = await readPush(store);
    const touched = new Map<string, { platform: string; shop: string }>();
    const { keys, maxSeen } = await this.ownChangesSince(push.ordersFrom);
    for (let at = 0; at < keys.length; at += SCAN_CHUNK) {
      const chunk = keys.slice(at, at + SCAN_CHUNK);
      const own = (await db.orders.bulkGet(chunk)).filter((record): record is OrderRecord => !!record);
      const byDb = new Map<string, OrderRecord[]>();
      for (const record of own) {
        const shop = record.shop ?? UNKNOWN_SHOP;
        const name = shopDbName(active.config.settings.team, record.platform, await this.shopHash(shop));
        touched.set(name, { platform: record.platform, shop });
        let list = byDb.get(name);
        if (!list) byDb.set(name, (list = []));
        list.push(record);
      }
      for (const [name, list] of byDb) {
        const local = this.local(name);
        const docs = list.map((record) => capDocOf(record, user, device));
        const existing = await local.allDocs({ keys: docs.map((doc) => doc._id), include_docs: true });
        const writes: CapDoc[] = [];
        existing.rows.forEach((row: any, index: number) => {
          const doc = docs[index]!;
          const old = row.doc as CapDoc | undefined;
          if (old && sameTeamRecord({ ...old.order, waybillNos: [] } as OrderRecord, { ...doc.order, waybillNos: [] } as OrderRecord)) return;
          if (row.value?.rev) doc._rev = row.value.rev;
          writes.push(doc);
        });
        if (writes.length > 0) {
          await local.bulkDocs(writes);
          const row = await store.applied.get(name);
          if (row) await store.applied.update(name, { unpushed: (row.unpushed ?? 0) + writes.length });
          else await store.applied.put({ db: name, seq: 0, platform: list[0]!.platform, shop: list[0]!.shop ?? UNKNOWN_SHOP, state: 'pending', unpushed: writes.length });
        }
      }
      if (own.length > 0) await store.known.bulkPut(own.map((record) => ({ key: record.key, updatedAt: record.updatedAt })));
      if (keys.length > SCAN_CHUNK) onProgress({ phase: 'push', done: Math.min(at + SCAN_CHUNK, keys.length), total: keys.length });
    }
    const reminders = (await db.reminders.where('id').above(push.remindersAfter).toArray()).filter((reminder) => !reminder.remoteId);
    let remindersAfter = push.remindersAfter;
    if (reminders.length > 0) {
      const orders = await db.orders.bulkGet([...new Set(reminders.map((reminder) => reminder.orderKey))]);
      const byKey = new Map(orders.filter((order): order is OrderRecord => !!order).map((order) => [order.key, order]));
      const byDb = new Map<string, ReturnType<typeof remDocOf>[]>();
      for (const reminder of reminders) {
        remindersAfter = Math.max(remindersAfter, reminder.id ?? 0);
        const order = byKey.get(reminder.orderKey);
        if (!order) continue;
        const shop = order.shop ?? UNKNOWN_SHOP;
        const name = shopDbName(active.config.settings.team, order.platform, await this.shopHash(shop));
        touched.set(name, { platform: order.platform, shop });
        let list = byDb.get(name);
        if (!list) byDb.set(name, (list = []));
        list.push(remDocOf(reminder, order.platform, order.orderId, reminder.by ?? user, device));
      }
      for (const [name, docs] of byDb) {
        const local = this.local(name);
        const existing = await local.allDocs({ keys: docs.map((doc) => doc._id) });
        const writes = docs.filter((_doc, index) => !(existing.rows[index] as any)?.value?.rev);
        if (writes.length > 0) {
          await local.bulkDocs(writes);
          const row = await store.applied.get(name);
          if (row) await store.applied.update(name, { unpushed: (row.unpushed ?? 0) + writes.length });
          else await store.applied.put({ db: name, seq: 0, platform: docs[0]!.platform, shop: byKey.get(docs[0]!.orderKey)?.shop ?? UNKNOWN_SHOP, state: 'pending', unpushed: writes.length });
        }
      }
    }
    const ordersFrom = Math.max(push.ordersFrom, Math.min(maxSeen + 1, started - RESCAN_MS));
    await store.config.put({ id: 'push', ordersFrom, remindersAfter });
    return touched;
  }

  /** The server database's own answer (PouchDB's http info() resolves with an error body instead of failing). */
  private async remoteInfo(active: ActiveConfig, db: string): Promise<RemoteDbInfo> {
    const info = await requestJson<{ doc_count?: number; update_seq?: unknown }>(active.remote, 'GET', `/${encodeURIComponent(db)}`);
    if (info.status >= 400) return { error: new SyncError(kindOfStatus(info.status), info.status) };
    return { docCount: info.body.doc_count ?? 0, remoteSeq: JSON.stringify(info.body.update_seq ?? null) };
  }

  /** Docs the pull of `row` should bring (server count minus local copy's count), 0 when it will be skipped. */
  private async expectedPull(row: SyncAppliedRow, info: RemoteDbInfo): Promise<number> {
    if (info.error || this.unchanged(row, info)) return 0;
    return Math.max(0, (info.docCount ?? 0) - (await this.local(row.db).info()).doc_count);
  }

  /** Nothing new on the server since the last complete pull and nothing of ours to push: no replication (an
   * idle pass costs one request per shop database instead of a dozen). */
  private unchanged(row: SyncAppliedRow, info: RemoteDbInfo): boolean {
    return row.remoteSeq === info.remoteSeq && !(row.unpushed && row.unpushed > 0) && row.state === 'ok';
  }

  private async syncShop(active: ActiveConfig, row: SyncAppliedRow, info: RemoteDbInfo, options: PassOptions, onPulled: (docs: number) => void): Promise<string> {
    if (info.error) throw info.error;
    const remoteSeq = info.remoteSeq!;
    if (this.unchanged(row, info)) return remoteSeq;
    const PouchDB = this.pouch();
    const local = this.local(row.db);
    const remote = this.remoteDb(active, row.db);
    const batch = { batch_size: this.deps.batchSize ?? 500, batches_limit: 4, retry: false };
    // Push only this device's documents: the local copy also holds every teammate document pulled, which the
    // server has (without the filter the pass after a first sync would ask the server about each of them).
    const device = active.config.deviceId;
    await this.replicate(PouchDB.replicate(local, remote, { ...batch, filter: (doc: { device?: string }) => doc.device === device }), options);
    const replication = PouchDB.replicate(remote, local, batch);
    replication.on('change', (change: any) => onPulled(change.docs_written ?? 0));
    await this.replicate(replication, options);
    // The seq read before the pull: whatever was written after it (our own push included) is pulled next time.
    return remoteSeq;
  }

  private async replicate(replication: any, options: PassOptions): Promise<void> {
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

  /** Teammates' documents that arrived in the local copy of `name` since the last merge, merged in batches. */
  private async applyIncoming(active: ActiveConfig, name: string, options: PassOptions, onBatch: () => void): Promise<void> {
    const store = this.openStore();
    const local = this.local(name);
    const device = active.config.deviceId;
    const row = await store.applied.get(name);
    let since: number | string = row?.seq ?? 0;
    const limit = this.deps.applyBatch ?? 500;
    const cooldownMs = (await this.deps.remindSettings()).cooldownHours * 3_600_000;
    for (;;) {
      if (options.signal?.aborted) throw new AbortedError();
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
        const result = await mergeTeamBatch(this.deps.db, orders, reminders, active.config.settings.user, this.now());
        if (result.written.size > 0) await store.known.bulkPut([...result.written].map(([key, updatedAt]) => ({ key, updatedAt })));
        if (reminders.length > 0) await this.noteDuplicates(active, [...new Set(reminders.map((reminder) => reminder.orderKey))], cooldownMs);
      }
      since = changes.last_seq;
      await store.applied.update(name, { seq: since });
      onBatch();
    }
  }

  /** 重复催付: reminders of different members within the cooldown, one of them made offline. */
  private async noteDuplicates(active: ActiveConfig, keys: string[], cooldownMs: number): Promise<void> {
    const { user, memberName } = active.config.settings;
    const members = (await this.deps.readStatus()).members ?? {};
    const nameOf = (id: string | undefined) => (id === undefined || id === user ? memberName : (members[id] ?? id));
    const store = this.openStore();
    const all = await this.deps.db.reminders.where('orderKey').anyOf(keys).toArray();
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

  // ---------------------------------------------------------------- 催付 claims

  /**
   * 催付 with a claim on the server (sync on): local checks first (unpaid, window, cooldown: a refused reminder
   * never leaves a claim), then the claim — a teammate's claim within the cooldown refuses with their name and
   * time; a 409 is re-read; a server that does not answer lets the reminder go ahead marked uncoordinated (its
   * claim is put by a later pass). Returns null when sync is off: the caller reminds locally.
   */
  async remind(platform: string, orderId: string, windows?: PaymentWindows): Promise<RemindOutcome | null> {
    const active = await this.activeConfig();
    if (!active) return null;
    const settings = await this.deps.remindSettings();
    const now = this.now();
    const key = orderKey(platform, orderId);
    const { db } = this.deps;
    const verdict = await db.transaction('r', db.orders, db.reminders, async () => {
      const order = await db.orders.get(key);
      const before = (await reminderSummariesOf(db, [key])).get(key);
      const deadline = order && payDeadlineOf(order, windows);
      return checkReminderAllowed(order, before?.lastAt, now, settings.cooldownHours, windows ? deadline?.at : undefined);
    });
    if (!verdict.ok) return verdict.reason === 'cooldown' ? await this.teammateClaimOf(active, key, verdict) : verdict;
    const claim = await this.claim(active, platform, orderId, now, settings.cooldownHours * 3_600_000);
    if (claim.refused) return claim.refused;
    const outcome = await remindOrder(db, platform, orderId, now, settings, windows, {
      by: active.config.settings.user,
      ...(claim.coordinated ? {} : { uncoordinated: true }),
    });
    if (outcome.ok) {
      if (!claim.coordinated) await this.openStore().claims.put({ orderKey: key, platform, orderId, at: now });
      this.scheduleSoon(1_000);
    }
    return outcome;
  }

  /**
   * A cooldown refusal because of a teammate's reminder already pulled here is their claim: it names them
   * and when they reminded, as the server's claim would. The cooldown of this member's own reminder stays.
   */
  private async teammateClaimOf(active: ActiveConfig, key: string, cooldown: Extract<RemindOutcome, { reason: 'cooldown' }>): Promise<RemindOutcome> {
    const { user } = active.config.settings;
    const reminders = await this.deps.db.reminders.where('orderKey').equals(key).toArray();
    const last = reminders.reduce<(typeof reminders)[number] | undefined>((latest, reminder) => (!latest || reminder.at > latest.at ? reminder : latest), undefined);
    if (!last?.by || last.by === user || last.at !== cooldown.lastAt) return cooldown;
    const members = (await this.deps.readStatus()).members ?? {};
    return { ok: false, reason: 'claimed', by: members[last.by] ?? last.by, at: last.at };
  }

  private async claim(
    active: ActiveConfig,
    platform: string,
    orderId: string,
    now: number,
    cooldownMs: number,
  ): Promise<{ refused?: RemindOutcome; coordinated: boolean }> {
    const remote = { ...active.remote, timeoutMs: this.deps.claimTimeoutMs ?? 5_000 };
    const id = claimId(platform, orderId);
    const device = active.config.deviceId;
    try {
      if (this.deps.hasPermission && !(await this.deps.hasPermission(active.origin))) return { coordinated: false };
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

  /** Claims of reminders made offline: put now (unless a later claim is there); a teammate's claim within the cooldown → 重复催付. */
  private async reconcileClaims(active: ActiveConfig): Promise<void> {
    const store = this.openStore();
    const pending = await store.claims.toArray();
    if (pending.length === 0) return;
    const cooldownMs = (await this.deps.remindSettings()).cooldownHours * 3_600_000;
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
}

export type { ReminderRecord };
