// Database, popup and export benchmarks, in Chromium with the bench's copy of the built extension: the
// bench module runs in an extension page (the extension's origin, hence its own `orderlens` database),
// seeded once with the generated history; the popup is opened for real as chrome-extension://<id>/popup.html
// and so is its bare baseline page (bench-extension.mjs).
import { join } from 'node:path';
import { ROOT, launchWithExtension } from '../lib/browser.mjs';
import { PAINT_BASELINE_PAGE } from './bench-extension.mjs';
import { bundleIife } from './bundle.mjs';
import { median } from './stats.mjs';

// Runs in the popup before its own scripts: the first KPI tile with a value, then the end of the frame
// that shows it (rAF → next task), in ms since navigation start (performance.timeOrigin).
const KPI_PAINT_PROBE = `(() => {
  const mark = {};
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-kpi][data-value]')) return;
    observer.disconnect();
    mark.tileInDom = performance.now();
    requestAnimationFrame(() => {
      mark.frameStart = performance.now();
      setTimeout(() => {
        mark.painted = performance.now();
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        mark.firstContentfulPaint = fcp ? fcp.startTime : null;
        mark.domContentLoaded = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null;
        globalThis.__olKpiPaint = mark;
      }, 0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-value'] });
})();`;

/** The store size the flat-cost budgets compare against (issue 14 item 4). */
export const SMALL_STORE = 10_000;

/**
 * The database section at two store sizes, each in a browser of its own (a fresh profile, so the small
 * store never carries the tombstones of a big one): page save and popup paint at 10k and at `orders`;
 * import and export at `orders` only.
 */
export async function runExtensionSection({ log, orders = 100_000, extensionPath }) {
  const code = await bundleIife(join(ROOT, 'scripts/bench/page/extension-bench.ts'), '__olExtBench');
  const small = orders > SMALL_STORE ? await measureStore({ log, code, extensionPath, orders: SMALL_STORE, full: false }) : undefined;
  const large = await measureStore({ log, code, extensionPath, orders, full: true });
  return { ...large, small };
}

