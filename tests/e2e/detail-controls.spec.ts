import { expect, test } from './extension-test';
import { fixtures, platforms, spaScript } from './fixture-data';

// Issue 12 item 10: on an order's detail page the controls sit where the seller looks — right after the
// printed order number — not at the bottom of the page; still exactly one host per order.
for (const platform of platforms) {
  const detail = spaScript(platform)?.detail;
  const fixture = detail && fixtures.find((entry) => entry.platform === platform && entry.name === detail.fixture);
  if (!detail || !fixture) continue;

  test(`${platform}: detail-page controls right after the order number, one host`, async ({ context }) => {
    const page = await context.newPage();
    await page.goto(fixture.url);
    const controls = page.locator('[data-orderlens="controls"]');
    await expect(controls).toHaveCount(1, { timeout: 20_000 });
    await expect(page.locator('[data-orderlens-row]')).toHaveCount(1);
    await expect(page.locator(`[data-orderlens-row="${detail.orderId}"]`)).toHaveCount(1);
    const placement = await controls.evaluate((box, orderId) => {
      const before = box.previousElementSibling;
      const idRect = before?.getBoundingClientRect();
      const boxRect = box.getBoundingClientRect();
      return { beforeHasId: !!before?.textContent?.includes(orderId), dy: idRect ? Math.abs(idRect.top - boxRect.top) : Infinity };
    }, detail.orderId);
    expect(placement.beforeHasId).toBe(true);
    expect(placement.dy).toBeLessThan(60);
    // re-renders keep one box
    await page.waitForTimeout(500);
    await expect(controls).toHaveCount(1);
  });
}
