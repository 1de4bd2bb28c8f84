import { describe, expect, it } from 'vitest';
import { parseBeijingTime } from '@/utils/model/time';
import {
  amountIn,
  labelledTimes,
  printedStatusIn,
  regionIn,
  ShipmentSet,
  shipmentsIn,
  statusPieces,
  timeIn,
  unlabelledOrderId,
  wholeIdPattern,
} from '@/utils/capture/floor/text-patterns';
import { fitsCarrier } from '@/utils/capture/floor/waybill-fit';
import { beijing } from './floor-helpers';

describe('amountIn: the amount told apart from its qualifiers', () => {
  it.each([
    ['¥89.90', 8990],
    ['￥89.9', 8990],
    ['¥ 1,299.00', 129900],
    ['89.90元', 8990],
    ['89.90', 8990],
    ['¥89.90 含运费¥0.00', 8990],
    ['¥89.90含运费¥10.00', 8990],
    ['¥139.70(含运费 ¥0.00)', 13970],
    ['¥89.90 (优惠¥5.00)', 8990],
    ['含运费¥10.00 ¥89.90', 8990],
    ['运费：¥10.00 ¥89.90', 8990],
    ['优惠¥5.00 ¥84.90', 8490],
    ['减¥5.00 ¥84.90', 8490],
    ['折扣¥5.00 ¥84.90', 8490],
    ['邮费¥6.00 ¥84.90', 8490],
    ['¥84.90 -¥5.00', 8490],
    ['¥89.90 抖音支付', 8990],
    ['¥89.90 ¥89.90', 8990],
  ])('%s → %i', (text, cents) => {
    expect(amountIn(text)).toBe(cents);
  });

  it.each([
    ['a money value right after 运费 is never the amount', '运费 ¥10.00'],
    ['nor after 含运费', '含运费¥0.00'],
    ['nor after 优惠', '(优惠¥5.00)'],
    ['two different unqualified amounts: which one was paid is not said', '¥100.00 ¥80.00'],
    ['a placeholder', '¥--'],
    ['garbage', '¥12.3.4'],
    ['nothing', ''],
    ['a count', '共2件'],
  ])('%s: %s → undefined', (_why, text) => {
    expect(amountIn(text)).toBeUndefined();
  });
});

describe('times', () => {
  it('parses Beijing times with / as well as - (time.ts already does)', () => {
    expect(parseBeijingTime('2024/11/20 10:21:33')).toBe(beijing('2024-11-20 10:21:33'));
    expect(timeIn('2024/11/20 10:21:33')).toBe(beijing('2024-11-20 10:21:33'));
    expect(timeIn('2024-11-20 10:21')).toBe(beijing('2024-11-20 10:21:00'));
    expect(timeIn('约 2024-11-20 10:21:33 前')).toBe(beijing('2024-11-20 10:21:33'));
    expect(timeIn('2024-13-20 10:21:33')).toBeUndefined();
    expect(timeIn('--')).toBeUndefined();
  });

  it('ties stamps to the label before them', () => {
    expect(labelledTimes(['订单编号：4934071258846137421 下单时间：2024/11/20 10:21:33 付款时间：2024/11/20 10:22:00'])).toEqual({
      createdAt: beijing('2024-11-20 10:21:33'),
      paidAt: beijing('2024-11-20 10:22:00'),
    });
    expect(labelledTimes(['发货时间 (北京时间)：2024-11-21 08:00:00'])).toEqual({ shippedAt: beijing('2024-11-21 08:00:00') });
  });

  it('ties stamps to a label piece before them, and to a word after them (京东)', () => {
    expect(labelledTimes(['支付时间', '2024-11-20 10:22:00'])).toEqual({ paidAt: beijing('2024-11-20 10:22:00') });
    expect(labelledTimes(['2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款'])).toEqual({
      createdAt: beijing('2026-08-06 01:22:42'),
      paidAt: beijing('2026-08-06 01:25:04'),
    });
  });

  it('joins a date and a clock printed apart', () => {
    expect(labelledTimes(['下单时间：2024-11-20', '10:21:33'])).toEqual({ createdAt: beijing('2024-11-20 10:21:33') });
  });

  it('leaves unlabelled stamps and other labels alone', () => {
    expect(labelledTimes(['2024-11-20 10:21:33'])).toEqual({});
    // 承诺发货时间 is the promised ship time, not 发货时间
    expect(labelledTimes(['承诺发货时间：2024-11-22 10:21:33'])).toEqual({});
    expect(labelledTimes(['剩余 23:59:59 自动关闭'])).toEqual({});
  });
});

