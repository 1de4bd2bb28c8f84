import { browser } from 'wxt/browser';
import { readDailyReport } from '../db/read-daily-report';
import type { OrderLensDatabase } from '../db/database';
import { dailyReportHeadline } from '../kpi/daily-report-text';
import { uiLang } from '../i18n/t';
import { paymentWindowsItem } from '../remind/payment-window-settings';
import { exceptionRulesItem } from './dashboard-settings';
import { DAILY_ALARM, DAILY_NOTIFICATION, NOTIFY_PERMISSION, dailyNotifyItem, nextBeijingHour } from './daily-notify-settings';

const hasPermission = () => browser.permissions.contains({ permissions: [...NOTIFY_PERMISSION.permissions] });

/** One alarm at the next chosen Beijing hour while the seller has the notification on and granted; none otherwise. */
export async function scheduleDailyReport(now = Date.now()): Promise<void> {
  const setting = await dailyNotifyItem.getValue();
  if (!setting.enabled || !(await hasPermission())) {
    await browser.alarms.clear(DAILY_ALARM);
    return;
  }
  await browser.alarms.create(DAILY_ALARM, { when: nextBeijingHour(now, setting.hour) });
}

let clickListening = false;

function listenForClicks(): void {
  // notifications exists only once the optional permission is granted (possibly after this worker started)
  if (clickListening || !browser.notifications) return;
  clickListening = true;
  browser.notifications.onClicked.addListener((id) => {
    if (id !== DAILY_NOTIFICATION) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html#daily') });
    void browser.notifications.clear(id);
  });
}

async function showDailyReport(db: OrderLensDatabase): Promise<void> {
  if (!(await hasPermission()) || !browser.notifications) return;
  listenForClicks();
  const [rules, windows] = await Promise.all([exceptionRulesItem.getValue(), paymentWindowsItem.getValue()]);
  const { title, message } = dailyReportHeadline(await readDailyReport(db, Date.now(), rules, windows), uiLang());
  await browser.notifications.create(DAILY_NOTIFICATION, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
}

/** The alarm's work: the notification (if still allowed), then the next day's alarm. */
export async function onDailyAlarm(db: OrderLensDatabase): Promise<void> {
  try {
    await showDailyReport(db);
  } finally {
    await scheduleDailyReport();
  }
}

/**
 * 日报 notifications in the service worker: listeners registered at start (MV3 wakes the worker for them),
 * the alarm rescheduled after each report, when the setting changes, and when the permission comes or goes.
 */
export function setUpDailyReportNotifications(db: OrderLensDatabase): void {
  listenForClicks();
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void onDailyAlarm(db);
  });
  dailyNotifyItem.watch(() => void scheduleDailyReport());
  browser.permissions.onAdded.addListener(() => void scheduleDailyReport());
  browser.permissions.onRemoved.addListener(() => void scheduleDailyReport());
  void scheduleDailyReport();
}
