import * as z from 'zod/mini';
import { storage } from '#imports';
import { StoredOrderSchema, orderKey } from '../model/order';
import { formatBeijing } from '../model/time';
import { lastKnownOrderCountItem } from '../background/settings-items';
import type { DiagnosticsRecord, OrderLensDatabase, OrderRecord, ReminderRecord } from './database';
import { rebuildRollups } from './rollup-updates';

/**
 * Full JSON backup of the local data (orders, reminders, parse diagnostics, extension settings), restore
 * with validation, and 删除全部数据. Rollups are derived: never backed up, rebuilt after a restore.
 */

export const BACKUP_FORMAT = 'orderlens-backup';
export const BACKUP_VERSION = 1;

/** Settings that describe this browser's state rather than the seller's choices: not restored. */
const VOLATILE_SETTING_KEYS = ['lastKnownOrderCount', 'lastStorageError'];

const CHUNK = 1000;
/** Orders per bulkPut in a restore: big enough that IndexedDB's per-request cost is amortised. */
const RESTORE_CHUNK = 5000;

export interface BackupCounts {
  orders: number;
  reminders: number;
  diagnostics: number;
  settings: number;
}

/** The file's shape (JSON). Records stay `unknown` until validated on restore. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  counts: BackupCounts;
  settings: Record<string, unknown>;
  reminders: unknown[];
  diagnostics: unknown[];
  orders: unknown[];
}

/** `orderlens-backup-20260513-0022.json`, Beijing time like the CSV exports. */
export function backupFileName(now = Date.now()): string {
  const stamp = formatBeijing(now);
  return `orderlens-backup-${stamp.slice(0, 10).replaceAll('-', '')}-${stamp.slice(11, 16).replace(':', '')}.json`;
}

/** Extension settings of OrderLens (WXT storage, local area), without the volatile ones. */
export async function readSettingsSnapshot(): Promise<Record<string, unknown>> {
  return storage.snapshot('local', { excludeKeys: VOLATILE_SETTING_KEYS.flatMap((key) => [key, `${key}$`]) });
}

function withoutDerived(order: OrderRecord): Omit<OrderRecord, 'waybillNos'> {
  const { waybillNos: _derived, ...stored } = order;
  return stored;
}

/**
 * The backup as JSON text parts (join them, or hand them to a Blob). Orders are read a chunk at a time
 * in key order, so a 100k-order backup never holds the table as objects; `counts` is written last and
 * says exactly what the file holds.
 */
