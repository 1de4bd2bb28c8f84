import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// The built manifest must ask for exactly this: storage, unlimited storage, alarms (the 日报 notification's
// hour), and the seller consoles' own origins for the content scripts; notifications only as an optional
// permission, requested when the seller turns the 日报 notification on; the team-sync server's origin only as an
// optional host permission (HTTPS, or this computer), requested for exactly that origin when the seller turns team
// sync on. Anything more needs a reason in the README and a change here.
const ALLOWED_PERMISSIONS = ['alarms', 'storage', 'unlimitedStorage'];
const OPTIONAL_PERMISSIONS = ['notifications'];
const OPTIONAL_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'];
const ALLOWED_MATCHES = [
  'https://dmall.jinritemai.com/*',
  'https://fxg.jinritemai.com/*',
  'https://mms.pinduoduo.com/*',
  'https://myseller.taobao.com/*',
  'https://neworder.shop.jd.com/*',
  'https://porder.shop.jd.com/*',
  'https://qn.taobao.com/*',
  'https://s.kwaixiaodian.com/*',
  'https://shop.jd.com/*',
  'https://trade-order-jdm.jd.com/*',
  'https://trade.taobao.com/*',
  'https://trade.tmall.com/*',
];

test('the manifest asks only for the allowed permissions and console origins', () => {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), '.output', 'chrome-mv3', 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.permissions].sort()).toEqual(ALLOWED_PERMISSIONS);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_permissions ?? []).toEqual(OPTIONAL_PERMISSIONS);
  expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual(OPTIONAL_HOST_PERMISSIONS);
  const matches = (manifest.content_scripts as { matches: string[]; all_frames?: boolean }[]).flatMap((script) => script.matches);
  expect([...new Set(matches)].sort()).toEqual(ALLOWED_MATCHES);
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  expect(manifest.externally_connectable).toBeUndefined();
  // no remote code: every script the manifest names is a packaged file
  const { optional_host_permissions: _optionalHosts, ...rest } = manifest;
  expect(JSON.stringify(rest)).not.toMatch(/https?:\/\/(?!(dmall|fxg|mms|myseller|neworder|porder|qn|s|shop|trade-order-jdm|trade)\.)/);
});

test('the tap runs in the page world at document_start on the console origins only; the readers start with it', () => {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), '.output', 'chrome-mv3', 'manifest.json'), 'utf8'));
  const scripts = manifest.content_scripts as { matches: string[]; js: string[]; run_at?: string; world?: string; all_frames?: boolean }[];
  const main = scripts.filter((script) => script.world === 'MAIN');
  expect(main).toHaveLength(1);
  expect(main[0]!.js).toEqual(['content-scripts/tap.js']);
  expect(main[0]!.run_at).toBe('document_start');
  expect([...main[0]!.matches].sort()).toEqual(ALLOWED_MATCHES);
  // the isolated side must hold its end of the private channel before any page script runs
  for (const script of scripts) expect(script.run_at).toBe('document_start');
  expect(scripts.some((script) => script.all_frames)).toBe(false);
  // the tap is tiny: no zod, no parsing, no site readers
  const tap = readFileSync(join(process.cwd(), '.output', 'chrome-mv3', 'content-scripts', 'tap.js'), 'utf8');
  expect(tap.length).toBeLessThan(8_000);
  expect(tap).not.toMatch(/safeParse|detectPage|JSON\.parse/);
});

test('icons for the toolbar, the extensions page and the store: 16, 32, 48 and 128 px files that exist', () => {
  const root = join(process.cwd(), '.output', 'chrome-mv3');
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  for (const icons of [manifest.icons, manifest.action.default_icon]) {
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(icons as Record<string, string>)) {
      const png = readFileSync(join(root, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // width and height from the IHDR chunk
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  }
});
