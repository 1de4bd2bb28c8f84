#!/usr/bin/env node
// `npm run demo`: build the extension, open Chromium with it on the fixture consoles served at their real
// URLs, and show what OrderLens captured. Without a display (or with --headless) it saves screenshots to
// demo-output/ and prints a summary instead of leaving a window open.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchWithExtension, listFixtures, readFixtureJson, readStoredOrders, routeConsoles } from './lib/browser.mjs';
import { showcaseText } from './lib/showcase.mjs';

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

/** Chinese screenshots need CJK fonts: without them every glyph is a box. */
function warnWithoutCjkFonts() {
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (listed.status === 0 && listed.stdout.trim()) return;
  console.log('⚠ 没有找到中文（CJK）字体：截图里的中文会显示成方框。Debian/Ubuntu 上安装：apt-get install fonts-noto-cjk');
  console.log('  (no CJK font found: Chinese text in the screenshots will be boxes; install fonts-noto-cjk)');
}

const shots = { made: [], failed: [] };

/** A screenshot into demo-output/, or the reason it could not be taken — never skipped silently. */
async function shot(page, name, options = {}) {
  try {
    await page.screenshot({ path: join(outDir, name), ...options });
    shots.made.push(name);
  } catch (error) {
    shots.failed.push(`${name}: ${String(error?.message ?? error).split('\n')[0]}`);
  }
}

const PLATFORM_NAMES = { douyin: '抖店', jd: '京东', taobao: '千牛/淘宝', kuaishou: '快手小店', pinduoduo: '拼多多' };
const STATUS_NAMES = { unpaid: '待付款', paid: '待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', closed: '已关闭', after_sale: '售后中', refunded: '已退款', '?': '未知' };

const KPI_LABELS = {
  orders: ['订单数', 'count'],
  gmv: ['GMV', 'money'],
  aov: ['客单价', 'money'],
  conversion: ['支付转化率', 'rate'],
  return_rate: ['退货率', 'rate'],
  dispute_rate: ['纠纷率', 'rate'],
  ship_hours: ['发货时效', 'hours'],
  delivery_hours: ['物流时效', 'hours'],
  unpaid: ['待催付', 'count'],
  recovery_rate: ['催付挽回率', 'rate'],
  exceptions: ['物流异常', 'count'],
};

