// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import { reader } from '@/utils/sites/douyin/reader';
import { receiverRegion } from '@/utils/model/receiver-region';
import { douyinDetailUrl, site } from '@/utils/sites/douyin/site';
import type { PageRead } from '@/utils/sites/types';
import { expectedOrders, type FixtureExpectation } from '../replay/expected';

const FIXTURES = join(__dirname, '..', 'fixtures', 'douyin');
const LIST_URL = 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=all';
const fixtureText = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');
const truth = (file: string) => expectedOrders(JSON.parse(fixtureText(file)) as FixtureExpectation);

function load(file = 'list-all.html', url = LIST_URL, scripts = false): JSDOM {
  return new JSDOM(fixtureText(file), scripts ? { url, runScripts: 'dangerously' } : { url });
}
function read(dom: JSDOM, url = dom.window.location.href): PageRead {
  const page = reader.read(dom.window.document, new URL(url));
  expect(page).not.toBeNull();
  return page!;
}
const orders = (page: PageRead): CapturedOrder[] => page.rows.map((row) => CapturedOrderSchema.parse(row.order));
const ids = (page: PageRead) => page.rows.map((row) => row.order.orderId);
const rowsOf = (doc: Document) => Array.from(doc.querySelectorAll('div[data-kora_order_status]'));
/** The fixture row showing an order id. */
const rowOf = (doc: Document, orderId: string) => rowsOf(doc).find((row) => row.textContent!.includes(orderId))!;

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

describe('douyin site', () => {
  it.each([
    ['https://fxg.jinritemai.com/ffa/morder/order/list', 'list'],
    ['https://fxg.jinritemai.com/ffa/morder/order/list?tab=unpaid&page=0', 'list'],
    ['https://fxg.jinritemai.com/ffa/morder/order/list/', 'list'],
    ['https://dmall.jinritemai.com/ffa/morder/order/list', 'list'],
    ['https://fxg.jinritemai.com/ffa/morder/order/detail?id=4934071258846137423', 'detail'],
    ['https://fxg.jinritemai.com/ffa/morder/logistics/delivery', 'logistics'],
    ['https://fxg.jinritemai.com/ffa/morder/logistics/delivery?order_id=4934071258846137423', 'logistics'],
    ['https://fxg.jinritemai.com/ffa/mshop/homepage/index', null],
    ['https://fxg.jinritemai.com/ffa/merchant-aftersale-workbench/aftersale/list', null],
    ['https://fxg.jinritemai.com/ffa/morder/aftersale/assistant/list', null],
    ['https://fxg.jinritemai.com/login/common?redirect=1', null],
    ['https://fxg.jinritemai.com/ffa/morder/order/listing', null],
    ['https://im.jinritemai.com/pc_seller_v2/main/workspace', null],
    ['https://fxg-boe.bytedance.net/ffa/morder/order/list', null],
    ['https://evil.example/ffa/morder/order/list', null],
  ])('detectPage(%s) → %s', (url, kind) => {
    expect(site.detectPage(new URL(url))).toBe(kind);
    if (kind === null) expect(reader.read(new JSDOM('').window.document, new URL(url))).toBeNull();
  });

  it('matches whole origins, and ids are 19 digits kept as strings', () => {
    expect(site.matches).toEqual(['https://fxg.jinritemai.com/*', 'https://dmall.jinritemai.com/*']);
    expect(site.orderIdPattern.test('4934071258846137421')).toBe(true);
    expect(site.orderIdPattern.test('493407125884613742')).toBe(false);
    expect(douyinDetailUrl('4934071258846137421')).toBe('https://fxg.jinritemai.com/ffa/morder/order/detail?id=4934071258846137421');
  });

  it.each([
    ['浙江省杭州市西湖区***', '浙江省杭州市'],
    ['北京市朝阳区***', '北京市'],
    ['上海浦东新区**********', '上海市'],
    ['新疆维吾尔自治区乌鲁木齐市天山区***', '新疆维吾尔自治区乌鲁木齐市'],
    ['湖北省恩施土家族苗族自治州恩施市***', '湖北省恩施土家族苗族自治州'],
    ['陕西安康市紫阳县**********', '陕西安康市'],
    ['广东省 深圳市 南山区 科技园', '广东省深圳市'],
    ['浙江省***', '浙江省'],
    ['***', null],
    ['测试路 1 号', null],
  ])('receiverRegion(%s) → %s', (address, region) => {
    expect(receiverRegion(address)).toBe(region);
  });
});

