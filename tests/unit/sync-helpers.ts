// Team-sync test helpers: simulated devices (own Dexie store, own sync store, own local PouchDB names, all on
// fake-indexeddb) against the in-process CouchDB-compatible server (tests/sync-server).
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { DEFAULT_REMIND_SETTINGS, type RemindSettings } from '@/utils/remind/remind-settings';
import { SyncEngine, type SyncEngineDeps } from '@/utils/sync/sync-engine';
import { openSyncStore, type SyncStore } from '@/utils/sync/sync-store';
import { DISABLED_STATUS, type TeamSyncSettings, type TeamSyncStatus } from '@/utils/sync/sync-protocol';

// pouchdb-adapter-idb reads navigator.userAgent (the worker and pages have it; Node 20 does not).
(globalThis as { navigator?: unknown }).navigator ??= { userAgent: 'node' };

let counter = 0;

export interface Device {
  name: string;
  db: OrderLensDatabase;
  store: SyncStore;
  engine: SyncEngine;
  status(): TeamSyncStatus;
  /** Every status written, in order. */
  history: TeamSyncStatus[];
  settings(serverUrl: string, user: string, memberName?: string): TeamSyncSettings;
  remindSettings: RemindSettings;
  /** Requests this device made (url, method). */
  requests: { url: string; method: string }[];
}

export function makeDevice(name: string, overrides: Partial<SyncEngineDeps> = {}): Device {
  counter += 1;
  const id = `${name}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const db = createDatabase(`orderlens-test-${id}`);
  const store = openSyncStore(`orderlens-sync-test-${id}`);
  let status: TeamSyncStatus = { ...DISABLED_STATUS };
  const requests: { url: string; method: string }[] = [];
  const history: TeamSyncStatus[] = [];
  const device: Device = {
    history,
    name,
    db,
    store,
    requests,
    remindSettings: { ...DEFAULT_REMIND_SETTINGS },
    status: () => status,
    settings: (serverUrl, user, memberName) => ({ serverUrl, team: 'acme', user, memberName: memberName ?? user }),
    engine: undefined as unknown as SyncEngine,
  };
  device.engine = new SyncEngine({
    db,
    readStatus: async () => status,
    writeStatus: async (next) => {
      status = next;
      history.push(next);
    },
    remindSettings: async () => device.remindSettings,
    openStore: () => store,
    localPrefix: `sync-${id}-`,
    fetch: (url, init) => {
      requests.push({ url, method: init?.method ?? 'GET' });
      return globalThis.fetch(url, init);
    },
    ...overrides,
  });
  return device;
}

/** The team db and these shop databases with members, on the test server. */
export const TEAM_DB = 'orderlens_acme';
