// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ensureRowControls } from '@/utils/capture/row-controls';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import { reader } from '@/utils/sites/kuaishou/reader';
import { site } from '@/utils/sites/kuaishou/site';
import type { PageRead } from '@/utils/sites/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'kuaishou');
const LIST_URL = 'https://s.kwaixiaodian.com/zone/order/list';
const DETAIL_URL = 'https://s.kwaixiaodian.com/zone/order/detail?id=2413902846152044';

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

describe('kuaishou site definition', () => {
  it('detects the order list (seen) and the detail page (inferred) by URL', () => {
    const kind = (url: string) => site.detectPage(new URL(url));
    expect(kind('https://s.kwaixiaodian.com/zone/order/list')).toBe('list');
    expect(kind('https://s.kwaixiaodian.com/zone/order/list?status=30&page=2')).toBe('list');
    expect(kind('https://s.kwaixiaodian.com/zone/order/list/')).toBe('list');
    expect(kind('https://s.kwaixiaodian.com/zone/order/detail?id=2413902846152044')).toBe('detail');
  });

  it('leaves every other page alone', () => {
    const kind = (url: string) => site.detectPage(new URL(url));
    for (const url of [
      'https://login.kwaixiaodian.com/?biz=zone&redirect_url=https%3A%2F%2Fs.kwaixiaodian.com%2Fzone%2Forder%2Flist',
      'https://s.kwaixiaodian.com/zone/goods/detail?id=123',
      'https://s.kwaixiaodian.com/zone/goods/config/release/detail?itemId=123',
      'https://s.kwaixiaodian.com/zone/settles/chat',
      'https://s.kwaixiaodian.com/zone/im/dashboard',
      'https://im.kwaixiaodian.com/',
      'https://s.kwaixiaodian.com/',
      'https://s.kwaixiaodian.com/zone/order/listing',
    ]) {
      expect(kind(url), url).toBeNull();
    }
  });

  it('matches the whole console origin and knows the oid format', () => {
    expect(site.platform).toBe('kuaishou');
    expect(site.origins).toEqual(['https://s.kwaixiaodian.com']);
    expect(site.matches).toEqual(['https://s.kwaixiaodian.com/*']);
    for (const good of ['201560025620985', '2413902846152037']) expect(site.orderIdPattern.test(good), good).toBe(true);
    for (const bad of ['241390284615', '24139028461520371234', '220216-179332719430230']) expect(site.orderIdPattern.test(bad), bad).toBe(false);
  });
});

