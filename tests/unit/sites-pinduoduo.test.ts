// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ensureRowControls } from '@/utils/capture/row-controls';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import { reader } from '@/utils/sites/pinduoduo/reader';
import { site } from '@/utils/sites/pinduoduo/site';
import type { PageRead } from '@/utils/sites/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'pinduoduo');
const LIST_URL = 'https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=0';
const DETAIL_URL = 'https://mms.pinduoduo.com/orders/detail?type=4399&sn=260512-176203358841907';

function load(file: string, url: string, runScripts = false): JSDOM {
  return new JSDOM(readFileSync(join(FIXTURES, file), 'utf8'), { url, ...(runScripts ? { runScripts: 'dangerously' as const } : {}) });
}

function readDoc(doc: Document, url = LIST_URL): PageRead {
  const read = reader.read(doc, new URL(url));
  expect(read).not.toBeNull();
  return read!;
}

const ordersOf = (read: PageRead): CapturedOrder[] => read.rows.map((row) => CapturedOrderSchema.parse(row.order));
const idsOf = (read: PageRead) => read.rows.map((row) => row.order.orderId);

describe('pinduoduo site definition', () => {
  it('detects the order list and detail pages by URL', () => {
    const kind = (url: string) => site.detectPage(new URL(url));
    expect(kind('https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=0')).toBe('list');
    expect(kind('https://mms.pinduoduo.com/orders/list?type=0')).toBe('list');
    expect(kind('https://mms.pinduoduo.com/orders/list')).toBe('list');
    expect(kind('https://mms.pinduoduo.com/orders/list/')).toBe('list');
    expect(kind('https://mms.pinduoduo.com/orders/detail?type=4399&sn=220216-179332719430230')).toBe('detail');
    expect(kind('https://mms.pinduoduo.com/orders/detail?sn=220216-179332719430230')).toBe('detail');
  });

  it('leaves every other page alone', () => {
    const kind = (url: string) => site.detectPage(new URL(url));
    for (const url of [
      'https://mms.pinduoduo.com/',
      'https://mms.pinduoduo.com/home',
      'https://mms.pinduoduo.com/chat-merchant/index.html#/',
      'https://mms.pinduoduo.com/mms-chat/search?ordersn=220216-179332719430230',
      'https://mms.pinduoduo.com/orders/exportExcel?exportType=0',
      'https://mms.pinduoduo.com/aftersales-ssr/detail?id=123&orderSn=220216-179332719430230',
      'https://mms.pinduoduo.com/mobile-order-ssr/goods-snapshot?orderSn=220216-179332719430230',
      'https://mms.pinduoduo.com/orders/listing',
      'https://pinduoduo.com/orders/list',
      'https://mms.pinduoduo.com.evil.example/orders/list',
    ]) {
      expect(kind(url), url).toBeNull();
    }
  });

  it('matches the whole console origin and knows the SN format', () => {
    expect(site.platform).toBe('pinduoduo');
    expect(site.origins).toEqual(['https://mms.pinduoduo.com']);
    expect(site.matches).toEqual(['https://mms.pinduoduo.com/*']);
    expect(site.orderIdPattern.test('220216-179332719430230')).toBe(true);
    for (const bad of ['220216179332719430230', '220216-17933271943023', '2202161-79332719430230', '4987654321098765432']) {
      expect(site.orderIdPattern.test(bad), bad).toBe(false);
    }
  });
});

