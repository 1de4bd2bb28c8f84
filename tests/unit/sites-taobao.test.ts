// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readGenericTable } from '@/utils/capture/generic-table';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import { orderState } from '@/utils/sites/taobao/order-status';
import { reader } from '@/utils/sites/taobao/reader';
import { receiverRegionAfterContact as receiverRegion } from '@/utils/model/receiver-region';
import { site, taobaoDetailUrl } from '@/utils/sites/taobao/site';
import type { PageRead } from '@/utils/sites/types';
import { expectedOrders, type FixtureExpectation } from '../replay/expected';

const FIXTURES = join(__dirname, '..', 'fixtures', 'taobao');
const QN_LIST_URL = 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold';
const LEGACY_LIST_URL = 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm';
const DETAIL_URL = 'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3318514470982263115';

const fixtureHtml = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const expectation = (file: string): FixtureExpectation => JSON.parse(fixtureHtml(file));

function load(file: string, url: string, scripts = false): JSDOM {
  return new JSDOM(fixtureHtml(file), scripts ? { url, runScripts: 'dangerously' } : { url });
}

function read(dom: JSDOM, url = dom.window.location.href): PageRead {
  const page = reader.read(dom.window.document, new URL(url));
  expect(page).not.toBeNull();
  return page!;
}

const orders = (page: PageRead): CapturedOrder[] => page.rows.map((row) => CapturedOrderSchema.parse(row.order));
const ids = (page: PageRead) => page.rows.map((row) => row.order.orderId);
const byId = (page: PageRead) => new Map(orders(page).map((order) => [order.orderId, order]));

/** Every value the reader produced is the true one; fields it could not read may be missing. */
function expectNeverWrong(got: CapturedOrder[], truth: CapturedOrder[]): void {
  const truthById = new Map(truth.map((order) => [order.orderId, order]));
  for (const order of got) {
    const real = truthById.get(order.orderId);
    expect(real, `order ${order.orderId} exists`).toBeDefined();
    for (const [key, value] of Object.entries(order)) {
      if (key === 'items' || key === 'shipments') continue;
      expect(value, `${order.orderId}.${key}`).toEqual(real![key as keyof CapturedOrder]);
    }
    order.items.forEach((item, i) => {
      for (const [key, value] of Object.entries(item)) {
        expect(value, `${order.orderId}.items[${i}].${key}`).toEqual(real!.items[i]![key as keyof typeof item]);
      }
    });
  }
}

const qnTruth = () => expectedOrders(expectation('qn-sold-list.expected.json'));

// ---- DOM surgery on the new list (as a console redeploy would render it) ----

function cellsAt(doc: Document, col: number): Element[] {
  return Array.from(doc.querySelectorAll(`[data-next-table-col="${col}"]`)).filter(
    (cell) => cell.localName === 'th' || cell.getAttribute('colspan') === null,
  );
}

/** Removes one column from the header and every order row, renumbering the columns after it. */
function dropColumn(doc: Document, col: number): void {
  for (const cell of cellsAt(doc, col)) cell.remove();
  for (let c = col + 1; c < 8; c++) for (const cell of cellsAt(doc, c)) cell.setAttribute('data-next-table-col', String(c - 1));
  for (const head of Array.from(doc.querySelectorAll('.sold-order_head-row__1Tq7F td'))) head.setAttribute('colspan', '7');
}

/** Swaps two columns in the header and in every row that has both, keeping their col numbers right. */
function swapColumns(doc: Document, a: number, b: number): void {
  const rows = [doc.querySelector('div.next-table-header tr')!, ...Array.from(doc.querySelectorAll('div.next-table-body tr'))];
  for (const row of rows) {
    const x = Array.from(row.children).find((cell) => cell.getAttribute('data-next-table-col') === String(a) && !cell.hasAttribute('colspan'));
    const y = Array.from(row.children).find((cell) => cell.getAttribute('data-next-table-col') === String(b));
    if (!x || !y) continue;
    const marker = doc.createElement('td');
    row.replaceChild(marker, x);
    row.replaceChild(x, y);
    row.replaceChild(y, marker);
    x.setAttribute('data-next-table-col', String(b));
    y.setAttribute('data-next-table-col', String(a));
  }
}

