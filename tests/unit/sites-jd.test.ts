// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import { reader } from '@/utils/sites/jd/reader';
import { jdDetailUrl, site } from '@/utils/sites/jd/site';
import type { PageRead } from '@/utils/sites/types';
import { expectedOrders, type FixtureExpectation } from '../replay/expected';

const FIXTURES = join(__dirname, '..', 'fixtures', 'jd');
const LIST_URL = 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders';
const PORDER_URL = 'https://porder.shop.jd.com/order/orderlist/allOrders?t=1677722400000';
const fixtureText = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const truth = (file: string) => expectedOrders(JSON.parse(fixtureText(file)) as FixtureExpectation);

function load(file = 'list-cards.html', url = LIST_URL, scripts = false): JSDOM {
  return new JSDOM(fixtureText(file), scripts ? { url, runScripts: 'dangerously' } : { url });
}
function read(dom: JSDOM, url = dom.window.location.href): PageRead {
  const page = reader.read(dom.window.document, new URL(url));
  expect(page).not.toBeNull();
  return page!;
}
const orders = (page: PageRead): CapturedOrder[] => page.rows.map((row) => CapturedOrderSchema.parse(row.order));
const ids = (page: PageRead) => page.rows.map((row) => row.order.orderId);
const cardsOf = (doc: Document) => Array.from(doc.querySelectorAll('.order-list-card-table .table-body > .card'));
const cardOf = (doc: Document, orderId: string) => cardsOf(doc).find((card) => card.textContent!.includes(orderId))!;
const tablesOf = (doc: Document) => Array.from(doc.querySelectorAll('#order-shop-content > table'));

/** Every value the reader produced is the true one; fields it could not read may be missing. */
function expectNeverWrong(got: CapturedOrder[], expected: CapturedOrder[]): void {
  const byId = new Map(expected.map((order) => [order.orderId, order]));
  for (const order of got) {
    const real = byId.get(order.orderId);
    expect(real, `order ${order.orderId} exists`).toBeDefined();
    for (const [key, value] of Object.entries(order)) {
      if (key === 'items') continue;
      expect(value, `${order.orderId}.${key}`).toEqual(real![key as keyof CapturedOrder]);
    }
    order.items.forEach((item, i) => {
      for (const [key, value] of Object.entries(item)) {
        expect(value, `${order.orderId}.items[${i}].${key}`).toEqual(real!.items[i]![key as keyof typeof item]);
      }
    });
  }
}

describe('jd site', () => {
  it.each([
    ['https://shop.jd.com/jdm/trade/orders/order-list?tabType=allOrders', 'list'],
    ['https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut&current=2', 'list'],
    ['https://shop.jd.com/jdm/trade/order/orderList', 'list'],
    ['https://trade-order-jdm.jd.com/orderList?tabType=allOrders', 'list'],
    ['https://porder.shop.jd.com/order/orderlist/allOrders?t=1677722400000', 'list'],
    ['https://porder.shop.jd.com/order/orderlist/waitInnerShip', 'list'],
    ['https://neworder.shop.jd.com/order/orderDetail?orderId=309876543212', 'detail'],
    ['https://porder.shop.jd.com/order/singleOut/309876543212?selectedDelivery=2170', null],
    ['https://shop.jd.com/jdm/home', null],
    ['https://shop.jd.com/jdm/trade/orders/order-listing', null],
    ['https://neworder.shop.jd.com/order/print?orderId=309876543212', null],
    ['https://passport.jd.com/new/login.aspx', null],
    ['https://dongdong.jd.com/', null],
    ['http://shop.jd.com/jdm/trade/orders/order-list', null],
    ['https://porder.shop.jd.com.evil.example/order/orderlist/allOrders', null],
  ])('detectPage(%s) → %s', (url, kind) => {
    expect(site.detectPage(new URL(url))).toBe(kind);
    if (kind === null) expect(reader.read(new JSDOM('').window.document, new URL(url))).toBeNull();
  });

  it('matches whole origins, and ids are 11–13 digits kept as strings', () => {
    expect(site.matches).toContain('https://neworder.shop.jd.com/*');
    expect(site.origins).toHaveLength(4);
    expect(['81500013740', '242825972327', '3098765432110'].every((id) => site.orderIdPattern.test(id))).toBe(true);
    expect(site.orderIdPattern.test('309876543218888')).toBe(false);
    expect(jdDetailUrl('309876543212')).toBe('https://neworder.shop.jd.com/order/orderDetail?orderId=309876543212');
  });
});

