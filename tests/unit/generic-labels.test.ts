// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readLabelValues, valueOf } from '@/utils/capture/generic-labels';

const docOf = (body: string) => new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html').body;
const LABELS = new Set(['订单号', '实付款', '支付方式']);

describe('generic label/value pairs', () => {
  it('reads label：value, a bare known label before its value, and a known label joined to its value by a space', () => {
    const values = readLabelValues(
      docOf('<div>订单号 2413902846152044</div><div><span>实付款</span><span>¥159.70</span></div><div>支付方式：微信支付</div>'),
      LABELS,
    );
    expect(valueOf(values, ['订单号'])?.value).toBe('2413902846152044');
    expect(valueOf(values, ['实付款'])?.value).toBe('¥159.70');
    expect(valueOf(values, ['支付方式'])?.value).toBe('微信支付');
  });

  it('a text starting with an unknown word and a space is no label', () => {
    expect(readLabelValues(docOf('<div>纯棉短袖 白色 XL</div>'), LABELS)).toEqual([]);
  });
});
