import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './extension-test';
import { fixtures } from './fixture-data';

// 日报 on the dashboard over orders restored from a hand-written backup, with the dashboard's clock fixed at
// Thursday 2026-05-14 09:00 Beijing: the report is of 05-13, against 05-12 and 05-06.
const bj = (text: string) => Date.parse(`${text}+08:00`);
const NOW = bj('2026-05-14T09:00:00');
const SHOP = '山野好物旗舰店';
const JD_SHOP = '京东自营店';

/** The few extension APIs the checks read, as seen from the page and the service worker. */
type ExtensionGlobals = {
  chrome: {
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
    permissions: { contains(request: { permissions: string[] }): Promise<boolean> };
    alarms: { getAll(): Promise<unknown[]> };
  };
};

let serial = 0;
function stored(platform: string, shop: string, status: string, amountCents: number, createdAt: string, paid: boolean) {
  const orderId = `${platform === 'jd' ? '3' : '49'}${String(++serial).padStart(11, '0')}`;
  return {
    key: `${platform}:${orderId}`,
    platform,
    orderId,
    shop,
    status,
    createdAt: bj(createdAt),
    ...(paid ? { paidAt: bj(createdAt) + 60_000 } : {}),
    amountCents,
    currency: 'CNY',
    items: [],
    shipments: [],
    statusHistory: [],
    sources: ['list'],
    firstSeenAt: bj(createdAt),
    updatedAt: bj(createdAt),
    rev: 1,
  };
}

/**
 * 05-13: 抖店 completed ¥100, refunded ¥30, closed ¥10; 京东 paid ¥50 → 4 orders, 3 paid, GMV 180, 客单价 60.
 * 05-12: 抖店 completed ¥60 twice → 2 orders, GMV 120, 客单价 60.   05-06: 京东 paid ¥90 → 1 order, GMV 90.
 * So: orders 4 (前日 ↑100.0%, 上周 ↑300.0%), GMV ¥180.00 (↑50.0%, ↑100.0%), 客单价 ¥60.00 (持平, ↓33.3%),
 * 支付转化率 75.0% (↓25.0个百分点 from 100% on both days), 退货率 50.0% (1 refunded / (1 completed + 1)); 抖店 GMV ¥130.00 ↑8.3%.
 */
const ORDERS = [
  stored('douyin', SHOP, 'completed', 10000, '2026-05-13T10:00:00', true),
  stored('douyin', SHOP, 'refunded', 3000, '2026-05-13T11:00:00', true),
  stored('douyin', SHOP, 'closed', 1000, '2026-05-13T12:00:00', false),
  stored('jd', JD_SHOP, 'paid', 5000, '2026-05-13T13:00:00', true),
  stored('douyin', SHOP, 'completed', 6000, '2026-05-12T10:00:00', true),
  stored('douyin', SHOP, 'completed', 6000, '2026-05-12T11:00:00', true),
  stored('jd', JD_SHOP, 'paid', 9000, '2026-05-06T10:00:00', true),
];

