import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './extension-test';
import { fixtures } from './fixture-data';

// 导入订单 in the built extension: the 抖店 订单导出 (GBK CSV and .xlsx) dropped or chosen in the dashboard,
// previewed, imported all at once; capturing the console's pages afterwards duplicates nothing and moves no KPI.
const EXPORTS = new URL('../fixtures/exports/', import.meta.url).pathname;
const API_LIST = fixtures.find((fixture) => fixture.platform === 'douyin' && fixture.name === 'api-list')!;
/** Σ pay_amount of the 14 orders in tests/fixtures/douyin/api/searchlist-all-p*.json (the export's 订单应付金额). */
const GMV_PAID_YUAN = ['59.9', '95.7', '88', '129', '69', '77.7', '90', '448', '136', '278.9', '158'].reduce((sum, value) => sum + Number(value), 0);

async function openImport(dashboard: Page) {
  await dashboard.click('nav.views a[data-nav="import"]');
  await expect(dashboard.locator('section[data-view="import"]')).toBeVisible();
}

async function kpiValues(dashboard: Page): Promise<Record<string, string | null>> {
  await dashboard.click('nav.views a[data-nav="overview"]');
  await dashboard.selectOption('section[data-view="overview"] select[data-filter="range"]', 'all');
  const names = ['orders', 'gmv', 'aov', 'conversion', 'return_rate', 'ship_hours', 'unpaid'];
  const values: Record<string, string | null> = {};
  for (const name of names) values[name] = await dashboard.locator(`[data-kpi="${name}"]`).getAttribute('data-value');
  return values;
}

test('the 抖店 export (GBK CSV) imports with a preview; capturing the same orders afterwards changes no KPI', async ({ context, openExtensionPage }) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await openImport(dashboard);
  await dashboard.setInputFiles('[data-action="import-orders-file"]', join(EXPORTS, 'douyin-order-export-gbk.csv'));
  await expect(dashboard.locator('[data-import-layout]')).toHaveAttribute('data-import-layout', 'douyin-order-export');
  await expect(dashboard.locator('[data-import-orders]')).toHaveAttribute('data-import-orders', '14');
  await expect(dashboard.locator('[data-import-orders]')).toHaveAttribute('data-import-problems', '0');
  await expect(dashboard.locator('[data-import-preview] tr[data-preview-order]')).toHaveCount(5);
  await expect(dashboard.locator('[data-preview-order="4937120546881022603"]')).toContainText('速干运动短裤');
  await expect(dashboard.locator('select[data-import="platform"]')).toHaveValue('douyin');

  await dashboard.click('[data-action="import-orders-start"]');
  const result = dashboard.locator('[data-result="import"]');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toHaveAttribute('data-inserted', '14');
  await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', '14');
  const imported = await kpiValues(dashboard);
  expect(imported.orders).toBe('14');
  expect(Number(imported.gmv)).toBeCloseTo(GMV_PAID_YUAN, 2);

  // the console's own pages, captured now (JSON and DOM), are the same orders: merged, not added
  const consolePage = await context.newPage();
  await consolePage.goto(API_LIST.url);
  await expect(consolePage.locator('[data-orderlens-row]').first()).toBeVisible();
  await dashboard.reload();
  await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', '14');
  expect(await kpiValues(dashboard)).toEqual(imported);

  // and the same file again changes nothing
  await openImport(dashboard);
  await dashboard.setInputFiles('[data-action="import-orders-file"]', join(EXPORTS, 'douyin-order-export.xlsx'));
  await expect(dashboard.locator('[data-import-orders]')).toHaveAttribute('data-import-orders', '14');
  await dashboard.click('[data-action="import-orders-start"]');
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result).toHaveAttribute('data-inserted', '0');
  await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', '14');

  // the rollups the KPIs read equal a recount from the orders (备份与恢复 → 检查汇总)
  await dashboard.click('nav.views a[data-nav="backup"]');
  await dashboard.click('[data-action="check-rollups"]');
  await expect(dashboard.locator('[data-result="check"]')).toHaveAttribute('data-mismatches', '0');
  await expect(dashboard.locator('[data-result="check"]')).toContainText('14');
});

test('a dropped file with a damaged id reports the row; a garbled file imports nothing', async ({ openExtensionPage }) => {
  const dashboard = await openExtensionPage('dashboard.html');
  await openImport(dashboard);
  const csv =
    '\uFEFF主订单编号,子订单编号,选购商品,商品数量,商品金额,订单应付金额,订单提交时间,订单状态\r\n' +
    '4937120546881022601,4937120546881022602,陶瓷马克杯,1,29.00,29.00,2026-05-13 09:12:05,待支付\r\n' +
    '4.93712E+18,4.93712E+18,纯棉短袖T恤,1,59.90,59.90,2026-05-13 08:40:10,待发货\r\n';
  // a real drop: a DataTransfer holding the file, dispatched on the drop zone
  await dashboard.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'export.csv', { type: 'text/csv' }));
    const zone = document.querySelector('[data-drop="import"]')!;
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, csv);
  await expect(dashboard.locator('[data-import-orders]')).toHaveAttribute('data-import-orders', '1');
  await expect(dashboard.locator('[data-problem-row="3"]')).toHaveAttribute('data-problem-kind', 'damaged-id');
  await expect(dashboard.locator('[data-problem-row="3"]')).toContainText('4.93712E+18');

  const mojibake = Buffer.from(Buffer.from(readFileSync(join(EXPORTS, 'douyin-order-export-utf8.csv'), 'utf8'), 'utf8').toString('latin1'), 'utf8');
  await dashboard.setInputFiles('[data-action="import-orders-file"]', { name: 'orders.csv', mimeType: 'text/csv', buffer: mojibake });
  await expect(dashboard.locator('[data-result="import-file"]')).toHaveAttribute('data-ok', 'false');
  await expect(dashboard.locator('[data-import-orders]')).toHaveCount(0);
  await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', '0');
});
