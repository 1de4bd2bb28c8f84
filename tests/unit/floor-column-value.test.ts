// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { beijing, docOf, floor, hashed, rowIn, rowsIn, values } from './floor-helpers';

const ID = '4934071258846137421';
const ID2 = '4934071258846137422';

describe('real tables: th of the thead, colspan laid out', () => {
  const html = `<table><thead><tr><th colspan="2">商品</th><th>单价</th><th>实付金额(元)</th><th>订单状态</th><th>快递公司</th><th>运单号</th><th>订单编号</th><th>下单时间</th><th>买家</th><th>收货地址</th></tr></thead>
    <tbody>
      <tr class="row"><td><img alt=""></td><td><div>纯棉短袖T恤</div><div>颜色：白色</div></td><td>¥59.90</td><td><span>¥</span><span>89</span><span>.90</span><div>含运费¥0.00</div></td>
        <td><div>已发货</div><a>查看物流</a></td><td>中通快递</td><td>78432165498721</td><td>${ID}</td><td>2024/11/20 10:21:33</td><td>测**</td><td>浙江省杭州市西湖区***</td></tr>
    </tbody></table>`;

  it('reads every field from its column', () => {
    const read = floor(rowIn(html));
    expect(values(read)).toEqual({
      orderId: ID,
      createdAt: beijing('2024-11-20 10:21:33'),
      amountCents: 8990,
      status: { value: 'shipped', statusText: '已发货' },
      buyer: '测**',
      receiverRegion: '浙江省杭州市',
      shipments: [{ waybillNo: '78432165498721', carrierName: '中通快递', carrierCode: 'zto' }],
      items: [{ title: '纯棉短袖T恤', spec: '颜色：白色', unitPriceCents: 5990 }],
    });
    for (const found of Object.values(read)) expect((found as { strategy: string }).strategy).toBe('floor-column');
  });

  it('columns reordered: still by header text', () => {
    const reordered = `<table><thead><tr><th>买家</th><th>订单状态</th><th>实付金额</th><th>商品</th></tr></thead>
      <tbody><tr class="row"><td>星**</td><td>待发货</td><td>¥29.90</td><td>马克杯</td></tr></tbody></table>`;
    expect(values(floor(rowIn(reordered), ['buyer', 'status', 'amountCents', 'items']))).toEqual({
      buyer: '星**',
      status: { value: 'paid', statusText: '待发货' },
      amountCents: 2990,
      items: [{ title: '马克杯' }],
    });
  });

  it('a two-row header: the sub-header names the column', () => {
    const twoRows = `<table><thead><tr><th rowspan="2">订单号</th><th colspan="2">金额</th><th rowspan="2">状态</th></tr><tr><th>实付</th><th>运费</th></tr></thead>
      <tbody><tr class="row"><td>${ID}</td><td>¥89.90</td><td>¥10.00</td><td>交易成功</td></tr></tbody></table>`;
    expect(values(floor(rowIn(twoRows), ['orderId', 'amountCents', 'status']))).toEqual({
      orderId: ID,
      amountCents: 8990,
      status: { value: 'completed', statusText: '交易成功' },
    });
  });

  it('a header row of th cells without a thead', () => {
    const noThead = `<table><tr><th>订单号</th><th>实收款</th></tr><tr class="row"><td>${ID}</td><td>¥12.30</td></tr></table>`;
    expect(values(floor(rowIn(noThead), ['orderId', 'amountCents']))).toEqual({ orderId: ID, amountCents: 1230 });
  });

  it('a cell under no readable header gives nothing', () => {
    const unnamed = `<table><thead><tr><th>订单号</th><th>商品总价</th></tr></thead><tbody><tr class="row"><td>${ID}</td><td>¥95.00</td></tr></tbody></table>`;
    expect(values(floor(rowIn(unnamed), ['amountCents']))).toEqual({});
  });
});

