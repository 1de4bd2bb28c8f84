// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emptyDiagnostics } from '@/utils/capture/diagnostics';
import { floorShopName, shopNameIn } from '@/utils/capture/floor/shop-name';
import { traceEventsByWaybill, traceEventsIn } from '@/utils/capture/floor/trace-events';
import { WAYBILL_HINT } from '@/utils/capture/floor-fill';
import { docOf, floor, rowIn } from './floor-helpers';

const ID = '4934071258846137421';

const items = (html: string) => floor(rowIn(html), ['items', 'amountCents', 'status']);

describe('items without class names', () => {
  it('抖店-like blocks: each quantity mark ends an item; spec beside the title, price before the mark, 商品ID no SKU', () => {
    const html = `<div class="row"><div><span>订单编号</span><span>${ID}</span></div>
      <div><div><div><div title="纯棉短袖T恤">纯棉短袖T恤</div><div>颜色：白色；尺码：XL</div><div>商品ID：3612345678901234567</div></div>
        <div><div>¥59.90</div><div>x1</div></div><div>-</div></div>
      <div><div><div>速干运动短裤</div><div>颜色：黑色</div></div><div><div><small>¥</small>39<small>.90</small></div><div>×2</div></div><div>退款中</div></div></div>
      <div><span>抖音昵称：</span><span>夏**</span></div><div><div>¥139.70</div><div>(含运费 ¥0.00)</div></div><div>已发货</div></div>`;
    const read = items(html);
    expect(read.items?.value).toEqual([
      { title: '纯棉短袖T恤', spec: '颜色：白色；尺码：XL', quantity: 1, unitPriceCents: 5990 },
      { title: '速干运动短裤', spec: '颜色：黑色', quantity: 2, unitPriceCents: 3990, afterSaleText: '退款中' },
    ]);
    expect(read.items?.strategy).toBe('floor-pattern');
    // the one amount printed outside the items, the freight note told apart
    expect(read.amountCents).toEqual({ value: 13970, strategy: 'floor-pattern' });
    // the item's 退款中 rolls up; the order's own 已发货 is the printed status
    expect(read.status).toMatchObject({ value: 'after_sale', statusText: '退款中', afterSale: true });
  });

  it('京东-like cards: a 规格： label of its own gives its value, SKU： its id, 货号 is neither', () => {
    const html = `<div class="row"><div>订单号：${ID}</div><div><div><div>运动短裤 宽松五分裤</div>
      <div><span>规格：</span><span>灰色 L</span></div><div><span>SKU：</span><span>100012345679</span></div><div><span>货号：</span><span>HH-5679</span></div></div>
      <div><div><span>¥59.00</span></div><div><span>x1</span></div></div></div><div>买家：jd_7f2a****</div></div>`;
    expect(items(html).items?.value).toEqual([{ title: '运动短裤 宽松五分裤', spec: '灰色 L', quantity: 1, unitPriceCents: 5900, skuId: '100012345679' }]);
  });

  it('a goods table with bare counts: read by its columns (商品编号 | 商品名称 | 京东价 | 商品数量 | 小计)', () => {
    const html = `<div class="row"><div>订单号：${ID}</div><table><thead><tr><th>商品编号</th><th>商品名称</th><th>京东价</th><th>商品数量</th><th>小计</th></tr></thead>
      <tbody><tr><td>100034567812</td><td><a>全棉四件套 1.8m床</a><div>燕麦色</div></td><td>¥199.00</td><td>1</td><td>¥199.00</td></tr>
      <tr><td>100034567813</td><td><a>记忆棉枕头</a><div>单只装</div></td><td>¥29.00</td><td>2</td><td>¥58.00</td></tr></tbody></table></div>`;
    const read = items(html);
    expect(read.items?.value).toEqual([
      { title: '全棉四件套 1.8m床', spec: '燕麦色', quantity: 1, unitPriceCents: 19900, skuId: '100034567812' },
      { title: '记忆棉枕头', spec: '单只装', quantity: 2, unitPriceCents: 2900, skuId: '100034567813' },
    ]);
    expect(read.items?.strategy).toBe('floor-column');
  });

  it('never makes up an item: no quantity mark and no goods column, only a labelled title', () => {
    expect(items(`<div class="row"><div>订单号：${ID}</div><div>商品：陶瓷马克杯</div><div>¥29.00</div></div>`).items?.value).toEqual([{ title: '陶瓷马克杯' }]);
    expect(items(`<div class="row"><div>订单号：${ID}</div><div>¥29.00</div></div>`).items).toBeUndefined();
  });

  it('an amount is not guessed: two different unlabelled amounts outside the items, or money under 商品总价', () => {
    const two = `<div class="row"><div>订单号：${ID}</div><div><div>马克杯</div><div>x1</div></div><div>¥29.00</div><div>¥35.00</div></div>`;
    expect(items(two).amountCents).toBeUndefined();
    const subtotal = `<table><thead><tr><th>商品</th><th>数量</th><th>商品总价(元)</th></tr></thead><tbody>
      <tr class="row"><td>马克杯 ${ID}</td><td>1</td><td>¥29.90</td></tr></tbody></table>`;
    expect(items(subtotal).amountCents).toBeUndefined();
  });

  it('an unreadable amount (`¥--`) is said, so the reader skips the row', () => {
    const read = items(`<div class="row"><div>订单号：${ID}</div><div><div>马克杯</div><div>x1</div></div><div>¥--</div></div>`);
    expect(read.amountCents).toBeUndefined();
    expect(read.amountUnreadable).toBe(true);
  });
});

