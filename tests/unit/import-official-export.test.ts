// The consoles' own export files → orders in the database (issue 13 item 3): the 抖店 订单导出 of the same
// orders the JSON fixture pages serve gives the same KPIs as capturing those pages; GBK, UTF-8 and .xlsx
// read alike; merging keeps what pages saw; bad files import nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConsoleJson } from '@/utils/capture/parse-console-json';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { ImportCancelledError, importOrders } from '@/utils/db/import-orders';
import { readKpis } from '@/utils/db/read-kpis';
import { dayRange } from '@/utils/kpi/date-ranges';
import { checkRollups } from '@/utils/db/check-rollups';
import { recomputeRollups } from '@/utils/db/rollup-updates';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { detectLayout } from '@/utils/import/detect-layout';
import { rowsToOrders } from '@/utils/import/rows-to-orders';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import { readTableFile } from '@/utils/sheets/read-table-file';
import { TableFileError } from '@/utils/sheets/table-file';
import { apiReaders } from '@/utils/sites/douyin/api';
import { decodeBody } from '@/utils/tap/decode-body';

const FIXTURES = join(__dirname, '..', 'fixtures');
const EXPORTS = join(FIXTURES, 'exports');
const NOW = Date.parse('2026-05-14T12:00:00+08:00');
const ALL = { range: dayRange('all', NOW) };
const EXPORTED_AT = Date.parse('2026-05-13T12:00:00+08:00');

