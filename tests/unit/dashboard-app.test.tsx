// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DatabaseGate } from '@/components/DatabaseGate';
import { DashboardApp } from '@/entrypoints/dashboard/DashboardApp';
import { createDatabase, DB_NAME } from '@/utils/db/database';
import { recordReminder } from '@/utils/db/record-reminder';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { paymentWindowsItem } from '@/utils/remind/payment-window-settings';
import { captured } from './order-factory';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const bj = (text: string) => Date.parse(`${text}+08:00`);
let root: Root;
let container: HTMLElement;

async function waitFor<T>(probe: () => T | null | undefined | false, timeout = 4000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out; page text: ${container.textContent?.slice(0, 400)}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

const all = (selector: string) => [...container.querySelectorAll(selector)];

async function go(hash: string) {
  await act(async () => {
    location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** Types into a React-controlled field (React listens to the native value setter + input event). */
async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeAll(async () => {
  fakeBrowser.reset();
  await Dexie.delete(DB_NAME);
  const db = createDatabase();
  await db.open();
  await upsertOrders(db, [
    captured({ orderId: '4934071258846137421', status: 'unpaid', createdAt: bj('2026-05-13T09:00:00'), buyer: '夏**', receiverRegion: '浙江省杭州市' }),
    captured({ orderId: '4934071258846137422', status: 'unpaid', createdAt: bj('2026-05-13T08:00:00'), buyer: '李**' }),
    captured({
      orderId: '4934071258846137423',
      status: 'shipped',
      statusText: '已发货',
      createdAt: bj('2026-05-12T18:05:44'),
      paidAt: bj('2026-05-12T18:06:00'),
      buyer: '王**',
      receiverRegion: '四川省成都市',
      shipments: [{ waybillNo: '75312345678901', carrierName: '中通快递', events: [{ at: bj('2026-05-13T08:00:00'), text: '【成都市】快件已揽收' }] }],
    }),
  ]);
  await recordReminder(db, { orderKey: 'douyin:4934071258846137421', at: bj('2026-05-13T10:00:00'), channel: 'feige', template: 'zh' });
  // these orders are from May: a shop with a long payment window keeps them in 待催付 (defaults would close them)
  await paymentWindowsItem.setValue({ douyin: 24 * 365 * 5 });
  db.close();
  container = document.createElement('div');
  document.body.append(container);
  location.hash = '#overview';
  root = createRoot(container);
  await act(async () => root.render(<DatabaseGate><DashboardApp /></DatabaseGate>));
});

afterAll(async () => {
  await act(async () => root.unmount());
  await Dexie.delete(DB_NAME);
});

describe('dashboard page', () => {
  it('opens on the overview: total count, KPI tiles, recent orders', async () => {
    await waitFor(() => container.querySelector('[data-total-orders="3"]'));
    expect(container.querySelector('section[data-view="overview"]')).not.toBeNull();
    const range = await waitFor(() => container.querySelector<HTMLSelectElement>('select[data-filter="range"]'));
    await act(async () => {
      range.value = 'all';
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => container.querySelector('[data-kpi="orders"][data-value="3"]'));
    await waitFor(() => container.querySelector('[data-kpi="unpaid"][data-value="1"]'));
    await waitFor(() => all('[data-order-key]').length === 3);
    await waitFor(() => container.querySelector('[data-chart="status"] [data-bar="unpaid"][data-value="2"]'));
    await waitFor(() => container.querySelector('[data-chart="provinces"] [data-bar="浙江"][data-value="1"]'));
    expect(all('nav.views a').map((link) => link.getAttribute('href'))).toEqual([
      '#overview',
      '#daily',
      '#orders',
      '#unpaid',
      '#templates',
      '#exceptions',
      '#batch',
      '#import',
      '#export',
      '#backup',
      '#team',
      '#parse-health',
    ]);
  });

  it('searches orders by number prefix, waybill and buyer', async () => {
    await go('#orders');
    await waitFor(() => all('section[data-view="orders"] [data-order-key]').length === 3);
    const search = container.querySelector<HTMLInputElement>('input[data-search="orders"]')!;
    await type(search, '75312345678901');
    await waitFor(() => all('[data-order-key]').length === 1 && container.querySelector('[data-order-key="douyin:4934071258846137423"]'));
    await type(search, '493407125884613742');
    await waitFor(() => all('[data-order-key]').length === 3);
    await type(search, '李');
    await waitFor(() => all('[data-order-key]').length === 1 && container.querySelector('[data-order-key="douyin:4934071258846137422"]'));
  });

  it('lists unpaid orders not yet reminded, and 催付 records a reminder and shows the message', async () => {
    await go('#unpaid');
    const section = await waitFor(() => container.querySelector('section[data-view="unpaid"]'));
    await waitFor(() => section.querySelectorAll('tr[data-order-key]').length === 1);
    expect(section.querySelector('tr[data-order-key]')!.getAttribute('data-order-key')).toBe('douyin:4934071258846137422');
    const button = section.querySelector<HTMLButtonElement>('button[data-action="remind"]')!;
    expect(button.disabled).toBe(false);
    await act(async () => button.click());
    const result = await waitFor(() => section.querySelector('[data-remind-result]'));
    expect(result.textContent).toContain('已复制');
    expect(result.textContent).toContain('还没有付款');
    // the reminded order stays listed with its message
    expect(section.querySelector('tr[data-order-key]')!.getAttribute('data-order-key')).toBe('douyin:4934071258846137422');
  });

  it('付款时限: with the default windows the May orders leave 待催付 as 已超过付款时限; the seller’s windows are saved', async () => {
    await paymentWindowsItem.setValue({});
    await go('#overview');
    await go('#unpaid');
    const section = await waitFor(() => container.querySelector('section[data-view="unpaid"]'));
    await waitFor(() => section.querySelector('[data-unpaid-total="0"]'));
    await waitFor(() => section.querySelector('[data-unpaid-expired="2"]')); // both unpaid orders, reminded or not
    expect(section.querySelectorAll('tr[data-order-key]').length).toBe(0);
    const douyin = await waitFor(() => section.querySelector<HTMLInputElement>('input[data-payment-window="douyin"]'));
    expect(douyin.value).toBe('0.5');
    await type(douyin, '100000');
    await act(async () => section.querySelector<HTMLButtonElement>('[data-action="save-payment-windows"]')!.click());
    await waitFor(() => section.querySelector('[data-panel="payment-windows"] .ok'));
    expect((await paymentWindowsItem.getValue()).douyin).toBe(100000);
    await paymentWindowsItem.setValue({ douyin: 24 * 365 * 5 });
  });

  it('batch tracking shows found orders with links and unknown numbers as 未找到', async () => {
    await go('#batch');
    const input = await waitFor(() => container.querySelector<HTMLTextAreaElement>('textarea[data-batch-input]'));
    await type(input, '4934071258846137423\t\n1234567890123456789，75312345678901');
    await act(async () => container.querySelector<HTMLButtonElement>('[data-action="batch-lookup"]')!.click());
    await waitFor(() => container.querySelector('[data-batch-summary][data-found="2"][data-missing="1"]'));
    const rows = all('tr[data-tracking-row]');
    expect(rows.map((row) => [row.getAttribute('data-tracking-row'), row.getAttribute('data-known')])).toEqual([
      ['4934071258846137423', 'true'],
      ['1234567890123456789', 'false'],
      ['75312345678901', 'true'],
    ]);
    expect(rows[0]!.textContent).toContain('中通快递');
    expect(rows[0]!.textContent).toContain('【成都市】快件已揽收');
    expect(rows[1]!.textContent).toContain('未找到');
    expect([...rows[0]!.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toContain(
      'https://www.kuaidi100.com/chaxun?com=zhongtong&nu=75312345678901',
    );
    expect(container.querySelector('[data-action="export-tracking"]')).not.toBeNull();
  });

  it('export keeps the required columns checked and disabled', async () => {
    await go('#export');
    await waitFor(() => container.querySelector('[data-action="export-orders"]'));
    for (const id of ['orderId', 'buyer', 'amount', 'paymentMethod']) {
      const box = container.querySelector<HTMLInputElement>(`input[data-column="${id}"]`)!;
      expect([id, box.checked, box.disabled]).toEqual([id, true, true]);
    }
    const shop = container.querySelector<HTMLInputElement>('input[data-column="shop"]')!;
    expect(shop.disabled).toBe(false);
    await act(async () => shop.click());
    expect(shop.checked).toBe(false);
    // the range chosen on the overview (全部) is the one range of every view, remembered
    const range = container.querySelector<HTMLSelectElement>('select[data-filter="range"]')!;
    expect(range.value).toBe('all');
    // an empty selection offers 全部 instead of downloading a header-only file
    await act(async () => {
      range.value = 'today';
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const offer = await waitFor(() => container.querySelector('[data-export-empty]'));
    expect(offer.textContent).toContain('本地共 3 单');
    expect(container.querySelector<HTMLButtonElement>('[data-action="export-orders"]')!.disabled).toBe(true);
    await act(async () => offer.querySelector<HTMLButtonElement>('[data-action="export-range-all"]')!.click());
    await waitFor(() => container.querySelector('[data-export-estimate="3"]'));
    expect(container.querySelector<HTMLButtonElement>('[data-action="export-orders"]')!.disabled).toBe(false);
    const { rangeChoiceItem } = await import('@/components/range-choice');
    expect((await rangeChoiceItem.getValue())?.range).toBe('all');
  });

  it('delete needs the typed confirmation', async () => {
    await go('#backup');
    const button = await waitFor(() => container.querySelector<HTMLButtonElement>('[data-action="delete-all"]'));
    expect(button.disabled).toBe(true);
    await type(container.querySelector<HTMLInputElement>('[data-confirm="delete-all"]')!, '删除');
    expect(button.disabled).toBe(false);
    await act(async () => button.click());
    await waitFor(() => container.querySelector('[data-result="delete"][data-ok="true"]'));
    await waitFor(() => container.querySelector('[data-total-orders="0"]'));
  });

  it('edits a reminder template with a live preview and saves it', async () => {
    const { remindSettingsItem } = await import('@/utils/remind/remind-settings');
    await go('#templates');
    const text = await waitFor(() => container.querySelector<HTMLTextAreaElement>('textarea[data-field="template-text"]'));
    await type(text, '{买家}您好，{商品}（{金额}）还没付款哦');
    const preview = await waitFor(() => container.querySelector('[data-preview]'));
    await waitFor(() => preview.textContent?.includes('（¥') && preview.textContent);
    expect(preview.textContent).toMatch(/^(小明|亲)您好，.+（¥\d+\.\d{2}）还没付款哦$/);
    const cooldown = container.querySelector<HTMLInputElement>('input[data-field="cooldown"]')!;
    await type(cooldown, '24');
    await act(async () => container.querySelector<HTMLButtonElement>('[data-action="save-templates"]')!.click());
    await waitFor(() => container.querySelector('section[data-view="templates"] [role="status"]'));
    const saved = await remindSettingsItem.getValue();
    expect(saved.cooldownHours).toBe(24);
    expect(saved.templates[0]!.text).toBe('{买家}您好，{商品}（{金额}）还没付款哦');
  });
});
