#!/usr/bin/env node
// Does the Firefox build tap the consoles' JSON the same way? Drives Debian's firefox-esr (or FIREFOX_PATH)
// over WebDriver BiDi (built into Firefox; no driver, no extra package): installs .output/firefox-mv2 as a
// temporary add-on, serves the JSON-driven fixture pages of 抖店, 拼多多 and 快手 at their real URLs by
// network interception, and checks what the page shows. The proof that the tap runs is 快手's page: its rows
// use a layout no DOM reader knows, so they get their 查物流/催付 controls only from the orders the tap read in
// the console's own JSON (found by order id). (BiDi may not open moz-extension:// pages, so the database
// itself is checked in Chromium only: tests/e2e/api-capture.spec.ts.)
//
//   node --experimental-websocket scripts/firefox-check.mjs    (Node 20 needs the flag for WebSocket)
//
// Exit status 0 when the checks hold (or, without --require, when Firefox is not installed: skipped with a
// message), 1 when one fails.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_ROOT, ROOT, listFixtures, readApiRoutes } from './lib/browser.mjs';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const EXTENSION = join(ROOT, '.output', 'firefox-mv2');
const GECKO_ID = 'orderlens@orderlens.local';
// A fixed internal UUID (profile pref): the extension's pages keep one address across runs.
const UUID = '5f0c3a8e-1b2d-4c6e-9a7f-0d1e2f3a4b5c';
const CHECKS = ['douyin', 'pinduoduo', 'kuaishou'];
const HOSTS = { douyin: 'fxg.jinritemai.com', pinduoduo: 'mms.pinduoduo.com', kuaishou: 's.kwaixiaodian.com' };

if (!existsSync(FIREFOX)) {
  console.log(`Firefox not found at ${FIREFOX} (apt-get install firefox-esr, or FIREFOX_PATH): Firefox tap check SKIPPED.`);
  process.exit(process.argv.includes('--require') ? 1 : 0);
}
if (typeof WebSocket === 'undefined') {
  console.error('No WebSocket in this Node: run with node --experimental-websocket (Node 20) or Node ≥ 22.');
  process.exit(1);
}
if (!existsSync(join(EXTENSION, 'manifest.json'))) {
  console.error('No Firefox build: run `npx wxt build -b firefox` first.');
  process.exit(1);
}

const fixtures = listFixtures().filter((fixture) => fixture.name === 'api-list' && CHECKS.includes(fixture.platform));
const pageFixtures = fixtures.filter((fixture) => fixture.platform !== 'kuaishou');
const routes = CHECKS.flatMap((platform) => readApiRoutes(platform));

/** The fixture answer for a request, as the Chromium harness gives it (GET routes by query; POST by order of declaration). */
function answer(method, url, seen) {
  const parsed = new URL(url);
  const page = fixtures.find((fixture) => {
    const at = new URL(fixture.url);
    return at.origin === parsed.origin && at.pathname === parsed.pathname && method === 'GET' && !routes.some((r) => new URL(r.url).pathname === parsed.pathname);
  });
  if (page) return { status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES_ROOT, page.platform, page.file)) };
  const candidates = routes.filter((route) => (route.method ?? 'GET').toUpperCase() === method && new URL(route.url).origin + new URL(route.url).pathname === parsed.origin + parsed.pathname);
  if (candidates.length === 0) return null;
  // BiDi shows no request bodies: POST routes answer in declaration order, one per request of that URL.
  const matching = candidates.filter((route) => !route.when?.query || Object.entries(route.when.query).every(([name, value]) => parsed.searchParams.get(name) === String(value)));
  const key = parsed.origin + parsed.pathname;
  const index = method === 'POST' ? (seen.get(key) ?? 0) : 0;
  seen.set(key, index + 1);
  const route = matching[Math.min(index, matching.length - 1)];
  if (!route || route.abort) return { status: 500, contentType: 'application/json', body: Buffer.from('{}') };
  const platform = CHECKS.find((name) => new URL(route.url).hostname === HOSTS[name]);
  const body = route.file ? readFileSync(join(FIXTURES_ROOT, platform, route.file)) : Buffer.from(typeof route.body === 'string' ? route.body : JSON.stringify(route.body ?? {}));
  return { status: route.status ?? 200, contentType: route.contentType ?? 'application/json;charset=utf-8', body, headers: route.headers ?? {} };
}