let db: OrderLensDatabase;
let name: string;
let serial = 0;
beforeEach(async () => {
  name = `import-test-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function mapped(file: string) {
  const table = await readTableFile(file, new Uint8Array(readFileSync(join(EXPORTS, file))));
  const detected = detectLayout(table.sheets);
  expect(detected, `${file}: a header line`).not.toBeNull();
  const sheet = table.sheets[detected!.sheetIndex]!;
  return { table, detected: detected!, result: rowsToOrders(sheet, detected!.headerRow, detected!.mapping, { platform: detected!.platforms[0]!, rowPerItem: detected!.layout?.rowPerItem ?? false }) };
}

/** The 抖店 list pages' JSON, read as the tap reads it (the same orders the export file lists). */
function capturedFromPages(): CapturedOrder[] {
  const reader = apiReaders.find((candidate) => candidate.id === 'douyin.searchlist')!;
  return ['searchlist-all-p0.json', 'searchlist-all-p1.json'].flatMap((file) => {
    const body = parseConsoleJson(decodeBody(new Uint8Array(readFileSync(join(FIXTURES, 'douyin', 'api', file))), 'application/json'));
    const read = reader.read(body, { url: new URL('https://fxg.jinritemai.com/api/order/searchlist?page=0'), status: 200, receivedAt: NOW });
    if (read.kind !== 'orders') throw new Error(`${file}: ${read.kind}`);
    return read.orders.map((order) => CapturedOrderSchema.parse(order));
  });
}

describe('抖店 订单导出', () => {
  it.each(['douyin-order-export-utf8.csv', 'douyin-order-export-gbk.csv', 'douyin-order-export.xlsx'])('%s: recognised, 17 sub-order rows → 14 orders, nothing rejected', async (file) => {
    const { table, detected, result } = await mapped(file);
    expect(detected.layout?.id).toBe('douyin-order-export');
    expect(detected.platforms[0]).toBe('douyin');
    expect(table.encoding).toBe(file.endsWith('gbk.csv') ? 'gb18030' : file.endsWith('.csv') ? 'utf-8' : undefined);
    expect(result.rows).toBe(17);
    expect(result.problems).toEqual([]);
    expect(result.orders).toHaveLength(14);
    const two = result.orders.find((order) => order.orderId === '4937120546881022603')!;
    expect(two.items.map((item) => [item.title, item.quantity, item.unitPriceCents, item.skuCode])).toEqual([
      ['速干运动短裤 男 夏季', 2, 3990, 'SD-L-BK'],
      ['运动毛巾 冰感速干', 1, 1590, 'TW-01'],
    ]);
    expect(two).toMatchObject({ amountCents: 9570, status: 'paid', receiverRegion: '江苏省苏州市', createdAt: Date.parse('2026-05-12T22:15:44+08:00'), paidAt: Date.parse('2026-05-12T22:16:30+08:00') });
  });

  it('the three files give the same orders', async () => {
    const [utf8, gbk, xlsx] = await Promise.all(['douyin-order-export-utf8.csv', 'douyin-order-export-gbk.csv', 'douyin-order-export.xlsx'].map(mapped));
    expect(gbk!.result.orders).toEqual(utf8!.result.orders);
    expect(xlsx!.result.orders).toEqual(utf8!.result.orders);
  });

  it('imported, the KPIs equal those of the same orders captured from the console pages', async () => {
    const { result } = await mapped('douyin-order-export-gbk.csv');
    await importOrders(db, result.orders, { observedAt: EXPORTED_AT, itemsComplete: true, now: NOW });
    const imported = await readKpis(db, ALL, NOW);

    const pagesDb = createDatabase(`${name}-pages`);
    await pagesDb.open();
    try {
      await upsertOrders(pagesDb, capturedFromPages(), EXPORTED_AT, 'api');
      const captured = await readKpis(pagesDb, ALL, NOW);
      expect(captured.orders).toBe(14);
      expect(imported).toEqual(captured);
    } finally {
      pagesDb.close();
      await Dexie.delete(`${name}-pages`);
    }
  });

  it('merging into captured orders duplicates nothing, erases nothing, and a re-import changes nothing', async () => {
    const pages = capturedFromPages();
    await upsertOrders(db, pages, EXPORTED_AT - 3_600_000, 'api');
    const before = await db.orders.get('douyin:4937120546881022604');
    const { result } = await mapped('douyin-order-export-utf8.csv');
    const first = await importOrders(db, result.orders, { observedAt: EXPORTED_AT, itemsComplete: true, now: NOW });
    expect(first.inserted).toBe(0);
    expect(await db.orders.count()).toBe(14);
    const after = await db.orders.get('douyin:4937120546881022604');
    // the page's buyer id and carrier code stay; the export adds the item's spec that both know
    expect(after).toMatchObject({ buyerId: before!.buyerId, shipments: [{ waybillNo: '78561234567890', carrierCode: 'zto' }] });
    expect(after!.sources).toEqual(['list', 'export']);
    const again = await importOrders(db, result.orders, { observedAt: EXPORTED_AT, itemsComplete: true, now: NOW + 1000 });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 14 });
    // the rollups moved in bulk equal a recount from the orders
    const moved = await db.rollups.orderBy('key').toArray();
    await recomputeRollups(db);
    expect(await db.rollups.orderBy('key').toArray()).toEqual(moved);
  });

  it('a status seen on a page after the export was taken is kept', async () => {
    const { result } = await mapped('douyin-order-export-utf8.csv');
    const shippedLater = CapturedOrderSchema.parse({ platform: 'douyin', orderId: '4937120546881022602', status: 'shipped', statusText: '已发货', sourcePage: 'list' });
    await upsertOrders(db, [shippedLater], EXPORTED_AT + 3_600_000);
    const outcome = await importOrders(db, result.orders, { observedAt: EXPORTED_AT, itemsComplete: true, now: NOW });
    expect(outcome.keptLaterStatus).toBe(1);
    expect((await db.orders.get('douyin:4937120546881022602'))!.status).toBe('shipped');
    expect((await db.orders.get('douyin:4937120546881022602'))!.amountCents).toBe(5990);
  });

  it('cancelled mid-way, nothing is written', async () => {
    const { result } = await mapped('douyin-order-export-utf8.csv');
    const controller = new AbortController();
    const many = Array.from({ length: 5000 }, (_, index) => ({ ...result.orders[0]!, orderId: String(4937120546881030000n + BigInt(index)) }));
    const run = importOrders(db, many, { observedAt: EXPORTED_AT, itemsComplete: true, now: NOW, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(await db.orders.count()).toBe(0);
    expect(await db.rollups.count()).toBe(0);
  });
});

describe('千牛 订单报表 (GBK)', () => {
  it('maps one row per order and keeps no name, phone, street or full nickname', async () => {
    const { detected, result } = await mapped('taobao-orders-report-gbk.csv');
    expect(detected.layout?.id).toBe('taobao-orders-report');
    expect(result.problems).toEqual([]);
    expect(result.orders.map((order) => [order.orderId, order.status, order.amountCents, order.buyer, order.receiverRegion, order.shop])).toEqual([
      ['3320145500112233441', 'unpaid', 16900, '星**', '浙江省杭州市', '小熊家居旗舰店'],
      ['3320145500112233442', 'paid', 25700, '牛**', '广东省深圳市', '小熊家居旗舰店'],
      ['3320145500112233443', 'shipped', 39800, '柚**', '四川省成都市', '小熊家居旗舰店'],
      ['3320145500112233444', 'completed', 15600, '豆**', '北京市', '小熊家居旗舰店'],
      ['3320145500112233445', 'closed', 0, '阿**', '江苏省苏州市', '小熊家居旗舰店'],
    ]);
    expect(result.orders[2]!.shipments).toEqual([{ waybillNo: '78561234567001', carrierName: '中通快递', carrierCode: 'zto', events: [] }]);
    const stored = JSON.stringify(result.orders);
    for (const secret of ['测试', '1380000', '文三路', '科技园', '@example', '星河散步者', '请尽快发货']) expect(stored).not.toContain(secret);
  });
});

describe('a layout no console table knows', () => {
  it('gets a proposed mapping below a title line, and the platform from the id format', async () => {
    const text =
      '京东商家后台 订单导出 2026-11-30\r\n' +
      '订单号,商品名称,购买数量,应付金额（元）,下单时间,订单状态,快递单号,快递公司\r\n' +
      '315276409885,保温杯,2,"1,299.00",2026/11/28 9:05,等待出库,,\r\n' +
      '315276409886,马克杯,1,59.00,2026/11/28 10:15,完成,JDVA00012345678,京东快递\r\n';
    const table = await readTableFile('京东订单.csv', new TextEncoder().encode(text));
    const detected = detectLayout(table.sheets)!;
    expect(detected.layout).toBeNull();
    expect(detected.headerRow).toBe(1);
    expect(detected.platforms).toEqual(['jd']);
    expect(detected.mapping).toMatchObject({ orderId: 0, itemTitle: 1, quantity: 2, amount: 3, createdAt: 4, status: 5, waybill: 6, carrier: 7 });
    const result = rowsToOrders(table.sheets[0]!, detected.headerRow, detected.mapping, { platform: 'jd', shop: '京东自营旗舰店', rowPerItem: false });
    expect(result.problems).toEqual([]);
    expect(result.orders.map((order) => [order.orderId, order.amountCents, order.status, order.createdAt, order.shop, order.items[0]?.quantity, order.shipments[0]?.carrierCode])).toEqual([
      ['315276409885', 129900, 'paid', Date.parse('2026-11-28T09:05:00+08:00'), '京东自营旗舰店', 2, undefined],
      ['315276409886', 5900, 'completed', Date.parse('2026-11-28T10:15:00+08:00'), '京东自营旗舰店', 1, 'jd'],
    ]);
  });

  it('ids of another platform than the one chosen are reported, not imported', async () => {
    const table = await readTableFile('x.csv', new TextEncoder().encode('订单号,下单时间\r\n315276409885,2026-11-28 09:05:00\r\n'));
    const detected = detectLayout(table.sheets)!;
    const result = rowsToOrders(table.sheets[0]!, detected.headerRow, detected.mapping, { platform: 'douyin', rowPerItem: false });
    expect(result.orders).toEqual([]);
    expect(result.problems).toEqual([{ row: 2, kind: 'wrong-platform-id', field: 'orderId', shown: '315276409885' }]);
  });
});

describe('bad files import nothing', () => {
  const header = '主订单编号,子订单编号,选购商品,商品数量,商品金额,订单应付金额,订单提交时间,订单状态\r\n';
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('an id a spreadsheet turned into a number is reported by row, never matched', async () => {
    const file = `${header}4937120546881022601,4937120546881022602,马克杯,1,29.00,29.00,2026-05-13 09:12:05,待支付\r\n4.93712E+18,4.93712E+18,T恤,1,59.90,59.90,2026-05-13 08:40:10,待发货\r\n`;
    const table = await readTableFile('export.csv', bytes(file));
    const detected = detectLayout(table.sheets)!;
    const result = rowsToOrders(table.sheets[0]!, detected.headerRow, detected.mapping, { platform: 'douyin', rowPerItem: true });
    expect(result.orders.map((order) => order.orderId)).toEqual(['4937120546881022601']);
    expect(result.problems).toEqual([{ row: 3, kind: 'damaged-id', field: 'orderId', shown: '4.93712E+18' }]);
  });

  it('a bad time leaves the whole order out, with its row', async () => {
    const file = `${header}4937120546881022601,4937120546881022602,马克杯,1,29.00,29.00,昨天,待支付\r\n`;
    const table = await readTableFile('export.csv', bytes(file));
    const detected = detectLayout(table.sheets)!;
    const result = rowsToOrders(table.sheets[0]!, detected.headerRow, detected.mapping, { platform: 'douyin', rowPerItem: true });
    expect(result.orders).toEqual([]);
    expect(result.problems).toEqual([{ row: 2, kind: 'bad-time', field: 'createdAt', shown: '昨天' }]);
  });

  it('no order-number column: no layout', async () => {
    const table = await readTableFile('list.csv', bytes('商品,数量\r\n马克杯,1\r\n'));
    expect(detectLayout(table.sheets)).toBeNull();
  });

  it('wrong type, garbled text, too big and empty files are refused with their reason', async () => {
    const problem = (run: Promise<unknown>) => run.then(() => 'read', (error: unknown) => (error instanceof TableFileError ? error.problem : String(error)));
    expect(await problem(readTableFile('photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).toBe('unsupported');
    expect(await problem(readTableFile('orders.xlsx', bytes('not a zip')))).toBe('unreadable');
    // UTF-8 once read as Latin-1 and saved again (mojibake), and text already full of replacement characters
    const utf8 = readFileSync(join(EXPORTS, 'douyin-order-export-utf8.csv'), 'utf8');
    expect(await problem(readTableFile('orders.csv', bytes(Buffer.from(utf8, 'utf8').toString('latin1'))))).toBe('garbled');
    expect(await problem(readTableFile('orders.csv', bytes(utf8.replace(/[\u4e00-\u9fff]/g, '\ufffd'))))).toBe('garbled');
    expect(await problem(readTableFile('orders.csv', new Uint8Array(200 * 1024 * 1024)))).toBe('too-big');
    expect(await problem(readTableFile('orders.csv', new Uint8Array(0)))).toBe('empty');
  });
});

describe('checkRollups', () => {
  it('finds nothing after imports and captures, and names a drifted row', async () => {
    const { result } = await mapped('douyin-order-export-utf8.csv');
    await upsertOrders(db, capturedFromPages().slice(0, 5), EXPORTED_AT - 1000, 'api');
    await importOrders(db, result.orders, { observedAt: EXPORTED_AT, itemsComplete: true, now: NOW });
    expect(await checkRollups(db)).toEqual({ orders: 14, rollupRows: expect.any(Number), mismatches: [] });
    const row = (await db.rollups.toArray())[0]!;
    await db.rollups.put({ ...row, paid: row.paid + 1 });
    expect((await checkRollups(db)).mismatches).toEqual([{ key: row.key, field: 'paid', stored: row.paid + 1, recounted: row.paid }]);
  });
});
