import { describe, expect, it } from 'vitest';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { apiEndpoints } from '@/utils/sites/douyin/api-endpoints';
import { apiReaders } from '@/utils/sites/douyin/api';
import { site } from '@/utils/sites/douyin/site';
import {
  FORMULA,
  MARKUP,
  byId,
  clone,
  expectNoPrivateData,
  expectSurvivesMutations,
  fixtureBody,
  fixtureText,
  manyRows,
  ordersOf,
  readBody,
  readText,
  readerOf,
  timed,
} from './api-helpers';

type Row = Record<string, any>;
const list = readerOf(apiReaders, 'douyin.searchlist');
const detail = readerOf(apiReaders, 'douyin.detail');
const page0 = () => fixtureBody('douyin', 'searchlist-all-p0.json') as { data: Row[] } & Row;
const withRows = (rows: unknown[], extra: Row = {}) => ({ code: 0, msg: 'success', data: rows, total: rows.length, ...extra });
const orderId = (i: number) => String(4937120546000000000n + BigInt(i));

describe('douyin endpoints', () => {
  it.each([
    ['https://fxg.jinritemai.com/api/order/searchlist?page=0&pageSize=10&tab=all&a_bogus=x', 'douyin.searchlist'],
    ['https://dmall.jinritemai.com/api/order/searchlist?page=1', 'douyin.searchlist'],
    ['https://fxg.jinritemai.com/api/order/searchlist/', 'douyin.searchlist'],
    ['https://fxg.jinritemai.com/api/order/detail?order_id=4937120546881022601', 'douyin.detail'],
    ['https://fxg.jinritemai.com/api/order/orderDetail?order_id=4937120546881022601', 'douyin.detail'],
    ['https://fxg.jinritemai.com/api/order/tabcnt?tabcnt_version=v1&tab=all', null],
    ['https://fxg.jinritemai.com/api/order/receiveinfo?order_id=4937120546881022601', null],
    ['https://fxg.jinritemai.com/api/order/searchlist2', null],
    ['https://fxg.jinritemai.com/x/api/order/searchlist', null],
    ['https://fxg.jinritemai.com/ffa/morder/order/list?tab=all', null],
    ['http://fxg.jinritemai.com/api/order/searchlist', null],
    ['https://evil.example/api/order/searchlist', null],
    ['https://fxg.jinritemai.com.evil.example/api/order/searchlist', null],
    ['https://fxg.jinritemai.com:8443/api/order/searchlist', null],
  ])('%s → %s', (url, id) => {
    expect(matchTapEndpoint(url)).toBe(id);
  });

  it('ids are <platform>.<name> and every origin is one the content script runs on', () => {
    for (const endpoint of apiEndpoints) {
      expect(endpoint.id).toMatch(/^douyin\.[A-Za-z]+$/);
      for (const origin of endpoint.origins) expect(site.origins).toContain(origin);
    }
    expect(apiReaders.map((r) => r.id).sort()).toEqual(apiEndpoints.map((e) => e.id).sort());
  });
});

