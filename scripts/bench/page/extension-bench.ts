// Runs inside an extension page (chrome-extension://<id>/…), so the database it opens is the extension's
// own `orderlens` database — the one the popup and the dashboard read. Bundled to an IIFE by
// scripts/bench/bundle.mjs and evaluated by scripts/bench/extension-section.mjs.
import Papa from 'papaparse';
import { platformName } from '@/components/platform-names';
import { createDatabase, DB_NAME, type OrderLensDatabase, type OrderRecord } from '@/utils/db/database';
import { allReminders, planExport } from '@/utils/db/export-source';
import { importOrders } from '@/utils/db/import-orders';
import { mergeOrder } from '@/utils/db/merge-order';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { buildOrdersCsv, CSV_MIME } from '@/utils/export/build-orders-csv';
import { buildOrdersXlsx, XLSX_MIME } from '@/utils/export/xlsx/build-orders-xlsx';
import { summarizeReminders } from '@/utils/export/order-columns';
import { CapturedOrderSchema, orderKey, type CapturedOrder } from '@/utils/model/order';
import { createOrderGenerator, type GeneratorOptions, type OrderGenerator } from '../generate-orders';

const RAW_DB_NAME = 'orderlens-bench-raw';

let generator: OrderGenerator;
let options: GeneratorOptions;
/** The history is generated in chunks of this many orders (a 1M history does not fit in one page's heap). */
const HISTORY_CHUNK = 100_000;
let db: OrderLensDatabase;
let historySize = 0;
let nextNewIndex = 0;
let pageRound = 0;
/** A raw IndexedDB connection to the extension's own database (the baselines of the page save and export). */
let rawConnection: IDBDatabase | undefined;

function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

export interface GenerateStats {
  orders: number;
  ms: number;
  platforms: Record<string, number>;
  statuses: Record<string, number>;
  shops: number;
  multiItemShare: number;
  withWaybillShare: number;
  multiWaybillShare: number;
  withEventsShare: number;
  schemaFailures: number;
}

/** Generates the history in memory (untimed). No database is opened: the raw baseline runs this too. */
export function generateHistory(generatorOptions: GeneratorOptions, count: number): GenerateStats {
  options = generatorOptions;
  generator = createOrderGenerator(options);
  historySize = count;
  nextNewIndex = count;
  shopLists = undefined;
  shopPages = new Map();
  const stats: GenerateStats = {
    orders: count,
    ms: 0,
    platforms: {},
    statuses: {},
    shops: 0,
    multiItemShare: 0,
    withWaybillShare: 0,
    multiWaybillShare: 0,
    withEventsShare: 0,
    schemaFailures: 0,
  };
  const shops = new Set<string>();
  const keys = new Set<string>();
  for (let first = 0; first < count; first += HISTORY_CHUNK) {
    const start = performance.now();
    const chunk = historyChunk(first);
    stats.ms += performance.now() - start;
    chunk.forEach((order, offset) => {
      stats.platforms[order.platform] = (stats.platforms[order.platform] ?? 0) + 1;
      stats.statuses[order.status!] = (stats.statuses[order.status!] ?? 0) + 1;
      shops.add(`${order.platform}:${order.shop}`);
      keys.add(orderKey(order.platform, order.orderId));
      if (order.items.length > 1) stats.multiItemShare++;
      if (order.shipments.length > 0) stats.withWaybillShare++;
      if (order.shipments.length > 1) stats.multiWaybillShare++;
      if (order.shipments.some((shipment) => shipment.events.length > 0)) stats.withEventsShare++;
      // The generator must produce what a reader may send: validate a sample with the real schema.
      if ((first + offset) % 37 === 0 && !CapturedOrderSchema.safeParse(order).success) stats.schemaFailures++;
    });
  }
  stats.shops = shops.size;
  for (const key of ['multiItemShare', 'withWaybillShare', 'multiWaybillShare', 'withEventsShare'] as const) stats[key] /= count;
  if (keys.size !== count) throw new Error('generated order keys are not unique');
  return stats;
}

/** Orders `first` … `first + HISTORY_CHUNK - 1` of the history (fewer at its end), generated again each time. */
function historyChunk(first: number): CapturedOrder[] {
  return Array.from({ length: Math.min(HISTORY_CHUNK, historySize - first) }, (_, offset) => generator.orderAt(first + offset));
}

/** Opens the extension's own database and empties it. */
export async function openExtensionDatabase(): Promise<void> {
  db = createDatabase();
  await db.open();
  await db.transaction('rw', db.orders, db.rollups, db.reminders, db.diagnostics, async () => {
    await Promise.all([db.orders.clear(), db.rollups.clear(), db.reminders.clear(), db.diagnostics.clear()]);
  });
}

