// Extraction and row-control benchmarks: each console's list fixture, served at its real URL, grown to
// 500 (reading) and 1,000 (controls) rows by cloning its own row markup.
//
// These pages run in a Chromium context WITHOUT the extension (same binary, same flags): with the
// extension loaded, the console's content script would itself read the grown page, add controls and
// send 500 orders to the background while we time — racing the measurement and filling the database
// the later sections seed.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, ROOT, chromiumPath, listFixtures, routeConsoles } from '../lib/browser.mjs';
import { bundleIife } from './bundle.mjs';

const EXTRACT_ROWS = 500;
const INJECT_ROWS = 1000;

export async function runConsoleSection({ log, extract = { warmup: 4, reps: 11, inner: 2 }, inject = { warmup: 2, reps: 9 } }) {
  const code = await bundleIife(join(ROOT, 'scripts/bench/page/console-bench.ts'), '__olConsoleBench');
  // --expose-gc: the page collects garbage before each sample (untimed), so no sample pays for another's.
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await routeConsoles(context);
  const layouts = [];
  const failures = [];
  try {
    for (const fixture of listFixtures().filter((entry) => entry.kind === 'list')) {
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      try {
        const entry = await measureFixture(page, code, fixture, extract, inject);
        if (!entry) continue; // an empty-list fixture: no rows to clone
        entry.pageErrors = pageErrors;
        layouts.push(entry);
        log(
          `  ${fixture.platform}/${fixture.name}: read ${entry.readerMsPer100.toFixed(3)} vs leaf walk ${entry.leafTextMsPer100.toFixed(3)} ms/100 rows` +
            ` (${entry.parsedRows}/${entry.rows} parsed); controls ${entry.injectMs.toFixed(1)} vs ${entry.injectPlainMs.toFixed(1)} ms on ${entry.injectRows} rows`,
        );
      } catch (error) {
        const reason = String(error?.message ?? error).split('\n')[0];
        failures.push({ platform: fixture.platform, fixture: fixture.name, reason });
        log(`  ${fixture.platform}/${fixture.name}: NOT MEASURED — ${reason}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { layouts, failures, chromiumVersion: browser.version() };
}

const bench = (page, name, ...args) => page.evaluate(([n, a]) => globalThis.__olConsoleBench[n](...a), [name, args]);

async function openFixture(page, code, fixture) {
  await page.goto(fixture.url);
  await page.evaluate(code);
}

async function measureFixture(page, code, fixture, extract, inject) {
  const { platform, url } = fixture;
  await openFixture(page, code, fixture);
  const rowsInFixture = await page.evaluate(
    ([p, u]) => globalThis.__olConsoleBench.readers[p].read(document, new URL(u))?.rows.length ?? 0,
    [platform, url],
  );
  if (rowsInFixture === 0) return null;
  const grown = await bench(page, 'growList', platform, url, EXTRACT_ROWS);
  const timing = await bench(page, 'timeExtract', platform, url, extract.warmup, extract.reps, extract.inner);
  // A fresh page for the controls: 1,000 rows.
  await openFixture(page, code, fixture);
  const grownInject = await bench(page, 'growList', platform, url, INJECT_ROWS);
  const prepared = await bench(page, 'prepareInject', platform, url);
  const injectTiming = await bench(page, 'timeInject', inject.warmup, inject.reps);
  return {
    platform,
    fixture: fixture.name,
    layout: grown.layout,
    templateRows: grown.templateRows,
    rows: grown.rows,
    parsedRows: grown.parsedRows,
    uniqueIds: grown.uniqueIds,
    readerMsPer100: (timing.readerMs * 100) / grown.rows,
    rowTextMsPer100: (timing.rowTextMs * 100) / grown.rows,
    leafTextMsPer100: (timing.leafTextMs * 100) / grown.rows,
    injectRows: prepared.rows,
    injectParsedRows: grownInject.parsedRows,
    injectButtons: prepared.buttons,
    injectMs: injectTiming.controlsMs,
    injectPlainMs: injectTiming.plainMs,
    samples: { reader: timing.readerSamples, leafText: timing.leafTextSamples, rowText: timing.rowTextSamples, inject: injectTiming.controlsSamples, plain: injectTiming.plainSamples },
  };
}