function formatKpiTile({ name, value }) {
  const [label, kind] = KPI_LABELS[name] ?? [name, 'count'];
  const number = Number(value);
  if (value === null || value === '' || !Number.isFinite(number)) return `${label} —`;
  if (kind === 'money') return `${label} ¥${number.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (kind === 'rate') return `${label} ${(number * 100).toFixed(1)}%`;
  if (kind === 'hours') return `${label} ${number.toFixed(1)} 小时`;
  return `${label} ${Math.round(number).toLocaleString('zh-CN')}`;
}

function printSummary(orders, kpiTiles) {
  const byPlatform = new Map();
  for (const order of orders) {
    const list = byPlatform.get(order.platform) ?? [];
    list.push(order);
    byPlatform.set(order.platform, list);
  }
  console.log('\n══ OrderLens 演示：记录到的订单 ══');
  for (const [platform, list] of byPlatform) {
    const statuses = {};
    for (const order of list) statuses[order.status ?? '?'] = (statuses[order.status ?? '?'] ?? 0) + 1;
    const waybills = list.reduce((sum, order) => sum + order.shipments.length, 0);
    const shops = [...new Set(list.map((order) => order.shop).filter(Boolean))].join('、') || '—';
    console.log(
      `  ${(PLATFORM_NAMES[platform] ?? platform).padEnd(6, '　')} ${String(list.length).padStart(3)} 单  店铺 ${shops}  运单 ${waybills}  状态 ${Object.entries(statuses)
        .map(([status, count]) => `${STATUS_NAMES[status] ?? status}×${count}`)
        .join(' ')}`,
    );
  }
  const fromJson = orders.filter((order) => order.apiFields?.length);
  console.log(`  其中 ${fromJson.length} 单来自后台自己的订单接口数据（被动读取），${orders.length - fromJson.length} 单只来自页面读取`);
  const paid = orders.filter((order) => order.status && !['unpaid', 'closed'].includes(order.status) && order.amountCents !== undefined);
  const gmv = paid.reduce((sum, order) => sum + order.amountCents, 0);
  console.log(`  合计 ${orders.length} 单；已付款 ${paid.length} 单，GMV ¥${Number(yuan(gmv)).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}，客单价 ¥${paid.length ? yuan(Math.round(gmv / paid.length)) : '0.00'}`);
  console.log(`  待催付（未付款）${orders.filter((order) => order.status === 'unpaid').length} 单`);
  if (kpiTiles.length) {
    console.log('  弹窗 KPI（全部时间）：' + kpiTiles.map(formatKpiTile).join('，'));
  }
}

async function main() {
  build();
  warnWithoutCjkFonts();
  // A fresh folder each run: screenshots of an earlier run must not pass for this one's.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  console.log(`› Launching Chromium ${headless ? '(headless: screenshots go to demo-output/)' : 'with a window'}…`);
  const { context, extensionId, close } = await launchWithExtension({ headless });
  // Showcase data: the fixtures' attack strings (markup, formulas) are for the tests, not for screenshots.
  await routeConsoles(context, { transformText: showcaseText });
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
    await shot(page, `${platform}-list.png`, { fullPage: false });
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
      await shot(detailPage, `${platform}-detail.png`, { fullPage: true });
      if (headless) await detailPage.close();
      // back on the list: 查物流 on that order shows the waybills the detail page added
      await page.goto(list.url);
      const track = page.locator(`[data-orderlens-row="${script.detail.orderId}"] [data-orderlens="track"]`);
      // the row's controls come back once the page is read again and the database answered
      await track.waitFor({ timeout: 10_000 }).catch(() => undefined);
      if (await track.count()) {
        await track.scrollIntoViewIfNeeded();
        await track.click();
        const opened = await page.locator('[data-orderlens="panel"]').waitFor({ timeout: 5000 }).then(() => true, () => false);
        if (opened) {
          await page.evaluate(() => document.querySelector('[data-orderlens="panel"]')?.scrollIntoView({ block: 'center' }));
          await shot(page, `${platform}-track-panel.png`);
        } else shots.failed.push(`${platform}-track-panel.png: the 查物流 panel did not open within 5 s`);
      } else shots.failed.push(`${platform}-track-panel.png: no 查物流 button on order ${script.detail.orderId} after its detail page`);
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
    await shot(page, `${fixture.platform}-api-list.png`, { fullPage: false });
    console.log(`  ${fixture.platform}: ${fixture.url} (JSON-driven) → ${await page.locator('[data-orderlens-row]').count()} rows marked`);
    if (headless) await page.close();
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  // the fixture orders are from earlier days: show 全部 rather than 今日
  await popup.selectOption('select[data-filter="range"]', 'all');
  await settle(popup);
  await shot(popup, 'popup.png');
  const kpiTiles = await popup.$$eval('[data-kpi]', (tiles) =>
    tiles.map((tile) => ({ name: tile.getAttribute('data-kpi'), value: tile.getAttribute('data-value') })),
  );
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.selectOption('select[data-filter="range"]', 'all').catch(() => undefined);
  await settle(dashboard);
  await shot(dashboard, 'dashboard.png', { fullPage: true });
  printSummary(await readStoredOrders(dashboard), kpiTiles);
  console.log(`\n截图 ${shots.made.length} 张：${shots.made.join('、')}`);
  if (shots.failed.length) console.log(`未能生成 ${shots.failed.length} 张：\n  ${shots.failed.join('\n  ')}`);
  if (headless) {
    console.log(`截图目录：${outDir}`);
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