describe('waybills: a carrier name followed by a number in that carrier\'s format', () => {
  const read = (pieces: string[]) => {
    const set = new ShipmentSet();
    shipmentsIn(pieces, set);
    return set.list;
  };

  it.each([
    ['中通快递 78432165498721', '78432165498721', 'zto'],
    ['韵达快递：462598779470531', '462598779470531', 'yunda'],
    ['韵达快递:462598779470531', '462598779470531', 'yunda'],
    ['顺丰速运 SF1234567890123', 'SF1234567890123', 'sf'],
    ['顺丰速运（标快）SF1234567890123', 'SF1234567890123', 'sf'],
    ['中通78432165498721', '78432165498721', 'zto'],
    ['申通快递 运单号：773367326370601', '773367326370601', 'sto'],
    ['极兔速递 JT0006968326954', 'JT0006968326954', 'jt'],
    ['圆通速递：YT9693083639795', 'YT9693083639795', 'yto'],
    ['京东快递 JDVA11408814483', 'JDVA11408814483', 'jd'],
    ['德邦快递 DPK364112047425', 'DPK364112047425', 'deppon'],
    ['邮政快递包裹 9876543210123', '9876543210123', 'post'],
    ['EMS 1012345678901', '1012345678901', 'ems'],
    ['已发货 中通快递 78432165498721 查看物流', '78432165498721', 'zto'],
  ])('%s', (text, waybillNo, carrierCode) => {
    expect(read([text])).toEqual([expect.objectContaining({ waybillNo, carrierCode })]);
  });

  it('keeps the printed carrier name', () => {
    expect(read(['韵达快递：462598779470531'])).toEqual([{ waybillNo: '462598779470531', carrierName: '韵达快递', carrierCode: 'yunda' }]);
  });

  it('reads a carrier piece followed by a number piece', () => {
    expect(read(['中通快递', '78432165498721'])).toEqual([{ waybillNo: '78432165498721', carrierName: '中通快递', carrierCode: 'zto' }]);
    expect(read(['韵达快递', '：', '462598779470531'])).toEqual([expect.objectContaining({ waybillNo: '462598779470531' })]);
  });

  it('reads bare numbers whose format only one carrier uses', () => {
    expect(read(['SF1234567890123'])).toEqual([{ waybillNo: 'SF1234567890123', carrierCode: 'sf' }]);
    expect(read(['运单 JT0006968326954'])).toEqual([{ waybillNo: 'JT0006968326954', carrierCode: 'jt' }]);
  });

  it('finds every waybill, deduplicated', () => {
    expect(
      read(['包裹1 中通快递 78432165498721', '包裹2 韵达快递：462598779470531', '中通快递', '78432165498721']).map((s) => s.waybillNo),
    ).toEqual(['78432165498721', '462598779470531']);
  });

  it.each([
    ['a bare digit-only number', ['78432165498721']],
    ['a phone number beside a carrier', ['中通快递 13812345678']],
    ['a phone fragment', ['中通快递', '1381234']],
    ['a 商品ID', ['商品ID：3612345678901']],
    ['a 19-digit order id beside a carrier', ['中通快递', '4934071258846137421']],
    ['a number outside the carrier\'s format (顺丰 needs SF + 13 digits or 12 digits)', ['顺丰速运 462598779470531']],
    ['a 邮政编码', ['邮政编码：310000']],
    ['a carrier word inside other text', ['查看物流', '78432165498721']],
    ['a latin alias glued to digits', ['ZTO78432165498721']],
  ])('%s is not a waybill', (_why, pieces) => {
    expect(read(pieces)).toEqual([]);
  });

  it('fitsCarrier follows utils/carriers formats', () => {
    expect(fitsCarrier('zto', '78432165498721')).toBe(true);
    expect(fitsCarrier('zto', '7843216549872100')).toBe(false);
    expect(fitsCarrier('sf', 'SF1234567890123')).toBe(true);
    expect(fitsCarrier('sf', '123456789012')).toBe(true);
    expect(fitsCarrier('sf', '1234567890123')).toBe(false);
    expect(fitsCarrier('ems', '1012345678901')).toBe(true);
    expect(fitsCarrier('ems', '3012345678901')).toBe(false);
    expect(fitsCarrier('ems', 'EA123456789CN')).toBe(true);
    expect(fitsCarrier('best', 'JT3002232682242')).toBe(true);
    expect(fitsCarrier('jd', '78432165498721')).toBe(false);
  });
});

