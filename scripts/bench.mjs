#!/usr/bin/env node
// `npm run bench`: measures the performance budgets of DESIGN.md in real Chromium with the built extension,
// each against a baseline measured in the same run (medians of repetitions after warm-up; the machines
// are shared and noisy, so the ratios are what to read). Prints a table and writes bench-results.json.
//
//   --no-build        use the existing .output/chrome-mv3 instead of running `wxt build`
//   --orders=N        size of the stored history (default 100000; `--orders N` too); page save and popup
//                     paint are also measured at 10,000 orders (the flat-cost budgets)
//   --extension=PATH  the built extension to measure (default .output/chrome-mv3; the bench copies it)
//   --only=a,b        run some sections only: size, console, tap, extension; and sync (team sync: first sync
//                     of --orders orders for a new member, orders/s, and the sync code's bundle cost), which
//                     runs only when asked for
//   --strict          exit with status 1 when a budget does not hold or a measurement could not be made
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/browser.mjs';
import { measureContentScripts } from './bench/content-size.mjs';
import { runConsoleSection } from './bench/console-section.mjs';
import { prepareBenchExtension } from './bench/bench-extension.mjs';
import { runExtensionSection } from './bench/extension-section.mjs';
import { runTapSection } from './bench/tap-section.mjs';
import { runSyncSection } from './bench/sync-section.mjs';
import { buildResults, printTable } from './bench/report.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const orders = Number(option('orders') ?? 100_000);
const only = new Set((option('only') ?? 'size,console,tap,extension').split(','));
const log = (line) => console.log(line);

function build() {
  if (flag('no-build')) return;
  log('› Building the extension (wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  const started = Date.now();
  build();
  // Copied at once: a build by someone else while the bench runs changes nothing it measures.
  const extension = only.has('extension') ? await prepareBenchExtension(option('extension')) : undefined;
  const environment = {
    startedAt: new Date(started).toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
    orders,
  };
  const sections = { unavailable: {} };
  // A section that cannot run is reported with its reason; the others still run.
  const run = async (name, title, measure) => {
    if (!only.has(name)) return;
    log(`› ${title}`);
    try {
      return await measure();
    } catch (error) {
      sections.unavailable[name] = String(error?.message ?? error).split('\n')[0];
      log(`  NOT MEASURED — ${sections.unavailable[name]}`);
    }
  };
  sections.contentScripts = await run('size', 'Content-script sizes', async () => measureContentScripts());
  sections.console = await run('console', 'Reading 500-row pages and adding row controls to 1,000 rows (fixture consoles at their real URLs)', () =>
    runConsoleSection({ log }),
  );
  sections.tap = await run('tap', 'The JSON tap: the page’s own request-to-handler time with and without the extension; capture cost per 100 orders', () =>
    runTapSection({ log }),
  );
  sections.extension = await run('extension', `Database, popup and export with ${orders.toLocaleString('en')} stored orders (extension origin)`, () =>
    runExtensionSection({ log, orders, extensionPath: extension.path }),
  );
  sections.sync = await run('sync', `Team sync: first sync of ${orders.toLocaleString('en')} orders for a new member (test server on 127.0.0.1), bundle cost`, () =>
    runSyncSection({ log, orders }),
  );
  extension?.remove();
  environment.loadAverageAtEnd = loadavg().map((value) => Number(value.toFixed(2)));
  environment.seconds = Math.round((Date.now() - started) / 1000);
  environment.chromium = sections.console?.chromiumVersion;
  const results = buildResults(sections, environment);
  if (sections.sync) results.sync = sections.sync;
  printTable(results, log);
  const file = join(ROOT, 'bench-results.json');
  writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  if (flag('strict') && results.budgets.some((row) => row.holds === false)) process.exitCode = 1;
  log(`\nWrote ${file} (${environment.seconds} s; load average ${environment.loadAverageAtStart.join(' ')} → ${environment.loadAverageAtEnd.join(' ')} on ${environment.cpus} cores)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
