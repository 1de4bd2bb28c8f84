// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { emptyDiagnostics } from '@/utils/capture/diagnostics';
import {
  beginFloorRead,
  countFloor,
  FLOOR_STRATEGIES,
  floorStrategyIndex,
  printedStatusWins,
  readRowFloor,
} from '@/utils/capture/floor/read-row-floor';
import { layoutsOf, Tally } from '@/utils/capture/tally';
import { ALL_FIELDS, beijing, docOf, floor, hashed, rowIn, rowsIn, values } from './floor-helpers';

const ID = '4934071258846137421';
const ID2 = '4934071258846137422';

describe('redesigned rows of each console (class names re-hashed, cells moved)', () => {
  it('抖店: waybill printed as carrier + number inside the status cell, money split over spans with a freight note', () => {
    const c = (name: string) => hashed(name, 11);
    const html = `<div class="${c('list')}"><div class="${c('head')}"><span>商品</span><span>实付金额</span><span>订单状态</span><span>买家</span></div>
      <div class="row ${c('r')}"><div class="${c('hd')}"><em>订单编号</em><em>${ID}</em><em>下单时间</em><em>2024/11/20 10:21:33</em></div>
        <div class="${c('bd')}"><div><p>纯棉短袖T恤</p><p>x1</p></div><div><i>¥</i><i>89</i><i>.90</i><small>含运费¥0.00</small></div>
        <div><b>已发货</b><span>中通快递 78432165498721</span></div><div>夏**</div></div></div></div>`;
    expect(values(floor(rowIn(html)))).toEqual({
      orderId: ID,
      createdAt: beijing('2024-11-20 10:21:33'),
      amountCents: 8990,
      status: { value: 'shipped', statusText: '已发货' },
      buyer: '夏**',
      shipments: [{ waybillNo: '78432165498721', carrierName: '中通快递', carrierCode: 'zto' }],
      items: [{ title: '纯棉短袖T恤', quantity: 1 }],
    });
  });

  it('抖店: a status cell printing 售后中 wins over the row\'s kora code', () => {
    const row = rowIn(`<div class="row" data-kora_order_status="3"><span>订单编号 ${ID}</span><div><div>售后中</div><div>买家申请退款</div></div></div>`);
    const read = floor(row, ['status']);
    expect(read.status).toMatchObject({ value: 'after_sale', statusText: '售后中', afterSale: true });
    const code = row.getAttribute('data-kora_order_status') === '3' ? 'shipped' : undefined;
    expect(printedStatusWins(read.status?.statusText, code)).toEqual({ status: 'after_sale', by: 'printed' });
  });

  it('京东: a card with label：value lines and a logistics line of its own', () => {
    const html = `<div class="row"><div><span>订单号：</span><button><span>309876543210</span></button></div>
      <div>2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款</div>
      <div><div>应收：</div><div><span>¥129.00</span><span>运费：¥0.00</span></div></div>
      <div><span>等待出库</span></div><div><span>物流信息：</span><span>韵达快递：462598779470531</span></div>
      <div>王**，陕西安康市紫阳县**********</div></div>`;
    expect(values(floor(rowIn(html), ALL_FIELDS, /^\d{11,13}$/))).toEqual({
      orderId: '309876543210',
      createdAt: beijing('2026-08-06 01:22:42'),
      paidAt: beijing('2026-08-06 01:25:04'),
      amountCents: 12900,
      status: { value: 'paid', statusText: '等待出库' },
      receiverRegion: '陕西安康市',
      shipments: [{ waybillNo: '462598779470531', carrierName: '韵达快递', carrierCode: 'yunda' }],
    });
  });

  it('千牛: one table per order, 交易状态 and 实收款 by the header table, two waybills in a logistics cell', () => {
    const html = `<div><table><thead><tr><th>宝贝</th><th>交易状态</th><th>实收款</th><th>物流</th></tr></thead></table>
      <div><table class="row"><tbody><tr><td colspan="4"><span>订单号：</span><span>3318740215366018417</span><span>创建时间：</span><span>2026-05-13 09:12:45</span></td></tr>
      <tr><td>趣白洗手机</td><td><p>卖家已发货</p></td><td><p>¥199.00</p><p>(含快递:¥0.00)</p></td><td><div>顺丰速运 SF1234567890123</div><div>中通 78432165498721</div></td></tr></tbody></table></div></div>`;
    const read = floor(rowIn(html), ALL_FIELDS, /^\d{16,20}$/);
    expect(values(read)).toEqual({
      orderId: '3318740215366018417',
      createdAt: beijing('2026-05-13 09:12:45'),
      amountCents: 19900,
      status: { value: 'shipped', statusText: '卖家已发货' },
      shipments: [
        { waybillNo: 'SF1234567890123', carrierName: '顺丰速运', carrierCode: 'sf' },
        { waybillNo: '78432165498721', carrierName: '中通', carrierCode: 'zto' },
      ],
      items: [{ title: '趣白洗手机' }],
    });
    expect(read.shipments?.strategy).toBe('floor-column');
  });

  it('快手: labels with spaces, status as a tag, 快递 label', () => {
    const html = `<div class="row"><p>订单号 2015600256209851</p><p>下单时间 2026-05-13 11:00:00</p><p>支付时间 2026-05-13 11:01:00</p><span>已发货</span>
      <p>实付款 ¥39.90</p><p>快递：极兔速递 JT0006968326954</p><p>发货时间：2026-05-14 09:00:00</p></div>`;
    expect(values(floor(rowIn(html), ALL_FIELDS, /^\d{15,19}$/))).toEqual({
      orderId: '2015600256209851',
      createdAt: beijing('2026-05-13 11:00:00'),
      paidAt: beijing('2026-05-13 11:01:00'),
      shippedAt: beijing('2026-05-14 09:00:00'),
      amountCents: 3990,
      status: { value: 'shipped', statusText: '已发货' },
      shipments: [{ waybillNo: 'JT0006968326954', carrierName: '极兔速递', carrierCode: 'jt' }],
    });
  });

  it('拼多多: 已发货，退款成功 is the order\'s own status; waybill under 运单号 with 快递公司 beside it', () => {
    const html = `<div class="row"><div>订单编号：260512-176203358841907</div><div><span>已发货，退款成功</span></div>
      <div><span>快递公司：</span><span>申通快递</span><span>运单号：</span><span>773367326370601</span></div></div>`;
    expect(values(floor(rowIn(html), ['orderId', 'status', 'shipments'], /^\d{6}-\d{15}$/))).toEqual({
      orderId: '260512-176203358841907',
      status: { value: 'refunded', statusText: '已发货，退款成功', afterSale: true },
      shipments: [{ waybillNo: '773367326370601', carrierName: '申通快递', carrierCode: 'sto' }],
    });
  });
});