class Bidi {
  constructor(url) {
    this.socket = new WebSocket(url);
    this.next = 1;
    this.pending = new Map();
    this.listeners = [];
    this.socket.onmessage = (message) => {
      const data = JSON.parse(message.data);
      if (data.id && this.pending.has(data.id)) {
        const { resolve, reject } = this.pending.get(data.id);
        this.pending.delete(data.id);
        data.type === 'error' ? reject(new Error(`${data.error}: ${data.message}`)) : resolve(data.result);
      } else if (data.type === 'event') for (const listener of this.listeners) listener(data);
    };
  }
  open() {
    return new Promise((resolve, reject) => {
      this.socket.onopen = resolve;
      this.socket.onerror = () => reject(new Error('could not connect to Firefox over WebDriver BiDi'));
    });
  }
  send(method, params = {}) {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  on(listener) {
    this.listeners.push(listener);
  }
}

async function startFirefox(profile) {
  writeFileSync(
    join(profile, 'user.js'),
    [
      `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [GECKO_ID]: UUID }))});`,
      'user_pref("xpinstall.signatures.required", false);',
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("network.proxy.type", 0);',
      'user_pref("intl.locale.requested", "zh-CN");',
    ].join('\n'),
  );
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start WebDriver BiDi:\n${output.slice(-2000)}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Firefox exited (${code}):\n${output.slice(-2000)}`)));
  });
  return { child, url: `${url.replace(/\/$/, '')}/session` };
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'orderlens-firefox-'));
  const { child, url } = await startFirefox(profile);
  const failures = [];
  // Firefox's data-collection consent: nothing required; team sync's data optional, asked for when turned on.
  const manifest = JSON.parse(readFileSync(join(EXTENSION, 'manifest.json'), 'utf8'));
  const declared = manifest.browser_specific_settings?.gecko?.data_collection_permissions;
  const expected = { required: ['none'], optional: ['financialAndPaymentInfo', 'personallyIdentifyingInfo'] };
  if (JSON.stringify(declared) !== JSON.stringify(expected)) failures.push(`manifest data_collection_permissions ${JSON.stringify(declared)} ≠ ${JSON.stringify(expected)}`);
  try {
    const bidi = new Bidi(url);
    await bidi.open();
    const version = await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    console.log(`› Firefox ${version.capabilities.browserVersion} over WebDriver BiDi`);
    const installed = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION } });
    console.log(`› installed ${installed.extension} from .output/firefox-mv2 (temporary add-on)`);
    const seen = new Map();
    const served = [];
    const offNetwork = [];
    await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
    await bidi.send('network.addIntercept', {
      phases: ['beforeRequestSent'],
      urlPatterns: Object.values(HOSTS).map((hostname) => ({ type: 'pattern', protocol: 'https', hostname })),
    });
    bidi.on((event) => {
      if (event.method !== 'network.beforeRequestSent' || !event.params.isBlocked) return;
      const { request } = event.params;
      const reply = answer(request.method, request.url, seen);
      if (!reply) {
        offNetwork.push(request.url);
        void bidi.send('network.failRequest', { request: request.request }).catch(() => undefined);
        return;
      }
      served.push(`${request.method} ${request.url}`);
      const headers = [{ name: 'content-type', value: { type: 'string', value: reply.contentType } }, ...Object.entries(reply.headers ?? {}).map(([name, value]) => ({ name, value: { type: 'string', value: String(value) } }))];
      void bidi
        .send('network.provideResponse', { request: request.request, statusCode: reply.status, reasonPhrase: 'OK', headers, body: { type: 'base64', value: Buffer.from(reply.body).toString('base64') } })
        .catch((error) => failures.push(`provideResponse ${request.url}: ${error.message}`));
    });
    const tree = await bidi.send('browsingContext.getTree', {});
    const context = tree.contexts[0].context;
    for (const fixture of pageFixtures) {
      await bidi.send('browsingContext.navigate', { context, url: fixture.url, wait: 'complete' });
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const marked = await bidi.send('script.evaluate', { expression: 'document.querySelectorAll("[data-orderlens-row]").length', target: { context }, awaitPromise: false });
      const fetchName = await bidi.send('script.evaluate', { expression: 'fetch.name + "/" + fetch.length', target: { context }, awaitPromise: false });
      console.log(`  ${fixture.platform}: ${fixture.url} → ${marked.result.value} rows marked; page sees fetch as ${fetchName.result.value}`);
      if (fetchName.result.value !== 'fetch/1') failures.push(`${fixture.platform}: fetch is ${fetchName.result.value}`);
    }
    // 快手: rows in a layout no reader knows; controls only from the JSON orders the tap forwarded.
    const kuaishou = fixtures.find((fixture) => fixture.platform === 'kuaishou');
    const expectation = JSON.parse(readFileSync(join(FIXTURES_ROOT, 'kuaishou', kuaishou.expected), 'utf8'));
    await bidi.send('browsingContext.navigate', { context, url: kuaishou.url, wait: 'complete' });
    const probe = `(() => { const rows = [...document.querySelectorAll(${JSON.stringify(expectation.rowSelector)})];
      return JSON.stringify(rows.map((row) => [row.getAttribute('data-orderlens-row'), row.querySelectorAll('[data-orderlens="track"], [data-orderlens="remind"]').length])); })()`;
    let rows = [];
    for (let tries = 0; tries < 60; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      rows = JSON.parse((await bidi.send('script.evaluate', { expression: probe, target: { context }, awaitPromise: false })).result.value);
      if (rows.length && rows.every(([id]) => id)) break;
    }
    const marked = rows.filter(([id]) => id).map(([id]) => id);
    const withControls = rows.filter(([, controls]) => controls > 0).length;
    console.log(`  kuaishou: ${rows.length} rows rendered in an unknown layout; ${marked.length} marked by order id from the JSON the tap read, ${withControls} with 查物流/催付`);
    if (rows.length === 0) failures.push('kuaishou: the page rendered no rows');
    if (JSON.stringify(marked) !== JSON.stringify(expectation.rendered)) failures.push(`kuaishou: rows marked ${JSON.stringify(marked)} ≠ ${JSON.stringify(expectation.rendered)}`);
    if (withControls === 0) failures.push('kuaishou: no row got controls');
    if (offNetwork.length) console.log(`  requests outside the fixtures (failed): ${offNetwork.length}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`\nFirefox tap check FAILED:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nFirefox tap check passed: the Firefox build captures the consoles’ JSON as Chromium does.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
