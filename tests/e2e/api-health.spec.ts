import type { Page } from '@playwright/test';
import { expect, test } from './extension-test';
import { fixtures } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { readStoredOrders } from '../../scripts/lib/browser.mjs';

// Parse health per capture source (issue 10 item 5): per console and endpoint, responses seen and orders
// taken, error envelopes counted; when the JSON has orders but the page reader finds no rows, the
// dashboard says so in words. And the JSON-only fields reach the dashboard (订单来源) and the CSV (买家ID).

const apiList = (platform: string) => fixtures.find((fixture) => fixture.platform === platform && fixture.name === 'api-list')!;

async function storedCount(dashboard: Page, platform: string): Promise<number> {
  return ((await readStoredOrders(dashboard)) as { platform: string }[]).filter((order) => order.platform === platform).length;
}

test('快手: JSON orders but no rows the page reader knows → the note in 解析健康; endpoint figures per source', async ({ context, openExtensionPage }) => {
  const page = await context.newPage();
  await page.goto(apiList('kuaishou').url);
  const dashboard = await openExtensionPage('dashboard.html');
  await expect.poll(() => storedCount(dashboard, 'kuaishou')).toBeGreaterThan(0);
  // controls found by order id on rows the reader does not know
  await expect(page.locator('[data-orderlens-row]').first()).toBeAttached();
  await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#parse-health');
  const kuaishou = dashboard.locator('[data-diagnostics-platform="kuaishou"]');
  // the seller's verdict first: the page reader recognised nothing on this page
  await expect(kuaishou.locator('[data-diagnostics-verdict="broken"]')).toContainText('页面无法识别', { timeout: 20_000 });
  await kuaishou.locator('[data-diagnostics-detail] > summary').click();
  const apiCard = kuaishou.locator('[data-source="api"][data-diagnostics="kuaishou:api:kuaishou.orderQuery"]');
  await expect(apiCard).toBeVisible({ timeout: 20_000 });
  await expect(apiCard).toContainText('响应 1');
  // the mismatch is reported once the layout notice delay (5 s) has passed without DOM rows
  await expect(kuaishou.locator('[data-diagnostics-note]').filter({ hasText: '接口返回了订单' })).toBeVisible({ timeout: 20_000 });
});

test('抖店: an error envelope stores nothing and is counted; 订单来源 and 买家ID come from the JSON', async ({ context, openExtensionPage }) => {
  const page = await context.newPage();
  await page.goto(apiList('douyin').url);
  const dashboard = await openExtensionPage('dashboard.html');
  await expect.poll(() => storedCount(dashboard, 'douyin')).toBeGreaterThanOrEqual(10);
  const before = await storedCount(dashboard, 'douyin');
  // the 待支付 tab's request answers 签名校验失败 (tests/fixtures/douyin/api-routes.json)
  await page.click('.auxo-tabs-tab[data-node-key="unpaid"]');
  await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#parse-health');
  const douyin = dashboard.locator('[data-diagnostics-platform="douyin"]');
  await expect(douyin.locator('[data-diagnostics-verdict="partial"]')).toContainText('后台签名校验失败', { timeout: 20_000 });
  await douyin.locator('[data-diagnostics-detail] > summary').click();
  const apiCard = dashboard.locator('[data-diagnostics="douyin:api:douyin.searchlist"]');
  await expect(apiCard).toContainText('error:sign-failed', { timeout: 20_000 });
  await expect(dashboard.locator('[data-diagnostics-platform="douyin"] [data-diagnostics-note]').filter({ hasText: '接口返回错误' })).toBeVisible();
  expect(await storedCount(dashboard, 'douyin')).toBe(before);

  await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#overview');
  await dashboard.selectOption('select[data-filter="range"]', 'all');
  const sources = dashboard.locator('[data-panel="order-sources"]');
  await expect(sources).toBeVisible();
  await expect(sources).toContainText('小店自卖');
  await expect(sources).toContainText('精选联盟');
  const stored = (await readStoredOrders(dashboard)) as { platform: string; buyerId?: string }[];
  expect(stored.filter((order) => order.platform === 'douyin' && order.buyerId).length).toBeGreaterThan(0);
});
