import { describe, expect, it } from 'vitest';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { apiReaders } from '@/utils/sites/jd/api';
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
const page = readerOf(apiReaders, 'jd.queryOrderPage');
const porder = readerOf(apiReaders, 'jd.porderList');
const p1 = () => fixtureBody('jd', 'queryOrderPage-p1.json') as { data: { results: Row[] } } & Row;
const withRows = (rows: unknown[]) => ({ code: 200, data: { results: rows, totalItem: rows.length, pageSize: 50 } });
const SFF = 'https://sff.jd.com/api?v=1.0&appId=COCX0HBWR4BA7RDVDBIQ';

describe('jd endpoints', () => {
  it.each([
    [`${SFF}&api=dsm.order.bff.orderListBffService.queryOrderPage`, 'jd.queryOrderPage'],
    ['https://sff.jd.com/api?api=dsm.order.bff.orderListBffService.queryOrderPage&v=1.0', 'jd.queryOrderPage'],
    [`${SFF}&api=dsm.order.manage.orderlist.queryOrderPage`, 'jd.queryOrderPage'], // the older name
    ['https://porder.shop.jd.com/order/orderlist', 'jd.porderList'],
    [`${SFF}&api=dsm.order.bff.orderListBffService.queryOrderTabs`, null],
    [`${SFF}&api=dsm.order.bff.orderListBffService.queryOrderPageX`, null],
    [`${SFF}&xapi=dsm.order.bff.orderListBffService.queryOrderPage`, null],
    [`${SFF}&api=dsm.order.manage.orderlist.getVenderRemarkList`, null],
    ['https://sff.jd.com/api', null],
    ['https://sff.jd.com/other?api=dsm.order.bff.orderListBffService.queryOrderPage', null],
    ['https://porder.shop.jd.com/order/global/getVenderRemarkMap?orderIds=1', null],
    ['https://shop.jd.com/api?api=dsm.order.bff.orderListBffService.queryOrderPage', null],
    ['https://sff.jd.com.evil.example/api?api=dsm.order.bff.orderListBffService.queryOrderPage', null],
  ])('%s → %s', (url, id) => {
    expect(matchTapEndpoint(url)).toBe(id);
  });
});

