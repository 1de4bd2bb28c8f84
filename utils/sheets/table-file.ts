/**
 * What a seller's spreadsheet or text file holds once read: sheets of rows of cells, cell types kept.
 * Numbers stay numbers (an order id a spreadsheet already turned into 4.93721E+18 must be seen as damaged,
 * never silently printed back), dates stay Excel serials (their wall-clock is Beijing for every console).
 */
export interface ExcelDate {
  /** Days since 1899-12-30 (the 1900 system; 1904 workbooks are converted), fraction = time of day. */
  excelSerial: number;
}

export type CellValue = string | number | ExcelDate;

export interface TableSheet {
  name: string;
  /** Rows as read, blank rows removed; cells trimmed strings, numbers, or dates. */
  rows: CellValue[][];
  /** The 1-based row number each row has in the file (as Excel shows it), for reports by row. */
  rowNumbers?: number[];
}

export type TableFormat = 'xlsx' | 'xls' | 'csv' | 'txt';
export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

export interface TableFile {
  fileName: string;
  format: TableFormat;
  /** Text files only: how the bytes were decoded. */
  encoding?: TextEncoding;
  sheets: TableSheet[];
}

export type TableFileProblem = 'too-big' | 'unsupported' | 'garbled' | 'empty' | 'unreadable';

/** A file OrderLens cannot use at all; `problem` says why in words a seller can act on (see table-file-messages). */
export class TableFileError extends Error {
  constructor(
    readonly problem: TableFileProblem,
    readonly detail: string = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
    this.name = 'TableFileError';
  }
}

/** Largest file read: a 100k-order console export is 30–60 MB as CSV; beyond this the page would stall. */
export const MAX_TABLE_FILE_BYTES = 100 * 1024 * 1024;

export function isExcelDate(value: CellValue | undefined): value is ExcelDate {
  return typeof value === 'object' && value !== null && 'excelSerial' in value;
}

/** A cell as text: numbers as JS prints them (an unsafe integer keeps its exponent), dates as their serial. */
export function cellText(value: CellValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return String(value.excelSerial);
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 (Excel's day 0 in the 1900 system, after its 1900 leap-year bug) as epoch days. */
const EXCEL_EPOCH_DAYS = -25_569;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An Excel date-time serial read as Beijing wall-clock → epoch ms (to the second, as the consoles print). */
export function excelSerialToEpochMs(serial: number): number {
  const wallClockMs = (serial + EXCEL_EPOCH_DAYS) * MS_PER_DAY;
  return Math.round((wallClockMs - BEIJING_OFFSET_MS) / 1000) * 1000;
}
