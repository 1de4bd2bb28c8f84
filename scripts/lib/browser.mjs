// Shared by `npm run demo`, the end-to-end tests and the benchmark: launch Debian's Chromium (or
// CHROMIUM_PATH) with the built extension, and serve the fixture consoles at their real URLs.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_PATH = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES_ROOT = join(ROOT, 'tests', 'fixtures');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}

/**
 * A persistent context with the unpacked extension loaded (extensions need one), and the extension id
 * read from its service worker's URL.
 */
export async function launchWithExtension({ headless = true, extensionPath = EXTENSION_PATH, locale = 'zh-CN', timezoneId } = {}) {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath}: run \`npx wxt build\` first.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'orderlens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    locale,
    timezoneId,
    viewport: { width: 1440, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_FLAGS, `--lang=${locale}`, `--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, worker, close };
}

/** Every fixture page of every console: `{ platform, name, file, url, kind, layout, expected }`. */
export function listFixtures(root = FIXTURES_ROOT) {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((platform) => existsSync(join(root, platform, 'index.json')))
    .flatMap((platform) =>
      JSON.parse(readFileSync(join(root, platform, 'index.json'), 'utf8')).map((entry) => ({ platform, ...entry })),
    );
}

export function readFixtureJson(platform, file, root = FIXTURES_ROOT) {
  return JSON.parse(readFileSync(join(root, platform, file), 'utf8'));
}

const NOT_FOUND = '<!doctype html><meta charset="utf-8"><title>404</title><p>页面不存在 (no fixture for this URL)</p>';

/**
 * Serves the fixture pages at their real console URLs through the browser's request routing. A URL is
 * matched exactly first, then by path (the consoles add query parameters freely). Every other request
 * to the network is aborted and recorded, so tests can assert the extension made none of its own.
 */
export async function routeConsoles(context, { fixtures = listFixtures(), extraPages = {} } = {}) {
  const byUrl = new Map();
  const byPath = new Map();
  for (const fixture of fixtures) {
    const url = new URL(fixture.url);
    const body = () => readFileSync(join(FIXTURES_ROOT, fixture.platform, fixture.file), 'utf8');
    byUrl.set(url.href, body);
    const pathKey = url.origin + url.pathname;
    if (!byPath.has(pathKey)) byPath.set(pathKey, body);
  }
  for (const [url, html] of Object.entries(extraPages)) byUrl.set(new URL(url).href, () => html);
  const origins = new Set([...byUrl.keys()].map((url) => new URL(url).origin));
  const offNetwork = [];
  // Extension pages (chrome-extension://) load their own files: never route those.
  await context.route((url) => url.protocol !== 'chrome-extension:', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (!origins.has(url.origin) || request.resourceType() !== 'document') {
      offNetwork.push({ url: request.url(), type: request.resourceType() });
      return route.abort('blockedbyclient');
    }
    const body = byUrl.get(url.href) ?? byPath.get(url.origin + url.pathname);
    return route.fulfill({
      status: body ? 200 : 404,
      contentType: 'text/html; charset=utf-8',
      body: body ? body() : NOT_FOUND,
    });
  });
  return { offNetwork };
}

/**
 * Every stored order, read through an extension page (the database lives in the extension's origin). Never
 * creates the database: a test's read must not leave a version-1 database that blocks the extension's own open.
 */
export async function readStoredOrders(extensionPage) {
  return extensionPage.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('orderlens');
        let creating = false;
        open.onupgradeneeded = () => {
          creating = true;
          open.transaction.abort();
        };
        open.onerror = (event) => {
          event.preventDefault();
          if (creating) resolve([]);
          else reject(open.error);
        };
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('orders')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('orders').objectStore('orders').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => {
            db.close();
            reject(all.error);
          };
        };
      }),
  );
}