describe('one table per order under a separate header table (千牛, antd fixed header)', () => {
  const html = `<div class="grid"><div class="head"><table><thead><tr><th>宝贝</th><th>单价</th><th>数量</th><th>售后</th><th>买家</th><th>交易状态</th><th>实收款</th><th>操作</th></tr></thead></table></div>
    <div class="body">
      <table class="row"><tbody>
        <tr><td colspan="8">订单号：<span>3318740215366018417</span> 创建时间：<span>2026-05-13 09:12:45</span></td></tr>
        <tr><td><a>趣白全自动感应泡沫洗手机</a><div>商家编码：QB-P01-W</div></td><td><del>¥259.00</del><p>¥199.00</p></td><td>1</td><td>退款成功</td><td rowspan="2">星**</td><td rowspan="2">卖家已发货</td><td rowspan="2"><div>¥298.00</div><div>(含快递:¥0.00)</div></td><td rowspan="2"><a>详情</a></td></tr>
        <tr><td><a>替换装洗手液 3 瓶</a></td><td>¥99.00</td><td>1</td><td>-</td></tr>
      </tbody></table>
      <table class="row"><tbody>
        <tr><td colspan="8">订单号：<span>3318740215366018418</span></td></tr>
        <tr><td><a>洗手液</a></td><td>¥9.90</td><td>1</td><td>退款中</td><td>月**</td><td>买家已付款</td><td>¥9.90</td><td></td></tr>
      </tbody></table>
    </div></div>`;

  it('reads the columns through the header table, rowspan cells on every line', () => {
    const [first, second] = rowsIn(html);
    const read = floor(first!, ['orderId', 'createdAt', 'amountCents', 'status', 'buyer', 'items'], /^\d{16,20}$/);
    expect(values(read)).toEqual({
      orderId: '3318740215366018417',
      createdAt: beijing('2026-05-13 09:12:45'),
      amountCents: 29800,
      // one of two items refunded: the printed status stands, partial refund noted
      status: { value: 'shipped', statusText: '卖家已发货', afterSale: true, partialRefund: true },
      buyer: '星**',
      items: [
        { title: '趣白全自动感应泡沫洗手机', quantity: 1, unitPriceCents: 25900, afterSaleText: '退款成功' },
        { title: '替换装洗手液 3 瓶', quantity: 1, unitPriceCents: 9900 },
      ],
    });
    expect(read.amountCents?.strategy).toBe('floor-column');
    expect(read.orderId?.strategy).toBe('floor-label');
    const next = floor(second!, ['status'], /^\d{16,20}$/);
    expect(next.status).toEqual({ value: 'after_sale', statusText: '退款中', afterSale: true, strategy: 'floor-column' });
  });
});

describe('a card per order with a table and a header table above the list (拼多多)', () => {
  const html = `<div class="wrap"><table class="${hashed('TB_table', 3)}"><thead><tr><th>商品</th><th>订单状态</th><th>数量</th><th>商品总价(元)</th><th>实收金额(元)</th><th>收货人</th><th>买家昵称</th></tr></thead></table>
    <div class="${hashed('tableBody', 3)}"><div class="list">
      <div class="row"><div>订单编号：<span>260513-179332719430230</span> 订单成交时间：2026-05-13 00:22:32</div>
        <table><tbody><tr><td><div>北欧风陶瓷马克杯</div><div>ID: 412398765432</div></td><td>待支付</td><td>1</td><td>¥35.90</td><td>¥29.90</td><td><div>李**</div><div>浙江省 杭州市 西湖区 ****</div></td><td>李**</td></tr></tbody></table></div>
    </div></div></div>`;

  it('aligns the card\'s cells with the header table', () => {
    const read = floor(rowIn(html), ['orderId', 'createdAt', 'amountCents', 'status', 'buyer', 'receiverRegion', 'items'], /^\d{6}-\d{15}$/);
    expect(values(read)).toEqual({
      orderId: '260513-179332719430230',
      createdAt: beijing('2026-05-13 00:22:32'),
      amountCents: 2990,
      status: { value: 'unpaid', statusText: '待支付' },
      buyer: '李**',
      receiverRegion: '浙江省杭州市',
      items: [{ title: '北欧风陶瓷马克杯', quantity: 1 }],
    });
    expect(read.amountCents?.strategy).toBe('floor-column');
  });
});

