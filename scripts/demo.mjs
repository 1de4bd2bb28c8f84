#!/usr/bin/env node
// `npm run demo`: build the extension, open Chromium with it on the fixture consoles served at their real
// URLs, and show what OrderLens captured. Without a display (or with --headless) it saves screenshots to
// demo-output/ and prints a summary instead of leaving a window open.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchWithExtension, listFixtures, readFixtureJson, readStoredOrders, routeConsoles } from './lib/browser.mjs';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = join(ROOT, 'demo-output');

function build() {
  if (args.has('--no-build')) return;
  console.log('› Building the extension (wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function spaScript(platform) {
  try {
    return readFixtureJson(platform, 'spa.json');
  } catch {
    return undefined;
  }
}

async function settle(page, ms = 800) {
  await page.waitForTimeout(ms);
}

function yuan(cents) {
  return (cents / 100).toFixed(2);
}

function printSummary(orders, kpiTiles) {
  const byPlatform = new Map();
  for (const order of orders) {
    const list = byPlatform.get(order.platform) ?? [];
    list.push(order);
    byPlatform.set(order.platform, list);
  }
  console.log('\n══ OrderLens demo: what was captured ══');
  for (const [platform, list] of byPlatform) {
    const statuses = {};
    for (const order of list) statuses[order.status ?? '?'] = (statuses[order.status ?? '?'] ?? 0) + 1;
    const waybills = list.reduce((sum, order) => sum + order.shipments.length, 0);
    const shops = [...new Set(list.map((order) => order.shop).filter(Boolean))].join('、') || '—';
    console.log(
      `  ${platform.padEnd(10)} ${String(list.length).padStart(3)} 单  店铺 ${shops}  运单 ${waybills}  状态 ${Object.entries(statuses)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ')}`,
    );
  }
  const fromJson = orders.filter((order) => order.apiFields?.length);
  console.log(`  其中 ${fromJson.length} 单来自后台自己的订单接口数据（被动读取），${orders.length - fromJson.length} 单只来自页面读取`);
  const paid = orders.filter((order) => order.status && !['unpaid', 'closed'].includes(order.status) && order.amountCents !== undefined);
  const gmv = paid.reduce((sum, order) => sum + order.amountCents, 0);
  console.log(`  合计 ${orders.length} 单；已付款 ${paid.length} 单，GMV ¥${yuan(gmv)}，客单价 ¥${paid.length ? yuan(Math.round(gmv / paid.length)) : '0.00'}`);
  console.log(`  待催付（未付款）${orders.filter((order) => order.status === 'unpaid').length} 单`);
  if (kpiTiles.length) {
    console.log('  弹窗 KPI：' + kpiTiles.map((tile) => `${tile.name}=${tile.value}`).join('  '));
  }
}

async function main() {
  build();
  mkdirSync(outDir, { recursive: true });
  console.log(`› Launching Chromium ${headless ? '(headless: screenshots go to demo-output/)' : 'with a window'}…`);
  const { context, extensionId, close } = await launchWithExtension({ headless });
  await routeConsoles(context);
  const fixtures = listFixtures();
  const platforms = [...new Set(fixtures.map((fixture) => fixture.platform))];
  for (const platform of platforms) {
    const script = spaScript(platform);
    const list = fixtures.find((fixture) => fixture.platform === platform && fixture.name === script?.list) ??
      fixtures.find((fixture) => fixture.platform === platform && fixture.kind === 'list');
    if (!list) continue;
    const page = await context.newPage();
    await page.goto(list.url);
    await page.locator('[data-orderlens-row]').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await settle(page);
    await page.screenshot({ path: join(outDir, `${platform}-list.png`), fullPage: false });
    const rows = await page.locator('[data-orderlens-row]').count();
    console.log(`  ${platform}: ${list.url} → ${rows} rows marked`);
    if (script?.nextPage) {
      await page.click(script.nextPage.click).catch(() => undefined);
      await settle(page);
    }
    if (script?.tab) {
      await page.click(script.tab.click).catch(() => undefined);
      await settle(page);
    }
    const detail = script?.detail && fixtures.find((fixture) => fixture.platform === platform && fixture.name === script.detail.fixture);
    if (detail) {
      const detailPage = await context.newPage();
      await detailPage.goto(detail.url);
      await settle(detailPage, 1200);
      await detailPage.screenshot({ path: join(outDir, `${platform}-detail.png`), fullPage: true });
      if (headless) await detailPage.close();
      // back on the list: 查物流 on that order shows the waybills the detail page added
      await page.goto(list.url);
      const track = page.locator(`[data-orderlens-row="${script.detail.orderId}"] [data-orderlens="track"]`);
      if (await track.count()) {
        await track.scrollIntoViewIfNeeded();
        await track.click();
        await page.locator('[data-orderlens="panel"]').waitFor({ timeout: 5000 }).catch(() => undefined);
        await page.evaluate(() => document.querySelector('[data-orderlens="panel"]')?.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: join(outDir, `${platform}-track-panel.png`) });
      }
    }
    if (headless) await page.close();
  }
  // The JSON-driven console pages: the page's own script fetches its orders from the console's endpoint;
  // the tap reads those responses as the page receives them (including rows the page never renders).
  for (const fixture of fixtures.filter((entry) => entry.name === 'api-list')) {
    const page = await context.newPage();
    await page.goto(fixture.url);
    await page.locator('[data-orderlens-row]').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await settle(page, 1200);
    await page.screenshot({ path: join(outDir, `${fixture.platform}-api-list.png`), fullPage: false });
    console.log(`  ${fixture.platform}: ${fixture.url} (JSON-driven) → ${await page.locator('[data-orderlens-row]').count()} rows marked`);
    if (headless) await page.close();
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // the fixture orders are from earlier days: show 全部 rather than 今日
  await popup.selectOption('select[data-filter="range"]', 'all');
  await settle(popup);
  await popup.screenshot({ path: join(outDir, 'popup.png') });
  const kpiTiles = await popup.$$eval('[data-kpi]', (tiles) =>
    tiles.map((tile) => ({ name: tile.getAttribute('data-kpi'), value: tile.getAttribute('data-value') })),
  );
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.selectOption('select[data-filter="range"]', 'all').catch(() => undefined);
  await settle(dashboard);
  await dashboard.screenshot({ path: join(outDir, 'dashboard.png'), fullPage: true });
  printSummary(await readStoredOrders(dashboard), kpiTiles);
  if (headless) {
    console.log(`\nScreenshots: ${outDir}`);
    await close();
    return;
  }
  console.log('\nThe browser stays open: browse the fixture consoles, the popup (extension icon) and the dashboard. Close the window to end.');
  await new Promise((resolve) => context.on('close', resolve));
  await close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
