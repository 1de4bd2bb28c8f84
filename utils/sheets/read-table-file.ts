import Papa from 'papaparse';
import { decodeText } from './decode-text';
import { MAX_TABLE_FILE_BYTES, TableFileError, type CellValue, type TableFile, type TableFormat, type TableSheet } from './table-file';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: legacy .xls (BIFF8), also password-protected .xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** The format by content first (a renamed file is read for what it is), then by name. */
export function sniffFormat(fileName: string, bytes: Uint8Array): TableFormat {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, CFB_MAGIC)) return 'xls';
  if (/\.xlsx$/i.test(fileName)) throw new TableFileError('unreadable', 'not a zip');
  if (/\.(xls|et)$/i.test(fileName)) return 'xls';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return 'txt';
}

/**
 * Reads a seller's file: .xlsx / .xls through SheetJS (loaded on demand, dashboard only), .csv / .txt
 * decoded here (UTF-8, GBK, UTF-16) and split by papaparse with every cell kept a string (19-digit ids
 * exceed 2^53). Throws TableFileError when nothing can be used.
 */
export async function readTableFile(fileName: string, bytes: Uint8Array): Promise<TableFile> {
  if (bytes.length > MAX_TABLE_FILE_BYTES) throw new TableFileError('too-big', String(bytes.length));
  if (bytes.length === 0) throw new TableFileError('empty');
  const format = sniffFormat(fileName, bytes);
  const file: TableFile =
    format === 'xlsx' || format === 'xls'
      ? { fileName, format, sheets: await readWorkbook(bytes) }
      : readText(fileName, format, bytes);
  if (file.sheets.every((sheet) => sheet.rows.length === 0)) throw new TableFileError('empty');
  return file;
}

function readText(fileName: string, format: TableFormat, bytes: Uint8Array): TableFile {
  const { text, encoding } = decodeText(bytes);
  // blank lines kept through the parse so each record keeps its row number (the row Excel shows)
  const parsed = Papa.parse<string[]>(text, { header: false, dynamicTyping: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const rows: CellValue[][] = [];
  const rowNumbers: number[] = [];
  parsed.data.forEach((row, index) => {
    if (!Array.isArray(row)) return;
    const cells = row.map((cell) => String(cell ?? '').trim());
    if (!cells.some((cell) => cell !== '')) return;
    rows.push(cells);
    rowNumbers.push(index + 1);
  });
  return { fileName, format, encoding, sheets: [{ name: fileName.replace(/\.[^.]+$/, ''), rows, rowNumbers }] };
}

async function readWorkbook(bytes: Uint8Array): Promise<TableSheet[]> {
  const XLSX = await import('@e965/xlsx');
  let workbook: import('@e965/xlsx').WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellFormula: false, WTF: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TableFileError(/password|encrypt/i.test(message) ? 'unsupported' : 'unreadable', message.slice(0, 120));
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  return workbook.SheetNames.map((name) => ({ name, ...sheetRows(workbook.Sheets[name], date1904, XLSX.SSF) }));
}

interface DenseCell {
  t: string;
  v?: unknown;
  z?: string | number;
  w?: string;
}

/** 1904-system serials are 1462 days behind the 1900 system's. */
const DAYS_1904_TO_1900 = 1462;

function sheetRows(sheet: unknown, date1904: boolean, ssf: { is_date(format: string | number): boolean }): { rows: CellValue[][]; rowNumbers: number[] } {
  const dense = (sheet as { '!data'?: (DenseCell | undefined)[][] } | undefined)?.['!data'] ?? [];
  const rows: CellValue[][] = [];
  const rowNumbers: number[] = [];
  for (let r = 0; r < dense.length; r++) {
    const row = dense[r];
    if (!row) continue;
    const cells: CellValue[] = [];
    let any = false;
    for (let c = 0; c < row.length; c++) {
      const value = cellValue(row[c], date1904, ssf);
      cells.push(value);
      if (value !== '') any = true;
    }
    if (any) {
      rows.push(cells);
      rowNumbers.push(r + 1);
    }
  }
  return { rows, rowNumbers };
}

function cellValue(cell: DenseCell | undefined, date1904: boolean, ssf: { is_date(format: string | number): boolean }): CellValue {
  if (!cell || cell.v == null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    if (cell.z !== undefined && cell.z !== 'General' && ssf.is_date(cell.z)) return { excelSerial: cell.v + (date1904 ? DAYS_1904_TO_1900 : 0) };
    return cell.v;
  }
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return '';
  return String(cell.v).trim();
}
