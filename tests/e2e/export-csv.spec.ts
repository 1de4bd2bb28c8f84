import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { BrowserContext } from '@playwright/test';
import { expect, test } from './extension-test';
import { fixtures, platforms } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { readStoredOrders } from '../../scripts/lib/browser.mjs';

const HEADERS = ['平台', '店铺', '订单编号', '下单时间', '付款时间', '订单状态', '原始状态', '实付金额', '支付方式', '买家', '收货地区', '商品', '商品数量', '快递公司', '运单号', '物流状态', '发货时间', '签收时间', '催付次数', '最后催付时间', '首次发现', '最后更新', '买家ID'];
const STATUS_ZH: Record<string, string> = { unpaid: '待付款', paid: '待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', closed: '已关闭', after_sale: '售后中', refunded: '已退款' };
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));

type Stored = { key: string; orderId: string; platform: string; status?: string; statusText?: string; amountCents?: number; createdAt?: number; buyer?: string };

/** Opens each console's first non-empty list fixture until OrderLens marked its rows. */
async function captureEveryConsole(context: BrowserContext): Promise<void> {
  for (const platform of platforms) {
    const list = fixtures.find((fixture) => fixture.platform === platform && fixture.kind === 'list' && !fixture.name.includes('empty'))!;
    const page = await context.newPage();
    await page.goto(list.url);
    await expect(page.locator('[data-orderlens-row]').first()).toBeAttached();
    await page.close();
  }
}

test('popup orders CSV: BOM, exact headers, every captured order of every console parses back exactly; LibreOffice keeps ids as text', async ({ context, openExtensionPage }) => {
  await captureEveryConsole(context);
  const popup = await openExtensionPage('popup.html');
  await popup.selectOption('select[data-filter="range"]', 'all');
  const stored = (await readStoredOrders(popup)) as Stored[];
  expect(stored.length).toBeGreaterThan(40);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="export-orders"]')]);
  expect(download.suggestedFilename()).toMatch(/^orderlens-orders-\d{8}-\d{4}\.csv$/);
  const path = (await download.path())!;
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.data[0]).toEqual(HEADERS);
  const rows = parsed.data.slice(1).map((cells) => Object.fromEntries(HEADERS.map((header, at) => [header, cells[at] ?? ''])));
  expect(rows).toHaveLength(stored.length);
  const byId = new Map(rows.map((row) => [row['订单编号']!.replace(/\t$/, ''), row]));
  for (const order of stored) {
    const row = byId.get(order.orderId);
    expect(row, order.key).toBeDefined();
    expect(row!['订单状态']).toBe(order.status ? STATUS_ZH[order.status] : '');
    expect(row!['实付金额']).toBe(order.amountCents === undefined ? '' : (order.amountCents / 100).toFixed(2));
    expect(row!['下单时间']).toBe(order.createdAt === undefined ? '' : beijing(order.createdAt));
    if (order.buyer && /^[=+\-@]/.test(order.buyer)) expect(row!['买家']).toBe(`'${order.buyer}`);
  }
  const longest = stored.map((order) => order.orderId).sort((a, b) => b.length - a.length)[0]!;
  expect(longest.length).toBeGreaterThanOrEqual(19);
  expect(byId.has(longest)).toBe(true);

  test.skip(!SOFFICE, 'LibreOffice (Debian libreoffice-calc) is not installed; .ci/run installs it');
  const out = mkdtempSync(join(tmpdir(), 'orderlens-lo-'));
  const input = join(out, 'orders.csv');
  writeFileSync(input, bytes);
  execFileSync(SOFFICE!, ['--headless', '--infilter=CSV:44,34,76,1,,0,false,true', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', join(out, 'converted'), input], {
    timeout: 120_000,
    env: { ...process.env, HOME: out },
  });
  const converted = readFileSync(join(out, 'converted', readdirSync(join(out, 'converted'))[0]!), 'utf8');
  expect(converted).toContain('订单编号');
  expect(converted).toContain(longest);
  expect(converted).not.toMatch(/\d\.\d+E\+\d+/);
});

test('dashboard Excel export: every captured order of every console in sheet 订单, ids as text, items in 商品明细', async ({ context, openExtensionPage }) => {
  await captureEveryConsole(context);
  const dashboard = await openExtensionPage('dashboard.html#export');
  await dashboard.selectOption('section[data-view="export"] select[data-filter="range"]', 'all');
  const stored = (await readStoredOrders(dashboard)) as Stored[];
  await expect(dashboard.locator('[data-export-estimate]')).toHaveAttribute('data-export-estimate', String(stored.length));
  const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="export-orders-xlsx"]')]);
  expect(download.suggestedFilename()).toMatch(/^orderlens-orders-\d{8}-\d{4}\.xlsx$/);
  const files = unzipSync(readFileSync((await download.path())!));
  const orders = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const items = strFromU8(files['xl/worksheets/sheet2.xml']!);
  expect(strFromU8(files['xl/workbook.xml']!)).toMatch(/name="订单".*name="商品明细"/);
  // one row per order after the header, every order number as an inline text cell with every digit
  expect(orders.match(/<row r="/g)).toHaveLength(stored.length + 1);
  for (const order of stored) expect(orders, order.key).toContain(`<t xml:space="preserve">${order.orderId}</t>`);
  expect(items.match(/<row r="/g)!.length).toBeGreaterThan(stored.length);
});
