// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fieldsForHeader, type ColumnField } from '@/utils/capture/generic-columns';
import { LABEL_WORDS, type Kind } from '@/utils/capture/floor/kinds';
import { labelHits } from '@/utils/capture/floor/label-value';
import { beginFloorRead, rowTextOf } from '@/utils/capture/floor/row-text';
import { beijing, floor, hashed, rowIn, values } from './floor-helpers';

const ID = '4934071258846137421';

/** The same label：value pair in the markups consoles use, with class names that mean nothing. */
function markups(label: string, value: string, seed = 1): Record<string, string> {
  const c = (name: string) => hashed(name, seed);
  return {
    'same text node, full-width colon': `<div class="row"><span class="${c('a')}">${label}：${value}</span></div>`,
    'same text node, ASCII colon': `<div class="row"><span class="${c('a')}">${label}:${value}</span></div>`,
    'same text node, a space': `<div class="row"><span class="${c('a')}">${label} ${value}</span></div>`,
    'sibling elements': `<div class="row"><span class="${c('l')}">${label}</span><span class="${c('v')}">${value}</span></div>`,
    'sibling elements, colon in the label': `<div class="row"><span class="${c('l')}">${label}：</span><span class="${c('v')}">${value}</span></div>`,
    'label element then value element inside a parent': `<div class="row"><div class="${c('item')}"><div class="${c('lw')}"><label>${label}：</label></div><div class="${c('vw')}"><span><em>${value}</em></span></div></div></div>`,
    'value inside the label element': `<div class="row"><span class="${c('l')}">${label}：<b class="${c('v')}">${value}</b></span></div>`,
    'dt/dd': `<dl class="row"><dt>${label}</dt><dd>${value}</dd></dl>`,
    'nested wrappers, colon piece apart': `<div class="row"><div><div><span>${label}</span><i>：</i></div></div><div><div><span>${value}</span></div></div></div>`,
  };
}

describe('label → value in every markup', () => {
  const cases: [string, string, string, Record<string, unknown>][] = [
    ['订单编号', ID, 'orderId', { orderId: ID }],
    ['订单号', ID, 'orderId', { orderId: ID }],
    ['下单时间', '2024/11/20 10:21:33', 'createdAt', { createdAt: beijing('2024-11-20 10:21:33') }],
    ['创建时间', '2024-11-20 10:21:33', 'createdAt', { createdAt: beijing('2024-11-20 10:21:33') }],
    ['订单成交时间', '2024-11-20 10:21:33', 'createdAt', { createdAt: beijing('2024-11-20 10:21:33') }],
    ['付款时间', '2024-11-20 10:22:00', 'paidAt', { paidAt: beijing('2024-11-20 10:22:00') }],
    ['支付时间', '2024-11-20 10:22:00', 'paidAt', { paidAt: beijing('2024-11-20 10:22:00') }],
    ['发货时间', '2024-11-21 09:00:00', 'shippedAt', { shippedAt: beijing('2024-11-21 09:00:00') }],
    ['实付', '¥89.90', 'amountCents', { amountCents: 8990 }],
    ['实付金额', '¥89.90', 'amountCents', { amountCents: 8990 }],
    ['实收款', '¥89.90', 'amountCents', { amountCents: 8990 }],
    ['应付', '¥89.90', 'amountCents', { amountCents: 8990 }],
    ['应付金额', '¥89.90', 'amountCents', { amountCents: 8990 }],
    ['买家', '测**', 'buyer', { buyer: '测**' }],
    ['买家昵称', '星**', 'buyer', { buyer: '星**' }],
    ['抖音昵称', '夏**', 'buyer', { buyer: '夏**' }],
    ['会员名', 'tb_12***', 'buyer', { buyer: 'tb_12***' }],
    ['订单状态', '待发货', 'status', { status: { value: 'paid', statusText: '待发货' } }],
    ['交易状态', '卖家已发货', 'status', { status: { value: 'shipped', statusText: '卖家已发货' } }],
    ['收货地址', '浙江省杭州市西湖区***', 'receiverRegion', { receiverRegion: '浙江省杭州市' }],
    ['运单号', '78432165498721', 'shipments', { shipments: [{ waybillNo: '78432165498721' }] }],
    ['物流单号', 'SF1234567890123', 'shipments', { shipments: [{ waybillNo: 'SF1234567890123', carrierCode: 'sf' }] }],
    ['快递单号', '462598779470531', 'shipments', { shipments: [{ waybillNo: '462598779470531' }] }],
    ['快递', '中通快递 78432165498721', 'shipments', { shipments: [{ waybillNo: '78432165498721', carrierName: '中通快递', carrierCode: 'zto' }] }],
    ['商品', '纯棉短袖T恤 男款', 'items', { items: [{ title: '纯棉短袖T恤 男款' }] }],
  ];
  for (const [label, value, field, expected] of cases) {
    describe(`${label}：${value}`, () => {
      for (const [shape, html] of Object.entries(markups(label, value))) {
        // `label value` with a space: a nickname or title with spaces reads up to the end of the piece (fine)
        it(shape, () => {
          const read = floor(rowIn(html), [field as never]);
          expect(values(read)).toEqual(expected);
          const found = Object.values(read)[0] as { strategy: string };
          expect(found.strategy).toBe('floor-label');
        });
      }
    });
  }
});