describe('shop name without class names', () => {
  it('the text before the shop id in the header, else a shop-shaped header text; the console names are no shop', () => {
    expect(shopNameIn(docOf('<div><div>抖店</div><div>山野好物旗舰店</div><span>ID：88******</span></div><div>订单编号</div>'))).toEqual({
      name: '山野好物旗舰店',
      strategy: 'shop-id',
    });
    expect(shopNameIn(docOf('<header><div>快手小店</div><img alt=""><span>山城好物小铺</span></header><main>订单号</main>'))?.name).toBe('山城好物小铺');
    expect(shopNameIn(docOf('<header><a>千牛工作台</a><span>小熊家居旗舰店:小美</span></header>'))?.name).toBe('小熊家居旗舰店');
    expect(shopNameIn(docOf('<header><a>拼多多商家后台</a><a>店铺管理</a></header>'))).toBeUndefined();
  });

  it('never reads the order list: a title ending like a shop after the list starts is not the shop', () => {
    expect(shopNameIn(docOf('<header>京麦</header><div>订单编号</div><div>山野好物旗舰店 同款收纳盒</div><div>老北京布鞋店</div>'))).toBeUndefined();
  });

  it('records which strategy found it', () => {
    const diag = emptyDiagnostics('douyin', 'list');
    expect(floorShopName(docOf('<div>山野好物旗舰店</div><span>ID：88</span>'), diag)).toBe('山野好物旗舰店');
    expect(diag.strategies.shop).toEqual({ 'floor-shop-id': 1 });
  });
});

describe('parcel traces without class names', () => {
  const page = `<div class="page"><div>下单时间：2026-05-12 09:00:00</div><div><span>买家签收</span><span>2026-05-14 10:00:00</span></div>
    <div><div><span>包裹1</span><span>运单号：</span><span>75312345678901</span></div>
      <div><div><div>派件中</div><div>【成都市】武侯区网点 正在派件</div><div>2026/05/14 08:12:30</div></div>
      <div><div>已揽件</div><div>【杭州市】中通 已揽收</div><div>2026/05/13 17:01:45</div></div></div></div>
    <div><div><span>包裹2</span><span>运单号：</span><span>462598779470531</span></div>
      <ul><li><span>2026-05-13 22:10:00</span><span>【杭州市】快件已发往 成都分拨中心</span><a>查看</a></li></ul></div></div>`;

  it('each time with its words, in either order; the order times and progress steps are not events', () => {
    expect(traceEventsIn(docOf(page).querySelector('.page')!).map((e) => e.text)).toEqual([
      '派件中 【成都市】武侯区网点 正在派件',
      '已揽件 【杭州市】中通 已揽收',
      '【杭州市】快件已发往 成都分拨中心',
    ]);
  });

  it('each waybill gets the events of its own block', () => {
    const events = traceEventsByWaybill(docOf(page).querySelector('.page')!, ['75312345678901', '462598779470531']);
    expect(events.get('75312345678901')?.map((e) => e.at)).toEqual([Date.parse('2026-05-14T08:12:30+08:00'), Date.parse('2026-05-13T17:01:45+08:00')]);
    expect(events.get('462598779470531')?.map((e) => e.text)).toEqual(['【杭州市】快件已发往 成都分拨中心']);
  });
});

describe('unreadable printed times', () => {
  it('a labelled date that cannot be read is said, so the reader skips the row; a missing one is not', () => {
    const bad = floor(rowIn(`<div class="row"><span>订单成交时间</span><span>2026/13/45 99:99:99</span></div>`), ['createdAt']);
    expect(bad.createdAt).toBeUndefined();
    expect(bad.timeUnreadable).toBe(true);
    expect(floor(rowIn(`<div class="row"><span>订单号：${ID}</span></div>`), ['createdAt']).timeUnreadable).toBeUndefined();
  });
});

describe('the waybill hint that decides whether the floor reads shipments', () => {
  it('a carrier word or 运单 before a number, never the order number itself', () => {
    expect(WAYBILL_HINT.test('订单号：81500013741 下单时间：2023-02-20')).toBe(false);
    expect(WAYBILL_HINT.test('子订单号 815000137411')).toBe(false);
    expect(WAYBILL_HINT.test('中通快递 78432165498721')).toBe(true);
    expect(WAYBILL_HINT.test('运单号：JDVA11408814483')).toBe(true);
    expect(WAYBILL_HINT.test('快递单号：75312345678901')).toBe(true);
  });
});
