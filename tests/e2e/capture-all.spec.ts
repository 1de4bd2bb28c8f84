import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from '@playwright/test';
import { expect, test } from './extension-test';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { CHROMIUM_FLAGS, chromiumPath, FIXTURES_ROOT, readStoredOrders, routeConsoles } from '../../scripts/lib/browser.mjs';
import { stopWorkerUntil, workerStopper } from './worker-stops';

// 采集全部 (DESIGN.md test contract): on a 12-page 抖店 list of 50 orders a page (scripts/make-walk-fixtures.mjs;
// pages 4 and 9 render 10 rows, their other 40 orders reach us through the JSON only) the walk clicks the
// console's own next page, waits until each page is captured and confirmed, and stops where it must. The list opens
// at 10 条/页 (the console's config): the walk first sets its page-size selector to 50 条/页.

interface WalkFixture {
  url: string;
  pageSize: number;
  pages: { page: number; orderIds: string[]; oldestCreateTime: number; jsonOnlyRows: number }[];
}

const WALK_DIR = join(FIXTURES_ROOT, 'douyin', 'walk');
const walk = JSON.parse(readFileSync(join(WALK_DIR, 'walk.json'), 'utf8')) as WalkFixture;
const LIST_HTML = readFileSync(join(WALK_DIR, 'list.html'), 'utf8');
const LOGIN_HTML = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>抖店 登录</title><body><div class="index_loginBox__3Kq1x"><h1>抖店</h1><p>登录已过期，请重新登录</p><button type="button">扫码登录</button></div></body></html>';
const allIds = walk.pages.flatMap((page) => page.orderIds);

/** A pace fast enough for tests; the default is in utils/capture/capture-all/pace.ts. */
const TEST_PACE = { minPauseMs: 150, maxPauseMs: 400, pagesPerMinute: 600, settleMs: 300, unchangedAfterMs: 20_000, hiddenStopMs: 30_000 };

type Answer = { status?: number; body: string } | undefined;
const LOAD_SIZE = 10;
const allOrders = walk.pages.flatMap((page) => JSON.parse(readFileSync(join(WALK_DIR, 'api', `searchlist-p${page.page - 1}.json`), 'utf8')).data as unknown[]);

/** The console's searchlist answer for a page at a page size (the generated pages are the 50 条/页 ones). */
function searchlistBody(page: number, size: number): string {
  return JSON.stringify({ code: 0, msg: 'success', data: allOrders.slice(page * size, (page + 1) * size), page, size, total: allOrders.length, log_id: `2026051309214${page}${size}` });
}

/**
 * Serves the walk fixture at the console's URL, its searchlist pages from walk/api, a login page; anything else
 * falls through to the usual fixture routes. `answer(page)` can replace a page's response (at 50 条/page). Every
 * searchlist request the page made is recorded as `page:size`.
 */
async function serveWalk(context: BrowserContext, answer: (page: number) => Answer = () => undefined) {
  const searchlist: string[] = [];
  await context.route('https://fxg.jinritemai.com/**', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.resourceType() === 'document') {
      if (url.pathname === '/ffa/morder/order/list' && url.searchParams.get('from') === 'walk') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: LIST_HTML });
      if (url.pathname === '/login') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: LOGIN_HTML });
      return route.fallback();
    }
    if (url.pathname === '/ffa/mshop/api/config/get') return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ code: 0, msg: 'success', data: { pageSize: LOAD_SIZE, pageSizeOptions: [10, 20, 50], tabs: ['all'] } }) });
    if (url.pathname === '/api/order/searchlist') {
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('pageSize'));
      searchlist.push(`${page}:${size}`);
      const replaced = size === walk.pageSize ? answer(page) : undefined;
      if (replaced) return route.fulfill({ status: replaced.status ?? 200, contentType: 'application/json', body: replaced.body });
      if (size === walk.pageSize) return route.fulfill({ contentType: 'application/json;charset=utf-8', body: readFileSync(join(WALK_DIR, 'api', `searchlist-p${page}.json`)) });
      return route.fulfill({ contentType: 'application/json;charset=utf-8', body: searchlistBody(page, size) });
    }
    return route.fallback();
  });
  return { searchlist };
}

async function setPace(openExtensionPage: (path: string) => Promise<Page>, pace: object = TEST_PACE): Promise<Page> {
  const extensionPage = await openExtensionPage('dashboard.html');
  await extensionPage.evaluate((value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'orderlens:walk-pace': value }), pace);
  return extensionPage;
}