describe('jd 2024 card list reader', () => {
  it('reads a generated 2,000-card page built from the fixture card markup, every card', () => {
    const cardHtml = cardOf(load().window.document, '309876543210').outerHTML;
    const cards = Array.from({ length: 2000 }, (_, i) => cardHtml.replace('309876543210', `30${String(i).padStart(10, '0')}`));
    const html = fixtureText('list-cards.html').replace(
      /(<div class="table-body">)[\s\S]*?(<\/div>\s*<\/div><\/div><\/div>)/,
      (_m, open: string, close: string) => `${open}\n${cards.join('\n')}\n${close}`,
    );
    const page = read(new JSDOM(html, { url: LIST_URL }));
    expect(page.diagnostics).toMatchObject({ rowsSeen: 2000, rowsParsed: 2000, skipped: {} });
    expect(new Set(ids(page)).size).toBe(2000);
    expect(ids(page)[1999]).toBe('300000001999');
    expect(orders(page)[0]).toMatchObject({ amountCents: 13800, status: 'paid', paidAt: Date.parse('2026-08-06T01:25:04+08:00') });
  }, 60_000);

  it('never modifies the page it reads', () => {
    const dom = load();
    const before = dom.serialize();
    read(dom);
    expect(dom.serialize()).toBe(before);
  });

  it('reads the amount, never the 运费 beside it', () => {
    const dom = load();
    const doc = dom.window.document;
    // c1: ¥138.00 with 运费 ¥10.00; the amount element renamed → the class-free floor reads ¥138.00 after
    // its label, never the ¥10.00 beside 运费.
    cardOf(doc, '309876543210').querySelector('.receivables-cell__money')!.className = 'receivables-cell__sum';
    const order = orders(read(dom)).find((o) => o.orderId === '309876543210')!;
    expect(order.amountCents).toBe(13800);
  });

  it('reads shuffled [prop] columns and a reshuffled header the same', () => {
    const dom = load();
    for (const card of cardsOf(dom.window.document)) {
      for (const part of [card.querySelector('.card-body')!, card.querySelector('.card-header')!]) {
        part.append(...Array.from(part.children).reverse());
      }
    }
    expect(orders(read(dom))).toEqual(truth('list-cards.expected.json'));
  });

  it('reads a page whose cards differ in shape from card to card the same', () => {
    // The reader looks for each field where the previous card had it first; cards laid out differently
    // (every other one shuffled, one wrapped) must still read exactly.
    const dom = load();
    const doc = dom.window.document;
    cardsOf(doc).forEach((card, i) => {
      if (i % 2 === 1) {
        for (const part of [card.querySelector('.card-body')!, card.querySelector('.card-header')!]) {
          part.append(...Array.from(part.children).reverse());
        }
      }
      if (i === 4) {
        const cell = card.querySelector('.card-body > [prop="receivables"]')!;
        const wrapper = doc.createElement('div');
        wrapper.className = 'jd-only-child';
        cell.replaceWith(wrapper);
        wrapper.append(cell);
      }
    });
    const page = read(dom);
    expect(orders(page)).toEqual(truth('list-cards.expected.json'));
    expect(page.diagnostics.strategies.amount).toMatchObject({ 'jd-2024-cards-nested': 1 });
  });

  it('reads cards whose columns gained a wrapper div through the nested fallbacks', () => {
    const dom = load();
    const doc = dom.window.document;
    for (const card of cardsOf(doc)) {
      for (const part of Array.from(card.querySelectorAll('.card-body > .table-cell, .card-header > *'))) {
        const wrapper = doc.createElement('div');
        wrapper.className = 'jd-only-child';
        part.replaceWith(wrapper);
        wrapper.append(part);
      }
    }
    const page = read(dom);
    expect(orders(page)).toEqual(truth('list-cards.expected.json'));
    expect(page.diagnostics.strategies.status).toEqual({ 'jd-2024-cards-nested': 11 });
  });

  it('leaves out, never guesses, fields whose columns were renamed or removed', () => {
    const dom = load();
    for (const card of cardsOf(dom.window.document)) {
      card.querySelector('[prop="receivables"]')!.setAttribute('prop', 'payment');
      card.querySelector('[prop="consigneeInfo"]')!.remove();
      card.querySelector('[prop="orderStatus"]')!.setAttribute('prop', 'state');
    }
    const page = read(dom);
    const got = orders(page);
    // the ¥-- card is still skipped: the floor sees money printed that cannot be read
    expect(got).toHaveLength(11);
    expect(page.diagnostics.skipped['bad-amount']).toBe(1);
    const want = new Map(truth('list-cards.expected.json').map((o) => [o.orderId, o]));
    for (const order of got) {
      // the renamed amount column: found by the floor (the one amount printed outside the items) or absent, never wrong
      if (order.amountCents !== undefined) expect(order.amountCents).toBe(want.get(order.orderId)?.amountCents);
      expect(order.receiverRegion).toBeUndefined();
    }
    // the status column keeps its class hook
    expect(page.diagnostics.strategies.status).toEqual({ 'jd-2024-cards-status-column': 12 });
    expectNeverWrong(got.filter((o) => o.orderId !== '309876543219'), truth('list-cards.expected.json'));
  });

  it('skips cards with garbage values with a counted reason', () => {
    const dom = load();
    const doc = dom.window.document;
    const set = (orderId: string, selector: string, text: string) => {
      cardOf(doc, orderId).querySelector(selector)!.textContent = text;
    };
    set('309876543210', '.receivables-cell__money', '¥1,38.0.0');
    set('3098765432110', '.shop-overflow-tooltip__content', '2026-08-06 02:00:00 下单，2026-02-30 02:01:00 付款');
    set('309876543212', '.order-info-btn span', '3098765432121');
    set('309876543213', '.order-info-btn span', '--');
    const page = read(dom);
    expect(page.diagnostics.skipped).toEqual({ 'no-order-id': 2, 'bad-amount': 2, 'bad-time': 2, 'bad-order-id': 1 });
    // 3098765432121 has 13 digits: a valid JD id format, read as printed
    expect(ids(page)).toContain('3098765432121');
    expectNeverWrong(orders(page).filter((o) => o.orderId !== '3098765432121'), truth('list-cards.expected.json'));
  });

  it('does not take a SKU id (same length as order ids) for the order id when the id is missing', () => {
    const dom = load();
    cardOf(dom.window.document, '309876543210').querySelector('.shop-order-id')!.remove();
    const page = read(dom);
    expect(ids(page)).not.toContain('309876543210');
    expect(ids(page).some((id) => id.startsWith('1000'))).toBe(false);
    expect(page.diagnostics.skipped['no-order-id']).toBe(2);
  });

  it('keeps markup and formula text as text', () => {
    const order = orders(read(load())).find((o) => o.orderId === '309876543217')!;
    expect(order.items[0]!.title).toBe('<img src=x onerror=alert(1)>限时特惠 保温饭盒');
    expect(order.buyer).toBe('=HYPERLINK("http://x.invalid","点我")');
  });

  it('tells the console empty state from a broken layout', () => {
    const url = 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=notPay';
    expect(read(load('list-cards-empty.html', url)).diagnostics.layout).toBe('jd-2024-cards-empty');
    expect(read(new JSDOM('<div id="app"><div class="order-v3">加载中</div></div>', { url })).diagnostics.layout).not.toMatch(/^jd-/);
  });

  it('never throws, even on a document without a body', () => {
    const doc = new JSDOM('').window.document;
    doc.documentElement.replaceChildren();
    for (const url of [LIST_URL, PORDER_URL, jdDetailUrl('309876543212')]) {
      expect(() => reader.read(doc, new URL(url))).not.toThrow();
    }
  });
});

