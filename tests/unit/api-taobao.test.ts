import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { apiEndpoints } from '@/utils/sites/taobao/api-endpoints';
import { apiReaders } from '@/utils/sites/taobao/api';
import { site } from '@/utils/sites/taobao/site';
import { decodeBody } from '@/utils/tap/decode-body';
import {
  FIXTURES,
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
const sold = readerOf(apiReaders, 'taobao.asyncSold');
const UTF8 = 'asyncSold-p1.utf8.json';
const p1 = () => fixtureBody('taobao', UTF8) as { mainOrders: Row[] } & Row;
const withRows = (rows: unknown[]) => ({ error: '', page: { currentPage: 1, pageSize: 15, totalNumber: rows.length, totalPage: 1 }, mainOrders: rows });

describe('taobao endpoints', () => {
  it.each([
    ['https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8', 'taobao.asyncSold'],
    ['https://trade.taobao.com/trade/itemlist/asyncSold.htm', 'taobao.asyncSold'],
    ['https://trade.taobao.com/trade/itemlist/list_sold_items.htm', null],
    ['https://trade.taobao.com/trade/itemlist/asyncSold.htmx', null],
    ['https://trade.taobao.com/detail/orderDetail.htm?bizOrderId=1', null],
    ['https://myseller.taobao.com/trade/itemlist/asyncSold.htm', null],
    ['https://trade.tmall.com/trade/itemlist/asyncSold.htm', null],
    ['https://trade.taobao.com.evil.example/trade/itemlist/asyncSold.htm', null],
  ])('%s → %s', (url, id) => {
    expect(matchTapEndpoint(url)).toBe(id);
  });

  it('the endpoint origin is one the 千牛 content scripts run on', () => {
    for (const endpoint of apiEndpoints) for (const origin of endpoint.origins) expect(site.origins).toContain(origin);
  });
});

describe('taobao asyncSold reader', () => {
  it('reads the fixture page: bare 19-digit ids exact, yuan strings, Beijing createTime, buyer nick, 商家编码', () => {
    const read = ordersOf(readText(sold, fixtureText('taobao', UTF8)));
    expect(read.orders).toHaveLength(15);
    expect(read.total).toBe(47);
    const orders = byId(read);
    expect(orders.get('3318514470982263115')).toMatchObject({
      status: 'shipped',
      createdAt: Date.parse('2026-05-12T21:00:05+08:00'),
      amountCents: 25800,
      buyer: '星**',
      items: [
        { title: '实木小板凳 家用', spec: '颜色分类：原木色', quantity: 1, unitPriceCents: 12500, skuCode: 'BD-01' },
        { title: '坐垫 加厚 榻榻米', spec: '颜色分类：灰色；尺寸：45x45cm', quantity: 2, unitPriceCents: 6250, skuCode: 'ZD-45' },
      ],
    });
    expect(orders.get('3318290518876630244')!.afterSale).toBe(true); // 请卖家处理
    expect(orders.get('3317998812345670123')!.afterSale).toBe(true); // 订单部分退款中
    expect(orders.get('3318187730461225098')!.afterSale).toBeUndefined(); // 退款成功: over
    expect(orders.get('3317809876501234567')!.status).toBe('paid'); // 买家已付款，等待商家发货
  });

  it('reads the GBK bytes the console sends to the same orders', () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'taobao', 'api', 'asyncSold-p1.gbk.json')));
    const fromGbk = readText(sold, decodeBody(bytes, 'text/html;charset=GBK'));
    expect(fromGbk).toEqual(readText(sold, fixtureText('taobao', UTF8)));
  });

  it('an id JSON.parse already rounded is refused; ids as strings or in orderInfo are read', () => {
    const [a, b, c] = p1().mainOrders;
    const rounded = clone(a!);
    rounded.id = Number('3318740215366018417'); // what a plain JSON.parse would have made of it
    const asString = clone(b!);
    asString.id = ' 3318621907745520391 ';
    const inOrderInfo = clone(c!);
    delete inOrderInfo.id;
    const read = ordersOf(readBody(sold, withRows([rounded, asString, inOrderInfo])));
    expect(read.orders.map((o) => o.orderId)).toEqual(['3318621907745520391', '3318514470982263115']);
    expect(read.skipped).toEqual({ 'unsafe-id': 1 });
  });

  it('accepts amounts as numbers and ¥ text, quantities as numbers, and drops fields of the wrong type', () => {
    const row = clone(p1().mainOrders[2]!);
    row.payInfo.actualFee = 258;
    row.subOrders[0].priceInfo.realTotal = '￥125.00';
    row.subOrders[0].quantity = 1;
    row.subOrders[1].itemInfo.skuText = 'not a list';
    row.subOrders[1].itemInfo.extra = [null, { name: '商家编码', value: 77 }];
    row.buyer = '星**';
    row.statusInfo = null;
    const order = ordersOf(readBody(sold, withRows([row]))).orders[0]!;
    expect(order.amountCents).toBe(25800);
    expect(order.items![0]).toMatchObject({ unitPriceCents: 12500, quantity: 1 });
    expect(order.items![1]).toEqual({ title: '坐垫 加厚 榻榻米', quantity: 2, unitPriceCents: 6250, skuCode: '77' });
    expect(order.buyer).toBeUndefined();
    expect(order.status).toBeUndefined();
  });

  it('skips rows it cannot map, with a counted reason', () => {
    const [a, b] = p1().mainOrders;
    const badTime = clone(a!);
    badTime.orderInfo.createTime = '2026-13-45 10:00:00';
    const badFee = clone(b!);
    badFee.payInfo.actualFee = '65.905';
    const noId = clone(b!);
    delete noId.id;
    delete noId.orderInfo.id;
    const read = ordersOf(readBody(sold, withRows([badTime, badFee, noId, null, 'x'])));
    expect(read.orders).toEqual([]);
    expect(read.skipped).toEqual({ 'bad-time': 1, 'bad-amount': 1, 'no-order-id': 1, 'bad-row': 2 });
    expect(read.rowsSeen).toBe(5);
  });

  it('error and captcha answers, login pages, truncated bodies', () => {
    expect(readBody(sold, { error: '系统繁忙，请稍后再试', mainOrders: null })).toEqual({ kind: 'error', reason: 'error' });
    expect(readBody(sold, { rgv587_flag: 'sm', url: '//login.taobao.com/punish?x5secdata=x' })).toEqual({ kind: 'error', reason: 'captcha' });
    expect(readBody(sold, { page: {} })).toEqual({ kind: 'unknown-shape', reason: 'no-rows' });
    expect(readText(sold, '<html><head><title>淘宝网 - 登录</title></head></html>')).toEqual({ kind: 'unknown-shape', reason: 'not-json' });
    const text = fixtureText('taobao', UTF8);
    expect(readText(sold, text.slice(0, 5000))).toEqual({ kind: 'unknown-shape', reason: 'not-json' });
    for (const body of [null, [], 'x', 1]) expect(readBody(sold, body).kind).toBe('unknown-shape');
  });

  it('keeps markup and formula characters in every text field as plain text', () => {
    const row = clone(p1().mainOrders[0]!);
    row.statusInfo.text = MARKUP;
    row.buyer.nick = FORMULA;
    row.subOrders[0].itemInfo.title = `${FORMULA}${MARKUP}`;
    row.subOrders[0].itemInfo.skuText = [{ name: FORMULA, value: MARKUP }];
    row.subOrders[0].itemInfo.extra = [{ name: '商家编码', value: `+${MARKUP}` }];
    const order = ordersOf(readBody(sold, withRows([row]))).orders[0]!;
    expect(order).toMatchObject({ statusText: MARKUP, buyer: FORMULA });
    expect(order.items![0]).toMatchObject({ title: `${FORMULA}${MARKUP}`, spec: `${FORMULA}：${MARKUP}`, skuCode: `+${MARKUP}` });
  });

  it('never copies the consignee, phone or address', () => {
    const body = p1();
    expectNoPrivateData(body, readBody(sold, body));
  });

  it('maps 10,000 orders with bare 19-digit ids (over 10 MB)', () => {
    const rows = manyRows(p1().mainOrders, 10_000, (row, i) => ({ ...row, id: `__ID${3318000000000000000n + BigInt(i)}__` }));
    const text = JSON.stringify(withRows(rows)).replace(/"__ID(\d+)__"/g, '$1');
    expect(text.length).toBeGreaterThan(10_000_000);
    const { value } = timed(() => readText(sold, text));
    const read = ordersOf(value);
    expect(read.orders).toHaveLength(10_000);
    expect(read.orders[9_999]!.orderId).toBe('3318000000000009999');
  });

  it('never throws on mutated bodies, and what it returns is valid', () => {
    expectSurvivesMutations(sold, p1());
  });
});