async function openList(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(walk.url);
  await expect(page.locator('[data-orderlens-row]')).toHaveCount(LOAD_SIZE);
  await expect(page.locator('[data-orderlens="capture-all"]')).toHaveCount(1);
  return page;
}

async function startWalk(page: Page, until?: string): Promise<void> {
  await page.locator('[data-orderlens="capture-all"]').click();
  if (until) await page.locator('[data-orderlens="capture-all-until"]').fill(until);
  await page.locator('[data-orderlens="capture-all-start"]').click();
  await expect(page.locator('[data-orderlens="capture-all-status"]')).toHaveAttribute('data-state', /running|done/);
}

const status = (page: Page) => page.locator('[data-orderlens="capture-all-status"]');

async function storedIds(extensionPage: Page): Promise<string[]> {
  return ((await readStoredOrders(extensionPage)) as { key: string; orderId: string }[]).filter((order) => order.key.startsWith('douyin:')).map((order) => order.orderId);
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

test.describe('采集全部 on 抖店', () => {
  test.setTimeout(180_000);

  test('walks all 12 pages with the console’s own next page, captures every order once and is done at the last page', async ({ context, openExtensionPage }) => {
    const { searchlist } = await serveWalk(context);
    const extensionPage = await setPace(openExtensionPage);
    const page = await openList(context);
    await startWalk(page);
    await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    await expect(status(page)).toHaveAttribute('data-reason', 'last-page');
    await expect(status(page)).toHaveAttribute('data-orders', String(allIds.length));
    await expect(status(page)).toHaveAttribute('data-pages', '12');
    await expect(status(page)).toContainText('已到最后一页');
    // the 10 orders the list showed when it opened were captured before the walk: known, not new
    await expect(status(page)).toContainText(`新 ${allIds.length - LOAD_SIZE}，已有 ${LOAD_SIZE}`);
    await expect.poll(async () => sorted(await storedIds(extensionPage))).toEqual(sorted(allIds));
    // the list as it opened, 50 条/页 chosen (page 1 again), then each page once, in order
    expect(searchlist).toEqual([`0:${LOAD_SIZE}`, ...walk.pages.map((p) => `${p.page - 1}:50`)]);
  });

  test('stops at the chosen date, after the page that reached it', async ({ context, openExtensionPage }) => {
    await serveWalk(context);
    const extensionPage = await setPace(openExtensionPage);
    // the Beijing day of page 5's oldest order: page 5 or 6 is the first to hold an order older than its start
    const dayOf = (seconds: number) => new Date(seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 10);
    const until = dayOf(walk.pages[4]!.oldestCreateTime);
    const dayStart = Date.parse(`${until}T00:00:00+08:00`) / 1000;
    const lastPage = walk.pages.find((p) => p.oldestCreateTime < dayStart)!.page;
    const page = await openList(context);
    await startWalk(page, until);
    await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await expect(status(page)).toHaveAttribute('data-reason', 'date');
    await expect(status(page)).toHaveAttribute('data-pages', String(lastPage));
    await expect(status(page)).toContainText('已到所选日期');
    const expected = walk.pages.slice(0, lastPage).flatMap((p) => p.orderIds);
    await expect.poll(async () => sorted(await storedIds(extensionPage))).toEqual(sorted(expected));
    await expect(status(page)).toHaveAttribute('data-orders', String(expected.length));
  });

  test('stops on the console’s error answer with the reason shown', async ({ context, openExtensionPage }) => {
    const { searchlist } = await serveWalk(context, (p) => (p === 3 ? { body: JSON.stringify({ code: 10001, msg: '操作太频繁，请稍后再试', data: [] }) } : undefined));
    const extensionPage = await setPace(openExtensionPage);
    const page = await openList(context);
    await startWalk(page);
    await expect(status(page)).toHaveAttribute('data-state', 'stopped', { timeout: 120_000 });
    await expect(status(page)).toHaveAttribute('data-reason', 'error');
    await expect(status(page)).toContainText('平台返回错误');
    await expect(status(page)).toHaveAttribute('data-pages', '3');
    await expect.poll(async () => sorted(await storedIds(extensionPage))).toEqual(sorted(walk.pages.slice(0, 3).flatMap((p) => p.orderIds)));
    expect(searchlist).toEqual([`0:${LOAD_SIZE}`, '0:50', '1:50', '2:50', '3:50']);
  });

  test('stops on a login redirect and says so on the login page', async ({ context, openExtensionPage }) => {
    await serveWalk(context, (p) => (p === 5 ? { status: 401, body: JSON.stringify({ code: 401, msg: '用户未登录' }) } : undefined));
    const extensionPage = await setPace(openExtensionPage);
    const page = await openList(context);
    await startWalk(page);
    await page.waitForURL(/\/login\?/, { timeout: 120_000 });
    await expect(status(page)).toHaveAttribute('data-state', 'stopped');
    await expect(status(page)).toHaveAttribute('data-reason', 'login');
    await expect(status(page)).toContainText('需要重新登录');
    await expect(page.locator('[data-orderlens="capture-all"]')).toBeHidden();
    await expect.poll(async () => sorted(await storedIds(extensionPage))).toEqual(sorted(walk.pages.slice(0, 5).flatMap((p) => p.orderIds)));
  });

  test('stops as soon as the seller clicks into the list', async ({ context, openExtensionPage }) => {
    const { searchlist } = await serveWalk(context);
    await setPace(openExtensionPage);
    const page = await openList(context);
    await startWalk(page);
    await expect(status(page)).toHaveAttribute('data-pages', '2', { timeout: 60_000 });
    await page.locator('[data-kora_order_status]').nth(3).click();
    await expect(status(page)).toHaveAttribute('data-state', 'stopped');
    await expect(status(page)).toHaveAttribute('data-reason', 'seller');
    await expect(status(page)).toContainText('你操作了页面');
    const asked = searchlist.length;
    // longer than the walk's own pause and settle: no page turned after the stop
    await page.waitForTimeout(TEST_PACE.maxPauseMs + TEST_PACE.settleMs * 3);
    expect(searchlist).toHaveLength(asked);
  });

  test('stops when the seller scrolls the list with the mouse wheel', async ({ context, openExtensionPage }) => {
    await serveWalk(context);
    await setPace(openExtensionPage);
    const page = await openList(context);
    await startWalk(page);
    await expect(status(page)).toHaveAttribute('data-pages', '1', { timeout: 60_000 });
    const row = page.locator('[data-kora_order_status]').nth(5);
    const box = (await row.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await expect(status(page)).toHaveAttribute('data-state', 'stopped');
    await expect(status(page)).toHaveAttribute('data-reason', 'seller');
  });

  test('goes on through a service worker stopped again and again, and loses nothing', async ({ context, openExtensionPage }) => {
    await serveWalk(context);
    const extensionPage = await setPace(openExtensionPage);
    const page = await openList(context);
    const stop = await workerStopper(context, page);
    await startWalk(page);
    await expect(status(page)).toHaveAttribute('data-pages', '2', { timeout: 60_000 });
    const stops = await stopWorkerUntil(stop, Date.now() + 6000, () => 150 + Math.random() * 300);
    expect(stops).toBeGreaterThan(5);
    await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    await expect(status(page)).toHaveAttribute('data-orders', String(allIds.length));
    await expect.poll(async () => sorted(await storedIds(extensionPage)), { timeout: 30_000 }).toEqual(sorted(allIds));
  });

  test('a walk cut short by closing the tab resumes from where it ended', async ({ context, openExtensionPage }) => {
    const { searchlist } = await serveWalk(context);
    const extensionPage = await setPace(openExtensionPage);
    const first = await openList(context);
    await startWalk(first);
    await expect(status(first)).toHaveAttribute('data-pages', '4', { timeout: 60_000 });
    await first.close();
    const before = await storedIds(extensionPage);
    expect(before.length).toBeGreaterThanOrEqual(200);
    const page = await openList(context);
    await expect(status(page)).toHaveAttribute('data-reason', 'interrupted');
    await page.locator('[data-orderlens="capture-all"]').click();
    const resume = page.locator('[data-orderlens="capture-all-resume"]');
    await expect(resume).toBeVisible();
    const from = Number(/第 (\d+) 页/.exec((await resume.textContent()) ?? '')![1]);
    expect(from).toBeGreaterThanOrEqual(5);
    const asked = searchlist.length;
    await resume.click();
    await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    await expect(status(page)).toHaveAttribute('data-reason', 'last-page');
    await expect.poll(async () => sorted(await storedIds(extensionPage))).toEqual(sorted(allIds));
    // the resumed walk set 50 条/页 (page 1 reloads), jumped to its page by the console's page number, asked for each later page once
    expect(searchlist.slice(asked)).toEqual(['0:50', ...walk.pages.filter((p) => p.page >= from).map((p) => `${p.page - 1}:50`)]);
  });
});

test('采集全部 makes no request of its own: the page asks for exactly what a seller paging by hand asks for', async ({ context, openExtensionPage }) => {
  test.setTimeout(180_000);
  // by hand, without the extension
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  let byHand: string[];
  try {
    const plain = await browser.newContext();
    await routeConsoles(plain);
    const { searchlist } = await serveWalk(plain);
    const page = await plain.newPage();
    await page.goto(walk.url);
    await expect(page.locator('[data-kora_order_status]')).toHaveCount(LOAD_SIZE);
    await page.locator('.auxo-pagination-options-size-changer').click();
    await page.locator('.auxo-select-item-option[data-size="50"]').click();
    await expect(page.locator('[data-kora_order_status]')).toHaveCount(50);
    for (const p of walk.pages) {
      await expect(page.locator('[class*="index_content__"]').first()).toHaveText(p.orderIds[0]!);
      if (p.page < walk.pages.length) await page.locator('.auxo-pagination-next').click();
    }
    byHand = [...searchlist];
  } finally {
    await browser.close();
  }
  const { searchlist } = await serveWalk(context);
  await setPace(openExtensionPage);
  const page = await openList(context);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
  await startWalk(page);
  await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
  expect(searchlist).toEqual(byHand);
  // nothing but the console's own list requests while walking
  expect(new Set(requests)).toEqual(new Set(['GET /api/order/searchlist']));
});

test.describe('采集全部 on 拼多多 (its api-list fixture: 2 pages, beast-core pagination)', () => {
  const PDD_LIST = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=0&from=api';
  const expected = JSON.parse(readFileSync(join(FIXTURES_ROOT, 'pinduoduo', 'api-list.expected.json'), 'utf8')) as {
    orders: { orderId: string }[];
    nextPage: { orders: { orderId: string }[] };
  };
  const pddIds = async (extensionPage: Page) =>
    ((await readStoredOrders(extensionPage)) as { key: string; orderId: string }[]).filter((order) => order.key.startsWith('pinduoduo:')).map((order) => order.orderId);

  /** Page 2 of recentOrderList answered by `answer` (the console's rate-limit envelope), the rest as usual. */
  async function servePage2(context: BrowserContext, answer: () => Buffer | undefined) {
    await context.route('https://mms.pinduoduo.com/mangkhut/mms/recentOrderList', async (route: Route) => {
      const body = (() => {
        try {
          return JSON.parse(route.request().postData() ?? '{}') as { pageNumber?: number };
        } catch {
          return {};
        }
      })();
      const replaced = body.pageNumber === 2 ? answer() : undefined;
      if (!replaced) return route.fallback();
      return route.fulfill({ contentType: 'application/json;charset=utf-8', body: replaced });
    });
  }

  async function openPdd(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(PDD_LIST);
    await expect(page.locator('[data-orderlens-row]').first()).toBeVisible();
    await expect(page.locator('[data-orderlens="capture-all"]')).toHaveCount(1);
    return page;
  }

  test('walks to the last page with data-testid="beast-core-pagination-next"', async ({ context, openExtensionPage }) => {
    const extensionPage = await setPace(openExtensionPage);
    const page = await openPdd(context);
    await startWalk(page);
    await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
    await expect(status(page)).toHaveAttribute('data-reason', 'last-page');
    await expect(status(page)).toHaveAttribute('data-pages', '2');
    const all = [...expected.orders, ...expected.nextPage.orders].map((order) => order.orderId);
    await expect.poll(async () => sorted(await pddIds(extensionPage))).toEqual(sorted(all));
    await expect(status(page)).toHaveAttribute('data-orders', String(all.length));
  });

  test('stops on the 54001 操作太过频繁 answer with the reason shown', async ({ context, openExtensionPage }) => {
    await servePage2(context, () => readFileSync(join(FIXTURES_ROOT, 'pinduoduo', 'api', 'recentOrderList-ratelimit.json')));
    const extensionPage = await setPace(openExtensionPage);
    const page = await openPdd(context);
    await startWalk(page);
    await expect(status(page)).toHaveAttribute('data-state', 'stopped', { timeout: 60_000 });
    await expect(status(page)).toHaveAttribute('data-reason', 'rate-limit');
    await expect(status(page)).toContainText('限流');
    await expect(status(page)).toHaveAttribute('data-pages', '1');
    await expect.poll(async () => sorted(await pddIds(extensionPage))).toEqual(sorted(expected.orders.map((order) => order.orderId)));
  });
});
