import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, test } from './extension-test';
import { fixtures, type FixtureInfo } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { CHROMIUM_FLAGS, chromiumPath, readFixtureJson, readStoredOrders, routeConsoles, routingOf } from '../../scripts/lib/browser.mjs';

// Passive capture of the consoles' own JSON (DESIGN.md "Data flow", reference/network-capture.md): each
// console's `api-list` fixture is an SPA that fetches its orders from the console's real endpoint (served
// from tests/fixtures/<platform>/api-routes.json) and renders them. With the extension loaded, every order
// of every response the page received must be stored with the values the JSON gives exactly — including
// rows the page never rendered — while the page itself sees exactly what it sees without the extension.

/** One order as `api-list.expected.json` gives it: only fields the JSON determines exactly. */
interface ExpectedApiOrder {
  orderId: string;
  status?: string;
  amountCents?: number;
  /** ISO with +08:00 */
  createdAt?: string;
  /** Waybill numbers (any order); compared with the stored shipments' waybills, sorted. */
  waybills?: string[];
  receiverRegion?: string;
  buyerId?: string;
}

interface ApiExpectation {
  /** Every order of the first response (page 1), in response order. */
  orders: ExpectedApiOrder[];
  /** One element per rendered order (the outermost element of the order). */
  rowSelector: string;
  /** Inside a row: the element whose text is the order number. */
  rowIdSelector: string;
  /** Order ids the page renders on load, in page order (拼多多 renders 10 of 20). */
  rendered: string[];
  /** Order responses the page's handler receives on load. */
  loadResponses: number;
  nextPage: { click: string; orders: ExpectedApiOrder[]; rendered: string[] };
  /** A control whose request the console answers with an error envelope (抖店 签名校验失败, 拼多多 54001). */
  errorControl?: { click: string; shows: string };
  /** Phone numbers, street addresses and full names that appear in the bodies: never stored. */
  private: string[];
}

interface FixtureWindow {
  __fixture: {
    handled: { url: string; length: number; firstId: string | null }[];
    requests: { method: string; url: string }[];
    pending: number;
  };
}

interface ScenarioResult {
  handled: FixtureWindow['__fixture']['handled'];
  requests: { method: string; url: string }[];
  fetchName: string;
  fetchLength: number;
  pageErrors: string[];
}

interface Stored {
  key: string;
  orderId: string;
  status?: string;
  amountCents?: number;
  createdAt?: number;
  receiverRegion?: string;
  buyerId?: string;
  shipments?: { waybillNo: string }[];
}

const apiLists = fixtures.filter((fixture) => fixture.name === 'api-list');

const expectationOf = (fixture: FixtureInfo) => readFixtureJson(fixture.platform, fixture.expected) as ApiExpectation;

const normalUrl = (url: string) => new URL(url).href;
const requestKey = (request: { method: string; url: string }) => `${request.method} ${normalUrl(request.url)}`;

async function fixtureState(page: Page) {
  return page.evaluate(() => {
    const state = (window as unknown as Partial<FixtureWindow>).__fixture;
    return state ? { handled: state.handled.length, pending: state.pending } : { handled: -1, pending: -1 };
  });
}

/** Waits until the page's handler has received `count` order responses and nothing is in flight. */
async function settled(page: Page, count: number) {
  await expect.poll(() => fixtureState(page), { timeout: 15_000 }).toEqual({ handled: count, pending: 0 });
}

async function renderedIds(page: Page, expectation: ApiExpectation) {
  return page.locator(expectation.rowSelector).evaluateAll(
    (rows, idSelector) => rows.map((row) => row.querySelector(idSelector)?.textContent?.trim() ?? ''),
    expectation.rowIdSelector,
  );
}

