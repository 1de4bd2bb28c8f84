import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numbersOfTable, type BatchFileNumbers, type BatchFileOutcome } from '@/components/dashboard/batch-file-numbers';
import { readBatchFile } from '@/components/dashboard/batch-file-read';
import { columnLetter } from '@/components/dashboard/BatchFileReport';
import { batchTrackingRows } from '@/components/dashboard/batch-rows';
import { tableFileErrorText, tableFileProblemText } from '@/components/dashboard/table-file-messages';
import { mergeOrder } from '@/utils/db/merge-order';
import { buildOrdersCsv } from '@/utils/export/build-orders-csv';
import { TableFileError } from '@/utils/sheets/table-file';
import { buildTrackingCsv } from '@/utils/tracking/build-tracking-csv';
import { captured } from './order-factory';

// Fixture files made by scripts/make-sheet-fixtures.mjs (LibreOffice from the sources in files/src).
const FILES = join(__dirname, '..', 'fixtures', 'files');

function fileOf(name: string, bytes: Uint8Array = new Uint8Array(readFileSync(join(FILES, name)))) {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

function numbers(outcome: BatchFileOutcome): BatchFileNumbers {
  if (outcome.kind !== 'numbers') throw new Error(`expected numbers, got ${outcome.problem}`);
  return outcome;
}

const byKind = (outcome: BatchFileNumbers, kind: string) => outcome.problems.filter((problem) => problem.kind === kind);

describe('batch tracking from a file', () => {
  it('.xlsx with two title rows: header 订单编号 on row 3, empty, not-a-number and duplicate rows by row', async () => {
    const read = numbers(await readBatchFile(fileOf('orders-title-rows.xlsx')));
    expect(read.format).toBe('xlsx');
    expect(read.column).toMatchObject({ by: 'header', header: '订单编号', column: 1, headerRow: 2 });
    expect(read.headerRowNumber).toBe(3);
    expect(read.numbers).toEqual(['4934071258846137421', '309876543210', '2413902846152037', '260513-179332719430230', '4934071258846137423']);
    expect(read.problems).toEqual([
      { kind: 'empty', row: 8, shown: '' },
      { kind: 'not-id', row: 9, shown: '见备注' },
      { kind: 'duplicate', row: 10, shown: '4934071258846137421', firstRow: 4 },
    ]);
  });

  it('.xlsx where the spreadsheet turned 16- and 19-digit ids into numbers: those rows damaged, never looked up', async () => {
    const read = numbers(await readBatchFile(fileOf('orders-damaged.xlsx')));
    expect(read.column).toMatchObject({ by: 'header', header: '主订单编号' });
    // the 12-digit 京东 id is an exact number cell, the 拼多多 id stays text
    expect(read.numbers).toEqual(['309876543212', '260512-182745903316528']);
    expect(read.problems).toEqual([
      { kind: 'damaged', row: 2, shown: '4.93407E+18' },
      { kind: 'damaged', row: 4, shown: '2.4139E+15' },
      { kind: 'damaged', row: 6, shown: '6.92146E+18' },
    ]);
    // not even a prefix of a damaged id reaches the lookup
    for (const number of read.numbers) expect(number.startsWith('49340') || number.startsWith('69214') || number.startsWith('24139')).toBe(false);
  });

  it('.xls: skips a notes sheet, 订单号 wins over 运单号 after a title row, a number cell of 19 digits is damaged', async () => {
    const read = numbers(await readBatchFile(fileOf('orders-two-sheets.xls')));
    expect(read.format).toBe('xls');
    expect(read.column).toMatchObject({ sheetIndex: 1, sheetName: '订单', header: '订单号', column: 2, headerRow: 1 });
    expect(read.numbers).toEqual(['2413902846152051', '2413902846152068', '260512-176203358841907']);
    expect(read.problems).toEqual([{ kind: 'damaged', row: 5, shown: '4.93407E+18' }]);
  });

  it('GBK .csv as Excel saves it: header read, 4.93407E+18 text damaged, duplicate reported', async () => {
    const bytes = new Uint8Array(readFileSync(join(FILES, 'orders-gbk.csv')));
    // really GBK: the header is not UTF-8
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const read = numbers(await readBatchFile(fileOf('orders-gbk.csv', bytes)));
    expect(read.column).toMatchObject({ by: 'header', header: '订单号', column: 0 });
    expect(read.numbers).toEqual(['4934071258846137425', '309876543213', '2413902846152075']);
    expect(read.problems).toEqual([
      { kind: 'damaged', row: 3, shown: '4.93407E+18' },
      { kind: 'duplicate', row: 5, shown: '4934071258846137425', firstRow: 2 },
    ]);
  });

  it('.txt without header: the column told by its values, rows counted across a blank line', async () => {
    const read = numbers(await readBatchFile(fileOf('numbers-no-header.txt')));
    expect(read.column).toMatchObject({ by: 'values', column: 1, firstDataRow: 0 });
    expect(read.numbers).toEqual(['4934071258846137426', '75312345678901', '462598779470531', '260513-179332719430230', '309876543214']);
    expect(read.problems).toEqual([{ kind: 'not-id', row: 7, shown: '待补' }]);
  });

  it('names the column as the spreadsheet does', () => {
    expect([0, 2, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'C', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('a plain list, one number per line, with our own TAB-suffixed and ="…" wrapped cells', () => {
    const read = numbers(
      numbersOfTable({ fileName: 'ids.txt', format: 'txt', sheets: [{ name: 'ids', rows: [['4934071258846137421\t'], ['="309876543210"'], ["'2413902846152037"]] }] }),
    );
    expect(read.numbers).toEqual(['4934071258846137421', '309876543210', '2413902846152037']);
    expect(read.problems).toEqual([]);
  });
});

describe('our own exports and simple CSVs read back', () => {
  const NOW = Date.parse('2026-05-14T12:00:00+08:00');
  const numbersOfText = async (name: string, text: string) => numbers(await readBatchFile(fileOf(name, new TextEncoder().encode(text)))).numbers;

  it('the 订单编号 / Order No. column of the orders CSV: 19 digits intact, trailing TAB removed, BOM skipped', async () => {
    const orders = ['4934071258846137421', '4934071258846137422'].map((orderId) => mergeOrder(undefined, captured({ orderId, buyer: '=HYPERLINK("x")' }), NOW));
    for (const lang of ['zh', 'en'] as const) {
      const csv = (await buildOrdersCsv({ source: [orders], platformName: () => '抖店', lang })).join('');
      expect(await numbersOfText('orders.csv', csv)).toEqual(['4934071258846137421', '4934071258846137422']);
    }
  });

  it('the 查询号 column of the tracking CSV, before its 订单编号 and 运单号', async () => {
    const shipped = mergeOrder(undefined, captured({ orderId: '4934071258846137423', status: 'shipped', shipments: [{ waybillNo: '75312345678901', events: [] }] }), NOW);
    const rows = batchTrackingRows([{ query: '75312345678901', orders: [shipped], waybill: '75312345678901' }, { query: '4934071258846137499', orders: [] }], NOW);
    // the 订单编号 column holds another number than was asked
    expect(buildTrackingCsv(rows, () => '')).toContain('4934071258846137423');
    expect(await numbersOfText('tracking.csv', buildTrackingCsv(rows, () => ''))).toEqual(['75312345678901', '4934071258846137499']);
  });

  it('a named column anywhere, else the column of numbers', async () => {
    expect(await numbersOfText('a.csv', '商品,订单号\n杯子,4934071258846137421\n盘子,4934071258846137422\n')).toEqual(['4934071258846137421', '4934071258846137422']);
    expect(await numbersOfText('a.csv', 'Order ID,Amount\n6921458796321457890,1.00')).toEqual(['6921458796321457890']);
    expect(await numbersOfText('a.txt', 'x,4934071258846137421\ny,4934071258846137422')).toEqual(['4934071258846137421', '4934071258846137422']);
    expect(await numbersOfText('a.txt', '订单编号\t金额\n4934071258846137421\t1')).toEqual(['4934071258846137421']);
  });

  it('a text file listing several numbers a line reads them all, in order; a CSV reads its one column of numbers', async () => {
    const list = '4934071258846137421, 4934071258846137422\n4934071258846137423\n4934071258846137424, 见下\n';
    const read = numbers(await readBatchFile(fileOf('ids.txt', new TextEncoder().encode(list))));
    expect(read.numbers).toEqual(['4934071258846137421', '4934071258846137422', '4934071258846137423', '4934071258846137424']);
    // the short second line is no missing number; the word on the fourth is reported
    expect(read.problems).toEqual([{ kind: 'not-id', row: 3, shown: '见下' }]);
    expect(await numbersOfText('ids.csv', list)).toEqual(['4934071258846137421', '4934071258846137423', '4934071258846137424']);
  });
});

describe('files that cannot be used', () => {
  const problemOf = async (name: string, text: string | Uint8Array) => {
    const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
    const outcome = await readBatchFile(fileOf(name, bytes));
    return outcome.kind === 'file-problem' ? outcome.problem : 'numbers';
  };

  it('says why: wrong type, empty, garbled, damaged, no id column', async () => {
    expect(await problemOf('orders.pdf', '%PDF-1.7')).toBe('unsupported');
    expect(await problemOf('orders.docx', 'PK')).toBe('unsupported');
    expect(await problemOf('orders.csv', '')).toBe('empty');
    expect(await problemOf('orders.csv', '\n\n,,\n')).toBe('empty');
    // bytes neither UTF-8 nor GB18030 decodes (0xFF starts no character in either)
    const garbled = new Uint8Array(Array.from({ length: 60 }, () => [0xff, 0x41]).flat());
    expect(await problemOf('orders.txt', garbled)).toBe('garbled');
    expect(await problemOf('orders.xlsx', 'not a zip at all')).toBe('unreadable');
    expect(await problemOf('orders.csv', '商品,金额\n杯子,5\n')).toBe('no-id-column');
    expect(await problemOf('orders.csv', '订单号\n4934071258846137421\n')).toBe('numbers');
  });

  it('refuses a file over the size limit before reading it', async () => {
    let read = false;
    const outcome = await readBatchFile({
      name: 'huge.csv',
      size: 200 * 1024 * 1024,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    });
    expect(outcome).toMatchObject({ kind: 'file-problem', problem: 'too-big' });
    expect(read).toBe(false);
  });

  it('has a plain-words message for each problem in both languages', () => {
    const problems = ['too-big', 'unsupported', 'garbled', 'empty', 'unreadable'] as const;
    for (const lang of ['zh', 'en'] as const) {
      const texts = problems.map((problem) => tableFileProblemText(problem, lang));
      expect(new Set(texts).size).toBe(problems.length);
    }
    expect(tableFileProblemText('too-big', 'zh')).toContain('100 MB');
    expect(tableFileErrorText(new TableFileError('garbled'), 'en')).toBe(tableFileProblemText('garbled', 'en'));
    expect(tableFileErrorText(new Error('boom'), 'zh')).toBe(tableFileProblemText('unreadable', 'zh'));
  });
});