describe('ARIA grids', () => {
  const html = `<div role="grid"><div role="row"><div role="columnheader" aria-colindex="1">订单号</div><div role="columnheader" aria-colindex="2">实付金额</div><div role="columnheader" aria-colindex="3">订单状态</div><div role="columnheader" aria-colindex="4">物流信息</div></div>
    <div role="rowgroup">
      <div role="row" class="row"><div role="gridcell" aria-colindex="3"><span>已发货</span></div><div role="gridcell" aria-colindex="1">${ID}</div><div role="gridcell" aria-colindex="2">¥89.90 含运费¥0.00</div><div role="gridcell" aria-colindex="4">韵达快递：462598779470531</div></div>
    </div></div>`;

  it('maps gridcells to columnheaders by aria-colindex', () => {
    const read = floor(rowIn(html), ['orderId', 'amountCents', 'status', 'shipments']);
    expect(values(read)).toEqual({
      orderId: ID,
      amountCents: 8990,
      status: { value: 'shipped', statusText: '已发货' },
      shipments: [{ waybillNo: '462598779470531', carrierName: '韵达快递', carrierCode: 'yunda' }],
    });
    expect(read.amountCents?.strategy).toBe('floor-column');
    expect(read.shipments?.strategy).toBe('floor-column');
  });

  it('by position when no aria-colindex is printed', () => {
    const plain = `<div role="table"><div role="row"><span role="columnheader">实付金额</span><span role="columnheader">订单状态</span></div>
      <div role="row" class="row"><span role="cell">¥10.00</span><span role="cell">待付款</span></div></div>`;
    expect(values(floor(rowIn(plain), ['amountCents', 'status']))).toEqual({
      amountCents: 1000,
      status: { value: 'unpaid', statusText: '待付款' },
    });
  });
});