/** The page's own run: load, next page, the error control. The same steps with and without the extension. */
async function runScenario(page: Page, fixture: FixtureInfo, expectation: ApiExpectation, between: {
  afterLoad?: () => Promise<void>;
  afterNext?: () => Promise<void>;
  beforeError?: () => Promise<void>;
} = {}): Promise<ScenarioResult> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(fixture.url);
  await settled(page, expectation.loadResponses);
  await expect.poll(() => renderedIds(page, expectation)).toEqual(expectation.rendered);
  await between.afterLoad?.();
  await page.click(expectation.nextPage.click);
  await settled(page, expectation.loadResponses + 1);
  await expect.poll(() => renderedIds(page, expectation)).toEqual(expectation.nextPage.rendered);
  await between.afterNext?.();
  if (expectation.errorControl) {
    await between.beforeError?.();
    await page.click(expectation.errorControl.click);
    await settled(page, expectation.loadResponses + 2);
    await expect(page.getByText(expectation.errorControl.shows).first()).toBeVisible();
  }
  const state = await page.evaluate(() => {
    const fixtureWindow = window as unknown as FixtureWindow;
    return {
      handled: fixtureWindow.__fixture.handled,
      requests: fixtureWindow.__fixture.requests,
      fetchName: fetch.name,
      fetchLength: fetch.length,
    };
  });
  return { ...state, pageErrors };
}

/** The same page in plain Chromium (same binary, flags and routing), no extension. */
async function baseline(fixture: FixtureInfo, expectation: ApiExpectation, timezoneId: string | undefined) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    const context: BrowserContext = await browser.newContext({ locale: 'zh-CN', timezoneId, viewport: { width: 1440, height: 900 } });
    const { apiRequests, offNetwork } = await routeConsoles(context);
    const page = await context.newPage();
    const result = await runScenario(page, fixture, expectation);
    return { ...result, apiRequests: [...apiRequests] as { method: string; url: string }[], offNetwork: [...offNetwork] };
  } finally {
    await browser.close();
  }
}

/** Differences between the stored orders and the expected ones (empty when every field matches). */
function mismatches(stored: Stored[], platform: string, expected: ExpectedApiOrder[]): string[] {
  const byKey = new Map(stored.map((order) => [order.key, order]));
  const problems: string[] = [];
  for (const want of expected) {
    const got = byKey.get(`${platform}:${want.orderId}`);
    if (!got) {
      problems.push(`${want.orderId}: not stored`);
      continue;
    }
    const actual: Record<string, unknown> = {
      orderId: got.orderId,
      status: got.status,
      amountCents: got.amountCents,
      createdAt: got.createdAt,
      waybills: (got.shipments ?? []).map((shipment) => shipment.waybillNo).sort(),
      receiverRegion: got.receiverRegion,
      buyerId: got.buyerId,
    };
    const wanted: Record<string, unknown> = {
      ...want,
      ...(want.createdAt !== undefined ? { createdAt: Date.parse(want.createdAt) } : {}),
      ...(want.waybills !== undefined ? { waybills: [...want.waybills].sort() } : {}),
    };
    for (const [field, value] of Object.entries(wanted)) {
      if (JSON.stringify(actual[field]) !== JSON.stringify(value)) {
        problems.push(`${want.orderId}.${field}: ${JSON.stringify(actual[field])} ≠ ${JSON.stringify(value)}`);
      }
    }
  }
  return problems;
}

/** DESIGN.md test contract, per rendered row: one `[data-orderlens-row]`, 查物流 / 催付 as the status asks. */
async function rowControls(page: Page, expectation: ApiExpectation, orders: ExpectedApiOrder[]) {
  const wants = orders.map((order) => ({
    id: order.orderId,
    track: (order.waybills?.length ?? 0) > 0 || order.status === 'shipped' || order.status === 'delivered',
    remind: order.status === 'unpaid',
  }));
  return page.locator(expectation.rowSelector).evaluateAll(
    (rows, { idSelector, wants }) => {
      const deep = (root: Element, selector: string): number => {
        let count = root.matches(selector) ? 1 : 0;
        const walk = (node: Element | ShadowRoot) => {
          for (const child of Array.from(node.children)) {
            if (child.matches(selector)) count += 1;
            if (child.shadowRoot) walk(child.shadowRoot);
            walk(child);
          }
        };
        if (root.shadowRoot) walk(root.shadowRoot);
        walk(root);
        return count;
      };
      return rows.map((row) => {
        const id = row.querySelector(idSelector)?.textContent?.trim() ?? '';
        const want = wants.find((candidate) => candidate.id === id);
        const marked = [row, ...Array.from(row.querySelectorAll('[data-orderlens-row]'))].filter((element) =>
          element.hasAttribute('data-orderlens-row'),
        );
        const problems: string[] = [];
        if (marked.length !== 1) problems.push(`${marked.length} [data-orderlens-row]`);
        else {
          if (marked[0]!.getAttribute('data-orderlens-row') !== id) problems.push(`marked ${marked[0]!.getAttribute('data-orderlens-row')}`);
          if (want?.track && deep(marked[0]!, '[data-orderlens="track"]') !== 1) problems.push('no single 查物流');
          if (want?.remind && deep(marked[0]!, '[data-orderlens="remind"]') !== 1) problems.push('no single 催付');
        }
        return `${id}: ${problems.join(', ') || 'ok'}`;
      });
    },
    { idSelector: expectation.rowIdSelector, wants },
  );
}

