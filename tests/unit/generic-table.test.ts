// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readGenericTable } from '@/utils/capture/generic-table';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import type { PageRead, SiteDefinition } from '@/utils/sites/types';

const site: SiteDefinition = {
  platform: 'testshop',
  nameZh: '测试店',
  nameEn: 'Test shop',
  origins: ['https://seller.example'],
  matches: ['https://seller.example/*'],
  detectPage: () => 'list',
  orderIdPattern: /^\d{16}$/,
};

const beijing = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

function docOf(body: string): Document {
  return new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url: 'https://seller.example/orders' }).window.document;
}

function read(body: string): PageRead | null {
  return readGenericTable(docOf(body), site, 'list');
}

function orders(result: PageRead | null): CapturedOrder[] {
  return (result?.rows ?? []).map((row) => CapturedOrderSchema.parse(row.order));
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A table from header labels and rows of cell texts (escaped, unless given as `html:<markup>`). */
function table(headers: string[], rows: string[][], opts: { thead?: boolean } = {}): string {
  const cell = (tag: string, text: string) => `<${tag}>${text.startsWith('html:') ? text.slice(5) : esc(text)}</${tag}>`;
  const head = `<tr>${headers.map((h) => cell('th', h)).join('')}</tr>`;
  const body = rows.map((row) => `<tr class="row">${row.map((c) => cell('td', c)).join('')}</tr>`).join('');
  return opts.thead === false ? `<table>${head}${body}</table>` : `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

const HEADERS = ['订单编号', '商品', '数量', '实付金额', '订单状态', '买家', '下单时间', '付款时间', '快递公司', '运单号'];
const ROWS = [
  ['1000000000000001', '纯棉T恤 白色', '2', '¥118.00', '待发货', '王**', '2026-05-13 00:22:32', '2026-05-13 00:23:01', '', ''],
  ['1000000000000002', '马克杯', '1', '￥29.90', '已发货', '李*', '2026-05-12 08:00:00', '2026-05-12 08:01:00', '中通快递', '75312345678901'],
  ['1000000000000003', '毛毯', '1', '39.90元', '等待买家付款', '赵**', '2026/05/11 09:30', '-', '', ''],
];
const EXPECTED: Partial<CapturedOrder>[] = [
  {
    orderId: '1000000000000001',
    amountCents: 11800,
    status: 'paid',
    statusText: '待发货',
    buyer: '王**',
    createdAt: beijing('2026-05-13 00:22:32'),
    paidAt: beijing('2026-05-13 00:23:01'),
    items: [{ title: '纯棉T恤 白色', quantity: 2 }],
    shipments: [],
  },
  {
    orderId: '1000000000000002',
    amountCents: 2990,
    status: 'shipped',
    statusText: '已发货',
    buyer: '李*',
    createdAt: beijing('2026-05-12 08:00:00'),
    paidAt: beijing('2026-05-12 08:01:00'),
    items: [{ title: '马克杯', quantity: 1 }],
    shipments: [{ waybillNo: '75312345678901', carrierName: '中通快递', events: [] }],
  },
  {
    orderId: '1000000000000003',
    amountCents: 3990,
    status: 'unpaid',
    statusText: '等待买家付款',
    buyer: '赵**',
    createdAt: beijing('2026-05-11 09:30:00'),
    items: [{ title: '毛毯', quantity: 1 }],
    shipments: [],
  },
];

function expectOrders(result: PageRead | null, expected: Partial<CapturedOrder>[]) {
  const got = orders(result);
  expect(got).toHaveLength(expected.length);
  got.forEach((order, i) => {
    expect(order).toEqual(
      CapturedOrderSchema.parse({ platform: 'testshop', sourcePage: 'list', ...expected[i] }),
    );
  });
}

describe('generic table reader: real <table>s', () => {
  it('maps columns by header text in a <thead>', () => {
    const result = read(table(HEADERS, ROWS));
    expect(result?.diagnostics.layout).toBe('generic-table');
    expectOrders(result, EXPECTED);
    expect(result!.diagnostics).toMatchObject({ rowsSeen: 3, rowsParsed: 3, skipped: {} });
    expect(result!.diagnostics.strategies.orderId).toEqual({ 'header:订单编号': 3 });
    expect(result!.rows.map((row) => row.element.tagName)).toEqual(['TR', 'TR', 'TR']);
  });

  it('finds the header in the first row of a table without <thead>, also below a caption row', () => {
    expectOrders(read(table(HEADERS, ROWS, { thead: false })), EXPECTED);
    const caption = `<table><tr><td colspan="10">近三个月订单</td></tr>${table(HEADERS, ROWS, { thead: false }).slice(7)}`;
    expectOrders(read(caption), EXPECTED);
  });

  it('reads shuffled columns the same', () => {
    const order = [9, 3, 0, 7, 5, 1, 8, 4, 6, 2];
    const result = read(table(order.map((i) => HEADERS[i]!), ROWS.map((row) => order.map((i) => row[i]!))));
    expectOrders(result, EXPECTED);
  });

  it('reads renamed headers (订单号 / 订单ID / 主订单编号, 实收款(元), 交易状态, 创建时间, 支付时间, 物流单号, 买家昵称)', () => {
    const renamed = ['订单号', '商品名称', '购买数量', '实收款(元)', '交易状态', '买家昵称', '创建时间', '支付时间', '物流公司', '物流单号'];
    expectOrders(read(table(renamed, ROWS)), EXPECTED);
    for (const idHeader of ['订单ID', '主订单编号', ' 订单编号： ', '订单号（主）']) {
      expectOrders(read(table([idHeader, ...HEADERS.slice(1)], ROWS)), EXPECTED);
    }
  });

  it('returns null when no table names an order id column', () => {
    expect(read(table(HEADERS.slice(1), ROWS.map((row) => row.slice(1))))).toBeNull();
    expect(read(table(['售后单号', ...HEADERS.slice(1)], ROWS))).toBeNull();
    expect(read('<div>订单编号：1000000000000001</div>')).toBeNull();
  });

  it('leaves out fields whose column is missing, never guesses them', () => {
    const keep = [0, 1, 4];
    const result = read(table(keep.map((i) => HEADERS[i]!), ROWS.map((row) => keep.map((i) => row[i]!))));
    const got = orders(result);
    expect(got.map((o) => o.orderId)).toEqual(['1000000000000001', '1000000000000002', '1000000000000003']);
    for (const order of got) {
      expect(order.amountCents).toBeUndefined();
      expect(order.createdAt).toBeUndefined();
      expect(order.buyer).toBeUndefined();
    }
    expect(got[0]!.items).toEqual([{ title: '纯棉T恤 白色' }]);
  });

  it('does not read 商品总价, 售后状态 or 买家留言 as amount, status or buyer', () => {
    const result = read(table(['订单号', '商品总价', '售后状态', '买家留言'], [['1000000000000001', '¥99.00', '退款成功', '请尽快发货']]));
    const [order] = orders(result);
    expect(order).toEqual(CapturedOrderSchema.parse({ platform: 'testshop', orderId: '1000000000000001', sourcePage: 'list' }));
  });

  it('skips rows that cannot be read correctly, with a counted reason', () => {
    const bad = [
      ['', '无单号', '1', '¥1.00', '待发货', 'a', '2026-05-13 00:00:00', '', '', ''],
      ['10000000000000', '短单号', '1', '¥1.00', '待发货', 'a', '2026-05-13 00:00:00', '', '', ''],
      ['1000000000000011', '坏金额', '1', '¥--', '待发货', 'a', '2026-05-13 00:00:00', '', '', ''],
      ['1000000000000012', '坏金额2', '1', '¥12.345', '待发货', 'a', '2026-05-13 00:00:00', '', '', ''],
      ['1000000000000017', '坏金额3', '1', '¥12.3.4', '待发货', 'a', '2026-05-13 00:00:00', '', '', ''],
      ['1000000000000018', '两个金额', '1', '¥100.00 ¥80.00', '待发货', 'a', '2026-05-13 00:00:00', '', '', ''],
      ['1000000000000013', '坏时间', '1', '¥1.00', '待发货', 'a', '2026-13-45 99:99:99', '', '', ''],
      ['1000000000000014', '坏时间2', '1', '¥1.00', '待发货', 'a', '2026-02-30 10:00:00', '', '', ''],
      ['1000000000000015', '坏付款时间', '1', '¥1.00', '待发货', 'a', '2026-05-13 00:00:00', '昨天', '', ''],
      ['10000000000000161', '19位', '1', '¥1.00', '待发货', 'a', '2026-05-13 00:00:00', '', '', ''],
    ];
    const result = read(table(HEADERS, [ROWS[0]!, ...bad, ROWS[1]!]));
    expectOrders(result, [EXPECTED[0]!, EXPECTED[1]!]);
    expect(result!.diagnostics.skipped).toEqual({ 'no-order-id': 1, 'bad-order-id': 2, 'bad-amount': 4, 'bad-time': 3 });
    expect(result!.diagnostics.rowsSeen).toBe(12);
    expect(result!.diagnostics.rowsParsed).toBe(2);
  });

  it('keeps markup and formula text as displayed text (never as markup)', () => {
    const doc = docOf(
      table(['订单号', '商品', '买家', '订单状态'], [
        ['1000000000000001', '<img src=x onerror=alert(1)> 爆款', '=HYPERLINK("http://x","点我")', '待发货'],
        ['1000000000000002', '<script>alert(1)</script>', '+cmd|\' /C calc\'!A0', '@SUM(1+1)'],
      ]),
    );
    const before = doc.body.innerHTML;
    const result = readGenericTable(doc, site, 'list');
    const got = orders(result);
    expect(got[0]!.items[0]!.title).toBe('<img src=x onerror=alert(1)> 爆款');
    expect(got[0]!.buyer).toBe('=HYPERLINK("http://x","点我")');
    expect(got[1]!.items[0]!.title).toBe('<script>alert(1)</script>');
    expect(got[1]!.buyer).toBe("+cmd|' /C calc'!A0");
    expect(got[1]!.status).toBeUndefined();
    expect(got[1]!.statusText).toBe('@SUM(1+1)');
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.querySelectorAll('img, script')).toHaveLength(0);
  });

  it('merges the rows of a multi-item order (rowspan) into one order, and drops them with a skipped order', () => {
    const html = `<table><thead><tr><th>订单号</th><th>商品</th><th>单价/数量</th><th>实付款</th><th>订单状态</th></tr></thead><tbody>
      <tr><td rowspan="2">1000000000000001</td><td>T恤<div>规格：白色 XL</div></td><td>¥59.90 ×1</td><td rowspan="2">¥99.70</td><td rowspan="2">待发货</td></tr>
      <tr><td>短裤</td><td>¥19.90 ×2</td></tr>
      <tr><td rowspan="2">1000000000000002</td><td>帽子</td><td>¥9.90 ×1</td><td rowspan="2">¥--</td><td rowspan="2">待发货</td></tr>
      <tr><td>袜子</td><td>¥5.00 ×1</td></tr>
      <tr><td>1000000000000003</td><td>杯子</td><td>¥10.00 x3</td><td>¥30.00</td><td>已签收</td></tr>
    </tbody></table>`;
    const result = read(html);
    const got = orders(result);
    expect(got.map((o) => o.orderId)).toEqual(['1000000000000001', '1000000000000003']);
    expect(got[0]!.items).toEqual([
      { title: 'T恤', spec: '白色 XL', quantity: 1, unitPriceCents: 5990 },
      { title: '短裤', quantity: 2, unitPriceCents: 1990 },
    ]);
    expect(got[0]!.amountCents).toBe(9970);
    expect(got[1]!.items).toEqual([{ title: '杯子', quantity: 3, unitPriceCents: 1000 }]);
    expect(result!.diagnostics.skipped).toEqual({ 'bad-amount': 1 });
    expect(result!.diagnostics.rowsSeen).toBe(3);
    expect(result!.rows[0]!.element).toBe(result!.rows[0]!.element.ownerDocument.querySelector('tbody tr'));
  });

  it('merges adjacent rows repeating an id and skips a later duplicate', () => {
    const result = read(table(['订单号', '商品', '实付款'], [
      ['1000000000000001', 'A', '¥10.00'],
      ['1000000000000001', 'B', '¥10.00'],
      ['1000000000000002', 'C', '¥5.00'],
      ['1000000000000001', 'D', '¥10.00'],
    ]));
    const got = orders(result);
    expect(got.map((o) => [o.orderId, o.items.map((i) => i.title)])).toEqual([
      ['1000000000000001', ['A', 'B']],
      ['1000000000000002', ['C']],
    ]);
    expect(result!.diagnostics.skipped).toEqual({ 'duplicate-order-id': 1 });
  });

  it('reads several waybills of one order, pairing carriers in order', () => {
    const result = read(table(['订单号', '快递公司', '运单号'], [
      ['1000000000000001', 'html:<div>中通快递</div><div>韵达快递</div>', 'html:<div>75312345678901</div><div>462598779470531</div>'],
      ['1000000000000002', '顺丰速运', 'html:<div>SF1234567890123</div><div>SF1234567890124</div>'],
      ['1000000000000003', '-', '-'],
    ]));
    const got = orders(result);
    expect(got[0]!.shipments).toEqual([
      { waybillNo: '75312345678901', carrierName: '中通快递', events: [] },
      { waybillNo: '462598779470531', carrierName: '韵达快递', events: [] },
    ]);
    expect(got[1]!.shipments.map((s) => [s.waybillNo, s.carrierName])).toEqual([
      ['SF1234567890123', '顺丰速运'],
      ['SF1234567890124', '顺丰速运'],
    ]);
    expect(got[2]!.shipments).toEqual([]);
  });

  it('joins a header-only table to the body table after it (fixed-header kits)', () => {
    const html = `<div class="ant-table-header"><table><colgroup><col><col><col></colgroup><thead><tr><th>订单号</th><th>实付款</th><th>订单状态</th></tr></thead></table></div>
      <div class="ant-table-body"><table><tbody>
        <tr aria-hidden="true" class="ant-table-measure-row"><td></td><td></td><td></td></tr>
        <tr><td>1000000000000001</td><td>¥10.00</td><td>交易成功</td></tr>
      </tbody></table></div>`;
    const got = orders(read(html));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ orderId: '1000000000000001', amountCents: 1000, status: 'completed' });
  });

  it('treats an empty-state row as no rows, not as a broken row', () => {
    const result = read(`<table><thead><tr><th>订单号</th><th>实付款</th></tr></thead><tbody>
      <tr class="ant-table-placeholder"><td colspan="2"><div class="ant-empty-description">暂无数据</div></td></tr></tbody></table>`);
    expect(result).not.toBeNull();
    expect(result!.rows).toEqual([]);
    expect(result!.diagnostics).toMatchObject({ layout: 'generic-table', rowsSeen: 0, skipped: {} });
  });

  it('reads the title column under a 商品 header spanning an image column', () => {
    const html = `<table><thead><tr><th>订单号</th><th colspan="2">商品</th><th>实付款</th></tr></thead><tbody>
      <tr><td>1000000000000001</td><td><img alt=""></td><td><div>纯棉T恤</div><div>ID: 123456</div></td><td>¥1.00</td></tr></tbody></table>`;
    expect(orders(read(html))[0]).toMatchObject({ items: [{ title: '纯棉T恤' }], amountCents: 100 });
  });

  it('puts the row controls in a cell it does not read (the 操作 column), and reads the same after they are added', () => {
    const html = table(['订单号', '实付款', '订单状态', '操作'], [['1000000000000001', '¥1.00', '待付款', 'html:<a>详情</a>']]);
    const doc = docOf(html);
    const first = readGenericTable(doc, site, 'list')!;
    const anchor = first.rows[0]!.controlsAnchor!;
    expect(anchor.textContent).toBe('详情');
    const controls = doc.createElement('span');
    controls.setAttribute('data-orderlens', 'controls');
    controls.textContent = '催付 下单 2026-05-13 00:00';
    anchor.append(controls);
    expect(orders(readGenericTable(doc, site, 'list'))).toEqual(orders(first));
  });

  it('does not read a nested table twice', () => {
    const inner = table(['订单号', '商品'], [['1000000000000009', 'X']]);
    const result = read(table(['订单号', '商品'], [['1000000000000001', `html:${inner}`]]));
    expect(orders(result).map((o) => o.orderId)).toEqual(['1000000000000001']);
  });

  it('reads a 2,000-row table completely', () => {
    const rows: string[][] = [];
    for (let i = 0; i < 2000; i++) {
      rows.push([String(1000000000000000 + i), `商品${i}`, String((i % 5) + 1), `¥${(i + 1).toFixed(2)}`, '待发货', `买家${i}*`, '2026-05-13 00:22:32', '', '', '']);
    }
    const doc = docOf(table(HEADERS, rows));
    const started = performance.now();
    const result = readGenericTable(doc, site, 'list');
    const elapsed = performance.now() - started;
    const got = orders(result);
    expect(got).toHaveLength(2000);
    expect(got[1999]).toMatchObject({ orderId: '1000000000001999', amountCents: 200000, items: [{ title: '商品1999', quantity: 5 }] });
    expect(new Set(result!.rows.map((row) => row.element)).size).toBe(2000);
    expect(result!.diagnostics).toMatchObject({ rowsSeen: 2000, rowsParsed: 2000, skipped: {} });
    expect(elapsed).toBeLessThan(20_000);
 
  }, 60_000);
});

describe('generic table reader: ARIA and div grids', () => {
  const ariaGrid = (order: number[]) => {
    const head = order.map((i) => `<div role="columnheader" aria-colindex="${i + 1}">${HEADERS[i]}</div>`).join('');
    const rows = ROWS.map(
      (row) => `<div role="row" class="r">${order.map((i) => `<div role="gridcell" aria-colindex="${i + 1}"><span>${esc(row[i]!)}</span></div>`).join('')}</div>`,
    ).join('');
    return `<div role="grid"><div role="rowgroup"><div role="row">${head}</div></div><div role="rowgroup">${rows}</div></div>`;
  };

  it('reads role="grid" rows by column header, honouring aria-colindex', () => {
    const result = read(ariaGrid([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(result?.diagnostics.layout).toBe('generic-grid');
    expectOrders(result, EXPECTED);
    // DOM order shuffled, aria-colindex tells the column
    expectOrders(read(ariaGrid([4, 2, 9, 0, 7, 1, 3, 8, 6, 5])), EXPECTED);
  });

  it('reads role="table" with role="cell"', () => {
    const head = HEADERS.map((h) => `<span role="columnheader">${h}</span>`).join('');
    const rows = ROWS.map((row) => `<div role="row">${row.map((c) => `<span role="cell">${esc(c)}</span>`).join('')}</div>`).join('');
    const result = read(`<div role="table"><div role="row">${head}</div>${rows}</div>`);
    expectOrders(result, EXPECTED);
    expect(result!.rows[0]!.element.getAttribute('role')).toBe('row');
  });

  it('reads a div grid whose header cells carry the labels', () => {
    const head = `<div class="th-row">${HEADERS.map((h) => `<div class="th">${h}</div>`).join('')}</div>`;
    const rows = ROWS.map((row) => `<div class="tr">${row.map((c) => `<div class="td"><span>${esc(c)}</span></div>`).join('')}</div>`).join('');
    const result = read(`<div class="grid"><div class="head">${head}</div><div class="body"><div class="inner">${rows}</div></div></div><ul class="pager"><li>1</li></ul>`);
    expect(result?.diagnostics.layout).toBe('generic-grid');
    expectOrders(result, EXPECTED);
  });

  it('does not take a label line (`订单号：…`) or a search form for a grid header', () => {
    expect(read('<form><div><label>订单号</label><input></div><div><label>买家</label><input></div></form>')).toBeNull();
    expect(read('<div><div>订单号：1000000000000001</div><div>实付款：¥1.00</div></div>')).toBeNull();
  });
});

describe('moneyCell with a garbage amount before a qualifying one', () => {
  it('is bad, never the qualifier amount', async () => {
    const { moneyCell } = await import('@/utils/capture/generic-cells');
    expect(moneyCell('¥1.2.3 (含运费 ¥0.00)').kind).toBe('bad');
    expect(moneyCell('¥159.70 (含运费 ¥0.00)')).toMatchObject({ kind: 'value', value: 15970 });
  });
});

describe('generic table reader: parse-health counts and the quick paths', () => {
  it('counts the winning column of each field once per row, summed over the tables of a page', () => {
    const more = [['1000000000000004', '围巾', '1', '¥10.00', '神秘状态', '钱*', '2026-05-10 10:00:00', '-', '', '']];
    const result = read(table(HEADERS, ROWS) + table(HEADERS, more));
    expect(result!.diagnostics).toMatchObject({ rowsSeen: 4, rowsParsed: 4, skipped: {} });
    expect(result!.diagnostics.strategies).toEqual({
      amount: { 'header:实付金额': 4 },
      createdAt: { 'header:下单时间': 4 },
      paidAt: { 'header:付款时间': 2 },
      status: { 'header:订单状态': 3, 'unknown-words': 1 },
      buyer: { 'header:买家': 4 },
      waybills: { 'header:运单号': 1 },
      items: { 'header:商品': 4 },
      quantity: { 'header:数量': 4 },
      orderId: { 'header:订单编号': 4 },
    });
  });

  it('reads the common money shapes without the general parser, with the same results', async () => {
    const { moneyCell } = await import('@/utils/capture/generic-cells');
    const cents = (text: string) => {
      const cell = moneyCell(text);
      return cell.kind === 'value' ? cell.value : cell.kind;
    };
    expect(cents('¥299.00')).toBe(29900);
    expect(cents('¥299.00(含运费¥0.00)')).toBe(29900);
    expect(cents('￥0.5 （含运费￥10）')).toBe(50);
    expect(cents('¥39.90×2')).toBe(3990);
    expect(cents('¥39.90 * 2')).toBe(3990);
    expect(cents('¥00.50')).toBe(50);
    expect(cents('¥999999999.99')).toBe(99999999999);
    // shapes the quick path leaves to the general parser
    expect(cents('¥1,299.00')).toBe(129900);
    expect(cents('¥1234567890.00')).toBe('bad');
    expect(cents('¥1.')).toBe('bad');
    expect(cents('¥1.234')).toBe('bad');
    expect(cents('¥100.00 ¥80.00')).toBe('bad');
    expect(cents('¥-5.00')).toBe(-500);
    expect(cents('¥ 8.80')).toBe(880);
    expect(cents('¥--')).toBe('bad');
  });

  it('reads a lone timestamp and collapses whitespace like the general code', async () => {
    const { collapse, timeCell } = await import('@/utils/capture/generic-cells');
    expect(timeCell('2026-05-13 10:20:30')).toEqual({ kind: 'value', value: beijing('2026-05-13 10:20:30') });
    expect(timeCell(' 2026-05-13\n  10:20:30 ')).toEqual({ kind: 'value', value: beijing('2026-05-13 10:20:30') });
    expect(timeCell('下单 2026-05-13 10:20:30')).toEqual({ kind: 'value', value: beijing('2026-05-13 10:20:30') });
    expect(timeCell('2026-02-30 10:00:00').kind).toBe('bad');
    expect(timeCell('2026-05-13 25:61:99').kind).toBe('bad');
    expect(collapse('a b')).toBe('a b');
    expect(collapse(' a\u00a0 b\u3000')).toBe('a b');
    expect(collapse('a\t\nb')).toBe('a b');
    expect(collapse('a  b')).toBe('a b');
    expect(collapse('   ')).toBe('');
    expect(collapse(null)).toBe('');
  });

  it('reads malformed colspan and rowspan values as 1', () => {
    const odd = table(HEADERS, ROWS).replace('<td>1000000000000001</td>', '<td rowspan="0" colspan="abc">1000000000000001</td>');
    expectOrders(read(odd), EXPECTED);
  });
});
