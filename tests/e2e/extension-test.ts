import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
// @ts-expect-error plain ESM shared with scripts/demo.mjs and the benchmark
import { launchWithExtension, routeConsoles } from '../../scripts/lib/browser.mjs';

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  offNetwork: { url: string; type: string }[];
  openExtensionPage: (path: 'popup.html' | 'dashboard.html' | string) => Promise<Page>;
}

/** Playwright fixtures: a fresh Chromium profile with the built extension and the routed fixture consoles. */
export const test = base.extend<ExtensionFixtures>({
  context: async ({ timezoneId }, use) => {
    const launched = await launchWithExtension({ headless: true, timezoneId });
    (launched.context as BrowserContext & { __extensionId?: string }).__extensionId = launched.extensionId;
    await use(launched.context);
    await launched.close();
  },
  extensionId: async ({ context }, use) => {
    await use((context as BrowserContext & { __extensionId?: string }).__extensionId!);
  },
  offNetwork: [
    async ({ context }, use) => {
      const { offNetwork } = await routeConsoles(context);
      await use(offNetwork);
    },
    { auto: true },
  ],
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