describe('labels are whole words', () => {
  it.each([
    ['子订单号 is not the order id', `<div class="row"><span>子订单号：${ID}</span></div>`, 'orderId'],
    ['买家留言 is not the buyer', '<div class="row"><span>买家留言：尽快发货</span></div>', 'buyer'],
    ['承诺发货时间 is not the ship time', '<div class="row"><span>承诺发货时间：2024-11-22 10:00:00</span></div>', 'shippedAt'],
    ['联系买家 is a button', '<div class="row"><a>联系买家</a><span>星**</span></div>', 'buyer'],
    ['商品总价 is not an amount', '<div class="row"><span>商品总价：¥95.00</span></div>', 'amountCents'],
    ['运费 is not an amount', '<div class="row"><span>运费</span><span>¥10.00</span></div>', 'amountCents'],
    ['an empty value does not borrow the next label', '<div class="row"><span>买家：</span><span>规格：</span><span>XL</span></div>', 'buyer'],
    ['a placeholder value', '<div class="row"><span>发货时间：</span><span>--</span></div>', 'shippedAt'],
  ])('%s', (_why, html, field) => {
    expect(values(floor(rowIn(html), [field as never]))).toEqual({});
  });
});

describe('one text holding several labels (拼多多 header line)', () => {
  const html = `<div class="row"><div>订单编号：220216-179332719430230 订单成交时间：2022-02-16 10:00:00 承诺发货时间：2022-02-18 10:00:00</div></div>`;
  it('cuts each value at the next label', () => {
    expect(values(floor(rowIn(html), ['orderId', 'createdAt', 'shippedAt'], /^\d{6}-\d{15}$/))).toEqual({
      orderId: '220216-179332719430230',
      createdAt: beijing('2022-02-16 10:00:00'),
    });
  });
});

describe('money after its label', () => {
  it.each([
    ['split over spans', '<div class="row"><span>实付</span><span><i>¥</i><b>89</b><b>.90</b></span></div>', 8990],
    ['split spans as siblings of the label', '<div class="row"><div><span>实付</span><span>¥</span><span>89</span><span>.90</span></div></div>', 8990],
    ['with a freight note', '<div class="row"><span>实付金额</span><div><div>¥89.90</div><div>含运费¥0.00</div></div></div>', 8990],
    ['with a discount note', '<div class="row"><span>实付 ¥89.90 (优惠¥5.00)</span></div>', 8990],
    ['freight note first', '<div class="row"><span>合计：</span><span>(含运费¥10.00)</span><span>¥99.00</span></div>', 9900],
    ['label without colon, glued', '<div class="row"><span>实付¥89.90</span></div>', 8990],
    ['other numbers after it', '<div class="row"><div><span>应付金额：</span><span>¥89.90</span></div><div>x2</div></div>', 8990],
  ])('%s', (_shape, html, cents) => {
    expect(floor(rowIn(html), ['amountCents']).amountCents).toEqual({ value: cents, strategy: 'floor-label' });
  });

  it('a freight value is never the amount', () => {
    expect(floor(rowIn('<div class="row"><span>实付</span><span>含运费¥0.00</span></div>'), ['amountCents'])).toEqual({});
  });
});