describe('douyin searchlist reader', () => {
  it('reads the fixture page: ids as strings, 分, epoch seconds, masked buyer, 买家ID, 订单来源', () => {
    const read = ordersOf(readText(list, fixtureText('douyin', 'searchlist-all-p0.json')));
    expect(read.orders).toHaveLength(10);
    expect(read.total).toBe(14);
    const orders = byId(read);
    const unpaid = orders.get('4937120546881022601')!;
    expect(unpaid.status).toBe('unpaid');
    expect(unpaid.paidAt).toBeUndefined(); // pay_time 0
    expect(unpaid.createdAt).toBe(Date.parse('2026-05-13T09:12:05+08:00'));
    expect(unpaid.amountCents).toBe(2900);
    expect(orders.get('4937120546881022602')!.buyerId).toBe('1234567890123456789'); // a bare 19-digit user_id
    expect(orders.get('4937120546881022603')!.orderSource).toBe('精选联盟');
    expect(orders.get('4937120546881022606')!.afterSale).toBe(true); // 退款中 on its line
    // 退款成功 on one line: an after-sale happened (退货率 counts it), as the page readers roll item states up
    expect(orders.get('4937120546881022610')!.afterSale).toBe(true);
    expect(orders.get('4937120546881022608')!.buyer).toBeUndefined(); // an unmasked nickname is not kept
    expect(orders.get('4937120546881022609')!.receiverRegion).toBe('北京市');
    expect(orders.get('4937120546881022604')!.shipments).toEqual([{ waybillNo: '78561234567890', carrierName: '中通快递', carrierCode: 'zto', events: [] }]);
  });

  it('accepts rows under data.data or data.list and numbers as strings (and the reverse)', () => {
    const rows = page0().data;
    for (const body of [{ code: 0, data: { data: rows, total: 14 } }, { code: '0', data: { list: rows }, total: '14' }]) {
      const read = ordersOf(readBody(list, body));
      expect(read.orders).toHaveLength(10);
      expect(read.total).toBe(14);
    }
    const row = clone(rows[1]!);
    Object.assign(row, { create_time: String(row.create_time), pay_time: row.pay_time * 1000, actual_pay_amount: String(row.actual_pay_amount), order_status: '2' });
    row.order_status_info.order_status_text = undefined;
    row.product_item[0].combo_num = '1';
    row.product_item[0].combo_amount = '5990';
    row.product_item[0].sku_id = 1789001234568;
    row.product_item[0].product_name = 12345;
    const order = ordersOf(readBody(list, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({
      orderId: '4937120546881022602',
      status: 'paid', // from the code when the words are missing
      createdAt: Date.parse('2026-05-13T08:40:10+08:00'),
      paidAt: Date.parse('2026-05-13T08:41:02+08:00'), // milliseconds recognised by magnitude
      amountCents: 5990,
      items: [{ title: '12345', quantity: 1, unitPriceCents: 5990, skuId: '1789001234568' }],
    });
  });

  it('reads wall-clock time strings as Beijing time', () => {
    const row = clone(page0().data[0]!);
    row.create_time = '2026/05/13 09:12:05';
    expect(ordersOf(readBody(list, withRows([row]))).orders[0]!.createdAt).toBe(Date.parse('2026-05-13T09:12:05+08:00'));
  });

  it('skips rows it cannot map, with a counted reason', () => {
    const [a, b, c] = page0().data;
    const unsafe = clone(a!);
    unsafe.shop_order_id = 4937120546881022999; // a JS number: already rounded
    const noId = clone(b!);
    delete noId.shop_order_id;
    delete noId.order_id;
    const badTime = clone(c!);
    badTime.create_time = 'yesterday';
    const badAmount = clone(c!);
    badAmount.shop_order_id = orderId(1);
    badAmount.actual_pay_amount = 12.5; // not 分
    const shortId = clone(c!);
    shortId.shop_order_id = '12345';
    const read = ordersOf(readBody(list, withRows([null, 'row', 42, [], unsafe, noId, badTime, badAmount, shortId, c, c])));
    expect(read.orders.map((o) => o.orderId)).toEqual([c!.shop_order_id]);
    expect(read.rowsSeen).toBe(11);
    expect(read.skipped).toEqual({ 'bad-row': 4, 'unsafe-id': 1, 'no-order-id': 1, 'bad-time': 1, 'bad-amount': 1, 'bad-order-id': 1, duplicate: 1 });
  });

  it('drops a field of the wrong type, not the order', () => {
    const row = clone(page0().data[2]!);
    row.order_status_info = 'x';
    row.receiver_info = [];
    row.product_item[0].sku_spec = { name: 'a' };
    row.product_item[1] = null;
    row.c_biz_desc = { text: '精选联盟' };
    row.user_id = 1e20;
    const order = ordersOf(readBody(list, withRows([row]))).orders[0]!;
    expect(order.statusText).toBeUndefined();
    expect(order.receiverRegion).toBeUndefined();
    expect(order.orderSource).toBeUndefined();
    expect(order.buyerId).toBeUndefined();
    expect(order.items).toEqual([{ title: '速干运动短裤 男 夏季', quantity: 2, unitPriceCents: 3990, skuId: '1789001234569', skuCode: 'SD-L-BK' }]);
  });

  it('error envelopes and foreign bodies', () => {
    expect(readText(list, fixtureText('douyin', 'searchlist-error.json'))).toEqual({ kind: 'error', reason: 'sign-failed' });
    expect(readBody(list, { code: 10001, msg: '请求频繁' })).toEqual({ kind: 'error', reason: 'code-10001' });
    expect(readBody(list, { code: 0, data: { all: 3 } })).toEqual({ kind: 'unknown-shape', reason: 'no-rows' });
    for (const body of [null, [], 'text', 42, {}, { data: [] }]) expect(readBody(list, body).kind).toBe('unknown-shape');
  });

  it('a truncated body is an unknown shape, not zero orders', () => {
    const text = fixtureText('douyin', 'searchlist-all-p0.json');
    for (const cut of [1, 100, text.length / 2, text.length - 3]) {
      expect(readText(list, text.slice(0, cut))).toEqual({ kind: 'unknown-shape', reason: 'not-json' });
    }
  });

  it('keeps markup and formula characters in every text field as plain text', () => {
    const row = clone(page0().data[2]!);
    row.order_status_info.order_status_text = `${MARKUP}待发货`;
    row.user_nickname = `${FORMULA}王**`;
    row.c_biz_desc = `${MARKUP}`;
    row.receiver_info.post_addr.province.name = `${FORMULA}`;
    row.receiver_info.post_addr.city.name = `${MARKUP}`;
    row.product_item[0].product_name = `${FORMULA}${MARKUP}`;
    row.product_item[0].merchant_sku_code = `${FORMULA}`.slice(0, 60);
    row.product_item[0].sku_spec = [{ name: MARKUP, value: FORMULA }];
    row.logistics_info = [{ tracking_no: 'SF1402345678901', company_name: `<b>顺丰</b>` }];
    const order = ordersOf(readBody(list, withRows([row]))).orders[0]!;
    expect(order.statusText).toBe(`${MARKUP}待发货`);
    expect(order.buyer).toBe(`${FORMULA}王**`);
    expect(order.orderSource).toBe(MARKUP);
    expect(order.receiverRegion).toBe(`${FORMULA}${MARKUP}`);
    expect(order.items![0]).toMatchObject({ title: `${FORMULA}${MARKUP}`, spec: `${MARKUP}：${FORMULA}`, skuCode: FORMULA });
    expect(order.shipments![0]!.carrierName).toBe('<b>顺丰</b>');
  });

  it('clips long texts to the model maxima instead of losing the order', () => {
    const row = clone(page0().data[0]!);
    row.product_item[0].product_name = `  ${'长'.repeat(5000)}  `;
    row.product_item[0].sku_spec = [{ name: '颜色', value: '蓝'.repeat(500) }];
    row.order_status_info.order_status_text = '待'.repeat(100);
    row.c_biz_desc = '联'.repeat(100);
    const order = ordersOf(readBody(list, withRows([row]))).orders[0]!;
    expect(order.items![0]!.title).toHaveLength(300);
    expect(order.items![0]!.spec).toHaveLength(200);
    expect(order.statusText).toHaveLength(60);
    expect(order.orderSource).toHaveLength(40);
  });

  it('a 10 MB text field is clipped, the order kept', () => {
    const row = clone(page0().data[0]!);
    row.product_item[0].product_name = `${MARKUP}${'大'.repeat(10_000_000)}`;
    const text = JSON.stringify(withRows([row]));
    expect(text.length).toBeGreaterThan(10_000_000);
    const { value } = timed(() => readText(list, text));
    const order = ordersOf(value).orders[0]!;
    expect(order.items![0]!.title).toBe(`${MARKUP}${'大'.repeat(300 - MARKUP.length)}`);
  });

  it('a user_id of 0 is no buyer id', () => {
    const row = clone(page0().data[0]!);
    row.user_id = 0;
    expect(ordersOf(readBody(list, withRows([row]))).orders[0]!.buyerId).toBeUndefined();
  });

  it('keeps 19-digit ids written as bare JSON numbers exactly', () => {
    const text = fixtureText('douyin', 'searchlist-all-p0.json').replace(/"shop_order_id": "(\d{19})"/g, '"shop_order_id": $1');
    expect(text).toContain('"shop_order_id": 4937120546881022601,');
    const read = ordersOf(readText(list, text));
    expect(read.orders.map((o) => o.orderId)).toEqual(page0().data.map((row) => row.shop_order_id));
  });

  it('never copies the phone, street, full address or remarks', () => {
    const body = page0();
    expectNoPrivateData(body, readBody(list, body));
  });

  it('maps 10,000 rows (a body of more than 10 MB)', () => {
    const rows = manyRows(page0().data, 10_000, (row, i) => ({ ...row, shop_order_id: orderId(i), order_id: orderId(i) }));
    const text = JSON.stringify(withRows(rows));
    expect(text.length).toBeGreaterThan(10_000_000);
    const { value } = timed(() => readText(list, text));
    const read = ordersOf(value);
    expect(read.orders).toHaveLength(10_000);
    expect(read.skipped).toEqual({});
  });

  it('never throws on mutated bodies, and what it returns is valid', () => {
    expectSurvivesMutations(list, page0());
  });
});

describe('douyin detail reader (INFERRED shape)', () => {
  it('reads an order object under data.order, data.order_base or data', () => {
    const row = page0().data[3]!;
    for (const data of [{ order: row }, { order_base: row }, row]) {
      const read = ordersOf(readBody(detail, { code: 0, msg: 'success', data }));
      expect(read.pageKind).toBe('detail');
      expect(read.orders).toHaveLength(1);
      expect(read.orders[0]).toMatchObject({ orderId: '4937120546881022604', sourcePage: 'detail', status: 'shipped' });
    }
  });

  it('an unknown detail shape is reported, not guessed', () => {
    expect(readBody(detail, { code: 0, data: { info: {} } })).toEqual({ kind: 'unknown-shape', reason: 'no-order' });
    expect(readBody(detail, { code: 10008, msg: '签名校验失败' })).toEqual({ kind: 'error', reason: 'sign-failed' });
  });
});
