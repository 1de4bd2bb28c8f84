import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from './extension-test';
import { fixtures, platforms, spaScript } from './fixture-data';

for (const platform of platforms) {
  const script = spaScript(platform);
  if (!script?.detail?.expectWaybills?.length) continue;
  const detailScript = script.detail;
  const list = fixtures.find((fixture) => fixture.platform === platform && fixture.name === script.list)!;
  const detail = fixtures.find((fixture) => fixture.platform === platform && fixture.name === detailScript.fixture)!;

  test(`${platform}: 查物流 shows every waybill with tracking links, the tracking CSV matches, no request of our own`, async ({
    context,
    openExtensionPage,
    offNetwork,
  }) => {
    const page = await context.newPage();
    await page.goto(list.url);
    const row = page.locator(`[data-orderlens-row="${detailScript.orderId}"]`);
    await expect(row).toHaveCount(1);
    const detailPage = await context.newPage();
    await detailPage.goto(detail.url);
    await detailPage.waitForTimeout(500);
    await detailPage.close();

    await page.bringToFront();
    const track = row.locator('[data-orderlens="track"]');
    await expect(track).toHaveCount(1);
    // the panel asks the database, which may still be writing the detail capture: retry the click
    await expect(async () => {
      await track.click();
      await expect(page.locator('[data-orderlens="panel"] [data-orderlens-waybill]')).toHaveCount(detailScript.expectWaybills!.length, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    for (const waybill of detailScript.expectWaybills!) {
      const block = page.locator(`[data-orderlens="panel"] [data-orderlens-waybill="${waybill}"]`);
      await expect(block).toContainText(waybill);
      const hrefs = await block.locator('a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      expect(hrefs.some((href) => href.startsWith('https://www.kuaidi100.com/chaxun?') && href.includes(waybill))).toBe(true);
      expect(await block.locator('a').first().getAttribute('target')).toBe('_blank');
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-orderlens="panel"]')).toHaveCount(0);

    const popup = await openExtensionPage('popup.html');
    await popup.selectOption('select[data-filter="range"]', 'all');
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-action="export-tracking"]')]);
    expect(download.suggestedFilename()).toMatch(/^orderlens-tracking-\d{8}-\d{4}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    const ofOrder = rows.filter((csvRow) => csvRow['订单编号']?.trim() === detailScript.orderId);
    expect(ofOrder.map((csvRow) => csvRow['运单号']!.trim()).sort()).toEqual([...detailScript.expectWaybills!].sort());
    expect(offNetwork).toEqual([]);
  });
}
