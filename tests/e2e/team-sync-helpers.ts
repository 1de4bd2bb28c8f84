import { expect, type BrowserContext, type Page } from '@playwright/test';
// @ts-expect-error plain ESM shared with scripts/demo.mjs and the benchmark
import { launchWithExtension, readStoredOrders, routeConsoles } from '../../scripts/lib/browser.mjs';
import { startSyncServer, type SyncServer } from '../sync-server/sync-server.mjs';
import { UNKNOWN_SHOP, shopDbName, shopHashOf, teamDbName } from '../../utils/sync/sync-protocol';
import { expectedOrderIds, expectedOrders, fixtures, type FixtureInfo } from './fixture-data';

/**
 * Team sync e2e (issue 16): the CouchDB-compatible test server (tests/sync-server, in this process, 127.0.0.1, port
 * 0) and members — each a separate persistent Chromium profile with the built extension, the fixture consoles routed
 * as in every other e2e, and the test server's origin let through to the network.
 */

export interface Member {
  user: string;
  password: string;
  memberName: string;
}

export interface Profile {
  member: Member;
  context: BrowserContext;
  extensionId: string;
  /** What the fixture routing blocked (any request to neither a console fixture nor the test server). */
  offNetwork: { url: string; type: string }[];
  /** Requests to the test server that went through the browser's request routing (pages; the worker's too when routed). */
  routedToServer: string[];
  /** The profile's dashboard tab, opened on first use. */
  dashboard: () => Promise<Page>;
  close: () => Promise<void>;
}

/** The shops (platform, shop name) whose orders a fixture page holds, as the engine names them. */
export function shopsOf(fixture: FixtureInfo): { platform: string; shop: string }[] {
  const names = new Set(expectedOrders(fixture).map((order) => (typeof order.shop === 'string' && order.shop ? order.shop : UNKNOWN_SHOP)));
  return [...names].map((shop) => ({ platform: fixture.platform, shop }));
}

export function listFixture(platform: string, name?: string): FixtureInfo {
  const found = fixtures.find((fixture) => fixture.platform === platform && fixture.kind === 'list' && (name ? fixture.name === name : expectedOrderIds(fixture).length > 0));
  if (!found) throw new Error(`no list fixture for ${platform} ${name ?? ''}`);
  return found;
}

/**
 * A test server set up as scripts/team-setup.mjs would set up a real CouchDB: the members as `_users`, the team
 * database and one database per shop, each with the members in `_security.members`.
 */
export async function startTeamServer(team: string, members: Member[], shops: { platform: string; shop: string }[]): Promise<SyncServer> {
  const server = await startSyncServer({ users: Object.fromEntries(members.map((member) => [member.user, member.password])) });
  const names = members.map((member) => member.user);
  await server.createDb(teamDbName(team), names);
  for (const { platform, shop } of shops) await server.createDb(shopDbName(team, platform, await shopHashOf(shop)), names);
  return server;
}

export async function launchProfile(member: Member, server: SyncServer, timezoneId?: string): Promise<Profile> {
  const launched = await launchWithExtension({ headless: true, timezoneId });
  const context = launched.context as BrowserContext;
  const { offNetwork } = await routeConsoles(context);
  // Registered after the fixture routing, so it is asked first: the test server's origin goes to the network.
  const serverHost = new URL(server.url).host;
  const routedToServer: string[] = [];
  await context.route(
    (url) => url.host === serverHost,
    (route) => {
      routedToServer.push(route.request().url());
      return route.continue();
    },
  );
  let dashboard: Page | undefined;
  return {
    member,
    context,
    extensionId: launched.extensionId,
    offNetwork,
    routedToServer,
    dashboard: async () => {
      if (!dashboard || dashboard.isClosed()) {
        dashboard = await context.newPage();
        await dashboard.goto(`chrome-extension://${launched.extensionId}/dashboard.html#team`);
      }
      return dashboard;
    },
    close: () => launched.close(),
  };
}

/** Goes to a dashboard view by its nav link (as a seller would), and waits for the view. */
export async function showView(page: Page, view: string): Promise<void> {
  await page.click(`nav.views a[data-nav="${view}"]`);
  await expect(page.locator(`section[data-view="${view}"]`)).toBeVisible();
}

/**
 * Allows the extension to reach the test server as the seller would in the browser's own extension settings
 * (chrome://extensions → site access), through the page's own API: headless Chromium cannot answer the permission
 * prompt that browser.permissions.request opens. The extension's own request for that origin (the 团队同步 submit)
 * then resolves at once, granted; nothing is active before that request (permissions.contains stays false).
 */
