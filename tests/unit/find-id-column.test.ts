import { describe, expect, it } from 'vitest';
import { findIdColumn } from '@/utils/sheets/find-id-column';
import { isIdNumber, looksLikeIdNumber } from '@/utils/sheets/id-number';
import type { CellValue, TableSheet } from '@/utils/sheets/table-file';

const sheet = (name: string, rows: CellValue[][]): TableSheet => ({ name, rows });
const one = (rows: CellValue[][]) => ({ sheets: [sheet('Sheet1', rows)] });

describe('id numbers', () => {
  it('takes order ids of every console and waybills, not dates, amounts or 序号', () => {
    for (const id of ['4934071258846137421', '309876543210', '2413902846152037', '260513-179332719430230', 'JT0012345678901', 'SF1234567890123', '75312345678901']) {
      expect(looksLikeIdNumber(id), id).toBe(true);
    }
    for (const text of ['2026-11-20', '12', '59.00', '1234567', '见备注', 'abcdefgh']) expect(looksLikeIdNumber(text), text).toBe(false);
    // looked up when a header names the column, though too short to tell a column by
    expect(isIdNumber('123456')).toBe(true);
    expect(isIdNumber('59.00')).toBe(false);
  });
});

describe('findIdColumn by header', () => {
  it('finds the header on row 1, whatever its column', () => {
    const column = findIdColumn(one([['商品', '订单编号'], ['杯子', '4934071258846137421']]));
    expect(column).toMatchObject({ by: 'header', column: 1, headerRow: 0, firstDataRow: 1, header: '订单编号' });
  });

  it('finds the header after title rows', () => {
    const column = findIdColumn(one([['2026年11月 订单'], ['导出时间：2026-11-30'], ['序号', '订单号', '金额'], [1, '309876543210', 12.5]]));
    expect(column).toMatchObject({ by: 'header', column: 1, headerRow: 2, firstDataRow: 3 });
  });

  it('reads decorated and English header names', () => {
    expect(findIdColumn(one([['金额', '订单号（必填）*'], [1, '309876543210']]))?.column).toBe(1);
    expect(findIdColumn(one([['Amount', 'Order ID'], [1, '309876543210']]))?.column).toBe(1);
    expect(findIdColumn(one([['amount', 'order_no'], [1, '309876543210']]))?.column).toBe(1);
  });

  it('prefers 查询号, then the main order, then order ids, then item ids, then waybills', () => {
    const header = ['运单号', '子订单编号', '订单编号', '主订单编号', '查询号'];
    const row = ['75312345678901', '4934071258846137001', '4934071258846137421', '4934071258846137421', '4934071258846137421'];
    for (let drop = 0; drop < header.length; drop++) {
      const kept = header.slice(0, header.length - drop);
      expect(findIdColumn(one([kept, row.slice(0, kept.length)]))?.header).toBe(kept[kept.length - 1]);
    }
  });

  it('skips a named column with no number under it for the next named one', () => {
    const column = findIdColumn(one([['订单号', '运单号'], ['', '75312345678901'], ['待补', 'YT1234567890123']]));
    expect(column).toMatchObject({ by: 'header', header: '运单号', column: 1 });
  });

  it('counts a damaged number under the header as a number (so it can be reported)', () => {
    expect(findIdColumn(one([['备注', '订单编号'], ['x', 4934071258846137421]]))).toMatchObject({ by: 'header', column: 1 });
  });
});

describe('findIdColumn by values', () => {
  it('picks the column where most cells look like ids, not 序号 or dates', () => {
    const rows: CellValue[][] = [
      [1, '2026-11-20', '4934071258846137421', '杯子'],
      [2, '2026-11-21', '309876543210', '盘子'],
      [3, '2026-11-21', '260513-179332719430230', '碗'],
    ];
    expect(findIdColumn(one(rows))).toMatchObject({ by: 'values', column: 2, headerRow: -1, firstDataRow: 0, alsoColumns: [] });
  });

  it('names the other columns of numbers beside the fullest one', () => {
    const rows: CellValue[][] = [['4934071258846137421', '75312345678901'], ['4934071258846137422', ''], ['4934071258846137423', 'YT1234567890123']];
    expect(findIdColumn(one(rows))).toMatchObject({ by: 'values', column: 0, alsoColumns: [1] });
  });

  it('starts after unnamed heading lines above the first number', () => {
    const column = findIdColumn(one([['待查单号'], ['单号', '备注'], ['4934071258846137421', ''], ['4934071258846137422', '加急']]));
    expect(column).toMatchObject({ by: 'values', column: 0, firstDataRow: 2 });
  });

  it('refuses a column where ids are the minority', () => {
    const rows: CellValue[][] = [['备注'], ['4934071258846137421'], ['已发'], ['未发'], ['见上']];
    expect(findIdColumn(one(rows))).toBeNull();
  });

  it('uses the first sheet with a usable column', () => {
    const file = {
      sheets: [sheet('说明', [['本表由仓库系统导出'], ['共 2 单', 2]]), sheet('订单', [['订单号'], ['4934071258846137421']]), sheet('其他', [['订单号'], ['309876543210']])],
    };
    expect(findIdColumn(file)).toMatchObject({ sheetIndex: 1, sheetName: '订单', by: 'header' });
  });

  it('falls back to a named column without numbers so its rows can be reported; null when nothing fits', () => {
    expect(findIdColumn(one([['订单号', '金额'], ['见备注', 5]]))).toMatchObject({ by: 'header', column: 0 });
    expect(findIdColumn(one([['商品', '金额'], ['杯子', 5]]))).toBeNull();
    expect(findIdColumn({ sheets: [] })).toBeNull();
  });
});