/** Reminders for some unpaid and paid orders, so upserts meet a realistic reminders table (untimed). */
export async function seedReminders(every: number): Promise<number> {
  const reminders = Array.from({ length: Math.ceil(historySize / every) }, (_, at) => generator.orderAt(at * every))
    .filter((order) => (order.status === 'unpaid' || order.status === 'paid' || order.status === 'closed'))
    .map((order) => ({
      orderKey: orderKey(order.platform, order.orderId),
      at: (order.createdAt ?? options.now) + 20 * 60_000,
      channel: 'copy',
      template: '亲，您的订单还未付款哦～',
    }));
  await db.reminders.bulkAdd(reminders);
  return reminders.length;
}

/**
 * Baseline: the same records upsertOrders would store, `put` with raw IndexedDB in one transaction into a
 * store with the same key path and indexes as `orders`. Run in a page of its own origin (a fresh,
 * empty IndexedDB backing store, like the extension's before the import), never in the extension's.
 */
export async function rawImport(): Promise<{ ms: number; records: number; transactions: number }> {
  await deleteDatabase(RAW_DB_NAME);
  const open = indexedDB.open(RAW_DB_NAME, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('orders', { keyPath: 'key' });
    // the indexes of the product's current schema version, as Dexie declares them
    for (const index of createDatabase(RAW_DB_NAME).table('orders').schema.indexes) {
      store.createIndex(index.name, index.keyPath!, { multiEntry: index.multi });
    }
  };
  const raw = await idbRequest(open);
  let ms = 0;
  let count = 0;
  let transactions = 0;
  // one transaction per chunk of the history, as bulkImport (a 100k history: one)
  for (let first = 0; first < historySize; first += HISTORY_CHUNK) {
    const records: OrderRecord[] = historyChunk(first).map((order) => mergeOrder(undefined, order, options.now));
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = raw.transaction('orders', 'readwrite');
      const store = transaction.objectStore('orders');
      for (const record of records) store.put(record);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    ms += performance.now() - start;
    count += records.length;
    transactions++;
  }
  raw.close();
  return { ms, records: count, transactions };
}

/**
 * The history through the bulk path the file import uses (importOrders: one transaction, merge and rollups
 * included) — one import per chunk of 100,000 orders (a 100k history: one import; 1M: ten files in a row).
 * Generation is not timed.
 */
export async function bulkImport(): Promise<{ ms: number; inserted: number; transactions: number }> {
  let ms = 0;
  let inserted = 0;
  let transactions = 0;
  for (let first = 0; first < historySize; first += HISTORY_CHUNK) {
    const chunk = historyChunk(first);
    const start = performance.now();
    const result = await importOrders(db, chunk, { observedAt: options.now, now: options.now, itemsComplete: true });
    ms += performance.now() - start;
    inserted += result.inserted;
    transactions++;
  }
  return { ms, inserted, transactions };
}

/** Nothing to drop any more: the history is generated chunk by chunk (kept for the section's call order). */
export function releaseHistory(): void {}

/** Per shop (`platform|shop`): history indices, newest first — the order a console lists them in. */
let shopLists: Map<string, number[]> | undefined;
let shopPages = new Map<string, number>();

function listsByShop(): Map<string, number[]> {
  if (shopLists) return shopLists;
  const byShop = new Map<string, { index: number; createdAt: number }[]>();
  for (let index = 0; index < historySize; index++) {
    const order = generator.orderAt(index);
    const shop = `${order.platform}|${order.shop}`;
    const list = byShop.get(shop) ?? [];
    list.push({ index, createdAt: order.createdAt ?? 0 });
    byShop.set(shop, list);
  }
  shopLists = new Map([...byShop].map(([shop, list]) => [shop, list.sort((a, b) => b.createdAt - a.createdAt).map((entry) => entry.index)]));
  return shopLists;
}

export type PageShape = 'console' | 'scattered';

/**
 * One page of 300 orders: `changed` orders of the history seen again with a moved-on status (paid → shipped
 * with a new waybill, shipped → delivered, …) and the rest brand new, newest first. Built untimed; only
 * upsertOrders is timed.
 * - `console`: what a console list shows — one shop's orders, newest first: its new orders on top, then the
 *   next orders of its history in list order (page 1, 2, … of that shop as the rounds go on); the shop
 *   changes every round.
 * - `scattered`: the worst case no console page produces — the changed orders spread over all five
 *   platforms and the whole year (one rollup row and one reminders range per order).
 */