export async function allowServerSiteAccess(profile: Profile): Promise<void> {
  const page = await profile.context.newPage();
  try {
    await page.goto('chrome://extensions/');
    const result = await page.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate;
      try {
        await api.addHostPermission(id, 'http://127.0.0.1/*');
        return 'ok';
      } catch (error) {
        return String((error as Error).message ?? error);
      }
    }, profile.extensionId);
    expect(result).toBe('ok');
  } finally {
    await page.close();
  }
}

/** Whether the extension holds the host permission for the test server's origin (asked from an extension page). */
export async function hasServerPermission(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({
      origins: ['http://127.0.0.1/*'],
    }),
  );
}

/** Fills the 团队同步 form and submits it (the submit requests the permission, then asks the background to enable). */
export async function submitSyncForm(page: Page, server: SyncServer, team: string, member: Member, password = member.password): Promise<void> {
  await page.fill('[data-field="serverUrl"]', server.url);
  await page.fill('[data-field="team"]', team);
  await page.fill('[data-field="user"]', member.user);
  await page.fill('[data-field="secret"]', password);
  await page.fill('[data-field="memberName"]', member.memberName);
  await page.click('[data-action="sync-enable"]');
}

export const syncStatus = (page: Page) => page.locator('section[data-view="team"] [data-sync-state]');

/**
 * On the 团队同步 view, runs a pass now (立即同步) and waits until one that started after the click has finished — its data-last-pass is
 * later than the click — in the state given.
 */
export async function syncNow(page: Page, state: 'ok' | 'error' = 'ok', timeout = 60_000): Promise<void> {
  await showView(page, 'team');
  const clickedAt = Date.now();
  await expect(page.locator('[data-action="sync-now"]')).toBeEnabled({ timeout });
  await page.click('[data-action="sync-now"]');
  await expect
    .poll(async () => Number((await syncStatus(page).getAttribute('data-last-pass')) || 0), { timeout, message: 'a pass after the click' })
    .toBeGreaterThanOrEqual(clickedAt);
  await expect(syncStatus(page)).toHaveAttribute('data-sync-state', state, { timeout });
}

/**
 * The reminder-holding member syncs (pushes all pending), then the other; each dashboard's 订单 view (all time) then
 * shows who reminded each order: `remindedBy` maps an order key to the member name expected.
 */
export async function expectRemindersOnBoth(reminderFirst: Page, other: Page, remindedBy: Record<string, string>): Promise<void> {
  await syncNow(reminderFirst);
  await expect(syncStatus(reminderFirst)).toHaveAttribute('data-pending', '0');
  await syncNow(other);
  for (const page of [other, reminderFirst]) {
    await showView(page, 'orders');
    await page.selectOption('section[data-view="orders"] select[data-filter="range"]', 'all');
    for (const [key, name] of Object.entries(remindedBy)) {
      await expect(page.locator(`tr[data-order-key="${key}"] [data-reminded-by]`)).toHaveAttribute('data-reminded-by', name);
    }
  }
}

/** Opens a console fixture page in the profile and waits until each of its orders is in the profile's store. */
export async function captureFixture(profile: Profile, fixture: FixtureInfo, extensionPage: Page): Promise<Page> {
  const ids = expectedOrderIds(fixture);
  const page = await profile.context.newPage();
  await page.goto(fixture.url);
  await expect(page.locator('[data-orderlens-row]')).toHaveCount(ids.length);
  const keys = ids.map((id) => `${fixture.platform}:${id}`);
  await expect.poll(async () => missingKeys(extensionPage, keys), { timeout: 60_000, message: `${fixture.platform}/${fixture.name} stored` }).toEqual([]);
  return page;
}

export async function storedKeys(extensionPage: Page): Promise<string[]> {
  return ((await readStoredOrders(extensionPage)) as { key: string }[]).map((order) => order.key).sort();
}

export async function missingKeys(extensionPage: Page, keys: string[]): Promise<string[]> {
  const stored = new Set(await storedKeys(extensionPage));
  return keys.filter((key) => !stored.has(key));
}

export const keysOf = (fixture: FixtureInfo) => expectedOrderIds(fixture).map((id) => `${fixture.platform}:${id}`);

/** Every KPI tile of the overview (range 全部), name → raw value. */
export async function overviewKpis(page: Page): Promise<Record<string, string>> {
  await showView(page, 'overview');
  await page.selectOption('section[data-view="overview"] select[data-filter="range"]', 'all');
  const tiles = page.locator('section[data-view="overview"] [data-kpi][data-value]');
  await expect(tiles.first()).toBeAttached();
  return Object.fromEntries(
    await tiles.evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-kpi') ?? '', element.getAttribute('data-value') ?? ''])),
  );
}