function stripColumnNumbers(doc: Document): void {
  for (const cell of Array.from(doc.querySelectorAll('[data-next-table-col]'))) cell.removeAttribute('data-next-table-col');
}

function orderTable(doc: Document, orderId: string): Element {
  const table = Array.from(doc.querySelectorAll('div.next-table-body > table')).find((t) => t.textContent!.includes(orderId));
  if (!table) throw new Error(`no table for ${orderId}`);
  return table;
}

function setText(el: Element | null, text: string): void {
  if (!el) throw new Error('element missing');
  el.textContent = text;
}

describe('taobao site', () => {
  it('detects list and detail pages on real console URLs', () => {
    const cases: [string, string | null][] = [
      ['https://myseller.taobao.com/home.htm/trade-platform/tp/sold', 'list'],
      ['https://qn.taobao.com/home.htm/trade-platform/tp/sold', 'list'],
      ['https://myseller.taobao.com/home.htm/trade-platform/tp/sold/', 'list'],
      ['https://qn.taobao.com/home.htm/trade-platform/tp/sold?tabCode=waitSend&pageNum=2', 'list'],
      ['https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3318514470982263115', 'detail'],
      ['https://myseller.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3318514470982263115', 'detail'],
      [
        'https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&event_submit_do_query=1&auctionStatus=PAID&tabCode=waitSend',
        'list',
      ],
      ['https://trade.taobao.com/trade/itemlist/list_sold_items.htm', 'list'],
      ['https://trade.taobao.com/detail/orderDetail.htm?bizOrderId=3306183637220018070', 'detail'],
      ['https://trade.tmall.com/detail/orderDetail.htm?bizOrderId=3306183637220018070', 'detail'],
      ['https://trade.taobao.com/trade/detail/trade_item_detail.htm?bizOrderId=3306183637220018070', 'detail'],
      // not order pages (or not ours)
      ['https://myseller.taobao.com/home.htm', null],
      ['https://qn.taobao.com/home.htm#/trade-platform/tp/sold', null],
      ['https://myseller.taobao.com/home.htm/trade-platform/refund-list', null],
      ['https://myseller.taobao.com/home.htm/trade-platform/tp/order', null],
      ['https://myseller.taobao.com/home.htm/trade-platform/tp/soldx', null],
      ['https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1', null],
      ['https://trade.tmall.com/trade/itemlist/list_sold_items.htm', null],
      ['https://wuliu.taobao.com/user/consign.htm?trade_id=3306183637220018070', null],
      ['https://www.taobao.com/', null],
      ['http://qn.taobao.com/home.htm/trade-platform/tp/sold', null],
      ['https://qn.taobao.com.evil.example/home.htm/trade-platform/tp/sold', null],
    ];
    for (const [url, kind] of cases) expect(site.detectPage(new URL(url)), url).toBe(kind);
  });

  it('declares origin-wide matches and the Taobao id format', () => {
    expect(site.platform).toBe('taobao');
    for (const origin of site.origins) expect(site.matches).toContain(`${origin}/*`);
    expect(site.orderIdPattern.test('3318514470982263115')).toBe(true);
    expect(site.orderIdPattern.test('912837465019283746')).toBe(true);
    expect(site.orderIdPattern.test('12345')).toBe(false);
    expect(site.orderIdPattern.test('3318514470982263115a')).toBe(false);
    expect(taobaoDetailUrl('3318514470982263115')).toBe(DETAIL_URL);
  });

  it('reads nothing on pages that are not order pages', () => {
    const dom = load('qn-sold-list.html', 'https://myseller.taobao.com/home.htm');
    expect(reader.read(dom.window.document, new URL('https://myseller.taobao.com/home.htm'))).toBeNull();
  });
});