describe('split shipments: every waybill, deduplicated', () => {
  it('包裹1/包裹2 with their own carrier labels', () => {
    const html = `<div class="row"><div>包裹1</div><div>快递公司：中通快递</div><div>运单号：78432165498721</div>
      <div>包裹2</div><div>快递公司：韵达快递</div><div>运单号：462598779470531</div><div>中通快递 78432165498721</div></div>`;
    expect(floor(rowIn(html), ['shipments']).shipments).toEqual({
      value: [
        { waybillNo: '78432165498721', carrierName: '中通快递', carrierCode: 'zto' },
        { waybillNo: '462598779470531', carrierName: '韵达快递', carrierCode: 'yunda' },
      ],
      strategy: 'floor-label',
    });
  });

  it('a waybill label whose number does not fit the named carrier is not a waybill', () => {
    const html = '<div class="row"><div>快递公司：顺丰速运</div><div>运单号：78432165498721</div></div>';
    expect(floor(rowIn(html), ['shipments'])).toEqual({});
  });

  it('a waybill label without a carrier takes a number that fits some carrier, never a short or odd one', () => {
    expect(values(floor(rowIn('<div class="row"><span>运单号：</span><span>78432165498721</span></div>'), ['shipments']))).toEqual({
      shipments: [{ waybillNo: '78432165498721' }],
    });
    expect(floor(rowIn('<div class="row"><span>运单号：</span><span>1234567</span></div>'), ['shipments'])).toEqual({});
    expect(floor(rowIn('<div class="row"><span>运单号：</span><span>12345678901234567</span></div>'), ['shipments'])).toEqual({});
  });

  it('numbers that are not waybills: phone fragments, 商品ID, order ids', () => {
    const html = `<div class="row"><span>订单编号：${ID}</span><span>商品ID：3612345678901</span><span>测*，138****5678，浙江省杭州市</span>
      <span>中通快递</span><span>${ID2}</span><span>已发货</span></div>`;
    expect(floor(rowIn(html), ['shipments'])).toEqual({});
  });
});

