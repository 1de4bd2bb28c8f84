// The tap in real Chromium, against the awkward cases of network-capture.md §2: the test build of
// installTap (tests/tap/tap-harness.ts) runs before the page's scripts, as the MAIN-world content script
// does, and keeps what it would forward on window.__tapRecords.
import { test, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM shared with scripts/demo.mjs and the benchmark
import { CHROMIUM_FLAGS, ROOT, chromiumPath } from '../../scripts/lib/browser.mjs';

const ORIGIN = 'https://tap.test';
const BODY = JSON.stringify({ code: 0, data: [{ shop_order_id: '4934071258846137423', title: '<img src=x onerror=alert(1)> =SUM(A1)' }] });
// {"mainOrders":[{"id":4934071258846137423,"statusInfo":{"text":"等待买家付款"},"buyer":{"nick":"王**"}}]} in GBK
const GBK_HEX =
  '7b226d61696e4f7264657273223a5b7b226964223a343933343037313235383834363133373432332c22737461747573496e666f223a7b2274657874223a22b5c8b4fdc2f2bcd2b8b6bfee227d2c226275796572223a7b226e69636b223a22cdf52a2a227d7d5d7d';
const GBK_TEXT = '{"mainOrders":[{"id":4934071258846137423,"statusInfo":{"text":"等待买家付款"},"buyer":{"nick":"王**"}}]}';
const BIG = JSON.stringify({ code: 0, data: Array.from({ length: 27_000 }, (_, at) => ({ id: String(at), title: '商品'.repeat(60) })) });

let tapScript = '';
let browser: Browser;

test.beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'orderlens-tap-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(ROOT, 'tests/tap/tap-harness.ts'), formats: ['iife'], name: 'tapHarness', fileName: () => 'tap.js' },
    },
  });
  tapScript = readFileSync(join(outDir, 'tap.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
});

test.afterAll(async () => {
  await browser?.close();
});

