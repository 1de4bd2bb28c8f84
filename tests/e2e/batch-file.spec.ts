import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, test } from './extension-test';
import { fixtures } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { readStoredOrders } from '../../scripts/lib/browser.mjs';

// 批量查物流 from a file: the spreadsheet fixtures (tests/fixtures/files, made by scripts/make-sheet-fixtures.mjs)
// hold ids of the fixture consoles' orders; each is chosen through the file input or dropped on the view.
const FILES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'files');
const CONSOLES = [
  ['douyin', 'list-all'],
  ['douyin', 'detail-shipped'],
  ['jd', 'list-cards'],
  ['kuaishou', 'list-all'],
  ['pinduoduo', 'list-all'],
] as const;
/** Every order the fixture files name, as stored keys. */
const NEEDED_KEYS = [
  ...['4934071258846137421', '4934071258846137423', '4934071258846137425', '4934071258846137426'].map((id) => `douyin:${id}`),
  ...['309876543210', '309876543212', '309876543213', '309876543214'].map((id) => `jd:${id}`),
  ...['2413902846152037', '2413902846152051', '2413902846152068', '2413902846152075'].map((id) => `kuaishou:${id}`),
  ...['260513-179332719430230', '260512-182745903316528', '260512-176203358841907'].map((id) => `pinduoduo:${id}`),
];

/** Opens the consoles' pages, waits until their orders (and the shipped order's waybills) are stored, opens 批量查物流. */
async function batchView(context: BrowserContext, openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  for (const [platform, name] of CONSOLES) {
    const fixture = fixtures.find((entry) => entry.platform === platform && entry.name === name)!;
    const page = await context.newPage();
    await page.goto(fixture.url);
    if (fixture.kind === 'list') await expect(page.locator('[data-orderlens-row]').first()).toBeVisible();
  }
  const dashboard = await openExtensionPage('dashboard.html#batch');
  await expect
    .poll(async () => {
      const stored = (await readStoredOrders(dashboard)) as { key: string; waybillNos: string[] }[];
      const keys = new Set(stored.map((order) => order.key));
      const shipped = stored.find((order) => order.key === 'douyin:4934071258846137423');
      return NEEDED_KEYS.every((key) => keys.has(key)) && (shipped?.waybillNos.length ?? 0) >= 2;
    })
    .toBe(true);
  await expect(dashboard.locator('section[data-view="batch"]')).toBeVisible();
  return dashboard;
}

async function trackingQueries(dashboard: Page): Promise<string[]> {
  const queries = await dashboard.locator('tr[data-tracking-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tracking-row')!));
  return [...new Set(queries)];
}

async function problemRows(dashboard: Page, kind: string): Promise<number[]> {
  const rows = await dashboard.locator(`[data-batch-problem="${kind}"]`).evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-row'))));
  return rows;
}

async function chooseFile(dashboard: Page, name: string) {
  await dashboard.setInputFiles('input[data-action="batch-import"]', join(FILES, name));
  await expect(dashboard.locator('[data-batch-file]')).toHaveAttribute('data-batch-file', name);
  await expect(dashboard.locator('[data-batch-summary]')).toBeVisible();
}

