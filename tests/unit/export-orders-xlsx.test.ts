import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '@/utils/db/database';
import { buildOrdersXlsx } from '@/utils/export/xlsx/build-orders-xlsx';
import { columnName, excelSerial } from '@/utils/export/xlsx/xlsx-writer';
import { buildTrackingXlsx } from '@/utils/tracking/build-tracking-xlsx';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const T = (text: string) => Date.parse(text.replace(' ', 'T') + '+08:00');

function order(overrides: Partial<OrderRecord>): OrderRecord {
  return {
    key: `douyin:${overrides.orderId}`,
    platform: 'douyin',
    orderId: '4934071258846137421',
    status: 'shipped',
    statusText: '已发货',
    items: [],
    shipments: [],
    sourcePage: 'list',
    firstSeenAt: T('2026-05-13 08:00:00'),
    updatedAt: T('2026-05-13 08:00:00'),
    ...overrides,
  } as OrderRecord;
}

const ORDERS: OrderRecord[] = [
  order({
    orderId: '4934071258846137421',
    createdAt: T('2026-05-13 00:22:32'),
    amountCents: 13970,
    buyer: '=HYPERLINK("http://x.invalid","点我")',
    items: [
      { title: '纯棉短袖T恤', spec: '颜色：白色', quantity: 1, unitPriceCents: 5990 },
      { title: '速干运动短裤', quantity: 2, unitPriceCents: 3990, skuId: '100012345679' },
    ],
    shipments: [{ waybillNo: '784321654987210', carrierName: '中通快递', events: [] }],
  }),
  order({ orderId: '260513-179332719430230', platform: 'pinduoduo', key: 'pinduoduo:260513-179332719430230', amountCents: 2990, createdAt: T('2026-05-13 10:20:00') }),
];

async function build(): Promise<Uint8Array> {
  const parts = await buildOrdersXlsx({ source: [ORDERS], platformName: (p) => (p === 'douyin' ? '抖店' : '拼多多'), yieldEveryMs: 0 });
  const size = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

describe('orders .xlsx', () => {
  it('column letters and Beijing serial dates', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    // 2026-05-13 00:00 Beijing is serial 46155 exactly (Excel's day count from 1899-12-30)
    expect(excelSerial(T('2026-05-13 00:00:00'))).toBe(46155);
  });

  it('a valid package: two sheets, frozen header, autofilter, ids as inline text, money styled, no formula', async () => {
    const files = unzipSync(await build());
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    );
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/<autoFilter ref="A1:[A-Z]+3"\/>/);
    expect(sheet).toContain('<t xml:space="preserve">4934071258846137421</t>');
    expect(sheet).not.toContain('<f>');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="商品明细"');
  });

  it.skipIf(!SOFFICE)('read back by LibreOffice: ids intact as text, amounts numeric, times real dates, both sheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderlens-xlsx-'));
    const input = join(dir, 'orders.xlsx');
    writeFileSync(input, await build());
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'fods', '--outdir', join(dir, 'out'), input], {
      timeout: 110_000,
      stdio: 'ignore',
    });
    const fods = readFileSync(join(dir, 'out', readdirSync(join(dir, 'out'))[0]!), 'utf8');
    expect(fods).toContain('table:name="订单"');
    expect(fods).toContain('table:name="商品明细"');
    const cellOf = (text: string) => {
      const at = fods.indexOf(`<text:p>${text}</text:p>`);
      expect(at, text).toBeGreaterThan(0);
      return fods.slice(fods.lastIndexOf('<table:table-cell', at), at);
    };
    expect(cellOf('4934071258846137421')).toContain('office:value-type="string"');
    expect(cellOf('260513-179332719430230')).toContain('office:value-type="string"');
    expect(cellOf('784321654987210')).toContain('office:value-type="string"');
    expect(cellOf('=HYPERLINK(&quot;http://x.invalid&quot;,&quot;点我&quot;)')).toContain('office:value-type="string"');
    expect(cellOf('139.70')).toMatch(/office:value-type="float" office:value="139.7"/);
    expect(cellOf('2026-05-13 00:22:32')).toContain('office:date-value="2026-05-13T00:22:32"');
    // the items sheet: one row per item, linked by order number, unit prices numeric
    expect(cellOf('速干运动短裤')).toContain('office:value-type="string"');
    expect(cellOf('39.90')).toMatch(/office:value-type="float" office:value="39.9"/);
  }, 120_000);
});

describe('tracking .xlsx', () => {
  it('one row per result, numbers as text, the newest event time as a date-time cell', () => {
    const parts = buildTrackingXlsx(
      [
        { query: '4934071258846137423', known: true, platform: 'douyin', orderId: '4934071258846137423', status: 'shipped', waybillNo: '75312345678901', carrierName: '中通快递', lastEventAt: T('2026-05-14 08:12:30'), lastEventText: '派件中', exception: null, links: [] },
        { query: '4934071258846199999', known: false, exception: null, links: [] },
      ],
      () => '抖店',
    );
    const zipped = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      zipped.set(part, at);
      at += part.length;
    }
    const sheet = strFromU8(unzipSync(zipped)['xl/worksheets/sheet1.xml']!);
    expect(sheet.match(/<row r="/g)).toHaveLength(3);
    expect(sheet).toContain('<t xml:space="preserve">75312345678901</t>');
    expect(sheet).toContain('<t xml:space="preserve">未找到</t>');
    expect(sheet).toContain(`<c r="I2" s="3"><v>${excelSerial(T('2026-05-14 08:12:30'))}</v></c>`);
  });
});
