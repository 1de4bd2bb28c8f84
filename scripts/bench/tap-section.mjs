// The tap's cost to the page, and the capture cost per 100 orders (DESIGN.md budget: the page's own
// request-to-handler time for a 500-order response ≤ 1.1× without the extension).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, FIXTURES_ROOT, ROOT, chromiumPath, launchWithExtension } from '../lib/browser.mjs';
import { bundleIife } from './bundle.mjs';
import { median } from './stats.mjs';

// One fixture body per console, at its endpoint URL.
const BODIES = [
  { platform: 'douyin', file: 'douyin/api/searchlist-all-p0.json', url: 'https://fxg.jinritemai.com/api/order/searchlist?page=0&pageSize=500' },
  { platform: 'jd', file: 'jd/api/queryOrderPage-p1.json', url: 'https://sff.jd.com/api?v=1.0&appId=COCX0HBWR4BA7RDVDBIQ&api=dsm.order.bff.orderListBffService.queryOrderPage' },
  { platform: 'taobao', file: 'taobao/api/asyncSold-p1.utf8.json', url: 'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8' },
  { platform: 'kuaishou', file: 'kuaishou/api/order-query-p1.json', url: 'https://s.kwaixiaodian.com/rest/app/tts/ks/seller/order/query/v2' },
  { platform: 'pinduoduo', file: 'pinduoduo/api/recentOrderList-p1.json', url: 'https://mms.pinduoduo.com/mangkhut/mms/recentOrderList' },
];

const PAGE_URL = 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=all&bench=tap';
const PAGE = '<!doctype html><meta charset="utf-8"><title>抖店 订单管理</title><body><div id="app">订单列表</div></body>';

// The page's own request → handler, as a console's list code does it: fetch + json(), and XHR + JSON.parse.
// Samples are spaced (a console fetches a page, then the seller reads it) so each sample also carries the
// tap's deferred work of the previous response only if it had not finished — which would show.
const PAGE_TIMER = `async ({ kind, samples, gap }) => {
  const times = [];
  for (let i = 0; i < samples; i++) {
    await new Promise((resolve) => setTimeout(resolve, gap));
    const started = performance.now();
    let body;
    if (kind === 'fetch') {
      const response = await fetch('/api/order/searchlist?page=0&pageSize=500&i=' + i);
      body = await response.json();
    } else {
      body = await new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', '/api/order/searchlist?page=0&pageSize=500&i=' + i);
        xhr.onload = () => resolve(JSON.parse(xhr.responseText));
        xhr.onerror = reject;
        xhr.send();
      });
    }
    if (!body.data || body.data.length !== 500) throw new Error('unexpected body');
    times.push(performance.now() - started);
  }
  return times;
}`;

async function routeBenchConsole(context, body) {
  await context.route('https://fxg.jinritemai.com/**', (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/api/order/searchlist') return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
  });
}

export async function runTapSection({ log, batches = 5, samplesPerBatch = 8, gapMs = 300 }) {
  const code = await bundleIife(join(ROOT, 'scripts/bench/page/api-bench.ts'), '__olApiBench');
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  const launched = await launchWithExtension({ headless: true });
  const result = { capture: {}, tap: {} };
  try {
    // Capture cost per 100 orders, per console, on bodies grown to 500 rows (a plain page: no extension).
    const plain = await browser.newContext();
    await plain.route('https://bench.orderlens.invalid/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>api bench</title>' }));
    const benchPage = await plain.newPage();
    await benchPage.goto('https://bench.orderlens.invalid/');
    await benchPage.evaluate(code);
    let douyin500 = '';
    for (const entry of BODIES) {
      const text = readFileSync(join(FIXTURES_ROOT, entry.file), 'utf8');
      const grown = await benchPage.evaluate(([t, u]) => globalThis.__olApiBench.growBody(t, u, 500), [text, entry.url]);
      if (entry.platform === 'douyin') douyin500 = grown;
      const timing = await benchPage.evaluate(([t, u]) => globalThis.__olApiBench.timeCapture(t, u), [grown, entry.url]);
      result.capture[entry.platform] = { ...timing, bodyKb: Math.round(grown.length / 1024) };
      log(`  capture ${entry.platform}: ${timing.msPer100.toFixed(2)} ms per 100 orders (${timing.orders} orders, ${Math.round(grown.length / 1024)} KB)`);
    }
    await plain.close();

    // The page's own request-to-handler time with and without the extension, interleaved batches.
    const withoutContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await routeBenchConsole(withoutContext, douyin500);
    await routeBenchConsole(launched.context, douyin500);
    const pages = { without: await withoutContext.newPage(), with: await launched.context.newPage() };
    const pageErrors = [];
    for (const [name, page] of Object.entries(pages)) {
      page.on('pageerror', (error) => pageErrors.push(`${name}: ${error}`));
      await page.goto(PAGE_URL);
    }
    for (const kind of ['fetch', 'xhr']) {
      const samples = { with: [], without: [] };
      for (const name of ['with', 'without']) await pages[name].evaluate(`(${PAGE_TIMER})({ kind: '${kind}', samples: 3, gap: ${gapMs} })`); // warm-up
      for (let batch = 0; batch < batches; batch++) {
        for (const name of batch % 2 ? ['without', 'with'] : ['with', 'without']) {
          samples[name].push(...(await pages[name].evaluate(`(${PAGE_TIMER})({ kind: '${kind}', samples: ${samplesPerBatch}, gap: ${gapMs} })`)));
        }
      }
      const withMs = median(samples.with);
      const withoutMs = median(samples.without);
      result.tap[kind] = { withMs, withoutMs, ratio: withMs / withoutMs, samples: samples.with.length };
      log(`  tap ${kind}: ${withMs.toFixed(2)} ms with the extension vs ${withoutMs.toFixed(2)} ms without (${(withMs / withoutMs).toFixed(2)}×)`);
    }
    const stored = await launched.context.newPage();
    await stored.goto(`chrome-extension://${launched.extensionId}/manifest.json`);
    result.tap.capturedOrders = await stored.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('orderlens');
          open.onsuccess = () => {
            const count = open.result.transaction('orders').objectStore('orders').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => resolve(null);
          };
          open.onerror = () => resolve(null);
        }),
    );
    result.tap.pageErrors = pageErrors;
    await withoutContext.close();
  } finally {
    await browser.close();
    await launched.close();
  }
  return result;
}