export async function buildBackupParts(
  db: OrderLensDatabase,
  options: { settings?: Record<string, unknown>; now?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ parts: string[]; counts: BackupCounts }> {
  const settings = options.settings ?? (await readSettingsSnapshot());
  const [reminders, diagnostics, total] = await Promise.all([db.reminders.toArray(), db.diagnostics.toArray(), db.orders.count()]);
  const parts = [
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${options.now ?? Date.now()},`,
    `"settings":${JSON.stringify(settings)},"reminders":${JSON.stringify(reminders)},"diagnostics":${JSON.stringify(diagnostics)},"orders":[`,
  ];
  let written = 0;
  let after: string | undefined;
  for (;;) {
    const chunk = await (after === undefined ? db.orders.orderBy('key') : db.orders.where('key').above(after)).limit(CHUNK).toArray();
    if (chunk.length === 0) break;
    parts.push((written > 0 ? ',' : '') + chunk.map((order) => JSON.stringify(withoutDerived(order))).join(','));
    written += chunk.length;
    after = chunk.at(-1)!.key;
    options.onProgress?.(written, Math.max(total, written));
    if (chunk.length < CHUNK) break;
  }
  const counts: BackupCounts = {
    orders: written,
    reminders: reminders.length,
    diagnostics: diagnostics.length,
    settings: Object.keys(settings).filter((key) => !key.endsWith('$')).length,
  };
  parts.push(`],"counts":${JSON.stringify(counts)}}`);
  return { parts, counts };
}

export type BackupProblem = 'not-json' | 'not-backup' | 'newer-version';

export class BackupError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(problem);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a file is an OrderLens backup this version can read; the records are validated on restore. */
export function parseBackup(text: string): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BackupError('not-json');
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT || typeof data.version !== 'number' || !Array.isArray(data.orders)) {
    throw new BackupError('not-backup');
  }
  if (data.version > BACKUP_VERSION) throw new BackupError('newer-version');
  return {
    format: BACKUP_FORMAT,
    version: data.version,
    exportedAt: typeof data.exportedAt === 'number' ? data.exportedAt : 0,
    counts: (isRecord(data.counts) ? data.counts : {}) as unknown as BackupCounts,
    settings: isRecord(data.settings) ? data.settings : {},
    reminders: Array.isArray(data.reminders) ? data.reminders : [],
    diagnostics: Array.isArray(data.diagnostics) ? data.diagnostics : [],
    orders: data.orders,
  };
}

const epochMs = z.int().check(z.gte(946_684_800_000), z.lte(4_102_444_800_000));
const count = z.int().check(z.gte(0), z.lte(1_000_000_000));
const name = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const ReminderSchema = z.object({
  orderKey: z.string().check(z.regex(/^[a-z][a-z0-9]{1,19}:\d[\d-]{4,30}\d$/)),
  at: epochMs,
  channel: name(40),
  template: z.string().check(z.maxLength(200)),
});

const countMap = z.record(z.string().check(z.maxLength(60)), count);
const DiagnosticsSchema = z.object({
  key: name(200),
  platform: name(20),
  pageKind: name(20),
  layout: name(120),
  pages: count,
  rowsSeen: count,
  rowsParsed: count,
  skipped: countMap,
  strategies: z.record(z.string().check(z.maxLength(60)), countMap),
  lastAt: epochMs,
});

export interface RestoreResult {
  orders: { restored: number; invalid: number; keptNewer: number };
  reminders: { restored: number; duplicate: number; invalid: number };
  diagnostics: { restored: number; invalid: number; keptNewer: number };
}

/** A backed-up order as a record, or null when it is not a valid stored order (then it is skipped). */
export function orderFromBackup(raw: unknown): OrderRecord | null {
  const parsed = StoredOrderSchema.safeParse(raw);
  if (!parsed.success) return null;
  const order = parsed.data;
  if (order.key !== orderKey(order.platform, order.orderId)) return null;
  return { ...order, waybillNos: order.shipments.map((shipment) => shipment.waybillNo) };
}

const reminderIdentity = (reminder: Omit<ReminderRecord, 'id'>) => `${reminder.orderKey}|${reminder.at}|${reminder.channel}|${reminder.template}`;

export class RestoreCancelledError extends Error {
  constructor() {
    super('restore cancelled');
    this.name = 'RestoreCancelledError';
  }
}

/**
 * Restores a backup into the database. Invalid records are skipped and counted; an order or diagnostics
 * record already stored with a newer `updatedAt`/`lastAt` is kept; reminders already present are not
 * added twice (restoring the same file twice changes nothing). Everything is validated first, then written
 * in one transaction through the bulk path (stored keys read once, only known orders fetched, 5,000 per
 * bulkPut, rollups rebuilt once at the end): a failure or a cancel leaves the database as it was.
 */
export async function restoreBackup(
  db: OrderLensDatabase,
  backup: BackupFile,
  options: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<RestoreResult> {
  const result: RestoreResult = {
    orders: { restored: 0, invalid: 0, keptNewer: 0 },
    reminders: { restored: 0, duplicate: 0, invalid: 0 },
    diagnostics: { restored: 0, invalid: 0, keptNewer: 0 },
  };
  const valid = new Map<string, OrderRecord>();
  for (const raw of backup.orders) {
    const order = orderFromBackup(raw);
    if (order) valid.set(order.key, order);
    else result.orders.invalid++;
  }
  const reminders: Omit<ReminderRecord, 'id'>[] = [];
  for (const raw of backup.reminders) {
    const parsed = ReminderSchema.safeParse(raw);
    if (parsed.success) reminders.push(parsed.data);
    else result.reminders.invalid++;
  }
  const diagnostics: DiagnosticsRecord[] = [];
  for (const raw of backup.diagnostics) {
    const parsed = DiagnosticsSchema.safeParse(raw);
    if (parsed.success) diagnostics.push(parsed.data);
    else result.diagnostics.invalid++;
  }
  const cancelled = () => {
    if (options.signal?.aborted) throw new RestoreCancelledError();
  };

  await db.transaction('rw', [db.orders, db.rollups, db.reminders, db.diagnostics], async () => {
    const keys = [...valid.keys()];
    const known = new Set(await db.orders.toCollection().primaryKeys());
    for (let at = 0; at < keys.length; at += RESTORE_CHUNK) {
      cancelled();
      const chunk = keys.slice(at, at + RESTORE_CHUNK);
      const knownKeys = chunk.filter((key) => known.has(key));
      const stored = new Map(knownKeys.length === 0 ? [] : (await db.orders.bulkGet(knownKeys)).map((record, index) => [knownKeys[index]!, record]));
      const writes = chunk
        .map((key) => valid.get(key)!)
        .filter((incoming) => {
          const current = stored.get(incoming.key);
          if (current && current.updatedAt > incoming.updatedAt) {
            result.orders.keptNewer++;
            return false;
          }
          return true;
        });
      if (writes.length > 0) await db.orders.bulkPut(writes);
      result.orders.restored += writes.length;
      options.onProgress?.(Math.min(at + RESTORE_CHUNK, keys.length), keys.length);
    }
    cancelled();

    const orderKeys = [...new Set(reminders.map((reminder) => reminder.orderKey))];
    const knownReminders = new Set((await db.reminders.where('orderKey').anyOf(orderKeys).toArray()).map(reminderIdentity));
    const fresh = reminders.filter((reminder) => {
      const identity = reminderIdentity(reminder);
      if (knownReminders.has(identity)) {
        result.reminders.duplicate++;
        return false;
      }
      knownReminders.add(identity);
      return true;
    });
    await db.reminders.bulkAdd(fresh);
    result.reminders.restored = fresh.length;

    const storedDiagnostics = await db.diagnostics.bulkGet(diagnostics.map((record) => record.key));
    const diagnosticWrites = diagnostics.filter((record, index) => {
      const current = storedDiagnostics[index];
      if (current && current.lastAt > record.lastAt) {
        result.diagnostics.keptNewer++;
        return false;
      }
      return true;
    });
    await db.diagnostics.bulkPut(diagnosticWrites);
    result.diagnostics.restored = diagnosticWrites.length;

    await rebuildRollups(db);
    cancelled();
  });
  return result;
}

/** Restores the settings of a backup (never the volatile ones); returns how many were restored. */
export async function restoreSettingsSnapshot(settings: Record<string, unknown>): Promise<number> {
  const volatile = new Set(VOLATILE_SETTING_KEYS.flatMap((key) => [key, `${key}$`]));
  const kept = Object.fromEntries(Object.entries(settings).filter(([key]) => !volatile.has(key)));
  await storage.restoreSnapshot('local', kept);
  return Object.keys(kept).filter((key) => !key.endsWith('$')).length;
}

/** Tells the "database vanished" check how many orders there are now (after a restore or a delete). */
export async function recordOrderCount(db: OrderLensDatabase): Promise<number> {
  const orders = await db.orders.count();
  await lastKnownOrderCountItem.setValue(orders);
  return orders;
}

/** 删除全部数据: every table in one transaction, then every OrderLens setting. */
export async function deleteAllData(db: OrderLensDatabase): Promise<void> {
  // settings first: with the remembered order count gone, no page takes the empty tables for a lost database
  await storage.clear('local');
  await storage.clear('sync');
  await storage.clear('session').catch(() => undefined);
  await db.transaction('rw', db.orders, db.rollups, db.reminders, db.diagnostics, async () => {
    await Promise.all([db.orders.clear(), db.rollups.clear(), db.reminders.clear(), db.diagnostics.clear()]);
  });
}
