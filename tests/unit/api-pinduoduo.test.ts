import { describe, expect, it } from 'vitest';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { apiReaders } from '@/utils/sites/pinduoduo/api';
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
const recent = readerOf(apiReaders, 'pinduoduo.recentOrderList');
const history = readerOf(apiReaders, 'pinduoduo.historyOrderList');
const detail = readerOf(apiReaders, 'pinduoduo.orderDetail');
const FILE = 'recentOrderList-p1.json';
const p1 = () => fixtureBody('pinduoduo', FILE) as { result: { pageItems: Row[] } } & Row;
const withRows = (rows: unknown[]) => ({ success: true, errorCode: 0, errorMsg: '成功', result: { totalItemNum: rows.length, pageItems: rows } });
const sn = (i: number) => `260513-${String(100000000000000 + i)}`;

describe('pinduoduo endpoints', () => {
  it.each([
    ['https://mms.pinduoduo.com/mangkhut/mms/recentOrderList', 'pinduoduo.recentOrderList'],
    ['https://mms.pinduoduo.com/mangkhut/mms/historyOrderList', 'pinduoduo.historyOrderList'],
    ['https://mms.pinduoduo.com/mangkhut/mms/orderDetail', 'pinduoduo.orderDetail'],
    ['https://mms.pinduoduo.com/mangkhut/mms/orderDetail?order_sn=260513-179332719430230', 'pinduoduo.orderDetail'],
    ['https://mms.pinduoduo.com/mars/app/order/statisticWithType', null],
    ['https://mms.pinduoduo.com/mercury/mms/afterSales/queryList', null],
    ['https://mms.pinduoduo.com/mangkhut/mms/recentOrderListV2', null],
    ['https://mms.pinduoduo.com/orders/list?msfrom=mms_sidenav&tab=0', null],
    // Temu's own recentOrderList (USD): same path, other hosts
    ['https://agentseller.temu.com/mangkhut/mms/recentOrderList', null],
    ['https://seller.kuajingmaihuo.com/mangkhut/mms/recentOrderList', null],
    ['https://mms.pinduoduo.com.temu.com/mangkhut/mms/recentOrderList', null],
  ])('%s → %s', (url, id) => {
    expect(matchTapEndpoint(url)).toBe(id);
  });
});