describe('taobao list reader: the page itself', () => {
  it('never modifies the page it reads', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const before = dom.serialize();
    read(dom);
    expect(dom.serialize()).toBe(before);
  });

  it('puts the row controls into the order header cell (the order element is a <table>)', () => {
    const page = read(load('qn-sold-list.html', QN_LIST_URL));
    for (const row of page.rows) {
      expect(row.element.localName).toBe('table');
      expect(row.controlsAnchor?.localName).toBe('td');
      expect(row.element.contains(row.controlsAnchor!)).toBe(true);
    }
  });

  it('records which strategy won per field', () => {
    const page = read(load('qn-sold-list.html', QN_LIST_URL));
    expect(page.diagnostics.layout).toBe('taobao-qn-2023');
    expect(page.diagnostics.strategies.orderId?.['label 订单号']).toBe(14);
    expect(page.diagnostics.strategies.amount?.['column 实收款']).toBe(13);
    expect(page.diagnostics.strategies.columns).toEqual({ 'header taobao-qn-2023': 1 });
  });

  it('reports the console empty state as a recognised layout with no rows', () => {
    const page = read(load('qn-sold-empty.html', 'https://qn.taobao.com/home.htm/trade-platform/tp/sold'));
    expect(page.rows).toEqual([]);
    expect(page.diagnostics.layout).toBe('taobao-qn-2023');
    expect(page.diagnostics.strategies.page).toEqual({ 'empty-state': 1 });
  });

  it('parses every order of a generated 2,000-order page', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const doc = dom.window.document;
    const body = doc.querySelector('div.next-table-body')!;
    const templates = Array.from(body.children).slice(0, 8);
    for (const table of Array.from(body.children)) table.remove();
    for (let i = 0; i < 2000; i++) {
      const copy = templates[i % templates.length]!.cloneNode(true) as Element;
      setText(copy.querySelector('.order-head_order-no__1vB7k .order-head_value__2Qd9c'), String(3300000000000000000n + BigInt(i)));
      body.append(copy);
    }
    const started = performance.now();
    const page = read(dom);
    const readMs = performance.now() - started;
    const baselineStart = performance.now();
    let chars = 0;
    for (const table of Array.from(doc.querySelectorAll('div.next-table-body > table'))) chars += table.textContent!.length;
    const baselineMs = performance.now() - baselineStart;
    expect(chars).toBeGreaterThan(0);
    expect(page.rows).toHaveLength(2000);
    expect(page.diagnostics.rowsSeen).toBe(2000);
    expect(page.diagnostics.skipped).toEqual({});
    expect(new Set(ids(page)).size).toBe(2000);
    expect(orders(page)[1999]!.orderId).toBe('3300000000000001999');
    // jsdom is not the browser the budget is measured in (npm run bench); this only catches blow-ups.
    console.info(`taobao 2,000-order read: ${readMs.toFixed(0)} ms, bare walk ${baselineMs.toFixed(0)} ms`);
    expect(readMs).toBeLessThan(Math.max(2000, baselineMs * 40));
  }, 180_000);
});

