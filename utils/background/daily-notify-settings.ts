import { storage } from '#imports';

/** 日报 as a browser notification: off by default; the Beijing hour the seller picked (0–23). */
export interface DailyNotifySetting {
  enabled: boolean;
  hour: number;
}

export const DEFAULT_DAILY_NOTIFY: DailyNotifySetting = { enabled: false, hour: 9 };

export const dailyNotifyItem = storage.defineItem<DailyNotifySetting>('local:dailyReportNotify', {
  fallback: DEFAULT_DAILY_NOTIFY,
  version: 1,
});

/** The optional permission the notification needs, requested when the seller turns it on. */
export const NOTIFY_PERMISSION = { permissions: ['notifications'] } as const;

export const DAILY_ALARM = 'daily-report';
export const DAILY_NOTIFICATION = 'daily-report';

export function clampHour(hour: number): number {
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : DEFAULT_DAILY_NOTIFY.hour;
}

const HOUR_MS = 3_600_000;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;

/** The next instant after `now` when a Beijing clock shows `hour`:00, whatever the machine's zone. */
export function nextBeijingHour(now: number, hour: number): number {
  const beijingMidnight = Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS;
  const today = beijingMidnight + clampHour(hour) * HOUR_MS;
  return today > now ? today : today + DAY_MS;
}
