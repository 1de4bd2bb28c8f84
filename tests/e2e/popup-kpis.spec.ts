import { expect, test } from './extension-test';
import { expectedOrders, fixtures, platforms } from './fixture-data';

// After capturing every console's first list page, the popup's tiles show what those pages hold.
const PAID = new Set(['paid', 'shipped', 'delivered', 'completed', 'after_sale', 'refunded']);
const lists = platforms.map((platform) => fixtures.find((fixture) => fixture.platform === platform && fixture.kind === 'list' && expectedOrders(fixture).length > 0)!);
const orders = lists.flatMap((list) => expectedOrders(list));
const paid = orders.filter((order) => PAID.has(String(order.status)) || order.paidAt !== undefined);
const gmvCents = paid.reduce((sum, order) => sum + Number(order.amountCents ?? 0), 0);

test('popup tiles after capturing every console: orders, GMV, 客单价, 支付转化率, 待催付', async ({ context, openExtensionPage }) => {
  for (const list of lists) {
    const page = await context.newPage();
    await page.goto(list.url);
    await expect(page.locator('[data-orderlens-row]')).toHaveCount(expectedOrders(list).length);
    await page.close();
  }
  const popup = await openExtensionPage('popup.html');
  await popup.selectOption('select[data-filter="range"]', 'all');
  const tile = (name: string) => popup.locator(`[data-kpi="${name}"]`);
  await expect(tile('orders')).toHaveAttribute('data-value', String(orders.length));
  expect(Number(await tile('gmv').getAttribute('data-value'))).toBeCloseTo(gmvCents / 100, 2);
  expect(Number(await tile('aov').getAttribute('data-value'))).toBeCloseTo(Math.round(gmvCents / paid.length) / 100, 2);
  expect(Number(await tile('conversion').getAttribute('data-value'))).toBeCloseTo(paid.length / orders.length, 6);
  // 待催付 follows the clock: the fixture orders are from May 2026, past every console's default payment
  // window, so the consoles have closed them; a seller whose shop allows long windows sees them again.
  await expect(tile('unpaid')).toHaveAttribute('data-value', '0');
  await expect(tile('recovery_rate')).not.toHaveAttribute('data-value', /./); // nobody reminded yet: no rate, not 0%
  const longWindows = Object.fromEntries(platforms.map((platform) => [platform, 24 * 365 * 5]));
  await popup.evaluate((windows) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ paymentWindows: windows }), longWindows);
  await popup.reload();
  await popup.selectOption('select[data-filter="range"]', 'all');
  await expect(tile('unpaid')).toHaveAttribute('data-value', String(orders.filter((order) => order.status === 'unpaid').length));
  // one platform
  const douyin = lists.find((list) => list.platform === 'douyin')!;
  await popup.selectOption('select[data-filter="platform"]', 'douyin');
  await expect(tile('orders')).toHaveAttribute('data-value', String(expectedOrders(douyin).length));
});

test('popup first paint: the figures before the app loads are the app\'s, and the app replaces them once', async ({ context, openExtensionPage }) => {
  for (const list of lists) {
    const page = await context.newPage();
    await page.goto(list.url);
    await expect(page.locator('[data-orderlens-row]')).toHaveCount(expectedOrders(list).length);
    await page.close();
  }
  const setup = await openExtensionPage('popup.html');
  await setup.selectOption('select[data-filter="range"]', 'all'); // remembered for the next open
  await setup.close();
  const popup = await context.newPage();
  // what the first tile shows, seen before any script of the page runs
  await popup.addInitScript(() => {
    const seen: { value: string | null; inFirstPaint: boolean; appLoaded: boolean }[] = [];
    (globalThis as unknown as { __firstTiles: typeof seen }).__firstTiles = seen;
    new MutationObserver(() => {
      const tile = document.querySelector('[data-kpi="orders"][data-value]');
      if (tile && seen.length === 0) {
        seen.push({ value: tile.getAttribute('data-value'), inFirstPaint: !!tile.closest('#first-paint'), appLoaded: !!document.querySelector('#root > *') });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await popup.goto(`chrome-extension://${new URL(setup.url()).host}/popup.html`);
  const tile = (name: string) => popup.locator(`[data-kpi="${name}"]`);
  await expect(popup.locator('#first-paint')).toHaveCount(0);
  await expect(tile('orders')).toHaveCount(1);
  await expect(tile('orders')).toHaveAttribute('data-value', String(orders.length));
  await expect(tile('unpaid')).toHaveAttribute('data-value', /\d/);
  const first = await popup.evaluate(() => (globalThis as unknown as { __firstTiles: unknown[] }).__firstTiles);
  expect(first).toEqual([{ value: String(orders.length), inFirstPaint: true, appLoaded: false }]);
});

test('buyer names and titles with markup stay text in the panel, popup and dashboard', async ({ context, openExtensionPage }) => {
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const list of lists) {
    const page = await context.newPage();
    await page.goto(list.url);
    await expect(page.locator('[data-orderlens-row]').first()).toBeAttached();
    const track = page.locator('[data-orderlens="track"]').first();
    if (await track.count()) await track.click();
    await page.waitForTimeout(300);
    expect(await page.locator('[data-orderlens] img, [data-orderlens] script').count()).toBe(0);
  }
  const dashboard = await openExtensionPage('dashboard.html#orders');
  await expect(dashboard.locator('tr[data-order-key]').first()).toBeAttached();
  await expect(dashboard.getByText('<img src=x onerror=alert(1)>').first()).toBeVisible();
  expect(await dashboard.locator('img').count()).toBe(0);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.locator('[data-kpi="orders"]')).toBeAttached();
  expect(await popup.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