describe('taobao list reader: changed and broken columns', () => {
  const truth = qnTruth();

  it('reads correctly when the 交易状态 and 实收款 columns are swapped', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    swapColumns(dom.window.document, 5, 6);
    expect(orders(read(dom))).toEqual(truth);
  });

  it('reads correctly when columns are swapped and cells carry no column numbers (rowspan by position)', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    swapColumns(dom.window.document, 1, 2);
    swapColumns(dom.window.document, 5, 6);
    stripColumnNumbers(dom.window.document);
    expect(orders(read(dom))).toEqual(truth);
  });

  it('leaves the amount out, and nothing else, when the 实收款 column is gone', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    dropColumn(dom.window.document, 6);
    const page = read(dom);
    // the ¥-- row is no longer a garbage amount: there is no amount column at all
    const expected = truth.map(({ amountCents: _drop, ...order }) => order);
    const got = orders(page).filter((order) => order.orderId !== '3317950427318805521');
    expect(got).toEqual(expected.map((order) => CapturedOrderSchema.parse(order)));
    expect(page.diagnostics.skipped).toEqual({ 'no-order-id': 1, 'bad-time': 1 });
  });

  it('accepts a renamed amount head (实付款) and finds an unnamed one by its postage note', () => {
    for (const name of ['实付款', '金额(元)']) {
      const dom = load('qn-sold-list.html', QN_LIST_URL);
      setText(dom.window.document.querySelector('th[data-next-table-col="6"] .next-table-cell-wrapper'), name);
      expect(orders(read(dom)), name).toEqual(truth);
    }
  });

  it('falls back to the default column order without a header table', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    dom.window.document.querySelector('div.next-table-header')!.remove();
    const page = read(dom);
    expect(orders(page)).toEqual(truth);
    expect(page.diagnostics.strategies.columns).toEqual({ 'default order': 1 });
  });

  it('never returns a wrong value when the body does not match its header', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const doc = dom.window.document;
    stripColumnNumbers(doc);
    // the body lost its 单价 and 买家 cells but the header still announces them
    for (const table of Array.from(doc.querySelectorAll('div.next-table-body > table'))) {
      for (const row of Array.from(table.querySelectorAll('tr')).slice(1)) {
        row.children[1]?.remove();
        if (row.children.length > 4) row.children[3]?.remove();
      }
    }
    const got = orders(read(dom));
    expect(got.length).toBeGreaterThan(0);
    expectNeverWrong(got, truth);
    // status and amount are still found by their content
    expect(got.find((o) => o.orderId === '3318621907745520391')).toMatchObject({ status: 'paid', amountCents: 25700 });
  });

  it('never returns a wrong value when the header is shuffled but the body is not', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const doc = dom.window.document;
    stripColumnNumbers(doc);
    const headRow = doc.querySelector('div.next-table-header tr')!;
    headRow.append(headRow.children[1]!); // 单价 moved to the end of the header only
    expectNeverWrong(orders(read(dom)), truth);
  });

  it('skips garbage values with a reason and keeps the other orders', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const doc = dom.window.document;
    const amountOf = (id: string) => orderTable(doc, id).querySelector('[data-next-table-col="6"] strong')!;
    const idOf = (id: string) => orderTable(doc, id).querySelector('.order-head_order-no__1vB7k .order-head_value__2Qd9c')!;
    const timeOf = (id: string) => orderTable(doc, id).querySelector('.order-head_create-time__3Hj2m .order-head_value__2Qd9c')!;
    setText(amountOf('3318740215366018417'), '¥12.345');
    setText(amountOf('3318621907745520391'), '¥abc');
    setText(amountOf('3318514470982263115'), '-¥5.00');
    setText(idOf('3318409955120847762'), '33184099');
    setText(idOf('3318377263004417359'), '33183772630O4417359');
    setText(timeOf('3318290518876630244'), '昨天 10:00');
    setText(timeOf('3318187730461225098'), '--');
    const page = read(dom);
    expect(page.diagnostics.skipped).toEqual({ 'no-order-id': 1, 'bad-amount': 4, 'bad-time': 2, 'bad-order-id': 2 });
    const got = byId(page);
    // a placeholder time is no time, not a wrong one
    expect(got.get('3318187730461225098')?.createdAt).toBeUndefined();
    expect(got.size).toBe(6);
    expectNeverWrong([...got.values()], truth);
  });

  it('reads unknown status words as text only, and garbage quantities and prices as unknown', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const doc = dom.window.document;
    setText(orderTable(doc, '3318740215366018417').querySelector('.trade-status_text__3bN8m'), '神秘新状态');
    setText(orderTable(doc, '3317736605198832297').querySelector('.trade-status_text__3bN8m'), '¥23.80');
    setText(orderTable(doc, '3318621907745520391').querySelector('.quantity_quantity__3dE2k'), '两件');
    setText(orderTable(doc, '3318621907745520391').querySelector('.price_price__2mW4s p'), '¥--');
    const got = byId(read(dom));
    expect(got.get('3318740215366018417')).toMatchObject({ statusText: '神秘新状态' });
    expect(got.get('3318740215366018417')?.status).toBeUndefined();
    expect(got.get('3317736605198832297')?.status).toBeUndefined();
    expect(got.get('3317736605198832297')?.statusText).toBeUndefined();
    const item = got.get('3318621907745520391')!.items[0]!;
    expect(item.quantity).toBeUndefined();
    expect(item.unitPriceCents).toBeUndefined();
    expect(item.title).toBe('加厚珊瑚绒毛毯 冬季午睡盖毯 沙发毯');
  });

  it('counts an order rendered twice once, and a table without its header row as having no id', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const doc = dom.window.document;
    const body = doc.querySelector('div.next-table-body')!;
    body.append(orderTable(doc, '3318740215366018417').cloneNode(true));
    const headless = orderTable(doc, '3317408851916654308').cloneNode(true) as Element;
    headless.querySelector('tr')!.remove();
    body.append(headless);
    const page = read(dom);
    expect(page.diagnostics.skipped).toEqual({ 'no-order-id': 2, 'bad-amount': 1, 'bad-time': 1, duplicate: 1 });
    expect(page.rows).toHaveLength(12);
  });

  it('reads an order whose sub-order rows are missing from its header alone', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const table = orderTable(dom.window.document, '3318740215366018417');
    for (const row of Array.from(table.querySelectorAll('tr')).slice(1)) row.remove();
    const order = byId(read(dom)).get('3318740215366018417')!;
    expect(order).toMatchObject({ orderId: '3318740215366018417', buyer: '星**', items: [] });
    expect(order.createdAt).toBe(Date.parse('2026-05-13T09:12:45+08:00'));
    expect(order.amountCents).toBeUndefined();
    expect(order.status).toBeUndefined();
  });

  it('falls back to an id-shaped number when the 订单号 label is renamed', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    for (const el of Array.from(dom.window.document.querySelectorAll('.order-head_order-no__1vB7k'))) {
      el.firstChild!.textContent = 'Order No. ';
    }
    const page = read(dom);
    expect(ids(page)).toEqual(truth.map((order) => order.orderId));
    expect(page.diagnostics.strategies.orderId?.['id-pattern']).toBe(14);
  });

  it('degrades to the generic table reader when no Taobao layout is recognised', () => {
    const html = `<!DOCTYPE html><html><body><table><thead><tr><th>订单编号</th><th>下单时间</th><th>实付金额</th><th>订单状态</th></tr></thead>
      <tbody><tr><td>3318740215366018417</td><td>2026-05-13 09:12:45</td><td>¥169.00</td><td>等待买家付款</td></tr></tbody></table></body></html>`;
    const dom = new JSDOM(html, { url: QN_LIST_URL });
    const page = read(dom);
    const generic = readGenericTable(dom.window.document, site, 'list');
    if (generic) {
      expect(page.diagnostics.layout).toBe(generic.diagnostics.layout);
      expect(page.rows.map((row) => row.order)).toEqual(generic.rows.map((row) => row.order));
    } else {
      expect(page.rows).toEqual([]);
      expect(page.diagnostics.layout).toBe('none');
    }
  });

  it('never throws into the page', () => {
    const dom = load('qn-sold-list.html', QN_LIST_URL);
    const doc = dom.window.document;
    doc.querySelector = doc.querySelectorAll = () => {
      throw new Error('boom');
    };
    const page = read(dom);
    expect(page.rows).toEqual([]);
    expect(page.diagnostics.skipped).toEqual({ 'read-error': 1 });
    expect(read(new JSDOM('', { url: QN_LIST_URL })).rows).toEqual([]);
    expect(read(new JSDOM('', { url: DETAIL_URL })).rows).toEqual([]);
  });
});

