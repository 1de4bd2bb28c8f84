import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exceptionRulesItem } from '@/utils/background/dashboard-settings';
import { lastKnownOrderCountItem, rejectedMessagesItem } from '@/utils/background/settings-items';
import {
  BackupError,
  backupFileName,
  buildBackupParts,
  deleteAllData,
  parseBackup,
  readSettingsSnapshot,
  recordOrderCount,
  restoreBackup,
  RestoreCancelledError,
  restoreSettingsSnapshot,
} from '@/utils/db/backup';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { readKpis, readRollups } from '@/utils/db/read-kpis';
import { recordReminder } from '@/utils/db/record-reminder';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { dayRange } from '@/utils/kpi/date-ranges';
import { captured } from './order-factory';

const bj = (text: string) => Date.parse(`${text}+08:00`);
const NOW = bj('2026-05-14T12:00:00');

let db: OrderLensDatabase;
let name: string;
let serial = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  name = `backup-test-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function seed() {
  await upsertOrders(
    db,
    [
      captured({ orderId: '4934071258846137421', status: 'unpaid', createdAt: bj('2026-05-13T09:00:00') }),
      captured({
        orderId: '4934071258846137422',
        status: 'shipped',
        statusText: '已发货',
        createdAt: bj('2026-05-12T09:00:00'),
        paidAt: bj('2026-05-12T09:05:00'),
        shipments: [{ waybillNo: 'SF1234567890123', carrierName: '顺丰速运', events: [{ at: bj('2026-05-12T20:00:00'), text: '已揽收' }] }],
      }),
      captured({ platform: 'pinduoduo', orderId: '220216-179332719430230', status: 'completed', createdAt: bj('2026-05-10T10:00:00'), paidAt: bj('2026-05-10T10:01:00') }),
    ],
    bj('2026-05-13T12:00:00'),
  );
  await recordReminder(db, { orderKey: 'douyin:4934071258846137421', at: bj('2026-05-13T13:00:00'), channel: 'feige', template: 'zh-default' });
  await db.diagnostics.put({
    key: 'douyin:list:douyin-2024',
    platform: 'douyin',
    pageKind: 'list',
    layout: 'douyin-2024',
    pages: 2,
    rowsSeen: 30,
    rowsParsed: 29,
    skipped: { 'no-order-id': 1 },
    strategies: { orderId: { 'data-attr': 29 } },
    lastAt: bj('2026-05-13T12:00:00'),
  });
  await exceptionRulesItem.setValue({ stalledHours: 24 });
  await rejectedMessagesItem.setValue({ 'bad-sender': 2 });
  await lastKnownOrderCountItem.setValue(3);
}

async function backupText(settings?: Record<string, unknown>) {
  return (await buildBackupParts(db, { settings, now: NOW })).parts.join('');
}

describe('backup', () => {
  it('names the file in Beijing time', () => {
    expect(backupFileName(Date.UTC(2026, 4, 12, 16, 22, 32))).toBe('orderlens-backup-20260513-0022.json');
  });

  it('writes every order, reminder, diagnostics record and setting, with counts and a format version', async () => {
    await seed();
    const file = JSON.parse(await backupText());
    expect(file).toMatchObject({ format: 'orderlens-backup', version: 1, exportedAt: NOW });
    expect(file.counts).toEqual({ orders: 3, reminders: 1, diagnostics: 1, settings: 2 });
    expect(file.orders.map((order: { orderId: string }) => order.orderId).sort()).toEqual([
      '220216-179332719430230',
      '4934071258846137421',
      '4934071258846137422',
    ]);
    // 19-digit ids stay strings in the JSON
    expect(await backupText()).toContain('"orderId":"4934071258846137421"');
    expect(file.orders[0]).not.toHaveProperty('waybillNos');
    expect(file.settings.exceptionRules).toEqual({ stalledHours: 24 });
    expect(file.settings).not.toHaveProperty('lastKnownOrderCount');
  });

  it('streams orders in chunks (more than one chunk)', async () => {
    await upsertOrders(
      db,
      Array.from({ length: 2500 }, (_, index) => captured({ orderId: String(4934071258846000000n + BigInt(index)) })),
      NOW,
    );
    const progress: number[] = [];
    const { parts, counts } = await buildBackupParts(db, { settings: {}, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(counts.orders).toBe(2500);
    expect(JSON.parse(parts.join('')).orders).toHaveLength(2500);
  });

  it('backup → delete all → restore gives the same orders, reminders, rollups and settings', async () => {
    await seed();
    const ordersBefore = await db.orders.orderBy('key').toArray();
    const rollupsBefore = await db.rollups.orderBy('key').toArray();
    const kpisBefore = await readKpis(db, { range: dayRange('all', NOW) }, NOW);
    const text = await backupText();

    await deleteAllData(db);
    expect(await db.orders.count()).toBe(0);
    expect(await db.rollups.count()).toBe(0);
    expect(await db.reminders.count()).toBe(0);
    expect(await db.diagnostics.count()).toBe(0);
    expect(await exceptionRulesItem.getValue()).toEqual({ stalledHours: 48 });
    expect(await lastKnownOrderCountItem.getValue()).toBe(0);

    const backup = parseBackup(text);
    const result = await restoreBackup(db, backup);
    await restoreSettingsSnapshot(backup.settings);
    expect(result).toEqual({
      orders: { restored: 3, invalid: 0, keptNewer: 0 },
      reminders: { restored: 1, duplicate: 0, invalid: 0 },
      diagnostics: { restored: 1, invalid: 0, keptNewer: 0 },
    });
    expect(await db.orders.orderBy('key').toArray()).toEqual(ordersBefore);
    expect(await db.rollups.orderBy('key').toArray()).toEqual(rollupsBefore);
    expect(await readKpis(db, { range: dayRange('all', NOW) }, NOW)).toEqual(kpisBefore);
    expect(await db.orders.where('waybillNos').equals('SF1234567890123').count()).toBe(1);
    expect((await db.reminders.toArray()).map((reminder) => reminder.orderKey)).toEqual(['douyin:4934071258846137421']);
    expect(await exceptionRulesItem.getValue()).toEqual({ stalledHours: 24 });
    expect(await rejectedMessagesItem.getValue()).toEqual({ 'bad-sender': 2 });
    expect(await recordOrderCount(db)).toBe(3);
    expect(await lastKnownOrderCountItem.getValue()).toBe(3);
  });

  it('restoring the same backup twice changes nothing', async () => {
    await seed();
    const backup = parseBackup(await backupText());
    await restoreBackup(db, backup);
    const second = await restoreBackup(db, backup);
    expect(second.reminders).toEqual({ restored: 0, duplicate: 1, invalid: 0 });
    expect(await db.reminders.count()).toBe(1);
    expect(await db.orders.count()).toBe(3);
    const rollups = await readRollups(db, { range: dayRange('all', NOW) });
    expect(rollups.reduce((sum, row) => sum + row.created, 0)).toBe(3);
  });

  it('skips and counts invalid records, keeps newer stored orders', async () => {
    await seed();
    const file = JSON.parse(await backupText());
    const valid = file.orders[0];
    file.orders.push(
      { ...valid, orderId: 'abc' }, // bad id
      { ...valid, key: 'douyin:1234567890123456789' }, // key does not match the id
      { ...valid, orderId: '4934071258846137999', key: 'douyin:4934071258846137999', amountCents: 'lots' },
      null,
      'text',
    );
    file.reminders.push({ orderKey: 'x', at: 1, channel: '', template: '' });
    file.diagnostics.push({ key: 'k' });
    // the database has a newer capture of the first order
    const stored = (await db.orders.get(valid.key))!;
    await db.orders.put({ ...stored, updatedAt: stored.updatedAt + 60_000, statusText: '更新后' });
    await db.orders.delete('douyin:4934071258846137422');

    const result = await restoreBackup(db, parseBackup(JSON.stringify(file)));
    expect(result.orders).toEqual({ restored: 2, invalid: 5, keptNewer: 1 });
    expect(result.reminders.invalid).toBe(1);
    expect(result.diagnostics.invalid).toBe(1);
    expect((await db.orders.get(valid.key))!.statusText).toBe('更新后');
    expect(await db.orders.get('douyin:4934071258846137422')).toBeDefined();
  });

  it('refuses files that are not OrderLens backups or come from a newer version', () => {
    const problem = (text: string) => {
      try {
        parseBackup(text);
        return 'ok';
      } catch (error) {
        return (error as BackupError).problem;
      }
    };
    expect(problem('{')).toBe('not-json');
    expect(problem('[]')).toBe('not-backup');
    expect(problem('{"format":"other","version":1,"orders":[]}')).toBe('not-backup');
    expect(problem('{"format":"orderlens-backup","version":99,"orders":[]}')).toBe('newer-version');
    expect(problem('\uFEFF{"format":"orderlens-backup","version":1,"orders":[]}')).toBe('ok');
  });

  it('settings snapshot leaves out the browser-specific items', async () => {
    await seed();
    const snapshot = await readSettingsSnapshot();
    expect(Object.keys(snapshot).filter((key) => !key.endsWith('$')).sort()).toEqual(['exceptionRules', 'rejectedMessages']);
    await lastKnownOrderCountItem.setValue(99);
    await restoreSettingsSnapshot({ ...snapshot, lastKnownOrderCount: 1 });
    expect(await lastKnownOrderCountItem.getValue()).toBe(99);
  });
});

describe('restore is all or nothing', () => {
  it('a cancelled restore leaves the database as it was', async () => {
    await seed();
    const text = await backupText();
    const before = { orders: await db.orders.orderBy('key').toArray(), rollups: await db.rollups.orderBy('key').toArray(), reminders: await db.reminders.count() };
    const backup = parseBackup(text);
    // the same backup plus 6,000 more orders (two chunks): cancelled after the first chunk is written
    const extra = Array.from({ length: 6000 }, (_, index) => ({ ...(backup.orders[0] as Record<string, unknown>), orderId: String(4934071258847000000n + BigInt(index)), key: `douyin:${4934071258847000000n + BigInt(index)}` }));
    const controller = new AbortController();
    const run = restoreBackup(db, { ...backup, orders: [...backup.orders, ...extra] }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(RestoreCancelledError);
    expect(await db.orders.orderBy('key').toArray()).toEqual(before.orders);
    expect(await db.rollups.orderBy('key').toArray()).toEqual(before.rollups);
    expect(await db.reminders.count()).toBe(before.reminders);
  });
});