describe('status words on whole pieces', () => {
  const printed = (pieces: string[]) => printedStatusIn(statusPieces(pieces));

  it('finds the order status among other pieces', () => {
    expect(printed(['4934071258846137421', '待发货', '剩余 1天23小时 需发货'])).toMatchObject({ text: '待发货', status: 'paid' });
    expect(printed(['已发货，待签收'])).toMatchObject({ status: 'shipped' });
    expect(printed(['已发货，退款成功'])).toMatchObject({ status: 'refunded', orderLevel: true });
    expect(printed(['订单状态：交易成功'])).toMatchObject({ text: '交易成功', status: 'completed' });
  });

  it('keeps item after-sale texts apart from the order status', () => {
    const found = statusPieces(['已发货', '退款中', '售后状态：退款成功']);
    expect(found.map((p) => [p.text, p.orderLevel, p.afterSale])).toEqual([
      ['已发货', true, 'none'],
      ['退款中', false, 'open'],
      ['退款成功', false, 'refunded'],
    ]);
    expect(printedStatusIn(found)).toMatchObject({ text: '已发货' });
  });

  it('trace words count only when nothing else is printed; conflicting words give nothing', () => {
    expect(printed(['已发货', '运输中'])).toMatchObject({ text: '已发货' });
    expect(printed(['运输中'])).toMatchObject({ text: '运输中', status: 'shipped' });
    expect(printed(['待付款', '已发货'])).toBe('conflict');
  });

  it('does not read remarks, titles or other labels as a status', () => {
    expect(statusPieces(['买家留言：退款中别发货', '备注：已发货', '夏季新款 已发货款 纯棉短袖T恤男款宽松版型大码'])).toEqual([]);
  });
});

describe('receiver region', () => {
  it('finds province/city in a masked address, never the street', () => {
    expect(regionIn('测*，1**********，浙江省杭州市西湖区***', true)).toBe('浙江省杭州市');
    expect(regionIn('浙江省 杭州市 西湖区 ****', true)).toBe('浙江省杭州市');
    expect(regionIn('王**，陕西安康市紫阳县**********', true)).toBe('陕西安康市');
    expect(regionIn('北京市朝阳区***', true)).toBe('北京市');
  });

  it('strict: a title is not an address', () => {
    expect(regionIn('北京烤鸭礼盒', true)).toBeUndefined();
    expect(regionIn('北京市特产礼盒', true)).toBeUndefined();
    expect(regionIn('浙江省博物馆纪念品', true)).toBeUndefined();
  });
});

describe('order ids without their label', () => {
  const whole = wholeIdPattern(/^\d{19}$/);

  it('a lone id of the console format', () => {
    expect(unlabelledOrderId(['4934071258846137421', '2026/05/13 00:22:32'], whole)).toBe('4934071258846137421');
  });

  it('ids claimed by other labels are not order ids', () => {
    expect(unlabelledOrderId(['商品ID：3612345678901234567'], whole)).toBeUndefined();
    expect(unlabelledOrderId(['商品ID', '3612345678901234567'], whole)).toBeUndefined();
    expect(unlabelledOrderId(['SKU 3612345678901234567'], whole)).toBeUndefined();
    expect(unlabelledOrderId(['子订单号：4934071258846137499'], whole)).toBeUndefined();
  });

  it('two different ids in one row give nothing', () => {
    expect(unlabelledOrderId(['4934071258846137421', '4934071258846137422'], whole)).toBeUndefined();
  });

  it('a longer digit run is not an id of a shorter format', () => {
    expect(unlabelledOrderId(['49340712588461374210'], whole)).toBeUndefined();
  });
});