describe('taobao legacy list reader', () => {
  const truth = expectedOrders(expectation('legacy-sold-list.expected.json'));

  it('reads by label and by position when the checkbox value is gone', () => {
    const dom = load('legacy-sold-list.html', LEGACY_LIST_URL);
    for (const input of Array.from(dom.window.document.querySelectorAll('input[name="orderid"]'))) input.removeAttribute('value');
    const page = read(dom);
    expect(orders(page)).toEqual(truth);
    expect(page.diagnostics.strategies.orderId?.['label 订单号']).toBe(6);
  });

  it('reads the third label span when the label words change', () => {
    const dom = load('legacy-sold-list.html', LEGACY_LIST_URL);
    const doc = dom.window.document;
    for (const input of Array.from(doc.querySelectorAll('input[name="orderid"]'))) input.removeAttribute('value');
    for (const cell of Array.from(doc.querySelectorAll('.item-mod__head-info-cell___2yV3C'))) setText(cell.querySelector('span'), 'No.');
    const page = read(dom);
    expect(ids(page)).toEqual(truth.map((order) => order.orderId));
    expect(page.diagnostics.strategies.orderId?.['legacy-span-3']).toBe(6);
  });

  it('reads without its column header (the legacy order: status in td 6)', () => {
    const dom = load('legacy-sold-list.html', LEGACY_LIST_URL);
    dom.window.document.querySelector('table.list-mod__head___2RyoV')!.remove();
    expect(orders(read(dom))).toEqual(truth);
  });
});