async function openReport(openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const dashboard = await openExtensionPage('dashboard.html#backup');
  await dashboard.clock.setFixedTime(NOW);
  await dashboard.reload();
  const backup = { format: 'orderlens-backup', version: 1, exportedAt: NOW, settings: {}, reminders: [], diagnostics: [], orders: ORDERS };
  await dashboard.setInputFiles('input[data-action="restore"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(dashboard.locator('[data-result="restore"]')).toHaveAttribute('data-ok', 'true');
  await dashboard.click('nav.views a[data-nav="daily"]');
  await expect(dashboard.locator('section[data-view="daily"]')).toBeVisible();
  return dashboard;
}

test('日报 shows the figures of the restored orders; text, PNG and Excel', async ({ context, openExtensionPage }) => {
  const dashboard = await openReport(openExtensionPage);
  await expect(dashboard.locator('[data-report-days]')).toHaveAttribute('data-report-days', '2026-05-13 2026-05-12 2026-05-06');
  const total = (metric: string, day: string) => dashboard.locator(`table[data-report-row="total"] tr[data-metric="${metric}"] td[data-day="${day}"]`);
  await expect(total('orders', 'yesterday')).toHaveAttribute('data-value', '4');
  await expect(total('orders', 'day-before')).toHaveAttribute('data-value', '2');
  await expect(total('orders', 'last-week')).toHaveAttribute('data-value', '1');
  await expect(total('gmv', 'yesterday')).toHaveAttribute('data-value', '180');
  await expect(total('gmv', 'yesterday')).toHaveText('¥180.00');
  await expect(total('conversion', 'yesterday')).toHaveText('75.0%');
  await expect(total('return_rate', 'yesterday')).toHaveText('50.0%');
  // nothing shipped: no basis for the times, "—" and no data-value
  await expect(total('delivery_hours', 'yesterday')).toHaveText('—');
  await expect(total('delivery_hours', 'yesterday')).not.toHaveAttribute('data-value', /./);
  await expect(dashboard.locator('table[data-report-row="total"] tr[data-metric="gmv"]')).toContainText('↑50.0%');
  await expect(dashboard.locator('table[data-report-row="total"] tr[data-metric="conversion"]')).toContainText('↓25.0个百分点');
  // per platform and shop
  await expect(dashboard.locator('tr[data-report-row="douyin"] td[data-metric="gmv"]')).toHaveAttribute('data-value', '130');
  await expect(dashboard.locator(`tr[data-report-row="douyin|${SHOP}"] td[data-metric="orders"]`)).toHaveAttribute('data-value', '3');
  await expect(dashboard.locator(`tr[data-report-row="jd|${JD_SHOP}"] td[data-metric="gmv"]`)).toHaveAttribute('data-value', '50');

  // 复制文本: copied in the extension page, read back on a console origin allowed to read the clipboard
  await dashboard.bringToFront();
  await dashboard.click('[data-action="daily-copy"]');
  await expect(dashboard.locator('[data-copy-state]')).toHaveAttribute('data-copy-state', 'done');
  await expect(dashboard.locator('[data-copy-state]')).toHaveText('已复制，可粘贴到微信群');
  const consolePage = fixtures.find((fixture) => fixture.platform === 'douyin')!;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(consolePage.url).origin });
  const reader = await context.newPage();
  await reader.goto(consolePage.url);
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  const lines = text.split('\n');
  expect(lines[0]).toBe('【日报】5月13日 周三');
  expect(lines).toContain('订单数 4｜前日 ↑100.0%｜上周 ↑300.0%');
  expect(lines).toContain('GMV ¥180.00｜前日 ↑50.0%｜上周 ↑100.0%');
  expect(lines).toContain('客单价 ¥60.00｜前日 持平｜上周 ↓33.3%');
  expect(lines).toContain('支付转化率 75.0%｜前日 ↓25.0个百分点｜上周 ↓25.0个百分点');
  expect(lines).toContain('物流时效 —');
  expect(lines.some((line) => line.startsWith(`· 抖店 · ${SHOP}：订单 3 单 ↑50.0%，GMV ¥130.00 ↑8.3%`))).toBe(true);

  // 下载图片: a real PNG, drawn at twice the card's 720 px
  await dashboard.bringToFront();
  const [png] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="daily-png"]')]);
  expect(png.suggestedFilename()).toMatch(/^orderlens-daily-report-\d{8}-\d{4}\.png$/);
  const image = readFileSync((await png.path())!);
  expect(image.length).toBeGreaterThan(10_000);
  expect([...image.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(image.readUInt32BE(16)).toBe(1440);

  // 导出 Excel: sheet 日报 with the dates in the header and the figures as numbers
  const [xlsx] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="daily-xlsx"]')]);
  expect(xlsx.suggestedFilename()).toMatch(/^orderlens-daily-report-\d{8}-\d{4}\.xlsx$/);
  const files = unzipSync(readFileSync((await xlsx.path())!));
  expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="日报"');
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  expect(sheet).toContain('昨日 2026-05-13');
  const gmvRow = sheet.match(/<row r="3">.*?<\/row>/)![0]; // row 2 is 订单数, row 3 GMV of 全部平台
  expect(gmvRow).toContain('GMV（元）');
  expect(gmvRow.match(/<v>([\d.]+)<\/v>/g)).toEqual(['<v>180</v>', '<v>120</v>', '<v>90</v>']);
});

test('turning the 日报 notification on asks the browser for the optional notifications permission', async ({ context, openExtensionPage }) => {
  const dashboard = await openExtensionPage('dashboard.html#daily');
  const setting = dashboard.locator('[data-notify-state]');
  await expect(setting).toHaveAttribute('data-notify-state', 'off');
  await dashboard.selectOption('[data-action="daily-notify-hour"]', '8');
  const storedSetting = () =>
    dashboard.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get('dailyReportNotify').then((items) => items.dailyReportNotify));
  await expect.poll(storedSetting).toEqual({ enabled: false, hour: 8 });
  const granted = () => dashboard.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.permissions.contains({ permissions: ['notifications'] }));
  expect(await granted()).toBe(false);

  await dashboard.click('[data-action="daily-notify"]');
  // The browser now shows its permission prompt (headless Chromium has no way to answer it): the request was
  // accepted as coming from the click — without a user gesture Chromium rejects it at once, and the setting
  // would read "denied". Until the seller answers, nothing is turned on and nothing is scheduled.
  await expect(setting).toHaveAttribute('data-notify-state', 'requesting');
  await expect(dashboard.locator('[data-action="daily-notify"]')).toBeDisabled();
  expect(await storedSetting()).toEqual({ enabled: false, hour: 8 });
  expect(await granted()).toBe(false);
  const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'))!;
  expect(await worker.evaluate(() => (globalThis as unknown as ExtensionGlobals).chrome.alarms.getAll())).toEqual([]);
  await expect(setting).toHaveAttribute('data-notify-state', 'requesting');
});
