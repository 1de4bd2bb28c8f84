// A newer schema opened while the dashboard (and the worker) hold the database: they yield — close and, the
// dashboard, reload into the new code — so the upgrade is not blocked, and every order stays. The newer
// release is played by a raw IndexedDB open one version up that adds an index, as a Dexie version bump does.
// (A page that does not yield, and the dashboard told it waits on one: tests/unit/schema-upgrade.test.ts.)
import { expect, test } from './extension-test';
import { expectedOrders, fixtures } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { readStoredOrders } from '../../scripts/lib/browser.mjs';

const douyin = fixtures.find((fixture) => fixture.platform === 'douyin' && fixture.kind === 'list')!;
const douyinIds = expectedOrders(douyin).map((order) => String(order.orderId)).sort();

interface UpgradeOutcome {
  blocked: boolean;
  from: number;
  to: number;
  keys: string[];
  indexes: string[];
}

test('a newer schema opened from another extension page: the open dashboard and the worker yield, the upgrade is not blocked, no order is lost', async ({ context, openExtensionPage }) => {
  const consolePage = await context.newPage();
  await consolePage.goto(douyin.url);
  await expect(consolePage.locator('[data-orderlens-row]')).toHaveCount(douyinIds.length);
  const dashboard = await openExtensionPage('dashboard.html#orders');
  await expect
    .poll(async () => ((await readStoredOrders(dashboard)) as { orderId: string }[]).map((order) => order.orderId).sort(), { timeout: 15_000 })
    .toEqual(douyinIds);
  // the dashboard holds its connection: the app renders inside DatabaseGate only once the database is open
  await expect(dashboard.locator('nav.views')).toBeVisible();
  await dashboard.evaluate(() => ((globalThis as unknown as { __beforeUpgrade: boolean }).__beforeUpgrade = true));
  const reloaded = dashboard.waitForEvent('load', { timeout: 15_000 });

  const upgrader = await openExtensionPage('manifest.json');
  const outcome: UpgradeOutcome = await upgrader.evaluate(
    () =>
      new Promise<UpgradeOutcome>((resolve, reject) => {
        const current = indexedDB.open('orderlens');
        current.onerror = () => reject(current.error);
        current.onsuccess = () => {
          const from = current.result.version;
          current.result.close();
          let blocked = false;
          const open = indexedDB.open('orderlens', from + 10);
          open.onblocked = () => (blocked = true);
          open.onupgradeneeded = () => open.transaction!.objectStore('orders').createIndex('shop', 'shop');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const store = db.transaction('orders').objectStore('orders');
            const keys = store.getAllKeys();
            keys.onsuccess = () => {
              const result = { blocked, from, to: db.version, keys: (keys.result as string[]).sort(), indexes: [...store.indexNames].sort() };
              db.close();
              resolve(result);
            };
          };
        };
      }),
  );
  expect(outcome.to).toBe(outcome.from + 10);
  expect(outcome.blocked).toBe(false);
  expect(outcome.indexes).toContain('shop');
  expect(outcome.keys).toEqual(douyinIds.map((id) => `douyin:${id}`));
  // the dashboard closed its connection and reloaded (into what would be the new code)
  await reloaded;
  expect(await dashboard.evaluate(() => (globalThis as unknown as { __beforeUpgrade?: boolean }).__beforeUpgrade)).toBeUndefined();
});
