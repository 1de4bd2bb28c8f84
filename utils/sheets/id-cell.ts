import { isExcelDate, type CellValue } from './table-file';

export type IdCell =
  | { kind: 'id'; id: string }
  /** A number a spreadsheet rounded: `4.93721E+18` as text, or a number cell of 16+ digits. Never matched to an order. */
  | { kind: 'damaged'; shown: string }
  | { kind: 'none' };

/**
 * Excel keeps 15 significant digits: a number cell of 16 or more digits has lost its tail (an 18-digit
 * 京东 or 19-digit 抖店/淘宝 id typed or pasted as a number ends in zeros), and past 2^53 JavaScript
 * cannot tell either. Below 10^15 a whole number is exact.
 */
const EXACT_NUMBER_LIMIT = 1e15;
const EXPONENT_TEXT = /^\d+(?:\.\d+)?E\+?\d+$/i;
/** Order ids: digits, 拼多多's dash (`220216-179332719430230`), letters for some waybills. */
const ID_TEXT = /^[A-Za-z0-9][A-Za-z0-9-]{3,38}[A-Za-z0-9]$/;

/**
 * The text an exporter wrapped around an id to keep it text: our trailing TAB, a leading `'`, the
 * `="4987…"` formula some ERPs and the 抖店/千牛 exports write, the full-width spaces of copied cells.
 */
export function unwrapIdText(text: string): string {
  let value = text.replace(/[\s\u3000\u200b\ufeff]+/g, ' ').trim();
  const formula = /^=\s*"(.*)"$/.exec(value);
  if (formula) value = formula[1]!.trim();
  return value.replace(/^['‘’`]+/, '').replace(/^["“”「]+|["“”」]+$/g, '').trim();
}

/** What one cell says as an order (or waybill) number. */
export function readIdValue(value: CellValue | undefined): IdCell {
  if (value === undefined || value === '' || isExcelDate(value)) return { kind: 'none' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0 || !Number.isInteger(value)) return { kind: 'none' };
    if (value >= EXACT_NUMBER_LIMIT) return { kind: 'damaged', shown: formatDamaged(value) };
    return { kind: 'id', id: String(value) };
  }
  const text = unwrapIdText(value);
  if (EXPONENT_TEXT.test(text)) return { kind: 'damaged', shown: text };
  if (ID_TEXT.test(text)) return { kind: 'id', id: text };
  return { kind: 'none' };
}

/** How Excel would show such a number, so the seller recognises the cell: 4.93721E+18. */
function formatDamaged(value: number): string {
  const [mantissa, exponent] = value.toExponential(5).split('e');
  return `${mantissa!.replace(/\.?0+$/, '')}E+${exponent!.replace(/^\+/, '')}`;
}
