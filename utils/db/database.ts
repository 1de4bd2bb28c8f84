import Dexie, { type EntityTable } from 'dexie';
import type { StoredOrder } from '../model/order';
import type { Contribution } from '../kpi/order-contribution';
import { DB_NAME } from './db-name';

export { DB_NAME };

/** A stored order plus the derived fields that exist only to be indexed. */
export type OrderRecord = StoredOrder & {
  /** Every waybill number of the order (multi-entry index: batch tracking looks orders up by waybill). */
  waybillNos: string[];
  /** Team sync (issue 16): member ids (CouchDB user names) whose captures this record holds. Absent on a
   * record only this browser captured before any teammate's copy was merged into it. Not indexed. */
  capturedBy?: string[];
};

export interface ReminderRecord {
  id?: number;
  orderKey: string;
  at: number;
  channel: string;
  template: string;
  /** Team sync: the member id who reminded (absent: this browser before sync was on). */
  by?: string;
  /** Team sync: the server document of a teammate's reminder (`rem:…`), so it is stored once. */
  remoteId?: string;
  /** Team sync: reminded while the server could not be reached (no claim was made first). */
  uncoordinated?: boolean;
}

/** Parse health per console page layout (issue 3 "diagnostics"), accumulated over captures. */
export interface DiagnosticsRecord {
  /** `<platform>:<pageKind>:<layout>` */
  key: string;
  platform: string;
  pageKind: string;
  layout: string;
  pages: number;
  rowsSeen: number;
  rowsParsed: number;
  skipped: Record<string, number>;
  strategies: Record<string, Record<string, number>>;
  lastAt: number;
}

/** Sums of order contributions (utils/kpi/order-contribution.ts) per Beijing day, platform and shop. */
export type RollupRecord = Contribution & {
  /** `<day>|<platform>|<shop>` */
  key: string;
  day: string;
  platform: string;
  shop: string;
};

export type OrderLensDatabase = Dexie & {
  orders: EntityTable<OrderRecord, 'key'>;
  rollups: EntityTable<RollupRecord, 'key'>;
  reminders: EntityTable<ReminderRecord, 'id'>;
  diagnostics: EntityTable<DiagnosticsRecord, 'key'>;
};

/**
 * Schema versions. Policy (utils/db/MIGRATIONS.md): never edit a released version, never change a primary
 * key, add a new version with an idempotent `.upgrade()` when data must change, keep old versions declared.
 */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    // createdAt: date ranges; [platform+shop]: shop filter; [status+createdAt]: 待催付 queue and status
    // filters; updatedAt: "recently changed"; *waybillNos: batch tracking by waybill.
    orders: 'key, createdAt, updatedAt, platform, [platform+shop], [status+createdAt], *waybillNos',
    // day: KPI ranges over all platforms; [platform+day]: the same for one platform.
    rollups: 'key, day, [platform+day]',
    reminders: '++id, orderKey, at',
    diagnostics: 'key, platform',
  });
  // v2: [platform+createdAt] — one platform's orders of a date range without reading the others (exports,
  // per-platform lists). Index only: no data changes, no upgrade function needed.
  db.version(2).stores({
    orders: 'key, createdAt, updatedAt, platform, [platform+shop], [status+createdAt], [platform+createdAt], *waybillNos',
  });
  // v3: drops `platform` and `[platform+shop]` — no query uses them any more ([platform+createdAt] serves a
  // platform's orders, rollups serve shops) and every index costs each write (300-order page into 100k).
  db.version(3).stores({
    orders: 'key, createdAt, updatedAt, [status+createdAt], [platform+createdAt], *waybillNos',
  });
}

export function createDatabase(name = DB_NAME): OrderLensDatabase {
  const db = new Dexie(name) as OrderLensDatabase;
  declareSchema(db);
  return db;
}