describe('the row element bounds what is read', () => {
  const page = `<div class="list"><div class="head"><div>订单编号</div><div>实付金额</div><div>订单状态</div></div>
    <div class="row"><div>${ID}</div><div>¥--</div><div>待发货</div></div>
    <div class="row"><div>${ID2}</div><div>¥59.90</div><div>已发货 中通快递 78432165498721</div></div></div>`;

  it('a row never takes its neighbour\'s values', () => {
    const [first, second] = rowsIn(page);
    beginFloorRead();
    const a = readRowFloor(first!, { orderIdPattern: /^\d{19}$/, want: ALL_FIELDS });
    const b = readRowFloor(second!, { orderIdPattern: /^\d{19}$/, want: ALL_FIELDS });
    expect(values(a)).toEqual({ orderId: ID, status: { value: 'paid', statusText: '待发货' } });
    expect(values(b)).toEqual({
      orderId: ID2,
      amountCents: 5990,
      status: { value: 'shipped', statusText: '已发货' },
      shipments: [{ waybillNo: '78432165498721', carrierName: '中通快递', carrierCode: 'zto' }],
    });
  });

  it('a row element holding two orders\' unlabelled ids gives no id', () => {
    expect(floor(rowIn(`<div class="row"><span>${ID}</span><span>${ID2}</span></div>`), ['orderId'])).toEqual({});
  });

  it('only the wanted fields are returned', () => {
    const [, second] = rowsIn(page);
    expect(Object.keys(floor(second!, ['amountCents']))).toEqual(['amountCents']);
    expect(floor(second!, [])).toEqual({});
  });
});

describe('strategy order and tallies', () => {
  it('label before column before pattern', () => {
    const html = `<table><thead><tr><th>订单状态</th><th>实付金额</th></tr></thead><tbody><tr class="row"><td>待发货 <span>订单状态：已发货</span></td><td>¥10.00</td></tr></tbody></table>`;
    const read = floor(rowIn(html), ['status', 'amountCents']);
    expect(read.status).toMatchObject({ value: 'shipped', strategy: 'floor-label' });
    expect(read.amountCents).toEqual({ value: 1000, strategy: 'floor-column' });
    expect(floor(rowIn('<div class="row"><b>待付款</b></div>'), ['status']).status?.strategy).toBe('floor-pattern');
  });

  it('countFloor tallies a win after the chain\'s own strategies, or none', () => {
    const chain = [
      { selector: '.a', layout: 'x-2024' },
      { selector: '.b', layout: 'x-2021' },
    ];
    const tally = new Tally('amount', [...layoutsOf(chain), ...FLOOR_STRATEGIES]);
    expect(countFloor(tally, chain.length, { value: 1, strategy: 'floor-column' })).toBe(true);
    expect(countFloor(tally, chain.length, undefined)).toBe(false);
    const diag = emptyDiagnostics('douyin', 'list');
    tally.flush(diag);
    expect(diag.strategies.amount).toEqual({ 'floor-column': 1, none: 1 });
    expect(FLOOR_STRATEGIES.map(floorStrategyIndex)).toEqual([0, 1, 2]);
  });
});

