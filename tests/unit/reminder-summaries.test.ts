import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, type OrderLensDatabase, type ReminderRecord } from '@/utils/db/database';
import { reminderSummariesOf } from '@/utils/db/reminder-summaries';
import { summariseReminders } from '@/utils/db/rollup-updates';

let db: OrderLensDatabase;
let name: string;
let counter = 0;
beforeEach(async () => {
  name = `reminder-summaries-${counter++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

const key = (n: number) => `douyin:49${String(n).padStart(17, '0')}`;
const reminder = (n: number, at: number): Omit<ReminderRecord, 'id'> => ({ orderKey: key(n), at, channel: 'feige', template: 'default' });

async function expectSameAsFullScan(keys: string[]) {
  const all = summariseReminders(await db.reminders.toArray());
  const expected = new Map(keys.filter((k) => all.has(k)).map((k) => [k, all.get(k)]));
  const got = await db.transaction('r', db.reminders, () => reminderSummariesOf(db, keys));
  expect(new Map([...got].sort())).toEqual(new Map([...expected].sort()));
}

describe('reminderSummariesOf', () => {
  it('a dense range (the page\'s own reminders): count, first and last per order, others left out', async () => {
    await db.reminders.bulkAdd([reminder(10, 100), reminder(10, 300), reminder(10, 200), reminder(11, 50), reminder(12, 70)]);
    const got = await reminderSummariesOf(db, [key(10), key(12), key(13)]);
    expect(got.get(key(10))).toEqual({ count: 3, firstAt: 100, lastAt: 300 });
    expect(got.get(key(12))).toEqual({ count: 1, firstAt: 70, lastAt: 70 });
    expect(got.has(key(11))).toBe(false);
    expect(got.has(key(13))).toBe(false);
    await expectSameAsFullScan([key(10), key(12), key(13)]);
  });

  it('a sparse range (keys spread over a big table): the same answer, key by key', async () => {
    // 2,000 other orders' reminders between the two wanted keys: far beyond the range read's cap
    await db.reminders.bulkAdd(Array.from({ length: 2000 }, (_, n) => reminder(1000 + n, n)));
    await db.reminders.bulkAdd([reminder(1, 5), reminder(1, 9), reminder(9999, 7)]);
    const got = await reminderSummariesOf(db, [key(1), key(9999), key(5000)]);
    expect(got.get(key(1))).toEqual({ count: 2, firstAt: 5, lastAt: 9 });
    expect(got.get(key(9999))).toEqual({ count: 1, firstAt: 7, lastAt: 7 });
    expect(got.size).toBe(2);
    await expectSameAsFullScan([key(1), key(9999), key(5000), key(1500)]);
  });

  it('no keys: no read', async () => {
    expect((await reminderSummariesOf(db, [])).size).toBe(0);
  });
});
