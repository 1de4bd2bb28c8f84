import Papa from 'papaparse';
import { readIdCell } from '@/utils/export/csv-cell';

/** Most numbers batch tracking looks up at once. */
export const MAX_BATCH_NUMBERS = 5000;

/** Separators sellers paste between numbers: whitespace (incl. the TAB our CSV ids carry), commas, 、；。| … */
const SEPARATORS = /[\s,，、;；。|｜/]+/;
const NUMBER = /^[A-Za-z0-9-]{4,40}$/;

function clean(token: string): string {
  return readIdCell(token).trim().replace(/^['"‘’“”「」]+|['"‘’“”「」]+$/g, '');
}

/** Distinct numbers of a pasted text, in the order given; tokens that cannot be a number are dropped. */
export function splitOrderNumbers(text: string): string[] {
  const seen = new Set<string>();
  for (const token of text.replace(/^\uFEFF/, '').split(SEPARATORS)) {
    const number = clean(token);
    if (NUMBER.test(number)) seen.add(number);
  }
  return [...seen];
}

/** Header names of the number column, by priority: our tracking CSV's 查询号 (what was asked), then order ids. */
const ID_HEADERS = [/^查询号$/, /^(订单编号|订单号|订单id|order\s*(id|no\.?|number))$/i];

/**
 * The order numbers of a CSV file (e.g. an OrderLens or console export): the column headed 查询号, else
 * 订单编号 / 订单号 / order id, else the first column. Every cell stays a string (no dynamicTyping: 19-digit ids exceed 2^53).
 */
export function orderNumbersFromCsv(text: string): string[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, dynamicTyping: false, skipEmptyLines: 'greedy' });
  const rows = parsed.data.filter((row) => Array.isArray(row) && row.length > 0);
  if (rows.length === 0) return [];
  const header = rows[0]!.map((cell) => clean(String(cell ?? '')));
  const column = ID_HEADERS.map((pattern) => header.findIndex((cell) => pattern.test(cell))).find((index) => index >= 0) ?? -1;
  const body = column >= 0 ? rows.slice(1) : rows;
  return splitOrderNumbers(body.map((row) => String(row[Math.max(column, 0)] ?? '')).join('\n'));
}

/** A file's numbers: CSV by name or content (a header line with commas), else plain text. */
export function orderNumbersFromFile(fileName: string, text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const looksCsv = /\.csv$/i.test(fileName) || (/,/.test(firstLine) && /[^\dA-Za-z,\s-]/.test(firstLine));
  return looksCsv ? orderNumbersFromCsv(text) : splitOrderNumbers(text);
}
