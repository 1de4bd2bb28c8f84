import { describe, expect, it } from 'vitest';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { apiReaders } from '@/utils/sites/kuaishou/api';
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
const query = readerOf(apiReaders, 'kuaishou.orderQuery');
const FILE = 'order-query-p1.json';
const p1 = () => fixtureBody('kuaishou', FILE) as { data: { orderList: Row[] } } & Row;
const withRows = (rows: unknown[]) => ({ result: 1, total: rows.length, data: { orderList: rows } });

describe('kuaishou endpoints', () => {
  it.each([
    ['https://s.kwaixiaodian.com/rest/app/tts/ks/seller/order/query/v2', 'kuaishou.orderQuery'],
    ['https://s.kwaixiaodian.com/rest/app/tts/ks/seller/order/query/v2?caver=2', 'kuaishou.orderQuery'],
    ['https://s.kwaixiaodian.com/rest/app/tts/ks/seller/order/query/v3', null],
    ['https://s.kwaixiaodian.com/rest/app/tts/ks/seller/order/query', null],
    ['https://s.kwaixiaodian.com/gateway/business/cs/order/list?caver=2', null],
    ['https://s.kwaixiaodian.com/rest/app/tts/seller/login/info', null],
    ['https://im.kwaixiaodian.com/rest/app/tts/ks/seller/order/query/v2', null],
  ])('%s → %s', (url, id) => {
    expect(matchTapEndpoint(url)).toBe(id);
  });
});

describe('kuaishou order query reader', () => {
  it('reads the fixture: 16-digit bare oids exact, 分, ms times, courier codes → names', () => {
    const read = ordersOf(readText(query, fixtureText('kuaishou', FILE)));
    expect(read.orders).toHaveLength(8);
    expect(read.total).toBe(26);
    const orders = byId(read);
    expect(orders.get('2418300012345604')).toMatchObject({
      status: 'delivered',
      createdAt: Date.parse('2026-05-10T11:00:00+08:00'),
      paidAt: Date.parse('2026-05-10T11:00:40+08:00'),
      shippedAt: Date.parse('2026-05-10T16:00:00+08:00'),
      amountCents: 4500,
      buyer: '老**',
      buyerId: '2345678904',
      receiverRegion: '黑龙江省哈尔滨市',
      shipments: [{ waybillNo: 'JT0006968326955', carrierName: '极兔速递', carrierCode: 'jt', events: [] }],
      items: [{ title: '东北大米 五常稻花香 5kg', spec: '5kg', quantity: 1, unitPriceCents: 4500, skuId: '21800012345614', skuCode: 'DM-5' }],
    });
    expect(orders.get('2418300012345601')!.paidAt).toBeUndefined(); // payTime 0
    expect(orders.get('2418300012345607')).toMatchObject({ status: 'after_sale', afterSale: true }); // 退款中
  });

  it('accepts the rows at data, data.list or orderList, and yuan text where 分 was expected', () => {
    const rows = p1().data.orderList;
    for (const body of [{ result: 1, data: rows }, { result: '1', data: { list: rows, total: 8 } }, { result: 1, orderList: rows, total: '8' }]) {
      expect(ordersOf(readBody(query, body)).orders).toHaveLength(8);
    }
    const row = clone(rows[1]!);
    Object.assign(row, { totalFee: '59.80', price: '¥29.90', num: '2', createTime: String(row.createTime / 1000), status: '30', statusDesc: null });
    const order = ordersOf(readBody(query, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({ amountCents: 5980, status: 'paid', createdAt: Date.parse('2026-05-13T09:00:00+08:00'), items: [{ unitPriceCents: 2990, quantity: 2 }] });
    expect(order.statusText).toBeUndefined();
  });

  it('keeps oids past 2^53 written as bare JSON numbers exactly', () => {
    const text = fixtureText('kuaishou', FILE).replace(/"oid": 24183000123456(\d\d)/g, '"oid": 92233720368547758$1');
    expect(text).toContain('"oid": 9223372036854775801,');
    const read = ordersOf(readText(query, text));
    expect(read.orders.map((o) => o.orderId)).toEqual(Array.from({ length: 8 }, (_, i) => `92233720368547758${String(i + 1).padStart(2, '0')}`));
  });

  it('skips rows it cannot map, with a counted reason', () => {
    const [a, b] = p1().data.orderList;
    const unsafe = clone(a!);
    unsafe.oid = 9007199254740993; // rounded by a plain JSON.parse
    const noId = clone(b!);
    delete noId.oid;
    const fraction = clone(b!);
    fraction.totalFee = 59.8; // a fraction of 分 is not an amount
    const badTime = clone(b!);
    badTime.oid = '2418300012349999';
    badTime.payTime = 'soon';
    const read = ordersOf(readBody(query, withRows([unsafe, noId, fraction, badTime, undefined, b])));
    expect(read.orders.map((o) => o.orderId)).toEqual(['2418300012345602']);
    expect(read.skipped).toEqual({ 'unsafe-id': 1, 'no-order-id': 1, 'bad-amount': 1, 'bad-time': 1, 'bad-row': 1 });
  });

  it('error results and foreign bodies', () => {
    expect(readBody(query, { result: 109, error_msg: '登录过期' })).toEqual({ kind: 'error', reason: 'result-109' });
    expect(readBody(query, { result: 1, data: {} })).toEqual({ kind: 'unknown-shape', reason: 'no-rows' });
    for (const body of [null, [], 'x', { data: { orderList: [] } }]) expect(readBody(query, body).kind).toBe('unknown-shape');
    const text = fixtureText('kuaishou', FILE);
    expect(readText(query, text.slice(0, 1234))).toEqual({ kind: 'unknown-shape', reason: 'not-json' });
  });

  it('keeps markup and formula characters in every text field as plain text', () => {
    const row = clone(p1().data.orderList[2]!);
    Object.assign(row, {
      statusDesc: FORMULA,
      buyerNick: `${MARKUP}**`,
      itemTitle: `${FORMULA}${MARKUP}`,
      skuDesc: MARKUP,
      skuNick: `@${MARKUP}`.slice(0, 64),
      province: FORMULA,
      city: MARKUP,
      expressName: '<i>中通</i>',
    });
    const order = ordersOf(readBody(query, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({ statusText: FORMULA, status: 'shipped', buyer: `${MARKUP}**`, receiverRegion: `${FORMULA}${MARKUP}` });
    expect(order.items![0]).toMatchObject({ title: `${FORMULA}${MARKUP}`, spec: MARKUP, skuCode: `@${MARKUP}` });
    expect(order.shipments![0]!.carrierName).toBe('<i>中通</i>');
  });

  it('never copies the consignee, phone, district, town or address', () => {
    const body = p1();
    expectNoPrivateData(body, readBody(query, body));
  });

  it('maps 10,000 rows (over 10 MB)', () => {
    const rows = manyRows(p1().data.orderList, 10_000, (row, i) => ({ ...row, oid: String(2418300000000000n + BigInt(i)), remark: '备注'.repeat(400) }));
    const text = JSON.stringify(withRows(rows));
    expect(text.length).toBeGreaterThan(10_000_000);
    const { value } = timed(() => readText(query, text));
    expect(ordersOf(value).orders).toHaveLength(10_000);
  });

  it('never throws on mutated bodies, and what it returns is valid', () => {
    expectSurvivesMutations(query, p1());
  });
});