describe('douyin list reader', () => {
  it('reads a generated 2,000-row page built from the fixture row markup, every row', () => {
    const fixture = load();
    const rowHtml = rowOf(fixture.window.document, '4934071258846137421').outerHTML;
    const rows = Array.from({ length: 2000 }, (_, i) => rowHtml.replace('4934071258846137421', `49340712588${String(i).padStart(8, '0')}`));
    const html = fixtureText('list-all.html').replace(
      /(<div class="index_tableBody__3xY1a">)[\s\S]*?(<\/div>\s*<\/div>\s*<ul class="auxo-pagination)/,
      (_m, open: string, close: string) => `${open}\n${rows.join('\n')}\n${close}`,
    );
    const page = read(new JSDOM(html, { url: LIST_URL }));
    expect(page.diagnostics).toMatchObject({ rowsSeen: 2000, rowsParsed: 2000, skipped: {} });
    expect(new Set(ids(page)).size).toBe(2000);
    expect(ids(page)[1999]).toBe('4934071258800001999');
    const first = orders(page)[0]!;
    expect(first).toMatchObject({ amountCents: 13970, status: 'paid', receiverRegion: '浙江省杭州市' });
    expect(first.items).toHaveLength(2);
  }, 60_000);

  it('never modifies the page it reads', () => {
    const dom = load();
    const before = dom.serialize();
    read(dom);
    expect(dom.serialize()).toBe(before);
  });

  it('captures closed rows (data-kora_order_status="4"), from the code when the status words are missing', () => {
    const dom = load();
    const doc = dom.window.document;
    rowOf(doc, '4934071258846137425').querySelector('[class*="index_statusText__"]')!.remove();
    const closed = orders(read(dom)).find((order) => order.orderId === '4934071258846137425')!;
    expect(closed.status).toBe('closed');
    // the class-free floor still finds the words the row prints (the close's reason), never 未支付 → unpaid
    expect(closed.statusText).toBe('超时未支付，订单关闭');
    expect(read(load()).diagnostics.strategies.status).toEqual({ 'status-text': 16 });
  });

  it('reads shuffled columns and a reshuffled header the same', () => {
    const dom = load();
    const doc = dom.window.document;
    for (const row of rowsOf(doc)) {
      const body = row.querySelector('[class*="index_rowBody__"]')!;
      body.append(...Array.from(body.children).reverse());
      const header = row.querySelector('[class*="index_rowHeader__"]')!;
      header.append(...Array.from(header.children).reverse());
    }
    const page = read(dom);
    expect(orders(page)).toEqual(truth('list-all.expected.json'));
  });

  it('reads a page whose rows differ in shape from row to row the same', () => {
    // The reader looks for each field where the previous row had it first; rows laid out differently
    // (every other one shuffled, one wrapped) must still read exactly.
    const dom = load();
    const doc = dom.window.document;
    rowsOf(doc).forEach((row, i) => {
      if (i % 2 === 1) {
        for (const part of [row.querySelector('[class*="index_rowBody__"]')!, row.querySelector('[class*="index_rowHeader__"]')!]) {
          part.append(...Array.from(part.children).reverse());
        }
      }
      if (i === 4) {
        const cell = row.querySelector('[class*="index_payAmount__"]')!;
        const wrapper = doc.createElement('div');
        wrapper.className = 'index_wrap__9Zz1a';
        cell.replaceWith(wrapper);
        wrapper.append(cell);
      }
    });
    const page = read(dom);
    expect(orders(page)).toEqual(truth('list-all.expected.json'));
    expect(page.diagnostics.strategies.amount).toMatchObject({ 'douyin-2024-nested': 1 });
  });

  it('reads rows whose cells gained a wrapper div (redeploy) through the nested fallbacks', () => {
    const dom = load();
    const doc = dom.window.document;
    for (const row of rowsOf(doc)) {
      for (const part of Array.from(row.children)) {
        const wrapper = doc.createElement('div');
        wrapper.className = 'index_wrap__9Zz1a';
        part.replaceWith(wrapper);
        wrapper.append(part);
      }
    }
    const page = read(dom);
    expect(orders(page)).toEqual(truth('list-all.expected.json'));
    expect(page.diagnostics.strategies.amount).toMatchObject({ 'douyin-2024-nested': 17 });
  });

  it('reads new hashes of the same CSS modules', () => {
    const dom = load();
    const html = dom.serialize().replace(/(index|style)_(\w+)__[\w-]{5}/g, '$1_$2__Q9x_z');
    const page = read(new JSDOM(html, { url: LIST_URL }));
    expect(orders(page)).toEqual(truth('list-all.expected.json'));
  });

  it('falls back to the class-free floor, never guessing, for fields whose cells were renamed or removed', () => {
    const dom = load();
    const doc = dom.window.document;
    for (const row of rowsOf(doc)) {
      row.querySelector('[class*="index_payAmount__"]')!.className = 'index_money__7Hh2k';
      row.querySelector('[class*="index_locationDetail__"]')?.remove();
      row.querySelector('[class*="index_nickname__"]')!.className = 'index_user__1Aa2b';
    }
    const page = read(dom);
    const got = orders(page);
    // the ¥-- row is still skipped: the floor sees money printed that cannot be read
    expect(got).toHaveLength(16);
    expect(page.diagnostics.skipped['bad-amount']).toBeGreaterThanOrEqual(1);
    expectNeverWrong(got.filter((order) => order.orderId !== '4934071258846137429'), truth('list-all.expected.json'));
    // no selector of the chain matched: what was found came from the floor
    expect(Object.keys(page.diagnostics.strategies.amount ?? {}).every((name) => name.startsWith('floor-') || name === 'none')).toBe(true);
  });

  it('finds the rows by their order ids when no row selector matches (re-hashed, kora attribute gone)', () => {
    const dom = load();
    for (const row of rowsOf(dom.window.document)) {
      row.removeAttribute('data-kora_order_status');
      row.className = 'x_r__Q9x_z';
    }
    const page = read(dom);
    expect(page.diagnostics.layout).toBe('douyin-rows-by-order-id');
    const got = orders(page);
    expect(got.length).toBeGreaterThanOrEqual(15);
    expectNeverWrong(got.filter((order) => order.status !== undefined), truth('list-all.expected.json'));
  });

  it('skips rows with garbage values with a counted reason', () => {
    const dom = load();
    const doc = dom.window.document;
    const set = (orderId: string, selector: string, text: string) => {
      rowOf(doc, orderId).querySelector(selector)!.textContent = text;
    };
    set('4934071258846137421', '[class*="index_amount__"]', '¥12.3.4');
    set('4934071258846137422', '[class*="index_text__"]', '昨天 12:00');
    set('4934071258846137423', '[class*="index_content__"]', '49340712588461374231');
    set('4934071258846137424', '[class*="index_content__"]', '订单已删除');
    const page = read(dom);
    expect(page.diagnostics.skipped).toEqual({ 'no-order-id': 2, 'bad-amount': 2, 'bad-time': 2, 'bad-order-id': 2 });
    expectNeverWrong(orders(page), truth('list-all.expected.json'));
    expect(page.rows).toHaveLength(12);
  });

  it('does not take a 19-digit 商品ID for the order id when the id is missing', () => {
    const dom = load();
    const row = rowOf(dom.window.document, '4934071258846137421');
    row.querySelector('[class*="index_orderId__"]')!.remove();
    const page = read(dom);
    expect(ids(page)).not.toContain('4934071258846137421');
    expect(ids(page).some((id) => id.startsWith('3612'))).toBe(false);
    expect(page.diagnostics.skipped['no-order-id']).toBe(2);
  });

  it('keeps markup and formula text as text', () => {
    const order = orders(read(load())).find((o) => o.orderId === '4934071258846137427')!;
    expect(order.items[0]!.title).toBe('<img src=x onerror=alert(1)>限时特惠 不锈钢保温杯');
    expect(order.buyer).toBe('=HYPERLINK("http://x.invalid","点我")');
  });

  it('falls back to the generic reader, then to an empty read, on an unknown layout', () => {
    const dom = new JSDOM('<div id="__GARFISH_SSR_ECOM_FXG_ADMIN_DOM"><div class="new_list__1">订单</div></div>', { url: LIST_URL });
    const page = read(dom);
    expect(page.rows).toEqual([]);
    expect(page.kind).toBe('list');
  });

  it('tells the console empty state from a broken layout', () => {
    expect(read(load('list-empty.html', 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=unpaid')).diagnostics.layout).toBe('douyin-2024-empty');
  });

  it('reads the logistics (delivery) page rows when it shows the list rows', () => {
    const url = 'https://fxg.jinritemai.com/ffa/morder/logistics/delivery';
    const page = read(new JSDOM(fixtureText('list-all.html'), { url }), url);
    expect(page.kind).toBe('logistics');
    expect(page.rows.every((row) => row.order.sourcePage === 'logistics')).toBe(true);
    expect(page.rows).toHaveLength(16);
  });

  it('never throws, even on a document without a body', () => {
    const doc = new JSDOM('').window.document;
    doc.documentElement.replaceChildren();
    expect(() => reader.read(doc, new URL(LIST_URL))).not.toThrow();
    expect(() => reader.read(doc, new URL(douyinDetailUrl('4934071258846137423')))).not.toThrow();
  });
});

describe('douyin detail reader', () => {
  const url = douyinDetailUrl('4934071258846137423');

  it('skips a detail page whose printed times are garbage rather than storing them', () => {
    const dom = load('detail-shipped.html', url);
    dom.window.document.querySelector('[class*="style_description__"]')!.textContent = '2026/02/30 10:00:00';
    const page = read(dom);
    expect(page.rows).toEqual([]);
    expect(page.diagnostics.skipped).toEqual({ 'bad-time': 1 });
  });

  it('falls back to the 订单信息 labels when the progress steps are gone', () => {
    const dom = load('detail-shipped.html', url);
    dom.window.document.querySelector('.auxo-steps')!.remove();
    const [order] = orders(read(dom));
    expect(order!.createdAt).toBe(Date.parse('2026-05-12T18:05:44+08:00'));
    expect(order!.paidAt).toBe(Date.parse('2026-05-12T18:06:02+08:00'));
    expect(order!.shippedAt).toBeUndefined();
  });

  it('leaves out a package whose waybill number is masked', () => {
    const dom = load('detail-shipped.html', url);
    dom.window.document.querySelectorAll('[class*="index_trackingNo__"]')[1]!.textContent = '4625****0531 (已隐藏)';
    const [order] = orders(read(dom));
    expect(order!.shipments.map((s) => s.waybillNo)).toEqual(['75312345678901']);
  });
});

describe('douyin fixture SPA (for the end-to-end tests)', () => {
  const spa = JSON.parse(fixtureText('spa.json')) as {
    list: string;
    nextPage: { click: string; expectOrderIds: string[] };
    tab: { click: string; expectOrderIds: string[] };
    detail: { fixture: string; orderId: string; expectWaybills: string[] };
  };

  it.each([
    ['nextPage', spa.nextPage],
    ['tab', spa.tab],
  ])('%s re-renders the rows in place without reload', (_name, step) => {
    const dom = load(`${spa.list}.html`, LIST_URL, true);
    const doc = dom.window.document;
    const firstRow = rowsOf(doc)[0];
    (doc.querySelector(step.click) as HTMLElement).click();
    expect(firstRow!.isConnected).toBe(false);
    expect(dom.window.location.pathname).toBe('/ffa/morder/order/list');
    expect(dom.window.location.search).not.toBe('?tab=all');
    expect(ids(read(dom))).toEqual(step.expectOrderIds);
    dom.window.close();
  });

  it('the detail fixture yields the order and waybills spa.json names', () => {
    const page = read(load(`${spa.detail.fixture}.html`, douyinDetailUrl(spa.detail.orderId)));
    expect(ids(page)).toEqual([spa.detail.orderId]);
    expect(orders(page)[0]!.shipments.map((s) => s.waybillNo)).toEqual(spa.detail.expectWaybills);
  });
});