describe('div grids with a header row', () => {
  it('children aligned by index, hashed classes', () => {
    const c = (name: string) => hashed(name, 7);
    const html = `<div class="${c('table')}"><div class="${c('head')}"><div>订单编号</div><div>下单时间</div><div>实付金额</div><div>订单状态</div></div>
      <div class="${c('body')}"><div class="row ${c('tr')}"><div>${ID}</div><div>2024-11-20 10:21:33</div><div><b>¥</b><b>15</b><b>.00</b></div><div>已完成</div></div></div></div>`;
    expect(values(floor(rowIn(html), ['orderId', 'createdAt', 'amountCents', 'status']))).toEqual({
      orderId: ID,
      createdAt: beijing('2024-11-20 10:21:33'),
      amountCents: 1500,
      status: { value: 'completed', statusText: '已完成' },
    });
  });

  /** 抖店's shape: a header line, then a body whose first cell groups the item sub-rows (商品 | 单价/数量 | 售后). */
  function douyin(seed: number, afterSales: string[], status = '已发货'): string {
    const c = (name: string) => hashed(name, seed);
    const items = afterSales
      .map(
        (afterSale, i) =>
          `<div class="${c('productItem')}"><div class="${c('product')}"><div class="${c('img')}"></div><div><div class="${c('name')}">商品${i + 1} 纯棉短袖</div><div>商品ID：361234567890123456${i}</div></div></div><div class="${c('priceQty')}"><div>¥59.90</div><div>x1</div></div><div class="${c('afterSale')}">${afterSale}</div></div>`,
      )
      .join('');
    return `<div class="${c('orderTable')}"><div class="${c('tableHeader')}"><div>商品</div><div>单价/数量</div><div>售后</div><div>买家/收货信息</div><div>实付金额</div><div>订单状态</div><div>操作</div></div>
      <div class="${c('tableBody')}"><div class="row ${c('tableRow')}" data-kora_order_status="3"><div class="${c('rowHeader')}"><div><span>订单编号</span><span>${ID}</span></div><div><span>下单时间</span><span>2026/05/13 00:22:32</span></div></div>
      <div class="${c('rowBody')}"><div class="${c('productList')}">${items}</div>
      <div class="${c('buyer')}"><div><span>抖音昵称：</span><span>夏**</span></div><div>测*，1**********，浙江省杭州市西湖区***</div></div>
      <div class="${c('pay')}"><div>¥89.90</div><div>含运费¥0.00</div><div>抖音支付</div></div>
      <div class="${c('status')}"><div>${status}</div><div>中通快递 78432165498721</div></div>
      <div class="${c('actions')}"><a>订单详情</a></div></div></div></div></div>`;
  }

  it('抖店: the pay cell with a freight note, under 实付金额, whatever its class names', () => {
    for (const seed of [1, 2, 3]) {
      const read = floor(rowIn(douyin(seed, ['-'])), ['amountCents', 'status', 'receiverRegion', 'shipments', 'items']);
      expect(values(read)).toEqual({
        amountCents: 8990,
        status: { value: 'shipped', statusText: '已发货' },
        receiverRegion: '浙江省杭州市',
        shipments: [{ waybillNo: '78432165498721', carrierName: '中通快递', carrierCode: 'zto' }],
        items: [{ title: '商品1 纯棉短袖', quantity: 1, unitPriceCents: 5990 }],
      });
      expect(read.amountCents?.strategy).toBe('floor-column');
    }
  });

  it('抖店: item sub-rows stand for the 商品/单价/售后 columns; after-sale texts roll up', () => {
    expect(floor(rowIn(douyin(4, ['-', '售后中'])), ['status']).status).toEqual({
      value: 'after_sale',
      statusText: '售后中',
      afterSale: true,
      strategy: 'floor-pattern',
    });
    expect(values(floor(rowIn(douyin(5, ['退款成功', '退款成功'])), ['status', 'items']))).toEqual({
      status: { value: 'refunded', statusText: '退款成功', afterSale: true },
      items: [
        { title: '商品1 纯棉短袖', quantity: 1, unitPriceCents: 5990, afterSaleText: '退款成功' },
        { title: '商品2 纯棉短袖', quantity: 1, unitPriceCents: 5990, afterSaleText: '退款成功' },
      ],
    });
    expect(values(floor(rowIn(douyin(6, ['退款成功', '-'])), ['status']))).toEqual({
      status: { value: 'shipped', statusText: '已发货', afterSale: true, partialRefund: true },
    });
  });

  it('抖店: a status cell printing 售后中 gives after_sale (the kora code 3 is not read here)', () => {
    expect(values(floor(rowIn(douyin(8, ['-'], '售后中')), ['status']))).toEqual({
      status: { value: 'after_sale', statusText: '售后中', afterSale: true },
    });
  });

  it('every row of a page aligns through the remembered recipe', () => {
    const doc = docOf(douyin(9, ['-']).replace('<div class="row', '<div class="row') );
    const body = doc.querySelector('.row')!.parentElement!;
    const template = body.innerHTML;
    body.innerHTML = template + template.replace(ID, ID2);
    const rows = Array.from(doc.querySelectorAll('.row'));
    expect(rows.map((row) => floor(row, ['amountCents']).amountCents?.value)).toEqual([8990, 8990]);
  });

  it('an alignment that disagrees with the header is not used', () => {
    // the header names 实付金额 and 订单状态, but the row's cells print neither money nor status words there
    const html = `<div><div class="head"><div>实付金额</div><div>订单状态</div></div><div class="row"><div>夏**</div><div>2024-11-20</div></div></div>`;
    expect(values(floor(rowIn(html), ['amountCents', 'status']))).toEqual({});
  });
});
