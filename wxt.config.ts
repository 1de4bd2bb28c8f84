import { defineConfig } from 'wxt';
import { TEAM_SYNC_DATA_COLLECTION } from './utils/sync/sync-permissions';

// Node: WXT 0.21 declares `node >= 22` in its engines; the machines here (and CI) have Node 20.20. We pin
// wxt 0.21.4 and build on Node 20 deliberately — build, prepare and zip work on 20.20 and CI proves it on
// every change — and pick vite 8 / vitest 4, which support Node 20.19+ (vitest 5 would need Node 22).
// See README "Node version".

// The origins team sync may be granted (one of them, the team's server, when the seller turns sync on).
const SYNC_SERVER_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Firefox sources package for AMO review: code and build files, not screenshots or local outputs.
  zip: { excludeSources: ['docs/**', 'demo-output/**', 'test-results/**', 'bench-results.json'] },
  // the 导入订单 worker loads SheetJS on demand: module workers can split chunks, the default iife cannot
  vite: () => ({ worker: { format: 'es' } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // alarms: the 日报 notification's hour; notifications only when the seller turns that on (dashboard → 日报)
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    // Firefox (MV2) has no optional_host_permissions: there the sync server's origins are optional permissions.
    optional_permissions: browser === 'firefox' ? ['notifications', ...SYNC_SERVER_ORIGINS] : ['notifications'],
    // Team sync (off by default, dashboard → 团队同步): the team's own CouchDB server. Nothing is granted at install;
    // turning sync on requests exactly the server's origin (browser.permissions.request from the form's submit) and
    // turning it off gives it back. HTTPS only, except a server on this computer (localhost / 127.0.0.1), which never
    // leaves the machine. The extension origin's fetches to a granted origin need no CORS setup on the server.
    ...(browser === 'firefox' ? {} : { optional_host_permissions: SYNC_SERVER_ORIGINS }),
    // public/icon/<size>.png become the manifest's icons (WXT); the toolbar button uses the same files.
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'orderlens@orderlens.local',
              // `world: "MAIN"` content scripts (the JSON tap) need Firefox 128 — older ones would run the tap
              // in the isolated world, where it wraps nothing — and data_collection_permissions needs 140
              // (the current ESR); Firefox for Android needs 142 for it.
              strict_min_version: '140.0',
              // Firefox data-collection declaration: nothing leaves this computer unless the seller turns team
              // sync on; then orders go to the team's own server, asked for in that click.
              data_collection_permissions: { required: ['none'], optional: [...TEAM_SYNC_DATA_COLLECTION] },
            } as Record<string, unknown>,
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