describe('kuaishou reader', () => {
  it('returns null off the order pages and an empty read (layout none) on a page without an order table', () => {
    const doc = new JSDOM('<p>hello</p>').window.document;
    expect(reader.read(doc, new URL('https://s.kwaixiaodian.com/zone/goods/detail?id=1'))).toBeNull();
    expect(readDoc(doc)).toMatchObject({ kind: 'list', rows: [], diagnostics: { layout: 'none', rowsSeen: 0 } });
    expect(readDoc(doc, DETAIL_URL)).toMatchObject({ kind: 'detail', rows: [], diagnostics: { rowsSeen: 0 } });
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

  it('reports which column each field was read from (parse health), counted per row', () => {
    const { diagnostics } = readDoc(load('list-all.html', LIST_URL).window.document);
    expect(diagnostics).toMatchObject({ layout: 'generic-table', rowsSeen: 12, rowsParsed: 8 });
    // the row skipped for its time had its amount read first: 9 amounts for 8 orders
    expect(diagnostics.strategies).toEqual({
      amount: { 'header:实付款': 9 },
      createdAt: { 'header:下单时间': 8 },
      status: { 'header:订单状态': 8 },
      buyer: { 'header:买家': 8 },
      items: { 'header:商品': 8 },
      quantity: { 'header:单价/数量': 8 },
      orderId: { 'header:订单号': 8 },
      shop: { 'kuaishou-css-module-shop-name-inferred': 1 },
    });
  });

  it('does not change the page it reads', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const before = doc.documentElement.outerHTML;
    readDoc(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads every row of a generated 2,000-order page, multi-item orders included', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const body = doc.querySelector('.ant-table-tbody')!;
    const [first, second] = Array.from(body.querySelectorAll('tr')).slice(1, 3); // 2413902846152044: two items
    while (body.firstChild) body.removeChild(body.firstChild);
    for (let i = 0; i < 2000; i++) {
      const a = first!.cloneNode(true) as Element;
      a.querySelector('[class*="orderNoText"]')!.textContent = String(2413900000000000 + i);
      body.append(a, second!.cloneNode(true));
    }
    const read = readDoc(doc);
    expect(read.diagnostics).toMatchObject({ rowsSeen: 2000, rowsParsed: 2000, skipped: {} });
    const orders = ordersOf(read);
    expect(orders[1999]).toMatchObject({ orderId: '2413900000001999', amountCents: 15970, status: 'paid' });
    expect(orders[1999]!.items.map((item) => item.title)).toEqual(['高腰阔腿牛仔裤 女', '纯棉打底T恤 女']);
    expect(new Set(read.rows.map((row) => row.element)).size).toBe(2000);
 
  }, 60_000);

  /** Reorders the header cells and the order-level cells of single-item rows (rowspan rows keep their shape). */
  function permuteColumns(doc: Document, order: number[]) {
    const rows = [doc.querySelector('thead tr')!, ...Array.from(doc.querySelectorAll('.ant-table-tbody tr')).filter((tr) => tr.children.length === 8)];
    for (const row of rows) {
      const cells = Array.from(row.children);
      for (const i of order) row.appendChild(cells[i]!);
    }
  }

  it('reads shuffled columns by their header text', () => {
    const expected = ordersOf(readDoc(load('list-all.html', LIST_URL).window.document)).filter((order) => order.items.length === 1);
    const doc = load('list-all.html', LIST_URL).window.document;
    // drop the multi-item orders: their continuation rows only make sense in the original column order
    for (const tr of Array.from(doc.querySelectorAll('.ant-table-tbody tr'))) if (tr.querySelector('[rowspan]') || tr.children.length === 2) tr.remove();
    permuteColumns(doc, [7, 5, 3, 0, 6, 1, 4, 2]);
    const read = readDoc(doc);
    expect(ordersOf(read)).toEqual(expected);
  });

  it('reads renamed headers and leaves out columns that are gone', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    const headers = doc.querySelectorAll('thead th');
    headers[0]!.textContent = '订单编号';
    headers[3]!.textContent = '实付金额(元)';
    headers[6]!.textContent = '创建时间';
    headers[4]!.textContent = '收货人'; // no longer a buyer column
    const orders = ordersOf(readDoc(doc));
    expect(orders).toHaveLength(8);
    expect(orders[0]).toMatchObject({ orderId: '2413902846152037', amountCents: 29900, createdAt: Date.parse('2026-05-13T10:20:30+08:00') });
    for (const order of orders) expect(order.buyer).toBeUndefined();
  });

  it('finds nothing to read when the order id column is gone (never guesses the id)', () => {
    const doc = load('list-all.html', LIST_URL).window.document;
    doc.querySelector('thead th')!.textContent = '编号';
    const read = readDoc(doc);
    expect(read.rows).toEqual([]);
    expect(read.diagnostics.layout).toBe('none');
  });

  it('follows the fixture SPA: next page and tab switch re-render the rows in place', () => {
    const spa = JSON.parse(readFileSync(join(FIXTURES, 'spa.json'), 'utf8'));
    const dom = load('list-all.html', LIST_URL, true);
    const doc = dom.window.document;
    const firstRow = doc.querySelector('.ant-table-tbody tr');
    (doc.querySelector(spa.nextPage.click) as HTMLElement).click();
    expect(doc.contains(firstRow)).toBe(false);
    expect(idsOf(readDoc(doc, dom.window.location.href))).toEqual(spa.nextPage.expectOrderIds);
    (doc.querySelector(spa.tab.click) as HTMLElement).click();
    expect(idsOf(readDoc(doc, dom.window.location.href))).toEqual(spa.tab.expectOrderIds);
    expect(site.detectPage(new URL(dom.window.location.href))).toBe('list');
    dom.window.close();
  });

  it('reads the (inferred) detail page only when it shows the order of the URL', () => {
    const doc = load('detail-shipped.html', DETAIL_URL).window.document;
    expect(ordersOf(readDoc(doc, DETAIL_URL))[0]!.shipments.map((s) => [s.waybillNo, s.carrierName])).toEqual([
      ['YT9693083639795', '圆通速递'],
      ['773367326370601', '申通快递'],
    ]);
    const other = readDoc(doc, 'https://s.kwaixiaodian.com/zone/order/detail?id=2413902846152037');
    expect(other.rows).toEqual([]);
    expect(other.diagnostics.skipped).toEqual({ 'order-id-mismatch': 1 });
  });

  it('skips a detail page whose amount is garbage', () => {
    const doc = load('detail-shipped.html', DETAIL_URL).window.document;
    const label = Array.from(doc.querySelectorAll('.ant-descriptions-item-label')).find((el) => el.textContent === '实付款')!;
    label.nextElementSibling!.textContent = '¥--';
    const read = readDoc(doc, DETAIL_URL);
    expect(read.rows).toEqual([]);
    expect(read.diagnostics).toMatchObject({ rowsSeen: 1, skipped: { 'bad-amount': 1 } });
  });
});
