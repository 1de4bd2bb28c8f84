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
  // Listen before looking: a worker that registers between the two would otherwise never be seen (a test
  // that timed out here on a loaded machine). Looked up again each second in case the event was missed.
  const worker = await new Promise((resolve, reject) => {
    const found = () => context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'));
    const done = (value) => {
      clearInterval(poll);
      clearTimeout(timer);
      context.off('serviceworker', onWorker);
      value ? resolve(value) : reject(new Error('the extension service worker did not start within 60 s'));
    };
    const onWorker = () => found() && done(found());
    context.on('serviceworker', onWorker);
    const poll = setInterval(onWorker, 1000);
    const timer = setTimeout(() => done(found()), 60_000);
    onWorker();
  });
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
 * `tests/fixtures/<platform>/api-routes.json`: the consoles' own JSON endpoints as the fixture SPA pages call
 * them. A list of entries, first match wins:
 *
 *   { "method": "GET" | "POST" | …,
 *     "url": "https://fxg.jinritemai.com/api/order/searchlist",      origin + path, matched exactly
 *     "when": { "query": { "page": "1" }, "body": { "request.data.current": 2 } },   optional, all must match
 *     "file": "api/searchlist-all-p1.json",    raw bytes beside index.json (GBK bodies stay GBK) — or
 *     "body": { … } | "text",                  an inline body (JSON values are serialised) — or
 *     "abort": "failed",                       fail the request at the network level (route.abort reason)
 *     "status": 200, "contentType": "application/json;charset=GBK",
 *     "headers": { "Access-Control-Allow-Origin": "https://shop.jd.com", … } }
 *
 * `when.body` reads the request body as JSON, or else as form-urlencoded; a dotted path walks into the JSON
 * (a form field is looked up by its whole name first). Values compare as text, so `2` matches `"2"`.
 */
export function readApiRoutes(platform, root = FIXTURES_ROOT) {
  const path = join(root, platform, 'api-routes.json');
  if (!existsSync(path)) return [];
  return JSON.parse(readFileSync(path, 'utf8')).map((entry) => ({ platform, ...entry }));
}