test('batch tracking from .xlsx, .xls, .csv and .txt files: numbers found by column, damaged rows reported and never looked up', async ({
  context,
  openExtensionPage,
}) => {
  const dashboard = await batchView(context, openExtensionPage);
  const summary = dashboard.locator('[data-batch-summary]');

  // the realistic damaged file: 19- and 16-digit ids already rounded to number cells by the spreadsheet
  await chooseFile(dashboard, 'orders-damaged.xlsx');
  await expect(dashboard.locator('[data-batch-file]')).toHaveAttribute('data-numbers', '2');
  await expect(summary).toHaveAttribute('data-found', '2');
  await expect(summary).toHaveAttribute('data-missing', '0');
  expect(await trackingQueries(dashboard)).toEqual(['309876543212', '260512-182745903316528']);
  expect(await problemRows(dashboard, 'damaged')).toEqual([2, 4, 6]);
  await expect(dashboard.locator('[data-problem-group="damaged"]')).toContainText('4.93407E+18');
  await expect(dashboard.locator('[data-problem-group="damaged"]')).toContainText('文本');

  // legacy .xls: the notes sheet skipped, 订单号 on sheet 订单 (column C) after a title row
  await chooseFile(dashboard, 'orders-two-sheets.xls');
  await expect(dashboard.locator('[data-batch-file]')).toHaveAttribute('data-sheet', '订单');
  await expect(dashboard.locator('[data-batch-file]')).toHaveAttribute('data-column', 'C');
  await expect(summary).toHaveAttribute('data-found', '3');
  expect(await trackingQueries(dashboard)).toEqual(['2413902846152051', '2413902846152068', '260512-176203358841907']);
  expect(await problemRows(dashboard, 'damaged')).toEqual([5]);

  // GBK CSV as Excel saves it: a 4.93407E+18 cell and a duplicate row
  await chooseFile(dashboard, 'orders-gbk.csv');
  await expect(summary).toHaveAttribute('data-found', '3');
  expect(await trackingQueries(dashboard)).toEqual(['4934071258846137425', '309876543213', '2413902846152075']);
  expect(await problemRows(dashboard, 'damaged')).toEqual([3]);
  expect(await problemRows(dashboard, 'duplicate')).toEqual([5]);

  // a headerless text file: the column told by its values, waybills find their order
  await chooseFile(dashboard, 'numbers-no-header.txt');
  await expect(dashboard.locator('[data-batch-file]')).toHaveAttribute('data-by', 'values');
  await expect(summary).toHaveAttribute('data-found', '5');
  expect(await trackingQueries(dashboard)).toEqual(['4934071258846137426', '75312345678901', '462598779470531', '260513-179332719430230', '309876543214']);
  await expect(dashboard.locator('tr[data-tracking-row="75312345678901"]')).toContainText('4934071258846137423');
  expect(await problemRows(dashboard, 'not-id')).toEqual([7]);
  await expect(dashboard.locator('[data-problem-group="damaged"]')).toHaveCount(0);

  // the file's results feed both exports
  const [csv] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="export-tracking"]')]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  const csvQueries = Papa.parse<string[]>(csvText.slice(1), { skipEmptyLines: true }).data.slice(1).map((row) => row[0]!.replace(/\t$/, ''));
  expect([...new Set(csvQueries)]).toEqual(['4934071258846137426', '75312345678901', '462598779470531', '260513-179332719430230', '309876543214']);
  const [xlsx] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('[data-action="export-tracking-xlsx"]')]);
  const sheet = strFromU8(unzipSync(readFileSync((await xlsx.path())!))['xl/worksheets/sheet1.xml']!);
  for (const number of ['4934071258846137426', '75312345678901', '260513-179332719430230']) expect(sheet).toContain(`<t xml:space="preserve">${number}</t>`);
});

test('batch tracking: a file dropped on the view (hover state on the drop zone), a file of the wrong type refused in plain words', async ({
  context,
  openExtensionPage,
}) => {
  const dashboard = await batchView(context, openExtensionPage);
  const zone = dashboard.locator('[data-drop-zone]');
  await expect(zone).not.toHaveAttribute('data-dragging');

  const bytes = [...readFileSync(join(FILES, 'orders-title-rows.xlsx'))];
  const dataTransfer = await dashboard.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(content)], 'orders-title-rows.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return transfer;
  }, bytes);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveAttribute('data-dragging', 'true');
  await zone.dispatchEvent('drop', { dataTransfer });
  await expect(zone).not.toHaveAttribute('data-dragging');

  await expect(dashboard.locator('[data-batch-file]')).toHaveAttribute('data-batch-file', 'orders-title-rows.xlsx');
  await expect(dashboard.locator('[data-batch-file]')).toHaveAttribute('data-column', 'B');
  await expect(dashboard.locator('[data-batch-summary]')).toHaveAttribute('data-found', '5');
  expect(await trackingQueries(dashboard)).toEqual(['4934071258846137421', '309876543210', '2413902846152037', '260513-179332719430230', '4934071258846137423']);
  expect(await problemRows(dashboard, 'empty')).toEqual([8]);
  expect(await problemRows(dashboard, 'not-id')).toEqual([9]);
  expect(await problemRows(dashboard, 'duplicate')).toEqual([10]);
  await expect(dashboard.locator('textarea[data-batch-input]')).toHaveValue(/^4934071258846137421\n309876543210\n/);

  await dashboard.setInputFiles('input[data-action="batch-import"]', { name: 'orders.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
  await expect(dashboard.locator('section[data-view="batch"] [role="status"]')).toContainText('.xlsx、.xls、.csv 或 .txt');
  await expect(dashboard.locator('[data-batch-file]')).toHaveCount(0);
  await expect(dashboard.locator('tr[data-tracking-row]')).toHaveCount(0);
});
