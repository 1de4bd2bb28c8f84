import { parseMoneyCents } from '../model/money';
import { parseBeijingTime } from '../model/time';
import { cellText, excelSerialToEpochMs, isExcelDate, type CellValue } from '../sheets/table-file';

/** What a cell means as a value: nothing there, a value, or something that should have been one and is not. */
export type Read<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'bad'; shown: string };

const EMPTY: Read<never> = { kind: 'empty' };

/** What exports print for "none": `-` (抖店's 售后状态 and blank times), `--`, `—`, `/`, 无, 暂无, null. */
const PLACEHOLDER = /^(?:-+|—+|\/|无|暂无|null|none|n\/a|0000-00-00(?:\s+00:00:00)?)$/i;

export function isBlank(cell: CellValue | undefined): boolean {
  if (cell === undefined || cell === '') return true;
  return typeof cell === 'string' && PLACEHOLDER.test(cell.trim());
}

/** Plain text of a cell, trimmed; undefined when blank. */
export function textOf(cell: CellValue | undefined, max = 300): string | undefined {
  if (isBlank(cell)) return undefined;
  const text = cellText(cell).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text.slice(0, max);
}

/** Serials of plain number cells that are dates without a date format (1990-01-01 … 2099-12-31). */
const PLAUSIBLE_SERIAL = { min: 32_874, max: 73_415 };

/** A time cell: a spreadsheet date, or console text `2026-05-13 00:22:32` (Beijing), `2026/5/13 0:22`. */
export function timeOf(cell: CellValue | undefined): Read<number> {
  if (cell === undefined || isBlank(cell)) return EMPTY;
  if (isExcelDate(cell)) return { kind: 'value', value: excelSerialToEpochMs(cell.excelSerial) };
  if (typeof cell === 'number') {
    return cell >= PLAUSIBLE_SERIAL.min && cell <= PLAUSIBLE_SERIAL.max ? { kind: 'value', value: excelSerialToEpochMs(cell) } : { kind: 'bad', shown: String(cell) };
  }
  const ms = parseBeijingTime(padTime(cell));
  return ms === null ? { kind: 'bad', shown: cell.slice(0, 40) } : { kind: 'value', value: ms };
}

/** Excel's own text for dates drops leading zeros (`2026/5/3 9:05`); the console parser wants them. */
function padTime(text: string): string {
  return text.trim().replace(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/, (_, y, mo, d, h, mi, s) => {
    const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    return h === undefined ? date : `${date} ${h.padStart(2, '0')}:${mi}${s ? `:${s}` : ''}`;
  });
}

/** A money cell in yuan: a number cell, or text `¥128.50` / `128.50元` / `1,299.00`. */
export function centsOf(cell: CellValue | undefined): Read<number> {
  if (cell === undefined || isBlank(cell)) return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'value', value: Math.round(cell * 100) } : { kind: 'bad', shown: String(cell) };
  if (isExcelDate(cell)) return { kind: 'bad', shown: cellText(cell) };
  const cents = parseMoneyCents(cell);
  return cents === null ? { kind: 'bad', shown: cell.slice(0, 40) } : { kind: 'value', value: cents };
}

/** A whole positive count (商品数量). */
export function countOf(cell: CellValue | undefined): number | undefined {
  if (isBlank(cell)) return undefined;
  const value = typeof cell === 'number' ? cell : Number(cellText(cell).replace(/[件个x×\s]/gi, ''));
  return Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? value : undefined;
}
