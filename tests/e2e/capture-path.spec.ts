import { expect, test } from './extension-test';
import { expectedOrderIds, expectedOrders, fixtures } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { readStoredOrders } from '../../scripts/lib/browser.mjs';

// The whole path of DESIGN.md "Data flow": console page → content script → background → IndexedDB →
// visible in an extension page. One test per console's first list fixture with orders.
const firstListPerPlatform = [
  ...new Map(
    fixtures
      .filter((fixture) => fixture.kind === 'list' && expectedOrderIds(fixture).length > 0)
      .map((fixture) => [fixture.platform, fixture] as const)
      .reverse(),
  ).values(),
].reverse();

const toEpoch = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : value);

for (const fixture of firstListPerPlatform) {
  test(`${fixture.platform}/${fixture.name}: rows captured into the database and shown on the dashboard`, async ({
    context,
    openExtensionPage,
  }) => {
    const ids = expectedOrderIds(fixture);
    const consolePage = await context.newPage();
    const pageErrors: string[] = [];
    consolePage.on('pageerror', (error) => pageErrors.push(String(error)));
    const openedAt = Date.now();
    await consolePage.goto(fixture.url);
    await expect(consolePage.locator('[data-orderlens-row]')).toHaveCount(ids.length);
    for (const id of ids) await expect(consolePage.locator(`[data-orderlens-row="${id}"]`)).toHaveCount(1);

    const dashboard = await openExtensionPage('dashboard.html#orders');
    await expect(dashboard.locator('[data-total-orders]')).toHaveAttribute('data-total-orders', String(ids.length));
    for (const id of ids) {
      await expect(dashboard.locator(`[data-order-key="${fixture.platform}:${id}"]`)).toHaveCount(1);
    }
    // What was stored is exactly what the page shows: ids as strings, cents, Beijing times.
    const stored = new Map(((await readStoredOrders(dashboard)) as Record<string, unknown>[]).map((order) => [order.key, order]));
    for (const expected of expectedOrders(fixture)) {
      const order = stored.get(`${fixture.platform}:${expected.orderId}`);
      expect(order, `order ${expected.orderId}`).toBeDefined();
      for (const field of ['orderId', 'status', 'statusText', 'amountCents', 'buyer', 'shop'] as const) {
        expect(order![field], `${expected.orderId}.${field}`).toEqual(expected[field]);
      }
      for (const field of ['createdAt', 'paidAt'] as const) {
        expect(order![field], `${expected.orderId}.${field}`).toEqual(toEpoch(expected[field]));
      }
    }
    if (fixture.platform === 'douyin') {
      // 待支付 with the console's `剩余 29分钟 自动关闭`: the end of the window as printed, taken at capture
      const unpaid = stored.get('douyin:4934071258846137422') as { payDeadlineAt?: number } | undefined;
      expect(unpaid?.payDeadlineAt).toBeGreaterThanOrEqual(openedAt + 28 * 60_000);
      expect(unpaid?.payDeadlineAt).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    }
    const popup = await openExtensionPage('popup.html');
    await popup.selectOption('select[data-filter="range"]', 'all');
    await expect(popup.locator('[data-kpi="orders"]')).toHaveAttribute('data-value', String(ids.length));
    expect(pageErrors).toEqual([]);
  });
}
