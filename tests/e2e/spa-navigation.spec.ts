import type { Page } from '@playwright/test';
import { expect, test } from './extension-test';
import { fixtures, platforms, spaScript } from './fixture-data';
// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { readStoredOrders } from '../../scripts/lib/browser.mjs';

async function markedIds(page: Page): Promise<string[]> {
  return page.locator('[data-orderlens-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-orderlens-row') ?? ''));
}

async function expectRows(page: Page, ids: string[]): Promise<void> {
  await expect.poll(() => markedIds(page)).toEqual(ids);
  // re-rendered rows never end up with two sets of controls
  const controlsPerRow = await page
    .locator('[data-orderlens-row]')
    .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('[data-orderlens="controls"]').length));
  expect(Math.max(0, ...controlsPerRow)).toBeLessThanOrEqual(1);
}

for (const platform of platforms) {
  const script = spaScript(platform);
  if (!script) continue;
  const list = fixtures.find((fixture) => fixture.platform === platform && fixture.name === script.list)!;

  test(`${platform}: pagination and tab switch without reload are captured, detail page merges into the order`, async ({
    context,
    openExtensionPage,
  }) => {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(list.url);
    await expect(page.locator('[data-orderlens-row]').first()).toBeAttached();
    await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1));
    const seen = new Set(await markedIds(page));

    for (const step of [script.nextPage, script.tab]) {
      if (!step) continue;
      await page.click(step.click);
      await expectRows(page, step.expectOrderIds);
      step.expectOrderIds.forEach((id) => seen.add(id));
    }
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(1);

    const dashboard = await openExtensionPage('dashboard.html');
    await expect
      .poll(async () => {
        const keys = new Set(((await readStoredOrders(dashboard)) as { key: string }[]).map((order) => order.key));
        return [...seen].filter((id) => !keys.has(`${platform}:${id}`));
      })
      .toEqual([]);

    if (script.detail) {
      const detail = fixtures.find((fixture) => fixture.platform === platform && fixture.name === script.detail!.fixture)!;
      const detailPage = await context.newPage();
      await detailPage.goto(detail.url);
      const key = `${platform}:${script.detail.orderId}`;
      await expect
        .poll(async () => {
          const order = ((await readStoredOrders(dashboard)) as { key: string; waybillNos: string[]; sources: string[] }[]).find(
            (candidate) => candidate.key === key,
          );
          return order ? { waybills: [...order.waybillNos].sort(), detail: order.sources.includes('detail') } : null;
        })
        .toEqual({ waybills: [...(script.detail.expectWaybills ?? [])].sort(), detail: true });
    }
    expect(pageErrors).toEqual([]);
  });
}