async function measureStore({ log, code, extensionPath, orders, full, page = { size: 300, changed: 150, warmup: 2, reps: 7 }, popup = { warmup: 1, reps: 7 }, exportReps = { warmup: 0, reps: 3 } }) {
  log(`  — ${orders.toLocaleString('en')} stored orders`);
  const { context, extensionId, close } = await launchWithExtension({ headless: true, extensionPath });
  const result = { extensionId, orders };
  try {
    // A quiet extension page: no app of its own running (the dashboard would re-query on every write).
    const bench = await context.newPage();
    const pageErrors = [];
    bench.on('pageerror', (error) => pageErrors.push(String(error)));
    await bench.goto(`chrome-extension://${extensionId}/manifest.json`);
    await bench.evaluate(code);
    const call = (name, ...args) => bench.evaluate(([n, a]) => globalThis.__olExtBench[n](...a), [name, args]);

    const now = Date.now();
    const history = { seed: 20240513, now, days: 365 };
    // Raw baseline in a page of its own web origin: a fresh, empty IndexedDB backing store each time (as
    // the extension's is before the import), and no deleted 100k database left for the extension's
    // store to compact while its own timings run.
    const rawImport = async (run) => {
      const origin = `https://raw-idb-${run}.orderlens-bench.invalid`;
      await context.route(`${origin}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>raw IndexedDB baseline</title>' }));
      const raw = await context.newPage();
      raw.on('pageerror', (error) => pageErrors.push(`raw: ${error}`));
      await raw.goto(`${origin}/`);
      await raw.evaluate(code);
      await raw.evaluate(([o, n]) => globalThis.__olExtBench.generateHistory(o, n), [history, orders]);
      const timing = await raw.evaluate(() => globalThis.__olExtBench.rawImport());
      await raw.close();
      return timing;
    };

    const raw1 = full ? await rawImport(1) : undefined;
    if (raw1) log(`  raw IndexedDB put, ${raw1.transactions === 1 ? 'one transaction' : `${raw1.transactions} transactions of 100,000`}: ${(raw1.ms / 1000).toFixed(2)} s`);
    result.generated = await call('generateHistory', history, orders);
    log(`  generated ${orders} orders in ${(result.generated.ms / 1000).toFixed(1)} s (${result.generated.shops} shops; schema failures in sample: ${result.generated.schemaFailures})`);
    await call('openExtensionDatabase');
    result.remindersSeeded = await call('seedReminders', 13);
    const imported = await call('bulkImport');
    log(`  bulk import (importOrders, ${imported.transactions === 1 ? 'one transaction' : `${imported.transactions} imports of 100,000`}): ${(imported.ms / 1000).toFixed(2)} s`);
    await call('releaseHistory');
    if (raw1) {
      // measured again after the import so drift hits both alike — except at a million orders, where one raw
      // run takes ten minutes
      const raw2 = orders <= 100_000 ? await rawImport(2) : undefined;
      if (raw2) log(`  raw IndexedDB put again: ${(raw2.ms / 1000).toFixed(2)} s`);
      const rawSamples = raw2 ? [raw1.ms, raw2.ms] : [raw1.ms];
      result.import = { ms: imported.ms, inserted: imported.inserted, transactions: imported.transactions, rawSamples, rawMs: median(rawSamples) };
    }

    // A console page (the budget) and the scattered worst case, alternating so drift hits both alike.
    const [upserts, scatteredUpserts] = await interleaved(
      { console: () => call('pageUpsert', page.size, page.changed, 'console'), scattered: () => call('pageUpsert', page.size, page.changed, 'scattered') },
      'console',
      'scattered',
      page.warmup + page.reps,
    );
    const summarise = (runs) => {
      const measured = runs.slice(page.warmup);
      return {
        ms: median(measured.map((u) => u.ms)),
        rawMs: median(measured.map((u) => u.rawMs)),
        samples: measured.map((u) => u.ms),
        rawSamples: measured.map((u) => u.rawMs),
        rollupDays: median(measured.map((u) => u.rollupDays)),
        warmupSamples: runs.slice(0, page.warmup).map((u) => u.ms),
        last: measured.at(-1),
      };
    };
    result.pageUpsert = summarise(upserts);
    result.pageUpsertScattered = summarise(scatteredUpserts);
    for (const [label, figures] of [
      ['300-order console page (one shop, newest first)', result.pageUpsert],
      ['300-order scattered page (5 platforms, whole year)', result.pageUpsertScattered],
    ]) {
      log(
        `  ${label}: median ${figures.ms.toFixed(1)} ms (${figures.samples.map((v) => v.toFixed(0)).join(', ')}; ${figures.last.inserted} new + ${figures.last.updated} changed, ${figures.rollupDays} days)` +
          ` vs raw put of the same records ${figures.rawMs.toFixed(1)} ms (${figures.rawSamples.map((v) => v.toFixed(0)).join(', ')})`,
      );
    }

    result.stored = await call('storedCounts');
    await call('recordLastKnownCount', result.stored.orders);

    const openPage = async (path) => {
      const tab = await context.newPage();
      tab.on('pageerror', (error) => pageErrors.push(`${path}: ${error}`));
      await tab.addInitScript(KPI_PAINT_PROBE);
      await tab.goto(`chrome-extension://${extensionId}/${path}`);
      const mark = await tab.waitForFunction(() => globalThis.__olKpiPaint, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue());
      await tab.close();
      return mark;
    };
    // The popup and its bare baseline page, alternating which opens first so drift hits both alike.
    const [paints, bare] = await interleaved(
      { popup: () => openPage('popup.html'), bare: () => openPage(PAINT_BASELINE_PAGE) },
      'popup',
      'bare',
      popup.warmup + popup.reps,
    );
    const painted = paints.slice(popup.warmup);
    const barePainted = bare.slice(popup.warmup);
    result.popup = {
      ms: median(painted.map((p) => p.painted)),
      baselineMs: median(barePainted.map((p) => p.painted)),
      tileInDomMs: median(painted.map((p) => p.tileInDom)),
      firstOpenMs: paints[0].painted,
      samples: painted.map((p) => p.painted),
      baselineSamples: barePainted.map((p) => p.painted),
      firstContentfulPaintMs: median(painted.map((p) => p.firstContentfulPaint ?? Number.NaN)),
      domContentLoadedMs: median(painted.map((p) => p.domContentLoaded ?? Number.NaN)),
    };
    log(
      `  popup first KPI paint: median ${result.popup.ms.toFixed(1)} ms (${result.popup.samples.map((v) => v.toFixed(0)).join(', ')}; first open ${result.popup.firstOpenMs.toFixed(0)} ms;` +
        ` FCP ${result.popup.firstContentfulPaintMs.toFixed(0)} ms) vs bare page ${result.popup.baselineMs.toFixed(1)} ms (${result.popup.baselineSamples.map((v) => v.toFixed(0)).join(', ')})`,
    );
    if (full) Object.assign(result, await measureExports(call, log, exportReps, orders <= 100_000));
    await call('closeAll');
    result.pageErrors = pageErrors;
  } finally {
    await close();
  }
  return result;
}

/** CSV export always; the .xlsx export up to 100k orders (beyond, a sheet of a million rows is no seller's file). */
async function measureExports(call, log, exportReps, withXlsx) {
  const calls = { exportOrders: () => call('exportOrders'), exportBaseline: () => call('exportBaseline'), exportOrdersXlsx: () => call('exportOrdersXlsx') };
  const [exports, baselines] = await interleaved(calls, 'exportOrders', 'exportBaseline', exportReps.warmup + exportReps.reps);
  const e = exports.slice(exportReps.warmup);
  const b = baselines.slice(exportReps.warmup);
  const result = {};
  result.export = {
    ms: median(e.map((x) => x.ms)),
    baselineMs: median(b.map((x) => x.ms)),
    samples: e.map((x) => x.ms),
    baselineSamples: b.map((x) => x.ms),
    rows: e[0].rows,
    bytes: e[0].bytes,
    baselineBytes: b[0].bytes,
  };
  log(`  CSV export of ${result.export.rows} orders: ${result.export.ms.toFixed(0)} ms vs raw ${result.export.baselineMs.toFixed(0)} ms`);
  if (!withXlsx) return result;
  // the Excel export against the CSV export of the same orders, interleaved in the same run
  const [xlsx, csv] = await interleaved(calls, 'exportOrdersXlsx', 'exportOrders', exportReps.reps);
  result.exportXlsx = {
    ms: median(xlsx.map((x) => x.ms)),
    csvMs: median(csv.map((x) => x.ms)),
    samples: xlsx.map((x) => x.ms),
    csvSamples: csv.map((x) => x.ms),
    rows: xlsx[0].rows,
    bytes: xlsx[0].bytes,
    csvBytes: csv[0].bytes,
  };
  log(`  Excel export of ${result.exportXlsx.rows} orders: ${result.exportXlsx.ms.toFixed(0)} ms vs CSV ${result.exportXlsx.csvMs.toFixed(0)} ms (${(result.exportXlsx.bytes / 1e6).toFixed(1)} MB vs ${(result.exportXlsx.csvBytes / 1e6).toFixed(1)} MB)`);
  return result;
}

/** `reps` runs of two measurements, alternating which goes first so drift hits both alike. */
async function interleaved(calls, first, second, reps) {
  const a = [];
  const b = [];
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      a.push(await calls[first]());
      b.push(await calls[second]());
    } else {
      b.push(await calls[second]());
      a.push(await calls[first]());
    }
  }
  return [a, b];
}