describe('pinduoduo reader', () => {
  it('returns null off the order pages and never throws on a foreign document', () => {
    const doc = new JSDOM('<p>hello</p>').window.document;
    expect(reader.read(doc, new URL('https://mms.pinduoduo.com/chat-merchant/index.html#/'))).toBeNull();
    const list = readDoc(doc);
    expect(list.rows).toEqual([]);
    expect(list.diagnostics.layout).toBe('none');
    const detail = readDoc(doc, DETAIL_URL);
    expect(detail).toMatchObject({ kind: 'detail', rows: [], diagnostics: { rowsSeen: 0 } });
  });

  it('reads the same orders again once the row controls are in the page', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const first = readDoc(doc);
    for (const row of first.rows) ensureRowControls(row.element, CapturedOrderSchema.parse(row.order), row.controlsAnchor);
    expect(doc.querySelectorAll('[data-orderlens="controls"]').length).toBeGreaterThan(0);
    const again = readDoc(doc);
    expect(ordersOf(again)).toEqual(ordersOf(first));
    expect(again.diagnostics.skipped).toEqual(first.diagnostics.skipped);
  });

  it('reports which strategy read each field (parse health), counted per card', () => {
    const { diagnostics } = readDoc(load('list-all.html', LIST_URL).window.document);
    expect(diagnostics).toMatchObject({ layout: 'pdd-2021-package-center-table', rowsSeen: 13, rowsParsed: 9 });
    const columns = 'header-labels:pdd-beast-core-thead';
    // cards skipped for a bad amount or time had their id (and time) read first
    expect(diagnostics.strategies).toEqual({
      root: { 'pdd-2021-orders-micro-app': 1 },
      columns: { [columns]: 1 },
      shop: { 'pdd-header-mall-name-inferred': 1 },
      orderId: { 'label:订单编号': 11 },
      createdAt: { 'label:订单成交时间': 10 },
      promisedShipAt: { 'label:承诺发货时间': 10 },
      amount: { [columns]: 9 },
      status: { [columns]: 9 },
      items: { [columns]: 9 },
      buyer: { [columns]: 9 },
      receiverRegion: { [columns]: 9 },
    });
  });

  it('does not change the page it reads', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const before = doc.documentElement.outerHTML;
    readDoc(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads every card of a generated 2,000-order page', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const table = doc.querySelector('.package-center-table')!;
    const proto = table.children[1]!; // 待发货, two pieces
    while (table.firstChild) table.removeChild(table.firstChild);
    for (let i = 0; i < 2000; i++) {
      const card = proto.cloneNode(true) as Element;
      card.querySelector('[class*="snText"]')!.textContent = `260513-${String(100000000000000 + i)}`;
      table.appendChild(card);
    }
    const read = readDoc(doc);
    expect(read.diagnostics).toMatchObject({ rowsSeen: 2000, rowsParsed: 2000, skipped: {} });
    const orders = ordersOf(read);
    expect(orders[1999]).toMatchObject({ orderId: '260513-100000000001999', status: 'paid', amountCents: 10980, items: [{ quantity: 2 }] });
    expect(new Set(read.rows.map((row) => row.element)).size).toBe(2000);
 
  }, 60_000);

  /** Moves the header cells and every card's tds into a new order, as a console redesign might. */
  function permuteColumns(doc: Document, order: number[]) {
    const rows = [doc.querySelector('[class*="TB_thead"] > tr')!, ...Array.from(doc.querySelectorAll('.package-center-table > div tr'))];
    for (const row of rows) {
      const cells = Array.from(row.children);
      for (const i of order) row.appendChild(cells[i]!);
    }
  }

  it('reads shuffled columns by their header labels', () => {
    const expected = ordersOf(readDoc(load('list-all.html', LIST_URL).window.document));
    const doc = load('list-all.html', LIST_URL).window.document;
    permuteColumns(doc, [6, 4, 0, 5, 2, 1, 3]);
    const read = readDoc(doc);
    expect(ordersOf(read)).toEqual(expected);
    expect(read.diagnostics.skipped).toEqual({ 'no-order-id': 1, 'bad-amount': 1, 'bad-order-id': 1, 'bad-time': 1 });
  });

  it('reads renamed headers (实收款, 商品信息, 买家)', () => {
    const expected = ordersOf(readDoc(load('list-all.html', LIST_URL).window.document));
    const doc = load('list-all.html', LIST_URL).window.document;
    const headers = doc.querySelectorAll('[class*="TB_thead"] th');
    headers[0]!.textContent = '商品信息';
    headers[4]!.textContent = '实收款（元）';
    headers[6]!.textContent = '买家';
    expect(ordersOf(readDoc(doc))).toEqual(expected);
  });

  it('leaves out a column the header no longer names, never reads another in its place', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const rows = [doc.querySelector('[class*="TB_thead"] > tr')!, ...Array.from(doc.querySelectorAll('.package-center-table > div tr'))];
    for (const row of rows) row.children[4]!.remove(); // 实收金额
    const orders = ordersOf(readDoc(doc));
    // the ¥-- row now has no amount to be wrong about
    expect(orders).toHaveLength(10);
    for (const order of orders) expect(order.amountCents).toBeUndefined();
    expect(orders[0]).toMatchObject({ orderId: '260513-179332719430230', status: 'unpaid', buyer: '李**', items: [{ quantity: 1 }] });
  });

  it('without a header row reads the 2021 column order, and skips rows that do not fit it', () => {
    const expected = ordersOf(readDoc(load('list-all.html', LIST_URL).window.document));
    const doc = load('list-all.html', LIST_URL).window.document;
    doc.querySelector('[class*="TB_thead"]')!.remove();
    const read = readDoc(doc);
    expect(ordersOf(read)).toEqual(expected);
    expect(read.diagnostics.strategies.columns).toEqual({ 'pdd-2021-td-index': 1 });

    // a column dropped or moved with no header to say so: skipped, not read by position
    const cards = doc.querySelectorAll('.package-center-table > div tr');
    cards[0]!.children[2]!.remove();
    const second = cards[1]!;
    second.insertBefore(second.children[2]!, second.children[1]!); // 数量 before 订单状态
    const after = readDoc(doc);
    expect(idsOf(after)).toEqual(expected.slice(2).map((order) => order.orderId));
    expect(after.diagnostics.skipped['unknown-columns']).toBe(2);
  });

  it('skips garbage values with a reason and keeps odd text as displayed', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const cards = Array.from(doc.querySelectorAll('.package-center-table > div'));
    cards[0]!.querySelector('[class*="amount"]')!.textContent = '¥12.3.4';
    cards[1]!.querySelector('[class*="order-item_time"]')!.textContent = '订单成交时间：昨天 10:00';
    cards[2]!.querySelector('[class*="order-item_promise"]')!.textContent = '承诺发货时间：2026-05-14 25:61:00';
    cards[3]!.querySelector('[class*="snText"]')!.textContent = '260510-15540821193726X';
    cards[4]!.querySelector('[class*="order-item_status"]')!.textContent = '待处理（新状态）';
    const read = readDoc(doc);
    expect(read.diagnostics.skipped).toEqual({ 'no-order-id': 1, 'bad-amount': 2, 'bad-order-id': 2, 'bad-time': 3 });
    const unknown = ordersOf(read).find((order) => order.orderId === '260508-140291776305519')!;
    expect(unknown.status).toBeUndefined();
    expect(unknown.statusText).toBe('待处理（新状态）');
    const markup = ordersOf(read).find((order) => order.orderId === '260513-190472263381045')!;
    expect(markup.items[0]!.title).toBe('<img src=x onerror=alert(1)> 网红ins风桌面收纳盒');
  });

  it('falls back to the generic reader when the cards are gone but an order table is there', () => {
    const doc = new JSDOM(
      `<div id="mf-mms-orders-container"><table><thead><tr><th>订单编号</th><th>订单状态</th><th>实收金额</th><th>订单成交时间</th></tr></thead>
       <tbody><tr><td>220216-179332719430230</td><td>已发货，待签收</td><td>¥12.30</td><td>2022-02-16 10:00:00</td></tr></tbody></table></div>`,
      { url: LIST_URL },
    ).window.document;
    const read = readDoc(doc);
    expect(read.diagnostics.layout).toBe('generic-table');
    expect(ordersOf(read)).toEqual([
      CapturedOrderSchema.parse({
        platform: 'pinduoduo',
        orderId: '220216-179332719430230',
        status: 'shipped',
        statusText: '已发货，待签收',
        amountCents: 1230,
        createdAt: Date.parse('2022-02-16T10:00:00+08:00'),
        sourcePage: 'list',
      }),
    ]);
  });

  it('reads a detail page only when it shows the order of the URL', () => {
    const doc = load('detail-shipped.html', DETAIL_URL).window.document;
    expect(ordersOf(readDoc(doc, DETAIL_URL))[0]!.shipments.map((s) => s.waybillNo)).toEqual(['75312345678901', '462598779470531']);
    const other = readDoc(doc, 'https://mms.pinduoduo.com/orders/detail?type=4399&sn=260513-179332719430230');
    expect(other.rows).toEqual([]);
    expect(other.diagnostics.skipped).toEqual({ 'order-id-mismatch': 1 });
  });

  it('skips a detail page with a garbage time instead of storing it', () => {
    const doc = load('detail-shipped.html', DETAIL_URL).window.document;
    const paid = Array.from(doc.querySelectorAll('[class*="infoItem"]')).find((item) => item.textContent!.startsWith('支付时间'))!;
    paid.lastElementChild!.textContent = '2026-05-12 09:61:20';
    const read = readDoc(doc, DETAIL_URL);
    expect(read.rows).toEqual([]);
    expect(read.diagnostics).toMatchObject({ rowsSeen: 1, skipped: { 'bad-time': 1 } });
  });

  it('follows the fixture SPA: next page and status filter re-render the cards in place', () => {
    const spa = JSON.parse(readFileSync(join(FIXTURES, 'spa.json'), 'utf8'));
    const dom = load('list-all.html', LIST_URL, true);
    const doc = dom.window.document;
    const firstCard = doc.querySelector('.package-center-table > div');
    (doc.querySelector(spa.nextPage.click) as HTMLElement).click();
    expect(dom.window.location.href).not.toBe(LIST_URL);
    expect(doc.contains(firstCard)).toBe(false);
    expect(idsOf(readDoc(doc, dom.window.location.href))).toEqual(spa.nextPage.expectOrderIds);
    (doc.querySelector(spa.tab.click) as HTMLElement).click();
    expect(idsOf(readDoc(doc, dom.window.location.href))).toEqual(spa.tab.expectOrderIds);
    expect(site.detectPage(new URL(dom.window.location.href))).toBe('list');
    dom.window.close();
  });
});
