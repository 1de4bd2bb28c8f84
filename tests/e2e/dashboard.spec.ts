import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, test } from './extension-test';
import { expectedOrderIds, fixtures } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { readStoredOrders } from '../../scripts/lib/browser.mjs';

// The dashboard over orders captured from the 抖店 fixtures: overview tiles, search, batch tracking,
// export and backup/restore, each through the page as a seller uses it.
const LIST = fixtures.find((fixture) => fixture.platform === 'douyin' && fixture.name === 'list-all')!;
const DETAIL = fixtures.find((fixture) => fixture.platform === 'douyin' && fixture.name === 'detail-shipped')!;
const LIST_IDS = expectedOrderIds(LIST);
const SHIPPED_ID = '4934071258846137423';
const WAYBILLS = ['75312345678901', '462598779470531'];

type StoredOrder = { key: string; waybillNos: string[] };

/** Opens the list page (and the detail page), waits until the dashboard sees every order stored. */
async function capture(context: BrowserContext, openExtensionPage: (path: string) => Promise<Page>, withDetail = false): Promise<Page> {
  const consolePage = await context.newPage();
  await consolePage.goto(LIST.url);
  await expect(consolePage.locator('[data-orderlens-row]')).toHaveCount(LIST_IDS.length);
  if (withDetail) {
    const detailPage = await context.newPage();
    await detailPage.goto(DETAIL.url);
  }
  const dashboard = await openExtensionPage('dashboard.html');
  await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', String(LIST_IDS.length));
  if (withDetail) {
    await expect
      .poll(async () => ((await readStoredOrders(dashboard)) as StoredOrder[]).find((order) => order.key === `douyin:${SHIPPED_ID}`)?.waybillNos.length)
      .toBe(WAYBILLS.length);
  }
  return dashboard;
}

async function openView(dashboard: Page, view: string) {
  await dashboard.click(`nav.views a[data-nav="${view}"]`);
  await expect(dashboard.locator(`section[data-view="${view}"]`)).toBeVisible();
}

/** A downloaded CSV parsed back as strings (never dynamicTyping: ids exceed 2^53), BOM removed. */
function parseCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return Papa.parse<string[]>(text.slice(1), { dynamicTyping: false, skipEmptyLines: true }).data;
}

const stripIdTab = (cell: string) => (cell.endsWith('\t') ? cell.slice(0, -1) : cell);

test('overview tiles, search by order number and by waybill', async ({ context, openExtensionPage }) => {
  const dashboard = await capture(context, openExtensionPage, true);
  await expect(dashboard.locator('section[data-view="overview"]')).toBeVisible();
  // the default view lists the recently updated orders (the capture-path test relies on these rows)
  await expect(dashboard.locator('section[data-view="overview"] tr[data-order-key]')).toHaveCount(LIST_IDS.length);
  await dashboard.selectOption('section[data-view="overview"] select[data-filter="range"]', 'all');
  await expect(dashboard.locator('[data-kpi="orders"]')).toHaveAttribute('data-value', String(LIST_IDS.length));
  await expect(dashboard.locator('[data-chart="status"] [data-bar="unpaid"]')).toHaveAttribute('data-value', '3');
  await expect(dashboard.locator('[data-chart="provinces"] [data-bar="浙江"]')).toHaveAttribute('data-value', '1');
  await expect(dashboard.locator('[data-panel="platforms"] tr[data-platform="douyin"] td').first()).toHaveAttribute(
    'data-value',
    String(LIST_IDS.length),
  );
  // the status card (order sources stack under it when known) sits beside the provinces at its own height:
  // no card stretched half-empty; a bar list keeps its drawn size (a few bars never blown up to a card's width)
  const boxOf = async (selector: string) => (await dashboard.locator(selector).boundingBox())!;
  const [status, statusChart, provinces] = [await boxOf('[data-panel="status"]'), await boxOf('svg[data-chart="status"]'), await boxOf('[data-panel="provinces"]')];
  expect(Math.abs(status.y - provinces.y)).toBeLessThan(2);
  expect(status.height).toBeLessThan(statusChart.height + 120);
  for (const chart of ['status', 'provinces']) expect((await boxOf(`svg[data-chart="${chart}"]`)).width).toBeLessThanOrEqual(561);

  await openView(dashboard, 'orders');
  await dashboard.selectOption('section[data-view="orders"] select[data-filter="range"]', 'all');
  await expect(dashboard.locator('section[data-view="orders"] tr[data-order-key]')).toHaveCount(LIST_IDS.length);
  const search = dashboard.locator('input[data-search="orders"]');
  await search.fill('4934071258846137425');
  await expect(dashboard.locator('tr[data-order-key]')).toHaveCount(1);
  await expect(dashboard.locator('tr[data-order-key="douyin:4934071258846137425"]')).toHaveCount(1);
  await search.fill(WAYBILLS[1]!);
  await expect(dashboard.locator('tr[data-order-key]')).toHaveCount(1);
  await expect(dashboard.locator(`tr[data-order-key="douyin:${SHIPPED_ID}"]`)).toContainText(WAYBILLS[0]!);
});