describe('taobao list pages behave as a single-page app', () => {
  const spa = JSON.parse(fixtureHtml('spa.json')) as {
    list: string;
    nextPage: { click: string; expectOrderIds: string[] };
    tab: { click: string; expectOrderIds: string[] };
    detail: { fixture: string; orderId: string; expectWaybills: string[] };
  };

  function click(dom: JSDOM, selector: string): void {
    const target = dom.window.document.querySelector(selector);
    expect(target, selector).not.toBeNull();
    target!.dispatchEvent(new dom.window.MouseEvent('click', { bubbles: true }));
  }

  it('keeps the served rows, then re-renders in place on 下一页 and on a tab', () => {
    const dom = load(`${spa.list}.html`, QN_LIST_URL, true);
    const initial = read(dom);
    expect(orders(initial)).toEqual(qnTruth());
    const firstTable = initial.rows[0]!.element;

    click(dom, spa.nextPage.click);
    expect(dom.window.location.search).toContain('pageNum=2');
    const next = read(dom);
    expect(ids(next)).toEqual(spa.nextPage.expectOrderIds);
    expect(firstTable.isConnected).toBe(false);

    click(dom, spa.tab.click);
    expect(dom.window.location.search).toContain('tabCode=waitSend');
    const tab = read(dom);
    expect(ids(tab)).toEqual(spa.tab.expectOrderIds);
    expect(tab.diagnostics.skipped).toEqual({ 'bad-amount': 1 });
    dom.window.close();
  });

  it('renders page 1 again exactly as it was served', () => {
    const dom = load(`${spa.list}.html`, QN_LIST_URL, true);
    click(dom, spa.nextPage.click);
    click(dom, 'div.next-pagination .next-pagination-list button:first-child');
    const again = read(dom);
    expect(orders(again)).toEqual(qnTruth());
    expect(again.diagnostics.skipped).toEqual({ 'no-order-id': 1, 'bad-amount': 1, 'bad-time': 1 });
    dom.window.close();
  });

  it('shows the empty state for an empty tab', () => {
    const dom = load(`${spa.list}.html`, QN_LIST_URL, true);
    click(dom, 'ul.next-tabs-nav > li.next-tabs-tab:nth-child(6)');
    const page = read(dom);
    expect(page.rows).toEqual([]);
    expect(page.diagnostics.strategies.page).toEqual({ 'empty-state': 1 });
    dom.window.close();
  });

  it('the legacy list re-renders in place too', () => {
    const dom = load('legacy-sold-list.html', LEGACY_LIST_URL, true);
    click(dom, '#J_SoldPagination li.pagination-next');
    expect(ids(read(dom))).toEqual(['1288701198530014472', '1288690087419903363']);
    click(dom, '#J_SoldTabs [data-tab-code="waitSend"]');
    expect(ids(read(dom))).toEqual(['1289604471862035519']);
    click(dom, '#J_SoldTabs [data-tab-code="refunding"]');
    const empty = read(dom);
    expect(empty.rows).toEqual([]);
    expect(empty.diagnostics.strategies.page).toEqual({ 'empty-state': 1 });
    dom.window.close();
  });

  it('the detail fixture named in spa.json shows the expected waybills', () => {
    const entry = (JSON.parse(fixtureHtml('index.json')) as { name: string; file: string; url: string }[]).find(
      (e) => e.name === spa.detail.fixture,
    )!;
    const page = read(load(entry.file, entry.url));
    expect(page.rows[0]!.order.orderId).toBe(spa.detail.orderId);
    expect(page.rows[0]!.order.shipments?.map((s) => s.waybillNo)).toEqual(spa.detail.expectWaybills);
  });
});

