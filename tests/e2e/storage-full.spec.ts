import type { BrowserContext, Worker } from '@playwright/test';
import { expect, test } from './extension-test';
import { expectedOrders, fixtures, spaScript } from './fixture-data';
import { checkSnapshotRollups, readStore } from './store-check';

function extensionWorker(context: BrowserContext): Worker {
  const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'));
  if (!worker) throw new Error('no running extension service worker');
  return worker;
}

/**
 * A full disk, injected by the test into the running service worker's own IndexedDB: while `full`, every put/add
 * throws the DOMException Chromium raises when the quota is exceeded. Nothing of this ships in the extension.
 */
async function fillDisk(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const state = globalThis as unknown as { __full: boolean; __refused: number };
    state.__full = true;
    state.__refused = 0;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (state.__full) {
          state.__refused++;
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  });
}

const script = spaScript('douyin')!;
const douyin = fixtures.find((fixture) => fixture.platform === 'douyin' && fixture.name === script.list)!;
const douyinIds = expectedOrders(douyin).map((order) => String(order.orderId));

test('a full disk: banner in the popup and on the console page, nothing half-written, the page saves its capture once space returns', async ({
  context,
  openExtensionPage,
}) => {
  const worker = extensionWorker(context);
  await fillDisk(worker);
  const page = await context.newPage();
  await page.goto(douyin.url);
  await expect(page.locator('[data-orderlens-row]')).toHaveCount(douyinIds.length);
  await expect(page.locator('[data-orderlens="storage-notice"]')).toContainText('磁盘空间不足');
  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('[data-storage-error="quota"]')).toContainText('磁盘空间不足');
  // the page keeps sending (several refused writes), and no attempt left anything behind
  await expect.poll(() => worker.evaluate(() => (globalThis as unknown as { __refused: number }).__refused)).toBeGreaterThanOrEqual(4);
  const during = await readStore(popup);
  expect({ orders: during.orders.length, rollups: during.rollups.length, diagnostics: during.diagnostics.length }).toEqual({ orders: 0, rollups: 0, diagnostics: 0 });

  await worker.evaluate(() => ((globalThis as unknown as { __full: boolean }).__full = false));
  await expect.poll(async () => (await readStore(popup)).orders.map((order) => order.orderId).sort()).toEqual(expect.arrayContaining([...douyinIds].sort()));
  await expect(page.locator('[data-orderlens="storage-notice"]')).toHaveCount(0);
  await expect(popup.locator('[data-storage-error]')).toHaveCount(0);
  const after = await readStore(popup);
  expect((await checkSnapshotRollups(after)).mismatches).toEqual([]);
  // the popup as the seller opens it next
  await popup.reload();
  await popup.selectOption('select[data-filter="range"]', 'all');
  await expect(popup.locator('[data-kpi="orders"]')).toHaveAttribute('data-value', String(after.orders.length));
});