test('batch tracking: pasted numbers incl. an unknown one, tracking CSV export', async ({ context, openExtensionPage }) => {
  const dashboard = await capture(context, openExtensionPage, true);
  await dashboard.goto(dashboard.url().replace(/#.*$/, '') + '#batch');
  await expect(dashboard.locator('section[data-view="batch"]')).toBeVisible();
  const unknown = '4934071258846199999';
  await dashboard.fill('textarea[data-batch-input]', `${SHIPPED_ID}\t\n${unknown}，4934071258846137421`);
  await dashboard.click('[data-action="batch-lookup"]');
  await expect(dashboard.locator('[data-batch-summary]')).toHaveAttribute('data-missing', '1');
  const rows = dashboard.locator('tr[data-tracking-row]');
  await expect(rows).toHaveCount(WAYBILLS.length + 2);
  await expect(dashboard.locator(`tr[data-tracking-row="${unknown}"]`)).toContainText('未找到');
  await expect(dashboard.locator(`tr[data-tracking-row="${SHIPPED_ID}"]`)).toHaveCount(WAYBILLS.length);
  for (const waybill of WAYBILLS) {
    await expect(dashboard.locator(`tr[data-tracking-row="${SHIPPED_ID}"]`, { hasText: waybill }).locator('a[href*="kuaidi100.com"]')).toHaveCount(1);
  }

  const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="export-tracking"]')]);
  expect(download.suggestedFilename()).toMatch(/^orderlens-tracking-\d{8}-\d{4}\.csv$/);
  const [header, ...body] = parseCsv((await download.path())!);
  expect(header![0]).toBe('查询号');
  expect(body.map((row) => [stripIdTab(row[0]!), stripIdTab(row[6]!)])).toEqual([
    [SHIPPED_ID, WAYBILLS[0]],
    [SHIPPED_ID, WAYBILLS[1]],
    [unknown, ''],
    ['4934071258846137421', ''],
  ]);
  expect(body[2]![1]).toBe('未找到');

  // the same results as Excel: one row per result after the header, the numbers as text cells
  const [xlsx] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="export-tracking-xlsx"]')]);
  expect(xlsx.suggestedFilename()).toMatch(/^orderlens-tracking-\d{8}-\d{4}\.xlsx$/);
  const sheet = strFromU8(unzipSync(readFileSync((await xlsx.path())!))['xl/worksheets/sheet1.xml']!);
  expect(sheet.match(/<row r="/g)).toHaveLength(5);
  for (const number of [SHIPPED_ID, ...WAYBILLS, unknown]) expect(sheet).toContain(`<t xml:space="preserve">${number}</t>`);
  expect(sheet).toContain('<t xml:space="preserve">未找到</t>');
});

test('orders export: the CSV parses back to every captured order with 19-digit ids intact', async ({ context, openExtensionPage }) => {
  const dashboard = await capture(context, openExtensionPage);
  await openView(dashboard, 'export');
  await dashboard.selectOption('section[data-view="export"] select[data-filter="range"]', 'all');
  await expect(dashboard.locator('[data-export-estimate]')).toHaveAttribute('data-export-estimate', String(LIST_IDS.length));
  await expect(dashboard.locator('input[data-column="orderId"]')).toBeDisabled();
  await expect(dashboard.locator('input[data-column="orderId"]')).toBeChecked();
  await dashboard.uncheck('input[data-column="items"]');
  const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="export-orders"]')]);
  expect(download.suggestedFilename()).toMatch(/^orderlens-orders-\d{8}-\d{4}\.csv$/);
  const [header, ...body] = parseCsv((await download.path())!);
  expect(header).toContain('订单编号');
  expect(header).not.toContain('商品');
  expect(body).toHaveLength(LIST_IDS.length);
  const idColumn = header!.indexOf('订单编号');
  expect(body.map((row) => stripIdTab(row[idColumn]!)).sort()).toEqual([...LIST_IDS].sort());
  await expect(dashboard.locator('[data-export-result]')).toContainText(String(LIST_IDS.length));
});

test('backup → delete all → restore gives the same orders', async ({ context, openExtensionPage }) => {
  const dashboard = await capture(context, openExtensionPage);
  const byKey = (orders: StoredOrder[]) => [...orders].sort((a, b) => a.key.localeCompare(b.key));
  const before = byKey(await readStoredOrders(dashboard));
  await openView(dashboard, 'backup');

  const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="backup"]')]);
  expect(download.suggestedFilename()).toMatch(/^orderlens-backup-\d{8}-\d{4}\.json$/);
  const backupPath = (await download.path())!;
  const file = JSON.parse(readFileSync(backupPath, 'utf8'));
  expect(file).toMatchObject({ format: 'orderlens-backup', version: 1, counts: { orders: LIST_IDS.length } });

  await expect(dashboard.locator('[data-action="delete-all"]')).toBeDisabled();
  await dashboard.fill('[data-confirm="delete-all"]', '删除');
  await dashboard.click('[data-action="delete-all"]');
  await expect(dashboard.locator('[data-result="delete"]')).toHaveAttribute('data-ok', 'true');
  await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', '0');
  expect(await readStoredOrders(dashboard)).toEqual([]);

  await dashboard.setInputFiles('input[data-action="restore"]', backupPath);
  await expect(dashboard.locator('[data-result="restore"]')).toHaveAttribute('data-ok', 'true');
  await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', String(LIST_IDS.length));
  expect(byKey(await readStoredOrders(dashboard))).toEqual(before);

  // the KPIs come back too (rollups rebuilt), and a reload does not take the restore for a lost database
  await dashboard.reload();
  await openView(dashboard, 'overview');
  await dashboard.selectOption('section[data-view="overview"] select[data-filter="range"]', 'all');
  await expect(dashboard.locator('[data-kpi="orders"]')).toHaveAttribute('data-value', String(LIST_IDS.length));
});
