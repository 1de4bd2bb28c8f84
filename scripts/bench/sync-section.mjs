// `npm run bench -- --only=sync` (not in the default sections): team sync (issue 16).
//  1. First sync of a new member: a teammate's N orders (default 100,000; --orders) are on the
//     CouchDB-compatible test server (tests/sync-server: express-pouchdb over memory, 127.0.0.1); a new
//     member turns sync on and runs the first pass in Chromium — PouchDB replication into IndexedDB, then
//     the merge into the Dexie store — timed from the pass's start to its end: orders/s. The page is served
//     by the test server itself (same origin, so no CORS and no extension needed; the engine is the one the
//     background runs).
//  2. The bundle cost of the sync code: the background chunk as built (gzip); PouchDB bundled alone; the
//     sync engine with PouchDB but without Dexie (minified, gzip) — an upper bound of what sync adds (it
//     also counts the 催付 and merge code the background has anyway).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { bundleIife } from './bundle.mjs';
import { ROOT, CHROMIUM_FLAGS, chromiumPath } from '../lib/browser.mjs';
import { startSyncServer, TEST_ADMIN } from '../../tests/sync-server/sync-server.mjs';

// #imports (WXT's virtual module) stubbed: the bench page runs the engine outside an extension
const bundle = (entry, globalName, external = []) =>
  bundleIife(entry, globalName, { external, aliases: [{ find: /^#imports$/, replacement: join(ROOT, 'scripts/bench/page/sync-imports-stub.ts') }] });

const kb = (bytes) => Math.round(bytes / 100) / 10;

export async function runSyncSection({ log, orders = 100_000 }) {
  const result = {};
  // Bundle cost.
  // PouchDB as the background bundles it; the engine with Dexie left out (the background has Dexie anyway).
  const pouchCode = await bundle(join(ROOT, 'utils/sync/pouch.ts'), 'OrderLensPouch');
  result.pouchdbBundle = { rawKb: kb(Buffer.byteLength(pouchCode)), gzipKb: kb(gzipSync(pouchCode).length) };
  const engineCode = await bundle(join(ROOT, 'utils/sync/sync-engine.ts'), 'OrderLensSyncEngine', ['dexie']);
  result.syncEngineBundle = { rawKb: kb(Buffer.byteLength(engineCode)), gzipKb: kb(gzipSync(engineCode).length) };
  const background = join(ROOT, '.output/chrome-mv3/background.js');
  if (existsSync(background)) {
    const code = readFileSync(background);
    result.backgroundChunk = { rawKb: kb(code.length), gzipKb: kb(gzipSync(code).length) };
  }
  log(`  PouchDB (core, idb, http, replication) alone: ${result.pouchdbBundle.gzipKb} kB gzip (${result.pouchdbBundle.rawKb} kB minified)`);
  log(`  sync engine with PouchDB, without Dexie: ${result.syncEngineBundle.gzipKb} kB gzip (${result.syncEngineBundle.rawKb} kB minified)`);
  if (result.backgroundChunk) log(`  background.js as built: ${result.backgroundChunk.gzipKb} kB gzip (${result.backgroundChunk.rawKb} kB)`);

  // First sync.
  const pageCode = await bundle(join(ROOT, 'scripts/bench/page/sync-bench.ts'), 'OrderLensSyncBench');
  const server = await startSyncServer({
    users: { teammate: 'teammate-pw', newbie: 'newbie-pw' },
    pages: {
      '/__sync-bench.html': { contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>sync bench</title><script src="/__sync-bench.js"></script>' },
      '/__sync-bench.js': { contentType: 'text/javascript; charset=utf-8', body: pageCode },
    },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    if (process.env.SYNC_BENCH_CONSOLE) page.on('console', (message) => console.log('PAGE', message.text()));
    await page.goto(`${server.url}/__sync-bench.html`);
    log(`  seeding ${orders.toLocaleString('en')} orders of a teammate on the test server, then the new member's first pass…`);
    const measured = await page.evaluate(
      (options) => globalThis.OrderLensSyncBench.runSyncBench(options),
      { orders, team: 'bench', admin: TEST_ADMIN, member: { name: 'newbie', password: 'newbie-pw' }, batchSize: Number(process.env.SYNC_BENCH_BATCH) || undefined },
    );
    result.firstSync = measured;
    log(
      `  first sync: ${measured.stored.toLocaleString('en')} orders in ${(measured.passMs / 1000).toFixed(1)} s = ${measured.ordersPerSecond.toLocaleString('en')} orders/s` +
        ` (${measured.shopDbs} shop databases; seeding took ${(measured.seedMs / 1000).toFixed(1)} s; next idle pass ${measured.idlePassMs} ms;` +
        ` ${measured.progressUpdates} progress updates; rollup mismatches ${measured.rollupMismatches}; error ${measured.errorKind ?? 'none'})`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
  return result;
}