describe('jd old porder list reader', () => {
  it('falls back to the detail link for the id when the label is gone', () => {
    const dom = load('list-porder.html', PORDER_URL);
    const number = tablesOf(dom.window.document)[0]!.querySelector('.number')!;
    number.firstChild!.textContent = '';
    number.querySelector('a')!.textContent = '查看';
    const page = read(dom);
    expect(ids(page)[0]).toBe('81500013741');
    expect(page.diagnostics.strategies.orderId).toMatchObject({ 'jd-porder-2023-tables': 1 });
  });

  it('omits a time shown as "--" and skips one that is garbage', () => {
    const dom = load('list-porder.html', PORDER_URL);
    const [first, second] = tablesOf(dom.window.document);
    first!.querySelector('.paytime')!.textContent = '付款时间：--';
    second!.querySelector('.dealtime')!.textContent = '下单时间：昨天';
    const page = read(dom);
    const order = orders(page).find((o) => o.orderId === '81500013741')!;
    expect(order.paidAt).toBeUndefined();
    expect(order.createdAt).toBe(Date.parse('2023-03-02T10:11:12+08:00'));
    expect(ids(page)).not.toContain('81162947187');
    expect(page.diagnostics.skipped).toEqual({ 'bad-amount': 1, 'bad-time': 2 });
  });

  it('reads a generated 2,000-table page built from the fixture table markup', () => {
    const tableHtml = tablesOf(load('list-porder.html', PORDER_URL).window.document)[0]!.outerHTML;
    const tables = Array.from({ length: 2000 }, (_, i) => tableHtml.replaceAll('81500013741', `8${String(i).padStart(10, '0')}`));
    const html = fixtureText('list-porder.html').replace(
      /(<div id="order-shop-content">)[\s\S]*?(<\/div>\s*<div class="pagin)/,
      (_m, open: string, close: string) => `${open}\n${tables.join('\n')}\n${close}`,
    );
    const page = read(new JSDOM(html, { url: PORDER_URL }), PORDER_URL);
    expect(page.diagnostics).toMatchObject({ rowsSeen: 2000, rowsParsed: 2000, skipped: {} });
    expect(new Set(ids(page)).size).toBe(2000);
  }, 60_000);
});

describe('jd detail reader', () => {
  const url = jdDetailUrl('309876543212');

  it('skips a detail page whose printed time is garbage rather than storing it', () => {
    const dom = load('detail-shipped.html', url);
    const dd = Array.from(dom.window.document.querySelectorAll('dt')).find((dt) => dt.textContent === '出库时间：')!.nextElementSibling!;
    dd.textContent = '2026-08-05 25:30:00';
    const page = read(dom);
    expect(page.rows).toEqual([]);
    expect(page.diagnostics.skipped).toEqual({ 'bad-time': 1 });
  });

  it('leaves out a package whose waybill number is masked, keeps the others with their traces', () => {
    const dom = load('detail-shipped.html', url);
    const waybills = Array.from(dom.window.document.querySelectorAll('dt')).filter((dt) => dt.textContent === '运单号：');
    waybills[0]!.nextElementSibling!.textContent = 'JDVA****4483';
    const [order] = orders(read(dom));
    expect(order!.shipments.map((s) => s.waybillNo)).toEqual(['JDVB22345678901']);
    expect(order!.shipments[0]!.events).toHaveLength(2);
  });

  it('takes the id from the URL when the page does not print it', () => {
    const dom = load('detail-shipped.html', url);
    Array.from(dom.window.document.querySelectorAll('dl')).find((dl) => dl.textContent!.startsWith('订单编号'))!.remove();
    const page = read(dom);
    expect(ids(page)).toEqual(['309876543212']);
    expect(page.diagnostics.strategies.orderId).toEqual({ 'url-orderId': 1 });
  });
});

describe('jd fixture SPA (for the end-to-end tests)', () => {
  const spa = JSON.parse(fixtureText('spa.json')) as {
    list: string;
    nextPage: { click: string; expectOrderIds: string[] };
    tab: { click: string; expectOrderIds: string[] };
    detail: { fixture: string; orderId: string; expectWaybills: string[] };
  };

  it.each([
    ['nextPage', spa.nextPage],
    ['tab', spa.tab],
  ])('%s re-renders the cards in place without reload', (_name, step) => {
    const dom = load(`${spa.list}.html`, LIST_URL, true);
    const doc = dom.window.document;
    const firstCard = cardsOf(doc)[0];
    (doc.querySelector(step.click) as HTMLElement).click();
    expect(firstCard!.isConnected).toBe(false);
    expect(dom.window.location.pathname).toBe('/jdm/trade/orders/order-list');
    expect(dom.window.location.search).not.toBe('?tabType=allOrders');
    expect(ids(read(dom))).toEqual(step.expectOrderIds);
    dom.window.close();
  });

  it('the old porder list switches tabs in place too', () => {
    const dom = load('list-porder.html', PORDER_URL, true);
    (dom.window.document.querySelector('.order-tab li[data-tab="waitOut"] a') as HTMLElement).click();
    expect(dom.window.location.pathname).toBe('/order/orderlist/waitOut');
    const page = read(dom);
    expect(ids(page)).toEqual(['81500013741']);
    expect(page.diagnostics.skipped).toEqual({ 'bad-amount': 1, 'bad-time': 1 });
    dom.window.close();
  });

  it('the detail fixture yields the order and waybills spa.json names', () => {
    const page = read(load(`${spa.detail.fixture}.html`, jdDetailUrl(spa.detail.orderId)));
    expect(ids(page)).toEqual([spa.detail.orderId]);
    expect(orders(page)[0]!.shipments.map((s) => s.waybillNo)).toEqual(spa.detail.expectWaybills);
  });
});