export async function pageUpsert(
  size: number,
  changed: number,
  shape: PageShape = 'console',
): Promise<{ ms: number; rawMs: number; inserted: number; updated: number; unchanged: number; rollupDays: number }> {
  const round = pageRound++;
  const page: CapturedOrder[] = [];
  const observedAt = options.now + (round + 1) * 60_000;
  if (shape === 'console') {
    const lists = [...listsByShop()].sort(([, a], [, b]) => b.length - a.length);
    const [shop, list] = lists[round % lists.length]!;
    let at = shopPages.get(shop) ?? 0;
    while (page.length < changed && at < list.length) {
      const next = generator.advanced(generator.orderAt(list[at++]!), observedAt);
      if (next) page.push(next);
    }
    shopPages.set(shop, at);
    const [platform, shopName] = shop.split('|');
    // new orders of the same shop (the generator picks a shop per order: take the ones of this shop)
    const fresh: CapturedOrder[] = [];
    while (fresh.length < size - page.length) {
      const order = generator.newOrderAt(nextNewIndex++);
      if (order.platform === platform && order.shop === shopName) fresh.push(order);
    }
    page.unshift(...fresh.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0)));
  } else {
    const seen = new Set<number>();
    // A different, deterministic slice of the history each round.
    for (let probe = round * 7919; page.length < changed; probe += 104_729) {
      const index = probe % historySize;
      if (seen.has(index)) continue;
      seen.add(index);
      const next = generator.advanced(generator.orderAt(index), observedAt);
      if (next) page.push(next);
    }
    while (page.length < size) page.push(generator.newOrderAt(nextNewIndex++));
    page.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
  }
  const rollupDays = new Set(page.map((order) => new Date((order.createdAt ?? 0) + 8 * 3_600_000).toISOString().slice(0, 10))).size;
  const start = performance.now();
  const result = await upsertOrders(db, page, observedAt);
  const ms = performance.now() - start;
  return { ms, rawMs: await rawPut(result.changedKeys), inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rollupDays };
}

/**
 * Baseline of a page save: the records the upsert just wrote (read back untimed) `put` again with raw
 * IndexedDB in one transaction into the same store of the same database.
 */
async function rawPut(keys: string[]): Promise<number> {
  const records = await db.orders.bulkGet(keys);
  rawConnection ??= await idbRequest(indexedDB.open(DB_NAME));
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = rawConnection!.transaction('orders', 'readwrite');
    const store = transaction.objectStore('orders');
    for (const record of records) store.put(record);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  return performance.now() - start;
}

export async function storedCounts(): Promise<{ orders: number; rollups: number; reminders: number }> {
  const [orders, rollups, reminders] = await Promise.all([db.orders.count(), db.rollups.count(), db.reminders.count()]);
  return { orders, rollups, reminders };
}

/** What the background keeps after each write (the popup checks the database against it on open). */
export async function recordLastKnownCount(count: number): Promise<void> {
  // WXT's `local:lastKnownOrderCount` item (utils/background/settings-items.ts) is this chrome.storage key.
  const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
  await chrome.storage.local.set({ lastKnownOrderCount: count });
}

/** The product's export: planExport (key ranges for all orders), reminders, buildOrdersCsv, one Blob. */
export async function exportOrders(): Promise<{ ms: number; rows: number; bytes: number }> {
  const start = performance.now();
  const plan = await planExport(db, {});
  const reminders = summarizeReminders(await allReminders(db));
  const parts = await buildOrdersCsv({ source: plan.chunks, total: plan.total, platformName, reminders });
  const blob = new Blob(parts, { type: CSV_MIME });
  return { ms: performance.now() - start, rows: plan.total, bytes: blob.size };
}

/** The product's Excel export of the same orders: planExport, reminders, buildOrdersXlsx, one Blob. */
export async function exportOrdersXlsx(): Promise<{ ms: number; rows: number; bytes: number }> {
  const start = performance.now();
  const plan = await planExport(db, {});
  const reminders = summarizeReminders(await allReminders(db));
  const parts = await buildOrdersXlsx({ source: plan.chunks, total: plan.total, platformName, reminders });
  const blob = new Blob(parts as BlobPart[], { type: XLSX_MIME });
  return { ms: performance.now() - start, rows: plan.total, bytes: blob.size };
}

/**
 * Baseline: one raw `getAll` of the orders store and `Papa.unparse` of the same 22 columns taken straight
 * from the records (no formatting, escaping or lookups), into one Blob.
 */
export async function exportBaseline(): Promise<{ ms: number; rows: number; bytes: number }> {
  rawConnection ??= await idbRequest(indexedDB.open(DB_NAME));
  const start = performance.now();
  const records = (await idbRequest(rawConnection.transaction('orders').objectStore('orders').getAll())) as OrderRecord[];
  const rows = records.map((order) => [
    order.platform,
    order.shop,
    order.orderId,
    order.createdAt,
    order.paidAt,
    order.status,
    order.statusText,
    order.amountCents,
    order.paymentMethod,
    order.buyer,
    order.receiverRegion,
    order.items.map((item) => item.title).join(';'),
    order.items.length,
    order.shipments.map((shipment) => shipment.carrierName).join(';'),
    order.waybillNos.join(';'),
    order.shipments[0]?.events.at(-1)?.text,
    order.shippedAt,
    order.deliveredAt,
    0,
    undefined,
    order.firstSeenAt,
    order.updatedAt,
  ]);
  const csv = Papa.unparse(rows, { newline: '\r\n' });
  const blob = new Blob(['\uFEFF', csv], { type: CSV_MIME });
  return { ms: performance.now() - start, rows: records.length, bytes: blob.size };
}

export function closeAll(): void {
  rawConnection?.close();
  rawConnection = undefined;
  db?.close();
}