function requestBodyObject(request) {
  const text = request.postData();
  if (text == null || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

function valueAt(object, dottedPath) {
  if (object == null || typeof object !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(object, dottedPath)) return object[dottedPath];
  let value = object;
  for (const key of dottedPath.split('.')) {
    if (value == null || typeof value !== 'object') return undefined;
    value = value[key];
  }
  return value;
}

const sameValue = (actual, expected) =>
  actual !== undefined &&
  (typeof expected === 'object' && expected !== null ? JSON.stringify(actual) === JSON.stringify(expected) : String(actual) === String(expected));

function routeMatches(entry, request, url) {
  if ((entry.method ?? 'GET').toUpperCase() !== request.method()) return false;
  const entryUrl = new URL(entry.url);
  if (entryUrl.origin + entryUrl.pathname !== url.origin + url.pathname) return false;
  const when = entry.when ?? {};
  for (const [name, value] of Object.entries(when.query ?? {})) {
    if (!sameValue(url.searchParams.get(name) ?? undefined, value)) return false;
  }
  const bodyRules = Object.entries(when.body ?? {});
  if (bodyRules.length > 0) {
    const body = requestBodyObject(request);
    for (const [path, value] of bodyRules) if (!sameValue(valueAt(body, path), value)) return false;
  }
  return true;
}

function routeBody(entry) {
  if (entry.file !== undefined) return readFileSync(join(FIXTURES_ROOT, entry.platform, entry.file));
  if (entry.body === undefined) return Buffer.alloc(0);
  return Buffer.from(typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body), 'utf8');
}

/**
 * A route's answer with its text transformed (the demo's showcase data). GBK bodies are answered from their
 * UTF-8 twin (`x.gbk.json` → `x.utf8.json`) with a UTF-8 charset: Node has no GBK encoder.
 */
function transformedBody(entry, transformText) {
  const contentType = entry.contentType ?? 'application/json;charset=utf-8';
  if (entry.file === undefined) return { contentType, body: Buffer.from(transformText(routeBody(entry).toString('utf8')), 'utf8') };
  const gbk = /\.gbk\.json$/.test(entry.file);
  const file = gbk ? entry.file.replace(/\.gbk\.json$/, '.utf8.json') : entry.file;
  const text = readFileSync(join(FIXTURES_ROOT, entry.platform, file), 'utf8');
  return { contentType: gbk ? contentType.replace(/charset=[\w-]+/i, 'charset=utf-8') : contentType, body: Buffer.from(transformText(text), 'utf8') };
}

/** CORS answer to a preflight for a declared API url (Playwright usually answers preflights itself). */
function preflightHeaders(request, declared) {
  const asked = request.headers();
  const headers = {
    'Access-Control-Allow-Origin': asked.origin ?? '*',
    'Access-Control-Allow-Methods': asked['access-control-request-method'] ?? declared.map((entry) => entry.method ?? 'GET').join(', '),
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Max-Age': '600',
  };
  if (asked['access-control-request-headers']) headers['Access-Control-Allow-Headers'] = asked['access-control-request-headers'];
  return headers;
}

const routing = new WeakMap();

/** What `routeConsoles` recorded for a context: `{ offNetwork, apiRequests }`. */
export function routingOf(context) {
  return routing.get(context);
}

/**
 * Serves the fixture pages at their real console URLs through the browser's request routing. A URL is
 * matched exactly first, then by path (the consoles add query parameters freely). Fetch/XHR requests
 * (any resource type but `document`) to a url declared in a platform's `api-routes.json` are answered from
 * there (a declared url with no matching entry gets a 404 JSON body) and recorded in `apiRequests`
 * (`{method, url, status, resourceType}`; CORS preflights are not recorded). Every other request to the
 * network is aborted and recorded in `offNetwork`, so tests can assert the extension made none of its own.
 */
export async function routeConsoles(context, { fixtures = listFixtures(), extraPages = {}, transformText } = {}) {
  const byUrl = new Map();
  const byPath = new Map();
  for (const fixture of fixtures) {
    const url = new URL(fixture.url);
    const read = () => readFileSync(join(FIXTURES_ROOT, fixture.platform, fixture.file), 'utf8');
    const body = transformText ? () => transformText(read()) : read;
    byUrl.set(url.href, body);
    const pathKey = url.origin + url.pathname;
    if (!byPath.has(pathKey)) byPath.set(pathKey, body);
  }
  for (const [url, html] of Object.entries(extraPages)) byUrl.set(new URL(url).href, () => html);
  const origins = new Set([...byUrl.keys()].map((url) => new URL(url).origin));
  const apiRoutes = [...new Set(fixtures.map((fixture) => fixture.platform))].flatMap((platform) => readApiRoutes(platform));
  const apiByUrl = new Map();
  for (const entry of apiRoutes) {
    const url = new URL(entry.url);
    const key = url.origin + url.pathname;
    if (!apiByUrl.has(key)) apiByUrl.set(key, []);
    apiByUrl.get(key).push(entry);
  }
  const offNetwork = [];
  const apiRequests = [];
  routing.set(context, { offNetwork, apiRequests });
  // Extension pages (chrome-extension://) load their own files: never route those.
  await context.route((url) => url.protocol !== 'chrome-extension:', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const declared = apiByUrl.get(url.origin + url.pathname);
    if (declared && request.resourceType() !== 'document') {
      if (request.method() === 'OPTIONS' && !declared.some((entry) => (entry.method ?? 'GET').toUpperCase() === 'OPTIONS')) {
        return route.fulfill({ status: 204, headers: preflightHeaders(request, declared), body: '' });
      }
      const entry = declared.find((candidate) => routeMatches(candidate, request, url));
      const record = { method: request.method(), url: request.url(), resourceType: request.resourceType() };
      if (!entry) {
        apiRequests.push({ ...record, status: 404 });
        const headers = declared.find((candidate) => candidate.headers)?.headers ?? {};
        return route.fulfill({
          status: 404,
          headers,
          contentType: 'application/json;charset=utf-8',
          body: JSON.stringify({ code: 404, msg: 'no fixture route for this request' }),
        });
      }
      if (entry.abort) {
        apiRequests.push({ ...record, status: 0 });
        return route.abort(typeof entry.abort === 'string' ? entry.abort : 'failed');
      }
      const status = entry.status ?? 200;
      apiRequests.push({ ...record, status });
      return route.fulfill({
        status,
        headers: entry.headers ?? {},
        ...(transformText ? transformedBody(entry, transformText) : { contentType: entry.contentType ?? 'application/json;charset=utf-8', body: routeBody(entry) }),
      });
    }
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
  return { offNetwork, apiRequests };
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
