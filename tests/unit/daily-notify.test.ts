import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onDailyAlarm, scheduleDailyReport, setUpDailyReportNotifications } from '@/utils/background/daily-notify';
import { DAILY_ALARM, DAILY_NOTIFICATION, dailyNotifyItem, nextBeijingHour } from '@/utils/background/daily-notify-settings';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { captured } from './order-factory';

// The fake browser has alarms, notifications, tabs and storage but no permissions API: `granted` stands in
// for the seller's answer to the browser's prompt (the e2e tier checks the real prompt is asked for).
let granted = false;
let db: OrderLensDatabase;
let serial = 0;
const listeners: { added: (() => void)[]; removed: (() => void)[] } = { added: [], removed: [] };

beforeEach(async () => {
  fakeBrowser.reset();
  granted = false;
  listeners.added = [];
  listeners.removed = [];
  Object.assign(fakeBrowser.permissions, {
    contains: async () => granted,
    onAdded: { addListener: (listener: () => void) => listeners.added.push(listener) },
    onRemoved: { addListener: (listener: () => void) => listeners.removed.push(listener) },
  });
  db = createDatabase(`daily-notify-${serial++}`);
  await db.open();
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await Dexie.delete(db.name);
});

const bj = (text: string) => Date.parse(`${text}+08:00`);

describe('the 日报 notification hour', () => {
  it('is the next time a Beijing clock shows the hour, in any machine zone', () => {
    expect(nextBeijingHour(bj('2026-05-14T08:30:00'), 9)).toBe(bj('2026-05-14T09:00:00'));
    expect(nextBeijingHour(bj('2026-05-14T09:00:00'), 9)).toBe(bj('2026-05-15T09:00:00')); // the hour itself has passed
    expect(nextBeijingHour(bj('2026-05-14T08:30:00'), 8)).toBe(bj('2026-05-15T08:00:00'));
    // 23:59 Beijing is 15:59 UTC: midnight Beijing comes next, at 16:00 UTC the same UTC day
    expect(nextBeijingHour(Date.parse('2026-05-14T15:59:00Z'), 0)).toBe(Date.parse('2026-05-14T16:00:00Z'));
    expect(nextBeijingHour(Date.parse('2026-05-14T16:30:00Z'), 0)).toBe(Date.parse('2026-05-15T16:00:00Z'));
  });
});

describe('scheduling and showing the 日报 notification', () => {
  it('schedules nothing while the setting is off or the permission is missing', async () => {
    await scheduleDailyReport(bj('2026-05-14T08:30:00'));
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await dailyNotifyItem.setValue({ enabled: true, hour: 9 });
    await scheduleDailyReport(bj('2026-05-14T08:30:00'));
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('schedules the chosen Beijing hour once granted and on, and clears it when turned off', async () => {
    granted = true;
    await dailyNotifyItem.setValue({ enabled: true, hour: 21 });
    await scheduleDailyReport(bj('2026-05-14T08:30:00'));
    expect(await fakeBrowser.alarms.get(DAILY_ALARM)).toMatchObject({ scheduledTime: bj('2026-05-14T21:00:00') });
    await dailyNotifyItem.setValue({ enabled: false, hour: 21 });
    await scheduleDailyReport(bj('2026-05-14T08:30:00'));
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('at the alarm shows the headline figures; a click opens the dashboard on 日报; the next day is scheduled', async () => {
    // only Date is faked (the database's timers stay real): the alarm fires at 09:00 Beijing on 05-14
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(bj('2026-05-14T09:00:00'));
    await upsertOrders(db, [captured({ status: 'paid', statusText: '待发货', amountCents: 12990, createdAt: bj('2026-05-13T12:00:00') })], bj('2026-05-13T12:00:00'));
    granted = true;
    await dailyNotifyItem.setValue({ enabled: true, hour: 9 });
    setUpDailyReportNotifications(db);
    await fakeBrowser.alarms.onAlarm.trigger({ name: DAILY_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await expect.poll(() => Object.keys(fakeBrowser.notifications.getAllCreateOptions())).toEqual([DAILY_NOTIFICATION]);
    const shown = fakeBrowser.notifications.getAllCreateOptions()[DAILY_NOTIFICATION]!;
    expect(shown.title).toBe('OrderLens 日报 · 5月13日 周三');
    // one order yesterday, none the day before: orders and GMV compare with 0
    expect(shown.message).toBe('订单 1 单（前日↑1） · GMV ¥129.90（前日↑¥129.90） · 客单价 ¥129.90 · 待催付 0 · 物流异常 0');
    await expect.poll(async () => (await fakeBrowser.alarms.get(DAILY_ALARM))?.scheduledTime).toBe(bj('2026-05-15T09:00:00'));

    await fakeBrowser.notifications.onClicked.trigger(DAILY_NOTIFICATION);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(fakeBrowser.runtime.getURL('/dashboard.html#daily'));
  });

  it('shows nothing at the alarm when the permission was taken back, and schedules no next day', async () => {
    await dailyNotifyItem.setValue({ enabled: true, hour: 9 });
    await fakeBrowser.alarms.create(DAILY_ALARM, { when: Date.now() + 60_000 });
    await onDailyAlarm(db);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
