#!/usr/bin/env node
// Screenshots of the seller-facing screens for docs/screens/ (issue 12's before/after pairs):
//
//   node scripts/screens.mjs [--extension <built chrome-mv3 dir>] [--out <dir>]
//
// Captures every list fixture (and the 抖店 detail) at its real URL, then shoots the dashboard views a seller
// checks (概览, 待催付, 催付模板, 导出, 解析健康), the popup, and an 抖店 order page the readers do not
// recognise (the layout notice). Run it against an older build (a `git worktree` of an earlier commit, built
// with `npx wxt build`) to get the "before" half of a pair.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_PATH, ROOT, launchWithExtension, listFixtures, routeConsoles } from './lib/browser.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : fallback;
};
const extensionPath = arg('--extension', EXTENSION_PATH);
const outDir = arg('--out', join(ROOT, 'docs', 'screens'));
mkdirSync(outDir, { recursive: true });

const REDESIGNED_URL = 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=redesign';
const REDESIGNED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>抖店 订单管理</title></head>
<body><div id="root"><header>订单管理</header><main><p>全部订单</p><section><article>（改版后的订单页面）</article></section></main></div></body></html>`;

const { context, extensionId } = await launchWithExtension({ extensionPath, timezoneId: 'Asia/Shanghai' });
const failed = [];
try {
  await routeConsoles(context);
  const fixtures = listFixtures().filter((f) => f.kind === 'list' || (f.platform === 'douyin' && f.kind === 'detail'));
  for (const fixture of fixtures) {
    const page = await context.newPage();
    await page.goto(fixture.url);
    await page.locator('[data-orderlens-row]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    await page.close();
  }
  const shoot = async (page, name, options = {}) => {
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(outDir, name), fullPage: true, ...options }).catch((error) => failed.push(`${name}: ${error.message}`));
  };
  const dashboard = await context.newPage();
  await dashboard.setViewportSize({ width: 1280, height: 900 });
  for (const view of ['overview', 'unpaid', 'templates', 'export', 'parse-health']) {
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#${view}`);
    await shoot(dashboard, `${view}.png`);
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await shoot(popup, 'popup.png');
  const notice = await context.newPage();
  await notice.route(REDESIGNED_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: REDESIGNED }));
  await notice.goto(REDESIGNED_URL);
  await notice.waitForTimeout(9000);
  await shoot(notice, 'layout-notice.png', { fullPage: false });
} finally {
  await context.close();
}
console.log(`screens in ${outDir}${failed.length ? `; not made: ${failed.join('; ')}` : ''}`);