describe('jd queryOrderPage reader', () => {
  it('reads the fixture page: ms times, yuan amounts, userPin as 买家ID', () => {
    const read = ordersOf(readText(page, fixtureText('jd', 'queryOrderPage-p1.json')));
    expect(read.orders).toHaveLength(10);
    expect(read.total).toBe(13);
    const orders = byId(read);
    expect(orders.get('312845672901')).toMatchObject({
      status: 'paid',
      statusText: '等待出库',
      createdAt: Date.parse('2026-05-13T01:22:42+08:00'),
      paidAt: Date.parse('2026-05-13T01:25:04+08:00'),
      amountCents: 11900, // receivables, not the 129.00 order total
      buyerId: 'jd_55be8a7c3f21',
      receiverRegion: '北京市',
    });
    expect(orders.get('312845672904')!.completedAt).toBe(Date.parse('2026-05-05T12:00:00+08:00'));
    expect(orders.get('312845672908')).toMatchObject({ status: 'after_sale', afterSale: true }); // 已锁定
    expect(orders.get('312845672902')!.items).toEqual([
      { title: `=HYPERLINK("http://x") 富硒茶 紫阳毛尖`, quantity: 2, unitPriceCents: 5990, skuId: '100034567812', skuCode: '@SUM(A1)' },
    ]);
  });

  it('accepts amounts as numbers or strings, times as ms, seconds or strings, ids as strings', () => {
    const row = clone(p1().data.results[0]!);
    Object.assign(row, { orderId: '312845672901', orderCreateTime: row.orderCreateTime / 1000, paymentConfirmTime: '2026-05-13 01:25:04' });
    row.orderPaymentInfo.receivables = 119;
    row.orderItems[0].jdPrice = 129.9;
    row.orderItems[0].num = '3';
    row.orderItems[0].skuId = '100045678123';
    const order = ordersOf(readBody(page, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({
      orderId: '312845672901',
      createdAt: Date.parse('2026-05-13T01:22:42+08:00'),
      paidAt: Date.parse('2026-05-13T01:25:04+08:00'),
      amountCents: 11900,
      items: [{ unitPriceCents: 12990, quantity: 3, skuId: '100045678123' }],
    });
  });

  it('a masked pin is a display name, not an id; a completion time counts only on a completed order', () => {
    const rows = p1().data.results;
    const masked = clone(rows[0]!);
    masked.userPin = 'jd_55be****';
    const cancelled = clone(rows[4]!);
    cancelled.orderCompleteTime = Date.parse('2026-05-10T11:00:00+08:00');
    const [a, b] = ordersOf(readBody(page, withRows([masked, cancelled]))).orders;
    expect(a!.buyer).toBe('jd_55be****');
    expect(a!.buyerId).toBeUndefined();
    expect(b!.status).toBe('closed');
    expect(b!.completedAt).toBeUndefined();
  });

  it('skips rows it cannot map, with a counted reason', () => {
    const [a, b, c] = p1().data.results;
    const unsafe = clone(a!);
    unsafe.orderId = 2 ** 53 + 2;
    const noId = clone(b!);
    delete noId.orderId;
    const badAmount = clone(c!);
    badAmount.orderId = 312845679999;
    badAmount.orderPaymentInfo.receivables = '¥1.2.3';
    const badTime = clone(c!);
    badTime.orderId = 312845679998;
    badTime.orderCreateTime = -5;
    const tooLong = clone(c!);
    tooLong.orderId = '31284567290312345';
    const read = ordersOf(readBody(page, withRows([unsafe, noId, badAmount, badTime, tooLong, null, c])));
    expect(read.orders.map((o) => o.orderId)).toEqual(['312845672903']);
    expect(read.skipped).toEqual({ 'unsafe-id': 1, 'no-order-id': 1, 'bad-amount': 1, 'bad-time': 1, 'bad-order-id': 1, 'bad-row': 1 });
  });

  it('error envelopes and foreign bodies', () => {
    expect(readBody(page, { code: 401, message: '未登录' })).toEqual({ kind: 'error', reason: 'code-401' });
    expect(readBody(page, { code: '60001', msg: 'h5st 校验失败' })).toEqual({ kind: 'error', reason: 'code-60001' });
    expect(readBody(page, { code: 200, data: null })).toEqual({ kind: 'unknown-shape', reason: 'no-rows' });
    expect(readBody(page, { code: 200, data: { list: [] }, totalItem: 0 })).toMatchObject({ kind: 'orders', orders: [] });
    for (const body of [null, [], 'x', 3, { data: { results: [] } }]) expect(readBody(page, body).kind).toBe('unknown-shape');
    const text = fixtureText('jd', 'queryOrderPage-p1.json');
    expect(readText(page, text.slice(0, text.length - 10))).toEqual({ kind: 'unknown-shape', reason: 'not-json' });
  });

  it('keeps markup and formula characters in every text field as plain text', () => {
    const row = clone(p1().data.results[0]!);
    row.orderStatusInfo.orderStatusName = `${FORMULA}`;
    row.userPin = `${MARKUP}`;
    row.consigneeInfo.provinceName = MARKUP;
    row.consigneeInfo.cityName = FORMULA;
    row.orderItems[0].skuName = `${MARKUP}${FORMULA}`;
    row.orderItems[0].outerSkuId = `-${FORMULA}`;
    const order = ordersOf(readBody(page, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({ statusText: FORMULA, buyerId: MARKUP, receiverRegion: `${MARKUP}${FORMULA}` });
    expect(order.status).toBeUndefined();
    expect(order.items![0]).toMatchObject({ title: `${MARKUP}${FORMULA}`, skuCode: `-${FORMULA}` });
  });

  it('never copies the consignee, phones, address or the seller remark', () => {
    for (const file of ['queryOrderPage-p1.json', 'queryOrderPage-p2.json']) {
      const body = fixtureBody('jd', file);
      expectNoPrivateData(body, readBody(page, body));
    }
  });

  it('maps 10,000 rows (over 10 MB)', () => {
    const rows = manyRows(p1().data.results, 10_000, (row, i) => ({ ...row, orderId: 300000000000 + i, venderRemark: '备'.repeat(300) }));
    const text = JSON.stringify(withRows(rows));
    expect(text.length).toBeGreaterThan(10_000_000);
    const { value } = timed(() => readText(page, text));
    expect(ordersOf(value).orders).toHaveLength(10_000);
  });

  it('never throws on mutated bodies, and what it returns is valid', () => {
    expectSurvivesMutations(page, p1());
  });
});

describe('jd porder (old list) reader', () => {
  it('reads orderList with wall-clock times', () => {
    const read = ordersOf(readText(porder, fixtureText('jd', 'porder-orderlist.json')));
    expect(read.orders).toHaveLength(5);
    expect(read.total).toBe(5);
    expect(read.orders[0]).toMatchObject({ orderId: '241887650321', createdAt: Date.parse('2026-05-13T10:22:32+08:00'), amountCents: 8800, buyerId: 'jd_old1a2b3c' });
  });

  it('accepts the rows under data, reports errors, and keeps nothing private', () => {
    const body = fixtureBody('jd', 'porder-orderlist.json');
    expect(ordersOf(readBody(porder, { data: { orderList: body.orderList, totalCount: 5 } })).orders).toHaveLength(5);
    expect(readBody(porder, { success: false, message: '请登录' })).toEqual({ kind: 'error', reason: 'success-false' });
    expect(readBody(porder, { code: 3, message: 'x' })).toEqual({ kind: 'error', reason: 'code-3' });
    expect(readBody(porder, { html: '<html>' })).toEqual({ kind: 'unknown-shape', reason: 'no-rows' });
    expect(readText(porder, '<!DOCTYPE html><html><body>订单列表</body></html>')).toEqual({ kind: 'unknown-shape', reason: 'not-json' });
    expectNoPrivateData(body, readBody(porder, body));
    expectSurvivesMutations(porder, body, 150);
  });
});