/** A page at https://tap.test/ with (or without) the tap, and the test endpoints routed. */
async function openPage(withTap: boolean): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  if (withTap) await context.addInitScript({ content: tapScript });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const json = { 'content-type': 'application/json; charset=utf-8' };
    switch (url.pathname) {
      case '/':
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>tap</title><body><iframe src="/blank"></iframe></body>' });
      case '/blank':
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html>' });
      case '/api/orders/json':
      case '/api/orders/list':
      case '/other/orders':
        return route.fulfill({ status: 200, headers: json, body: BODY });
      case '/api/orders/gbk':
        return route.fulfill({ status: 200, headers: { 'content-type': 'application/json;charset=GBK' }, body: Buffer.from(GBK_HEX, 'hex') });
      case '/api/orders/gbk-undeclared':
        return route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(GBK_HEX, 'hex') });
      case '/api/orders/error':
        return route.fulfill({ status: 500, headers: json, body: '{"code":500}' });
      case '/api/orders/fail':
        return route.abort('failed');
      case '/api/orders/slow':
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return route.fulfill({ status: 200, headers: json, body: BODY }).catch(() => undefined);
      case '/api/orders/big':
        return route.fulfill({ status: 200, headers: json, body: Buffer.from(BIG) });
      default:
        return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${ORIGIN}/`);
  return { page, errors };
}

interface Forwarded {
  endpoint: string;
  url: string;
  status: number;
  via: string;
  text: string;
}

async function recordsAfter(page: Page, count: number): Promise<Forwarded[]> {
  await page.waitForFunction((n) => (window as unknown as { __tapRecords: unknown[] }).__tapRecords.length >= n, count);
  await page.waitForTimeout(150); // nothing more should arrive
  return page.evaluate(() => (window as unknown as { __tapRecords: Forwarded[] }).__tapRecords);
}

/** Everything the page's own code does with its responses, run identically with and without the tap. */
const PAGE_SCENARIOS = async () => {
  const out: Record<string, unknown> = {};
  const xhr = (type: XMLHttpRequestResponseType, url: string, sync = false) =>
    new Promise<unknown>((resolve) => {
      const request = new XMLHttpRequest();
      request.open('GET', url, !sync);
      if (!sync) request.responseType = type;
      request.onload = () => {
        const value = request.response;
        if (value instanceof ArrayBuffer) resolve(new TextDecoder().decode(value));
        else if (value instanceof Blob) value.text().then(resolve);
        else resolve(typeof value === 'string' ? value : JSON.stringify(value));
      };
      request.onerror = () => resolve('error');
      request.send();
      if (sync) resolve(request.responseText);
    });
  out.fetchString = await (await fetch('/api/orders/json')).text();
  out.fetchRequest = await (await fetch(new Request('/api/orders/list?page=2', { method: 'POST', body: 'pageNum=2' }))).json();
  out.fetchUrl = await (await fetch(new URL('/api/orders/json', location.href))).text();
  out.fetchGbk = new TextDecoder('gbk').decode(await (await fetch('/api/orders/gbk')).arrayBuffer());
  out.fetchName = [fetch.name, fetch.length, XMLHttpRequest.prototype.open.name, XMLHttpRequest.prototype.open.length, XMLHttpRequest.prototype.send.length];
  out.xhrText = await xhr('', '/api/orders/json');
  out.xhrTextType = await xhr('text', '/api/orders/json');
  out.xhrJson = await xhr('json', '/api/orders/json');
  out.xhrBuffer = await xhr('arraybuffer', '/api/orders/json');
  out.xhrBlob = await xhr('blob', '/api/orders/json');
  out.xhrSync = await xhr('', '/api/orders/json', true);
  out.xhrGbk = await xhr('', '/api/orders/gbk');
  out.fetchFailed = await fetch('/api/orders/fail').then(
    () => 'resolved',
    (error: Error) => error.name,
  );
  const controller = new AbortController();
  const aborted = fetch('/api/orders/slow', { signal: controller.signal }).then(
    () => 'resolved',
    (error: Error) => error.name,
  );
  controller.abort();
  out.fetchAborted = await aborted;
  out.xhrAborted = await new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('GET', '/api/orders/slow');
    request.onabort = () => resolve(`abort:${request.status}`);
    request.send();
    setTimeout(() => request.abort(), 50);
  });
  out.fetchError = (await fetch('/api/orders/error')).status;
  out.oddThis = await Promise.resolve()
    .then(() => (fetch as unknown as (this: unknown, u: string) => Promise<Response>).call({}, '/other/orders'))
    .then(
      (response) => `resolved:${response.status}`,
      (error: Error) => `rejected:${error.name}`,
    )
    .catch((error: Error) => `threw:${error.name}`);
  out.unrelated = await (await fetch('/other/orders')).text();
  // The page read the body before anyone else could: the response the page got is still readable.
  const early = await fetch('/api/orders/json');
  out.earlyBodyUsed = [early.bodyUsed, (await early.text()).length, early.bodyUsed];
  return out;
};

test('the page sees exactly the same responses, names and errors with the tap as without it', async () => {
  const plain = await openPage(false);
  const tapped = await openPage(true);
  const without = await plain.page.evaluate(PAGE_SCENARIOS);
  const withTap = await tapped.page.evaluate(PAGE_SCENARIOS);
  expect(withTap).toEqual(without);
  expect(withTap.fetchName).toEqual(['fetch', 1, 'open', 2, 0]);
  expect(withTap.fetchGbk).toBe(GBK_TEXT);
  expect(withTap.fetchFailed).toBe('TypeError');
  expect(withTap.fetchAborted).toBe('AbortError');
  expect(tapped.errors).toEqual([]);
  expect(plain.errors).toEqual([]);
});

test('forwards each allow-listed body once, decoded, for every responseType; nothing from failed, aborted or other requests', async () => {
  const { page, errors } = await openPage(true);
  await page.evaluate(PAGE_SCENARIOS);
  // fetch: string, Request, URL, gbk, error(500), early → 6; xhr: '', text, json, arraybuffer, blob, sync, gbk → 7
  const records = await recordsAfter(page, 13);
  expect(records).toHaveLength(13);
  const byVia = (via: string) => records.filter((record) => record.via === via);
  expect(records.every((record) => record.endpoint === 'test.orders')).toBe(true);
  expect(records.some((record) => record.url.includes('/other/') || record.url.includes('/slow') || record.url.includes('/fail'))).toBe(false);
  for (const record of [...byVia('xhr:text'), ...byVia('xhr:arraybuffer'), ...byVia('xhr:blob')].filter((r) => r.url.endsWith('/json'))) {
    expect(record.text).toBe(BODY);
  }
  expect(byVia('xhr:json').map((record) => JSON.parse(record.text))).toEqual([JSON.parse(BODY)]);
  expect(byVia('xhr:text').filter((record) => record.url.endsWith('/json'))).toHaveLength(3); // '', 'text', sync
  const gbk = records.filter((record) => record.url.endsWith('/gbk'));
  expect(gbk.map((record) => [record.via, record.text])).toEqual([
    ['fetch', GBK_TEXT],
    ['xhr:text', GBK_TEXT],
  ]);
  expect(records.find((record) => record.url.endsWith('/error'))?.status).toBe(500);
  expect(records.find((record) => record.url.includes('/list?page=2'))?.text).toBe(BODY);
  expect(errors).toEqual([]);
});

test('decodes an undeclared GBK body by GB18030 and keeps 10 MB bodies whole', async () => {
  const { page, errors } = await openPage(true);
  const pageSaw = await page.evaluate(async () => {
    const big = await (await fetch('/api/orders/big')).text();
    const undeclared = await (await fetch('/api/orders/gbk-undeclared')).arrayBuffer();
    return { big: big.length, undeclared: undeclared.byteLength };
  });
  expect(pageSaw.big).toBe(BIG.length);
  const records = await recordsAfter(page, 2);
  expect(records.map((record) => record.url.split('/').pop())).toEqual(['big', 'gbk-undeclared']);
  expect(records[0]!.text).toBe(BIG);
  expect(records[1]!.text).toBe(GBK_TEXT);
  expect(errors).toEqual([]);
});

test('reads an XHR at DONE even when the page aborts it inside onreadystatechange (Angular), and reused XHRs once per request', async () => {
  const { page, errors } = await openPage(true);
  const seen = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const results: string[] = [];
        const request = new XMLHttpRequest();
        request.onreadystatechange = () => {
          if (request.readyState !== 4) return;
          results.push(`${request.status}:${request.responseText.length}`);
          request.abort(); // completed request aborted inside the handler
          // reuse the same object for an unrelated URL, then for an order URL again
          if (results.length === 1) {
            request.open('GET', '/other/orders');
            request.send();
          } else if (results.length === 2) {
            request.open('GET', '/api/orders/list?again=1');
            request.send();
          } else resolve(results);
        };
        request.open('GET', '/api/orders/json');
        request.send();
      }),
  );
  expect(seen).toHaveLength(3);
  const records = await recordsAfter(page, 2);
  expect(records.map((record) => new URL(record.url).pathname + new URL(record.url).search)).toEqual(['/api/orders/json', '/api/orders/list?again=1']);
  expect(errors).toEqual([]);
});

test('a page that wraps fetch and XHR again after the tap, or calls them oddly, still works', async () => {
  const { page, errors } = await openPage(true);
  const result = await page.evaluate(async () => {
    const previous = window.fetch;
    window.fetch = function (...args: Parameters<typeof fetch>) {
      return previous.apply(this, args);
    };
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
      return (open as (...a: unknown[]) => void).apply(this, args);
    } as typeof open;
    const viaWrapper = (await (await window.fetch('/api/orders/json')).json()) as unknown;
    const detached = window.fetch;
    const unbound = await (await detached('/api/orders/json')).text();
    let invalid = '';
    await fetch('http://[bad').catch((error: Error) => (invalid = error.name));
    return { viaWrapper: JSON.stringify(viaWrapper).length, unbound: unbound.length, invalid };
  });
  expect(result.invalid).toBe('TypeError');
  expect(result.viaWrapper).toBeGreaterThan(10);
  expect(await recordsAfter(page, 2)).toHaveLength(2);
  expect(errors).toEqual([]);
});