for (const fixture of apiLists) {
  const expectation = expectationOf(fixture);

  test(`${fixture.platform}/api-list: the console's own order JSON is captured passively, exactly, and the page sees no difference`, async ({
    context,
    openExtensionPage,
  }, testInfo) => {
    const timezoneId = testInfo.project.use.timezoneId;
    const plain = await baseline(fixture, expectation, timezoneId);
    expect(plain.pageErrors, 'the fixture page works without the extension').toEqual([]);
    expect(plain.offNetwork, 'the fixture page needs nothing outside its routes').toEqual([]);
    expect(plain.apiRequests.map(requestKey).sort(), 'routes serve exactly what the page asked for').toEqual(plain.requests.map(requestKey).sort());

    const routing = routingOf(context) as { apiRequests: { method: string; url: string }[]; offNetwork: unknown[] } | undefined;
    expect(routing, 'routeConsoles ran on the extension context').toBeDefined();
    const dashboard = await openExtensionPage('dashboard.html');
    const stored = async () => (await readStoredOrders(dashboard)) as Stored[];
    const page = await context.newPage();
    const requestsBefore = routing!.apiRequests.length;

    let keysBeforeError: string[] | null = null;
    const run = await runScenario(page, fixture, expectation, {
      afterLoad: async () => {
        // every order of the first response, rendered or not, with the values the JSON gives
        await expect.poll(async () => mismatches(await stored(), fixture.platform, expectation.orders), { timeout: 20_000 }).toEqual([]);
        expect(await renderedIds(page, expectation)).toEqual(expectation.rendered);
        // row controls on the rendered rows, found by order id (also on a layout no DOM reader knows)
        const renderedOrders = expectation.rendered.map((id) => expectation.orders.find((order) => order.orderId === id)!);
        await expect.poll(() => rowControls(page, expectation, renderedOrders)).toEqual(expectation.rendered.map((id) => `${id}: ok`));
      },
      afterNext: async () => {
        await expect
          .poll(async () => mismatches(await stored(), fixture.platform, expectation.nextPage.orders), { timeout: 20_000 })
          .toEqual([]);
      },
      beforeError: async () => {
        keysBeforeError = (await stored()).map((order) => order.key).sort();
      },
    });
    // an error envelope stores nothing new
    await page.waitForTimeout(1500);
    const finalOrders = await stored();
    if (keysBeforeError) expect(finalOrders.map((order) => order.key).sort(), 'an error response adds no order').toEqual(keysBeforeError);
    const platformKeys = finalOrders.filter((order) => order.key.startsWith(`${fixture.platform}:`));
    expect(platformKeys.length).toBe(new Set([...expectation.orders, ...expectation.nextPage.orders].map((order) => order.orderId)).size);

    // the page's own view is the same with the tap in place
    expect(run.pageErrors).toEqual([]);
    expect(run.handled).toEqual(plain.handled);
    expect(run.fetchName).toBe('fetch');
    expect(run.fetchLength).toBe(plain.fetchLength);

    // no request of our own: every API request served was one the page made, the same as without the extension
    // (compared as sorted lists: concurrent requests may reach the routing in either order)
    const served = routing!.apiRequests.slice(requestsBefore).map(requestKey).sort();
    expect(served).toEqual(run.requests.map(requestKey).sort());
    expect(served).toEqual(plain.apiRequests.map(requestKey).sort());
    expect(routing!.offNetwork).toEqual([]);

    // nothing beyond the model is kept: no phone, street or full name from the bodies
    const json = JSON.stringify(finalOrders);
    const leaked = expectation.private.filter((text) => json.includes(text));
    expect(leaked).toEqual([]);
  });
}