describe('taobao detail reader', () => {
  const truth = expectedOrders(expectation('qn-detail-two-packages.expected.json'))[0]!;

  function detailDom(): JSDOM {
    return load('qn-detail-two-packages.html', DETAIL_URL);
  }

  function valueOf(doc: Document, label: string): Element {
    const el = Array.from(doc.querySelectorAll('span')).find((span) => span.textContent === label);
    if (!el?.nextElementSibling) throw new Error(`no ${label}`);
    return el.nextElementSibling;
  }

  it('never modifies the page and does not touch the sensitive-info switch', () => {
    const dom = detailDom();
    const before = dom.serialize();
    read(dom);
    expect(dom.serialize()).toBe(before);
    expect(dom.window.document.querySelector('div[role="switch"]')!.getAttribute('aria-checked')).toBe('false');
  });

  it('skips an order whose printed time or amount is garbage, ignores placeholders', () => {
    let dom = detailDom();
    setText(valueOf(dom.window.document, '付款时间：'), '2026-05-12 21:70:45');
    expect(read(dom).diagnostics.skipped).toEqual({ 'bad-time': 1 });

    dom = detailDom();
    setText(valueOf(dom.window.document, '实收款：'), '¥--');
    expect(read(dom).diagnostics.skipped).toEqual({ 'bad-amount': 1 });

    dom = detailDom();
    setText(valueOf(dom.window.document, '发货时间：'), '--');
    const [order] = orders(read(dom));
    expect(order!.shippedAt).toBeUndefined();
    expect(order!.paidAt).toBe(truth.paidAt);
  });

  it('takes the id from the URL only when the page prints none, and refuses a bad printed id', () => {
    let dom = detailDom();
    const idLabel = Array.from(dom.window.document.querySelectorAll('span')).find((s) => s.textContent === '订单编号：')!;
    idLabel.parentElement!.remove();
    expect(orders(read(dom))[0]!.orderId).toBe('3318514470982263115');

    dom = detailDom();
    setText(valueOf(dom.window.document, '订单编号：'), '33185144');
    const page = read(dom);
    expect(page.rows).toEqual([]);
    expect(page.diagnostics.skipped).toEqual({ 'bad-order-id': 1 });
  });

  it('leaves out a package without a usable waybill number and keeps the others', () => {
    const dom = detailDom();
    setText(dom.window.document.querySelectorAll('.logistics_no__2sE6q')[0]!, '暂无');
    const [order] = orders(read(dom));
    expect(order!.shipments.map((s) => s.waybillNo)).toEqual(['SF1428805917362']);
    expect(order!.shipments[0]!.carrierName).toBe('顺丰速运');
    expect(order!.shipments[0]!.events).toHaveLength(3);
    // only the remaining package's trace counts: it was signed for
    expect(order!.deliveredAt).toBe(Date.parse('2026-05-15T10:03:55+08:00'));
  });

  it('has no delivery time until every package is signed for', () => {
    const dom = detailDom();
    const firstEvent = dom.window.document.querySelector('.next-timeline-item-title')!;
    setText(firstEvent, '【杭州市】快件已到达 杭州西湖营业部');
    expect(orders(read(dom))[0]!.deliveredAt).toBeUndefined();
  });

  it('waits for the micro-app: a detail page without order labels yields nothing', () => {
    const dom = detailDom();
    dom.window.document.querySelector('#__qiankun_microapp_wrapper_for_trade_platform__')!.replaceChildren();
    const page = read(dom);
    expect(page.rows).toEqual([]);
    expect(page.kind).toBe('detail');
  });

  it('reads a label wrapped on its own (the value after the wrapper) and a label joined to its value by a space', () => {
    const dom = detailDom();
    const doc = dom.window.document;
    const amountLabel = Array.from(doc.querySelectorAll('span')).find((span) => span.textContent === '实收款：')!;
    setText(amountLabel, '实收款：¥');
    setText(amountLabel.nextElementSibling, '398.00');
    const wrapper = doc.createElement('span');
    amountLabel.replaceWith(wrapper);
    wrapper.append(amountLabel);
    const paymentLabel = Array.from(doc.querySelectorAll('span')).find((span) => span.textContent === '支付方式：')!;
    paymentLabel.nextElementSibling!.remove();
    setText(paymentLabel, '支付方式 支付宝');
    const [order] = orders(read(dom));
    expect(order!.amountCents).toBe(39800);
    expect(order!.paymentMethod).toBe('支付宝');
  });

  it('reads the legacy detail page by its labels', () => {
    const html = `<!DOCTYPE html><html><body><div id="detail-panel"><div class="status">订单状态：交易成功</div>
      <table><tr><td>订单编号：</td><td>1289733610457288412</td></tr><tr><td>成交时间：</td><td>2020-11-15 10:00:00</td></tr>
      <tr><td>创建时间：</td><td>2020-11-11 00:03:12</td></tr></table></div></body></html>`;
    const url = 'https://trade.taobao.com/detail/orderDetail.htm?bizOrderId=1289733610457288412';
    const [order] = orders(read(new JSDOM(html, { url })));
    expect(order).toMatchObject({
      orderId: '1289733610457288412',
      status: 'completed',
      createdAt: Date.parse('2020-11-11T00:03:12+08:00'),
      completedAt: Date.parse('2020-11-15T10:00:00+08:00'),
      sourcePage: 'detail',
    });
  });
});

