// Team sync engine (issue 16). Runs in the background (and in tests); one pass at a time.
//
// A pass: (1) the team db answers with these credentials, (2) this member's directory doc (team-directory.ts),
// (3) this device's own changes since the last pass — orders whose updatedAt moved (captures, file imports,
// restores alike) and new reminders — written as single-writer documents into the local PouchDB copy of their
// shop's database (push-own-changes.ts), (4) per shop database: replicate local → server, then server → local
// (one-shot, checkpointed: a pass stopped anywhere is resumed by the next; replicate-shop.ts), (5) teammates'
// documents that arrived in the local copy merged into the Dexie store in batches (apply-incoming.ts), the
// applied seq saved after each batch commits, (6) claims of reminders made offline put on the server, 重复催付
// noted (offline-claims.ts). A shop whose database says 401/403 is marked forbidden and the others go on; a
// server that cannot be reached ends the pass with its status. With sync off nothing here runs: no request, no
// PouchDB database, not even the sync store opened. 催付 with sync on: remind-with-claim.ts.
import type { ReminderRecord } from '../db/database';
import type { RemindOutcome } from '../remind/remind-order';
import type { PaymentWindows } from '../remind/payment-windows';
import { applyIncoming } from './apply-incoming';
import { reconcileClaims } from './offline-claims';
import { finishStatus, passError, withForbiddenShops } from './pass-status';
import { syncPouchDB, type PouchDatabase, type PouchStatic } from './pouch';
import { writeOwnChanges } from './push-own-changes';
import { basicAuth, classifyError, kindOfStatus, requestJson, SyncError, type FetchLike, type RemoteContext } from './remote';
import { remindWithClaim } from './remind-with-claim';
import { expectedPull, remoteInfo, shopRowsToSync, syncShop, type RemoteDbInfo } from './replicate-shop';
import { AbortedError, throwIfAborted, type ActiveConfig, type PassOptions, type SyncContext } from './sync-context';
import type { SyncEngineDeps } from './sync-engine-deps';
import {
  allowedServerOrigin,
  DISABLED_STATUS,
  shopHashOf,
  SYNC_ERROR_TEXTS,
  TEAM_ID_PATTERN,
  teamDbName,
  type SyncEnableResponse,
  type SyncErrorKind,
  type TeamSyncSettings,
  type TeamSyncStatus,
} from './sync-protocol';
import { deviceIdOf, openSyncStore, readConfig, type SyncStore } from './sync-store';
import { ensureMember, readDirectory, registerShops } from './team-directory';

export type { SyncEngineDeps } from './sync-engine-deps';
export type { PassOptions } from './sync-context';

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

  /** What a pass or a claimed 催付 works with; undefined when sync is off. */
  private async context(): Promise<SyncContext | undefined> {
    const active = await this.activeConfig();
    if (!active) return undefined;
    return {
      deps: this.deps,
      active,
      store: this.openStore(),
      local: (db) => this.local(db),
      pouch: () => this.pouch(),
      now: () => this.now(),
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
    const context = await this.context();
    if (!context) return this.deps.readStatus();
    const { active, store } = context;
    const { config, origin } = active;
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
    try {
      if (this.deps.hasPermission && !(await this.deps.hasPermission(origin))) throw new SyncError('permission');
      const teamInfo = await requestJson(active.remote, 'GET', `/${active.team}`);
      if (teamInfo.status >= 400) throw new SyncError(kindOfStatus(teamInfo.status), teamInfo.status);
      throwIfAborted(options);
      const members = await ensureMember(active);
      const directory = await readDirectory(active);
      throwIfAborted(options);
      status = { ...status, members: { ...members, [config.settings.user]: config.settings.memberName } };
      const touched = await writeOwnChanges(context, (shop) => this.shopHash(shop), started, (progress) => (status = { ...status, progress }));
      throwIfAborted(options);
      await registerShops(active, directory, touched);
      const ordered = await shopRowsToSync(store, directory, touched);
      // Every shop database's state first: the first sync's progress counts over all of them.
      const infos = new Map<string, RemoteDbInfo>();
      let total = 0;
      for (const row of ordered) {
        const info = await remoteInfo(active, row.db);
        infos.set(row.db, info);
        total += await expectedPull(context, row, info);
      }
      let pulledBefore = 0;
      const report = (phase: 'pull' | 'apply', done: number) => {
        if (total < (this.deps.applyBatch ?? 500)) return;
        status = { ...status, progress: { phase, done: Math.min(done, total), total } };
        void this.writeProgress(status);
      };
      let fatal: unknown;
      for (const row of ordered) {
        throwIfAborted(options);
        let pulled = 0;
        try {
          const remoteSeq = await syncShop(context, row, infos.get(row.db)!, options, (docs) => {
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
        await applyIncoming(context, row.db, options, () => report('apply', pulledBefore));
      }
      if (fatal) throw fatal;
      throwIfAborted(options);
      await reconcileClaims(context);
      status = await finishStatus(this.deps.db, store, { ...status, running: false, lastOkAt: this.now(), progress: undefined, errorKind: undefined, errorText: undefined });
      status = withForbiddenShops(status);
    } catch (error) {
      status = await finishStatus(this.deps.db, store, { ...status, running: false, progress: undefined, ...passError(error) });
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

  // ---------------------------------------------------------------- 催付

  /**
   * 催付 with a claim on the server (sync on; remind-with-claim.ts): a teammate's claim within the cooldown
   * refuses with their name and time. Returns null when sync is off: the caller reminds locally.
   */
  async remind(platform: string, orderId: string, windows?: PaymentWindows): Promise<RemindOutcome | null> {
    const context = await this.context();
    if (!context) return null;
    const outcome = await remindWithClaim(context, platform, orderId, windows);
    if (outcome.ok) this.scheduleSoon(1_000);
    return outcome;
  }
}

export type { ReminderRecord };
