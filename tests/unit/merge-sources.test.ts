import { describe, expect, it } from 'vitest';
import { mergeOrder } from '@/utils/db/merge-order';
import { captured } from './order-factory';

const T0 = Date.UTC(2026, 4, 13, 0, 0, 0);
const T1 = T0 + 3_600_000;
const T2 = T1 + 3_600_000;

// Precedence between the two capture sources (DESIGN.md "Data flow"): a JSON value with exact units
// beats one read from text, a later observation still wins for status, nothing known is ever erased.
describe('mergeOrder across sources (dom / api)', () => {
  const fromApi = () =>
    captured({
      amountCents: 8990,
      paidAt: T0 + 60_000,
      buyerId: '3598712345',
      orderSource: '精选联盟',
      items: [{ title: '夏季纯棉短袖T恤男宽松潮牌', spec: '白色 XL', quantity: 2, unitPriceCents: 4495, skuId: '1780001', skuCode: 'TS-W-XL' }],
    });

  it('a value read from text after the JSON does not replace the JSON value', () => {
    const api = mergeOrder(undefined, fromApi(), T0, 'api');
    expect(api.apiFields).toEqual(expect.arrayContaining(['amountCents', 'paidAt', 'buyerId', 'orderSource', 'items']));
    const dom = mergeOrder(api, captured({ amountCents: 9000, items: [{ title: '夏季纯棉短袖T恤男…', quantity: 2 }] }), T1, 'dom');
    expect(dom.amountCents).toBe(8990);
    expect(dom.items).toEqual(api.items);
    expect(dom.items[0]!.skuCode).toBe('TS-W-XL');
  });

  it('the JSON replaces values read from text before it', () => {
    const dom = mergeOrder(undefined, captured({ amountCents: 9000, items: [{ title: '夏季纯棉短袖T恤男…', quantity: 2 }] }), T0, 'dom');
    const api = mergeOrder(dom, fromApi(), T1, 'api');
    expect(api.amountCents).toBe(8990);
    expect(api.items.map((item) => item.title)).toEqual(['夏季纯棉短袖T恤男宽松潮牌']);
  });

  it('status: the later observation wins whichever source made it, and both changes are in the history', () => {
    const api = mergeOrder(undefined, captured({ status: 'paid', statusText: '待发货' }), T0, 'api');
    const dom = mergeOrder(api, captured({ status: 'after_sale', statusText: '售后中' }), T1, 'dom');
    expect(dom.status).toBe('after_sale');
    const again = mergeOrder(dom, captured({ status: 'refunded', statusText: '已退款' }), T2, 'api');
    expect(again.status).toBe('refunded');
    expect(again.statusHistory.map((change) => change.status)).toEqual(['paid', 'after_sale', 'refunded']);
  });

  it('the text still fills what the JSON did not give, and nothing known is erased by either', () => {
    const api = mergeOrder(undefined, captured({ paymentMethod: undefined, buyer: undefined, amountCents: 8990 }), T0, 'api');
    const dom = mergeOrder(api, captured({ paymentMethod: '微信支付', buyer: '王**', amountCents: undefined }), T1, 'dom');
    expect(dom.paymentMethod).toBe('微信支付');
    expect(dom.buyer).toBe('王**');
    const sparse = mergeOrder(dom, captured({ paymentMethod: undefined, buyer: undefined, amountCents: undefined, shop: undefined }), T2, 'api');
    expect(sparse.paymentMethod).toBe('微信支付');
    expect(sparse.amountCents).toBe(8990);
    expect(sparse.shop).toBe('测试旗舰店');
  });

  it('waybills from both sources are united', () => {
    const api = mergeOrder(undefined, captured({ status: 'shipped', shipments: [{ waybillNo: 'YT2345678901234', carrierName: '圆通速递', events: [] }] }), T0, 'api');
    const dom = mergeOrder(api, captured({ status: 'shipped', shipments: [{ waybillNo: '78432165498721', carrierName: '中通快递', events: [] }] }), T1, 'dom');
    expect(dom.waybillNos).toEqual(['YT2345678901234', '78432165498721']);
  });

  it('the same JSON twice, or the same text after the JSON, writes nothing', () => {
    const api = mergeOrder(undefined, fromApi(), T0, 'api');
    expect(mergeOrder(api, fromApi(), T1, 'api')).toBe(api);
    const dom = captured({ amountCents: 9000 });
    const once = mergeOrder(api, dom, T1, 'dom');
    expect(mergeOrder(once, dom, T2, 'dom')).toBe(once);
  });

  it('DOM-only orders carry no apiFields (records as before)', () => {
    expect(mergeOrder(undefined, captured(), T0, 'dom').apiFields).toBeUndefined();
  });
});
