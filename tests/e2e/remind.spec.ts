import { expect, test } from './extension-test';
import { expectedOrders, fixtures, platforms, spaScript } from './fixture-data';

// What the console shows once the buyer has paid, per platform (reference/consoles.md statuses).
const PAID_WORD: Record<string, string> = {
  douyin: '待发货',
  jd: '等待出库',
  taobao: '买家已付款，等待商家发货',
  kuaishou: '待发货',
  pinduoduo: '待发货',
};

for (const platform of platforms) {
  const script = spaScript(platform);
  const list = fixtures.find((fixture) => fixture.platform === platform && fixture.name === script?.list) ??
    fixtures.find((fixture) => fixture.platform === platform && fixture.kind === 'list');
  const unpaid = list && expectedOrders(list).find((order) => order.status === 'unpaid');
  if (!list || !unpaid) continue;
  const orderId = String(unpaid.orderId);

  test(`${platform}: 催付 copies the filled message, records it, refuses a second one, and counts recovery`, async ({ context, openExtensionPage }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(list.url).origin });
    const page = await context.newPage();
    await page.goto(list.url);
    const row = page.locator(`[data-orderlens-row="${orderId}"]`);
    const remind = row.locator('[data-orderlens="remind"]');
    await expect(remind).toHaveCount(1);
    // 抖店 prints its own countdown (`剩余 29分钟 自动关闭`): the label says what is left of it; elsewhere the order's age
    await expect(row.locator('[data-orderlens-state="age"]')).toContainText(platform === 'douyin' ? /付款剩余 2[89] 分钟/ : '下单');

    await remind.click();
    const toast = page.locator('[data-orderlens="toast"][data-orderlens-kind="ok"]');
    await expect(toast).toContainText('催付话术已复制');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard).toContain('还没有付款');
    expect(clipboard).not.toMatch(/\{[^}]+\}/);
    await expect(row.locator('[data-orderlens-state="reminded"]')).toContainText('已催付');

    await page.bringToFront();
    await remind.click();
    await expect(page.locator('[data-orderlens="toast"][data-orderlens-reason="cooldown"]')).toContainText('不再重复催付');

    // The buyer pays: the console re-renders the row with its paid status.
    await page.evaluate(
      ({ id, from, to }) => {
        const rowElement = document.querySelector(`[data-orderlens-row="${id}"]`)!;
        const walker = document.createTreeWalker(rowElement, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.textContent?.trim() === from) node.textContent = node.textContent.replace(from, to);
        }
      },
      { id: orderId, from: String(unpaid.statusText), to: PAID_WORD[platform]! },
    );
    await expect(row.locator('[data-orderlens="remind"]')).toHaveCount(0);
    const popup = await openExtensionPage('popup.html');
    await popup.selectOption('select[data-filter="range"]', 'all');
    await expect(popup.locator('[data-kpi="recovery_rate"]')).toHaveAttribute('data-value', '1');
  });
}