describe('pinduoduo order list readers', () => {
  it('reads the fixture page: dashed order_sn, 分, epoch seconds, tracking numbers, masked nickname', () => {
    const read = ordersOf(readText(recent, fixtureText('pinduoduo', FILE)));
    expect(read.orders).toHaveLength(20);
    expect(read.total).toBe(23);
    const orders = byId(read);
    expect(orders.get('260513-179332719446068')).toMatchObject({
      status: 'shipped',
      statusText: '已发货，待签收',
      createdAt: Date.parse('2026-05-13T12:22:02+08:00'),
      paidAt: Date.parse('2026-05-13T12:22:17+08:00'),
      shippedAt: Date.parse('2026-05-14T08:22:02+08:00'),
      promisedShipAt: Date.parse('2026-05-15T12:22:02+08:00'),
      amountCents: 11070,
      buyer: '李**',
      receiverRegion: '江苏省苏州市',
      shipments: [{ waybillNo: '432109876543212', carrierName: '韵达快递', carrierCode: 'yunda', events: [] }],
      items: [{ title: '儿童保温杯 316不锈钢', spec: '颜色：粉色', quantity: 3, unitPriceCents: 3690, skuId: '1200012345672', skuCode: 'BWB-K' }],
    });
    expect(orders.get('260513-179332719438149')!.afterSale).toBe(true); // after_sales_status 2
    expect(orders.get('260512-179332719469825')).toMatchObject({ status: 'refunded' });
    expect(orders.get('260512-179332719469825')!.afterSale).toBeUndefined(); // 10: 退款成功, over
    expect(orders.get('260511-179332719485663')!.paidAt).toBeUndefined(); // 已取消, confirm_time 0
    expect(orders.get('260512-179332719461906')!.receiverRegion).toBe('北京市');
  });

  it('historyOrderList has the same shape', () => {
    const body = p1();
    expect(readBody(history, body)).toEqual(readBody(recent, body));
  });

  it('accepts numbers as strings and the reverse', () => {
    const row = clone(p1().result.pageItems[2]!);
    Object.assign(row, { order_amount: '11070', goods_price: '3690', goods_number: '3', shipping_time: String(row.shipping_time), confirm_time: row.confirm_time * 1000, sku_id: '1200012345672', tracking_number: 432109876543212 });
    const order = ordersOf(readBody(recent, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({ amountCents: 11070, shippedAt: Date.parse('2026-05-14T08:22:02+08:00'), paidAt: Date.parse('2026-05-13T12:22:17+08:00') });
    expect(order.items![0]).toMatchObject({ unitPriceCents: 3690, quantity: 3, skuId: '1200012345672' });
    expect(order.shipments![0]!.waybillNo).toBe('432109876543212');
  });

  it('skips rows it cannot map, with a counted reason', () => {
    const [a, b] = p1().result.pageItems;
    const noSn = clone(a!);
    delete noSn.order_sn;
    const badSn = clone(a!);
    badSn.order_sn = '260513179332719430230'; // the dash is part of it
    const yuan = clone(b!);
    yuan.order_amount = '179.80';
    const badTime = clone(b!);
    badTime.order_sn = sn(1);
    badTime.order_time = 99999999999999;
    const read = ordersOf(readBody(recent, withRows([noSn, badSn, yuan, badTime, null, false, a])));
    expect(read.orders.map((o) => o.orderId)).toEqual([a!.order_sn]);
    expect(read.skipped).toEqual({ 'no-order-id': 1, 'bad-order-id': 1, 'bad-amount': 1, 'bad-time': 1, 'bad-row': 2 });
  });

  it('rate limit, other errors, snake_case errors, foreign bodies', () => {
    expect(readText(recent, fixtureText('pinduoduo', 'recentOrderList-ratelimit.json'))).toEqual({ kind: 'error', reason: 'rate-limit-54001' });
    expect(readBody(recent, { success: false, errorCode: 1000, errorMsg: '订单号不能为空' })).toEqual({ kind: 'error', reason: 'code-1000' });
    expect(readBody(recent, { success: false, error_code: 54001, error_msg: '操作太过频繁' })).toEqual({ kind: 'error', reason: 'rate-limit-54001' });
    expect(readBody(recent, { success: false })).toEqual({ kind: 'error', reason: 'success-false' });
    expect(readBody(recent, { success: true, result: { totalItemNum: 0 } })).toEqual({ kind: 'unknown-shape', reason: 'no-rows' });
    expect(readBody(recent, { success: true, result: null })).toEqual({ kind: 'unknown-shape', reason: 'no-result' });
    for (const body of [null, [], 'x', { result: { pageItems: [] } }]) expect(readBody(recent, body).kind).toBe('unknown-shape');
    const text = fixtureText('pinduoduo', FILE);
    expect(readText(recent, text.slice(0, text.length - 3))).toEqual({ kind: 'unknown-shape', reason: 'not-json' });
  });

  it('keeps markup and formula characters in every text field as plain text', () => {
    const row = clone(p1().result.pageItems[0]!);
    Object.assign(row, {
      order_status_str: MARKUP,
      nickname: `${FORMULA}*`,
      goods_name: `${MARKUP}${FORMULA}`,
      spec: FORMULA,
      out_sku_sn: `=${MARKUP}`,
      province_name: MARKUP,
      city_name: FORMULA,
      tracking_number: 'YT7511234567890',
      shipping_name: '<script>x</script>',
    });
    const order = ordersOf(readBody(recent, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({ statusText: MARKUP, buyer: `${FORMULA}*`, receiverRegion: `${MARKUP}${FORMULA}` });
    expect(order.status).toBeUndefined();
    expect(order.items![0]).toMatchObject({ title: `${MARKUP}${FORMULA}`, spec: FORMULA, skuCode: `=${MARKUP}` });
    expect(order.shipments![0]!.carrierName).toBe('<script>x</script>');
  });

  it('never copies the receiver name, mobile, district, address or memos', () => {
    for (const file of [FILE, 'recentOrderList-p2.json']) {
      const body = fixtureBody('pinduoduo', file);
      expectNoPrivateData(body, readBody(recent, body));
    }
  });

  it('maps 10,000 rows (over 10 MB)', () => {
    const rows = manyRows(p1().result.pageItems, 10_000, (row, i) => ({ ...row, order_sn: sn(i), buyer_memo: '留言'.repeat(300) }));
    const text = JSON.stringify(withRows(rows));
    expect(text.length).toBeGreaterThan(10_000_000);
    const { value } = timed(() => readText(recent, text));
    expect(ordersOf(value).orders).toHaveLength(10_000);
  });

  it('never throws on mutated bodies, and what it returns is valid', () => {
    expectSurvivesMutations(recent, p1());
  });
});

describe('pinduoduo orderDetail reader (INFERRED shape)', () => {
  it('reads a result object with order_sn or orderSn as a detail', () => {
    const row = p1().result.pageItems[3]!;
    const { order_sn: orderSn, ...rest } = row;
    for (const result of [row, { ...rest, orderSn }]) {
      const read = ordersOf(readBody(detail, { success: true, errorCode: 0, result }));
      expect(read.pageKind).toBe('detail');
      expect(read.orders).toHaveLength(1);
      expect(read.orders[0]).toMatchObject({ orderId: '260512-179332719453987', sourcePage: 'detail', status: 'delivered' });
    }
  });

  it('anything else is an unknown shape or an error, never a guess', () => {
    expect(readBody(detail, { success: true, result: { orderInfo: {} } })).toEqual({ kind: 'unknown-shape', reason: 'no-order' });
    expect(readBody(detail, { success: false, errorCode: 1000, errorMsg: '订单号不能为空' })).toEqual({ kind: 'error', reason: 'code-1000' });
    expectSurvivesMutations(detail, { success: true, errorCode: 0, result: p1().result.pageItems[3] }, 100);
  });
});