describe('each console\'s label words', () => {
  it.each([
    ['抖店', `<div class="row"><span>订单编号</span><span>${ID}</span><span>下单时间</span><span>2026/05/13 00:22:32</span><span>抖音昵称：</span><span>夏**</span></div>`, /^\d{19}$/, { orderId: ID, createdAt: beijing('2026-05-13 00:22:32'), buyer: '夏**' }],
    ['京东', '<div class="row"><span>订单号：</span><button><span>309876543210</span></button><div>2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款</div><span>应收</span><span>¥129.00</span></div>', /^\d{11,13}$/, { orderId: '309876543210', createdAt: beijing('2026-08-06 01:22:42'), paidAt: beijing('2026-08-06 01:25:04'), amountCents: 12900 }],
    ['千牛', '<table class="row"><tr><td>订单号：<span>3318740215366018417</span> 创建时间：<span>2026-05-13 09:12:45</span></td></tr><tr><td>实收款 ¥ 199.00</td><td>买家：星**</td></tr></table>', /^\d{16,20}$/, { orderId: '3318740215366018417', createdAt: beijing('2026-05-13 09:12:45'), amountCents: 19900, buyer: '星**' }],
    ['快手', '<div class="row"><p>订单号 2015600256209851</p><p>下单时间 2026-05-13 11:00:00</p><p>实付款 ¥39.90</p><p>快手昵称：小*</p></div>', /^\d{15,19}$/, { orderId: '2015600256209851', createdAt: beijing('2026-05-13 11:00:00'), amountCents: 3990, buyer: '小*' }],
    ['拼多多', '<div class="row"><div><span>订单编号：<span>260513-179332719430230</span></span><span>订单成交时间：2026-05-13 00:22:32</span></div><div>实收金额</div><div>¥29.90</div><div>买家昵称</div><div>李**</div></div>', /^\d{6}-\d{15}$/, { orderId: '260513-179332719430230', createdAt: beijing('2026-05-13 00:22:32'), amountCents: 2990, buyer: '李**' }],
  ])('%s', (_console, html, pattern, expected) => {
    const read = floor(rowIn(html), ['orderId', 'createdAt', 'paidAt', 'amountCents', 'buyer'], pattern);
    expect(values(read)).toEqual(expected);
  });
});

describe('label vocabulary', () => {
  it('the words generic-columns knows name the same field here', () => {
    const same: Partial<Record<Kind, ColumnField>> = {
      orderId: 'orderId',
      createdAt: 'createdAt',
      paidAt: 'paidAt',
      shippedAt: 'shippedAt',
      amount: 'amount',
      status: 'status',
      waybill: 'waybills',
      carrier: 'carrier',
      buyer: 'buyer',
      item: 'itemTitle',
      quantity: 'quantity',
      unitPrice: 'unitPrice',
    };
    for (const [kind, words] of Object.entries(LABEL_WORDS) as [Kind, readonly string[]][]) {
      for (const word of words) {
        const known = fieldsForHeader(word);
        if (known.length > 0) expect([word, known]).toEqual([word, [same[kind]]]);
      }
    }
  });

  it('scans a row once per read', () => {
    const row = rowIn(`<div class="row"><span>订单号：${ID}</span></div>`);
    beginFloorRead();
    const text = rowTextOf(row);
    expect(labelHits(text)).toBe(labelHits(text));
    expect(rowTextOf(row)).toBe(text);
    beginFloorRead();
    expect(rowTextOf(row)).not.toBe(text);
  });
});