describe('taobao helpers', () => {
  it('derives the order status from the trade status and the sub-order after-sale texts', () => {
    expect(orderState('买家已付款，等待商家发货', ['发货未超时', '发货未超时'])).toEqual({
      status: 'paid',
      statusText: '买家已付款，等待商家发货',
      afterSale: false,
    });
    expect(orderState('买家已付款，等待商家发货', ['请卖家处理'])).toMatchObject({ status: 'after_sale', afterSale: true });
    expect(orderState('卖家已发货', ['', '退款中'])).toMatchObject({ status: 'after_sale', afterSale: true });
    expect(orderState('交易关闭', ['退款成功'])).toMatchObject({ status: 'refunded', afterSale: true });
    expect(orderState('交易关闭', [''])).toMatchObject({ status: 'closed', afterSale: false });
    expect(orderState('交易成功', ['', '退款成功'])).toMatchObject({ status: 'completed', afterSale: true });
    expect(orderState('交易成功', ['退款关闭'])).toMatchObject({ status: 'completed', afterSale: false });
    expect(orderState('交易成功', null)).toEqual({ status: 'completed', statusText: '交易成功' });
    expect(orderState('', null)).toEqual({});
  });

  it('keeps only province and city of a masked address', () => {
    expect(receiverRegion('李**，86-1**********，浙江省 杭州市 西湖区 文三路***号****，000000')).toBe('浙江省杭州市');
    expect(receiverRegion('浙江省杭州市西湖区***')).toBe('浙江省杭州市');
    expect(receiverRegion('王**，86-1**********，上海 上海市 浦东新区 ****，000000')).toBe('上海市');
    expect(receiverRegion('吉林**，86-1**********，广西壮族自治区 南宁市 青秀区 ***')).toBe('广西壮族自治区南宁市');
    expect(receiverRegion('新疆维吾尔自治区 伊犁哈萨克自治州 伊宁市 ***')).toBe('新疆维吾尔自治区伊犁哈萨克自治州');
    expect(receiverRegion('*** ***')).toBeNull();
  });

  it('reads the region of 千牛\'s name，phone，address line with the model (model/receiver-region)', () => {
    // a masked name may start like a province or a municipality: only an address part counts
    expect(receiverRegion('上海**，86-1**********，浙江省 杭州市 西湖区 ****，000000')).toBe('浙江省杭州市');
    expect(receiverRegion('北京*，86-1**********，北京市 朝阳区 ****，000000')).toBe('北京市');
    // 吉林市 is a city of 吉林省, not the province
    expect(receiverRegion('吉林市**，86-1**********，吉林省 长春市 朝阳区 ***')).toBe('吉林省长春市');
    expect(receiverRegion('王**, 86-1**********, 江苏省 苏州市 ****')).toBe('江苏省苏州市');
    expect(receiverRegion('王**，86-1**********，浙江 ****')).toBeNull();
  });
});
