import { defineConfig } from 'wxt';

// Node: WXT 0.21 declares `node >= 22` in its engines, the machines here (and CI) have Node 20.20.
// We pin wxt 0.21.4 and build on Node 20 deliberately: build, prepare and zip are verified on 20.20 by
// CI on every change (see README "Node version"); vitest 4 / vite 7 are chosen because they support 20.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage'],
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: {
      gecko: {
        id: 'orderlens@orderlens.local',
        // Firefox data-collection declaration: buyer data is kept locally and never transmitted.
        data_collection_permissions: { required: ['none'] },
      } as Record<string, unknown>,
    },
  },
});
