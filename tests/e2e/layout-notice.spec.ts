import { expect, test } from './extension-test';

// Issue 12 item 2: on an order page where no order row is recognised, the notice is styled and visible
// (no row was found, so nothing else added OrderLens' stylesheet), in the seller's words.
const REDESIGNED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>抖店 订单管理</title></head>
<body><div id="root"><header class="q1_hd__Zx">订单管理</header><main class="q1_mn__Ab"><p class="q1_ld__Cd">全部订单</p>
<section class="q1_bd__Ef"><article class="q1_ca__Gh">页面已改版，订单信息无法识别</article></section></main></div></body></html>`;

test('an unrecognised 抖店 order page shows a styled, visible notice in the seller’s words', async ({ context }) => {
  const page = await context.newPage();
  await page.route('https://fxg.jinritemai.com/ffa/morder/order/list?tab=redesign', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: REDESIGNED }),
  );
  await page.goto('https://fxg.jinritemai.com/ffa/morder/order/list?tab=redesign');
  const notice = page.locator('[data-orderlens="notice"]');
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('后台');
  await expect(notice).not.toContainText('控制台');
  const box = await notice.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  const style = await notice.evaluate((el) => {
    const computed = getComputedStyle(el);
    return { position: computed.position, background: computed.backgroundColor, zIndex: computed.zIndex };
  });
  expect(style.position).toBe('fixed');
  expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
  await notice.getByRole('button', { name: '关闭提示' }).click();
  await expect(notice).toHaveCount(0);
});
