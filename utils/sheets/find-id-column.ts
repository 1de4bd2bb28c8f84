import { readIdValue } from './id-cell';
import { isIdNumber, looksLikeIdNumber } from './id-number';
import { cellText, type CellValue, type TableFile, type TableSheet } from './table-file';

/** Where a file's order (or waybill) numbers are. Indexes are into `sheet.rows` (blank rows removed). */
export interface IdColumn {
  sheetIndex: number;
  sheetName: string;
  column: number;
  by: 'header' | 'values';
  /** The header row's index, -1 when the column was told by its values. */
  headerRow: number;
  header?: string;
  /** The first row holding numbers: after the header, or after the title lines above the first number. */
  firstDataRow: number;
  /** Told by values: other columns where at least half the cells look like numbers (a text file listing several a line). */
  alsoColumns?: number[];
}

/**
 * Header names of a number column, best first: our tracking export's 查询号 (what was asked), main-order ids
 * before item-level ones, order ids before waybills. Compared after `headerKey`.
 */
const HEADER_NAMES: readonly (readonly string[])[] = [
  ['查询号'],
  ['主订单编号', '主订单号', '父订单编号', '父订单号'],
  ['订单编号', '订单号', '订单id', '订单单号', '平台订单号', '线上订单号', 'orderid', 'orderno', 'ordernumber'],
  ['子订单编号', '子订单号'],
  ['运单号', '运单编号', '物流单号', '物流编号', '快递单号', 'waybill', 'waybillno', 'waybillnumber', 'trackingno', 'trackingnumber'],
];
const PRIORITY = new Map(HEADER_NAMES.flatMap((names, priority) => names.map((name) => [name, priority] as const)));

/** A title row or two (报表名称, 导出时间) may come before the header. */
const HEADER_SCAN_ROWS = 10;
/** Rows sampled when telling the column by its values. */
const VALUE_SAMPLE_ROWS = 2000;

/** `订单编号*`, `订单号（必填）`, `Order ID:`, ` order_no ` → the name compared. */
function headerKey(cell: CellValue | undefined): string {
  if (typeof cell !== 'string') return '';
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【].*$/, '')
    .replace(/[\s_\-.:：*#]+/g, '');
}

function isUsableCell(cell: CellValue | undefined): boolean {
  const value = readIdValue(cell);
  return value.kind === 'damaged' || (value.kind === 'id' && isIdNumber(value.id));
}

interface HeaderCandidate {
  priority: number;
  row: number;
  column: number;
}

function headerCandidates(sheet: TableSheet): HeaderCandidate[] {
  const found: HeaderCandidate[] = [];
  sheet.rows.slice(0, HEADER_SCAN_ROWS).forEach((cells, row) => {
    cells.forEach((cell, column) => {
      const priority = PRIORITY.get(headerKey(cell));
      if (priority !== undefined) found.push({ priority, row, column });
    });
  });
  return found.sort((a, b) => a.priority - b.priority || a.row - b.row || a.column - b.column);
}

function hasNumbersBelow(sheet: TableSheet, { row, column }: HeaderCandidate): boolean {
  for (let r = row + 1; r < sheet.rows.length; r++) if (isUsableCell(sheet.rows[r]![column])) return true;
  return false;
}

function byHeader(sheet: TableSheet, sheetIndex: number, candidate: HeaderCandidate): IdColumn {
  return {
    sheetIndex,
    sheetName: sheet.name,
    column: candidate.column,
    by: 'header',
    headerRow: candidate.row,
    header: cellText(sheet.rows[candidate.row]![candidate.column]),
    firstDataRow: candidate.row + 1,
  };
}

function looksLikeNumberCell(cell: CellValue | undefined): boolean {
  const value = readIdValue(cell);
  return value.kind === 'damaged' || (value.kind === 'id' && looksLikeIdNumber(value.id));
}

/** The column where most filled cells (from its first number on) look like order ids or waybills. */
function byValues(sheet: TableSheet, sheetIndex: number): IdColumn | null {
  const rows = sheet.rows.slice(0, VALUE_SAMPLE_ROWS);
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  const qualified: { column: number; numbers: number; firstRow: number; most: boolean }[] = [];
  for (let column = 0; column < width; column++) {
    let firstRow = -1;
    let numbers = 0;
    let filled = 0;
    rows.forEach((cells, row) => {
      const cell = cells[column];
      const isNumber = looksLikeNumberCell(cell);
      if (isNumber && firstRow < 0) firstRow = row;
      if (firstRow < 0) return;
      if (cell !== undefined && cell !== '') filled++;
      if (isNumber) numbers++;
    });
    if (numbers > 0 && numbers * 2 >= filled) qualified.push({ column, numbers, firstRow, most: numbers * 2 > filled });
  }
  const best = qualified.reduce<(typeof qualified)[number] | null>((top, entry) => (entry.most && (!top || entry.numbers > top.numbers) ? entry : top), null);
  if (!best) return null;
  return {
    sheetIndex,
    sheetName: sheet.name,
    column: best.column,
    by: 'values',
    headerRow: -1,
    firstDataRow: best.firstRow < HEADER_SCAN_ROWS ? best.firstRow : 0,
    alsoColumns: qualified.filter((entry) => entry !== best).map((entry) => entry.column),
  };
}

/**
 * The order-number column of a file: in the first sheet that has one, the best-named header column with
 * numbers under it, else the column whose values look like order ids or waybills. A named column with no
 * number under it is the last resort, so its rows can still be reported. Null when nothing fits.
 */
export function findIdColumn(file: Pick<TableFile, 'sheets'>): IdColumn | null {
  let namedButEmpty: IdColumn | null = null;
  for (const [sheetIndex, sheet] of file.sheets.entries()) {
    const candidates = headerCandidates(sheet);
    const usable = candidates.find((candidate) => hasNumbersBelow(sheet, candidate));
    if (usable) return byHeader(sheet, sheetIndex, usable);
    const guessed = byValues(sheet, sheetIndex);
    if (guessed) return guessed;
    if (!namedButEmpty && candidates[0]) namedButEmpty = byHeader(sheet, sheetIndex, candidates[0]);
  }
  return namedButEmpty;
}