describe('never throws, never guesses', () => {
  it.each([
    ['an empty element', '<div class="row"></div>'],
    ['text only', '<div class="row">hello</div>'],
    ['scripts and styles', `<div class="row"><script>var x = "订单号：${ID}"</script><style>.a{}</style></div>`],
    ['our own row controls', `<div class="row"><span data-orderlens="controls"><button>查物流</button><span>订单号：${ID}</span></span></div>`],
    ['an svg', '<div class="row"><svg><text>订单号：1</text></svg></div>'],
    ['a table without rows', '<table class="row"><thead><tr><th>订单号</th></tr></thead></table>'],
    ['unknown status words', '<div class="row"><span>订单状态：神秘状态</span></div>'],
  ])('%s', (_what, html) => {
    expect(values(floor(rowIn(html)))).toEqual({});
  });

  it('a detached row and a deep one', () => {
    const doc = docOf('');
    const detached = doc.createElement('div');
    detached.textContent = `订单号：${ID}`;
    expect(values(floor(detached))).toEqual({ orderId: ID });
    let deep = doc.createElement('div');
    const root = deep;
    for (let i = 0; i < 2000; i += 1) {
      const child = doc.createElement('div');
      deep.append(child);
      deep = child;
    }
    deep.textContent = '实付 ¥1.00';
    expect(() => floor(root)).not.toThrow();
  });

  it('a row of 10,000 pieces is cut, not walked whole', () => {
    const row = rowIn(`<div class="row">${'<span>x</span>'.repeat(10_000)}<span>订单号：${ID}</span></div>`);
    expect(values(floor(row, ['orderId']))).toEqual({});
  }, 30_000);
});

describe('cost', () => {
  /** A redesigned 抖店-like page: a div header, rows whose classes mean nothing, a pay cell with notes. */
  function page(rows: number): string {
    const out: string[] = [];
    out.push('<div class="t"><div class="h"><div>商品</div><div>单价/数量</div><div>售后</div><div>买家/收货信息</div><div>实付金额</div><div>订单状态</div><div>操作</div></div><div class="b">');
    for (let i = 0; i < rows; i += 1) {
      const id = `49340712588461${String(10000 + i)}`;
      const c = (name: string) => hashed(name, i % 7);
      out.push(
        `<div class="row ${c('r')}"><div class="${c('hd')}"><label><input type="checkbox"></label><div class="${c('id')}"><span>订单编号</span><span>${id}</span><i></i></div><div class="${c('t')}"><span>下单时间</span><span>2026/05/13 00:${String(i % 60).padStart(2, '0')}:32</span></div></div>` +
          `<div class="${c('bd')}"><div class="${c('pl')}"><div class="${c('pi')}"><div class="${c('p')}"><div class="${c('img')}"></div><div><div>纯棉短袖T恤 男款 ${i}</div><div>颜色：白色；尺码：XL</div><div>商品ID：36123456789012${String(10000 + i)}</div></div></div><div><div>¥59.90</div><div>x1</div></div><div>-</div></div></div>` +
          `<div class="${c('by')}"><div><span>抖音昵称：</span><span>夏**</span></div><div>测*，1**********，浙江省杭州市西湖区***</div></div>` +
          `<div class="${c('pay')}"><div><span>¥</span><span>${59 + (i % 40)}</span><span>.90</span></div><div>(含运费 ¥0.00)</div><div>抖音支付</div></div>` +
          `<div class="${c('st')}"><div>已发货</div><div>中通快递 784321654${String(10000 + i)}</div></div><div class="${c('op')}"><a>订单详情</a><a>查看物流</a></div></div></div>`,
      );
    }
    out.push('</div></div>');
    return out.join('');
  }

  // Costs are measured in Chromium by `npm run bench`, never by timing a unit test (shared, noisy machines):
  // here only what a redesigned page of 500 rows yields.
  it('500 rows of a redesigned page: every field from the floor', () => {
    const rows = rowsIn(page(500));
    beginFloorRead();
    const reads = rows.map((row) => readRowFloor(row, { orderIdPattern: /^\d{19}$/, want: ALL_FIELDS }));
    expect(reads.every((read) => read.orderId && read.amountCents && read.status && read.shipments && read.createdAt)).toBe(true);
    expect(reads[7]!.amountCents?.value).toBe(6690);
  }, 60_000);

  it('asked for one field, the floor answers that field only', () => {
    const rows = rowsIn(page(20));
    beginFloorRead();
    const read = readRowFloor(rows[3]!, { orderIdPattern: /^\d{19}$/, want: ['amountCents'] });
    expect(Object.keys(values(read))).toEqual(['amountCents']);
  });
});

