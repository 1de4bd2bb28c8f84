// The extension-origin IndexedDB of team sync, `orderlens-sync`: the credentials (content scripts cannot read
// an extension origin's IndexedDB, while they can read storage.local), the push watermarks, the apply
// checkpoint per database, the pending claims of reminders made offline and the 重复催付 found. Opened only
// when sync is on (or being turned on).
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { TeamSyncSettings } from './sync-protocol';

export const SYNC_DB_NAME = 'orderlens-sync';

export interface SyncConfigRow {
  id: 'config';
  settings: TeamSyncSettings;
  secret: string;
  /** This browser profile's id in document ids (`cap:…:<deviceId>`); kept across off/on. */
  deviceId: string;
  enabledAt: number;
}

export interface SyncDeviceRow {
  id: 'device';
  deviceId: string;
}

/** Push state: orders with updatedAt ≥ ordersFrom and reminders with id > remindersAfter are not pushed yet. */
export interface SyncPushRow {
  id: 'push';
  ordersFrom: number;
  remindersAfter: number;
}

/** Per local PouchDB (one per remote database): the changes seq up to which incoming docs were merged into the store. */
export interface SyncAppliedRow {
  db: string;
  seq: number | string;
  lastSyncAt?: number;
  state?: 'ok' | 'forbidden' | 'pending';
  platform?: string;
  shop?: string;
  /** Documents written into the local copy and not yet confirmed pushed. */
  unpushed?: number;
  /** The server database's update_seq (JSON) read before the last complete pull. */
  remoteSeq?: string;
}

/** Order records already on their way to the server or written by the team merge (key → that record's
 * updatedAt): a record whose updatedAt is still this one has no change of this device to push. */
export interface SyncKnownRow {
  key: string;
  updatedAt: number;
}

/** A reminder made while the server was unreachable: its claim is put by a later pass. */
export interface SyncClaimRow {
  orderKey: string;
  platform: string;
  orderId: string;
  at: number;
}

/** 重复催付: an order reminded by two members within the cooldown. */
export interface SyncDuplicateRow {
  orderKey: string;
  platform: string;
  orderId: string;
  by: { member: string; at: number }[];
}

export type SyncStore = Dexie & {
  config: Table<SyncConfigRow | SyncDeviceRow | SyncPushRow, string>;
  applied: EntityTable<SyncAppliedRow, 'db'>;
  known: EntityTable<SyncKnownRow, 'key'>;
  claims: EntityTable<SyncClaimRow, 'orderKey'>;
  duplicates: EntityTable<SyncDuplicateRow, 'orderKey'>;
};

export function openSyncStore(name = SYNC_DB_NAME): SyncStore {
  const db = new Dexie(name) as SyncStore;
  db.version(1).stores({ config: 'id', applied: 'db', known: 'key', claims: 'orderKey', duplicates: 'orderKey' });
  return db;
}

export async function readConfig(store: SyncStore): Promise<SyncConfigRow | undefined> {
  return (await store.config.get('config')) as SyncConfigRow | undefined;
}

export async function readPush(store: SyncStore): Promise<SyncPushRow> {
  return ((await store.config.get('push')) as SyncPushRow | undefined) ?? { id: 'push', ordersFrom: 0, remindersAfter: 0 };
}

export async function deviceIdOf(store: SyncStore): Promise<string> {
  const row = (await store.config.get('device')) as SyncDeviceRow | undefined;
  if (row) return row.deviceId;
  const deviceId = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
  await store.config.put({ id: 'device', deviceId });
  return deviceId;
}
