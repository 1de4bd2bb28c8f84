/**
 * One CSV cell per column kind. Escaping is done here, not by papaparse: papaparse's `escapeFormulae`
 * only skips JS numbers, and our amounts must be printed with two decimals (`-5.00`), i.e. as strings
 * that must stay unescaped numbers.
 */

/**
 * OWASP CSV injection triggers: `= + - @`, TAB, CR, LF, plus NUL (ASVS 1.2.10). No `$` and no `.*`:
 * papaparse's default `/^[=+\-@\t\r].*$/` misses a multi-line value starting with `=` and misses LF/NUL.
 * NUL matters in practice: LibreOffice 7.4 drops a leading NUL on import and then evaluates `\0=1+2` to 3.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0]/;

/** A spreadsheet number as we print it: optional minus, digits, optional decimals. */
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/**
 * How order and waybill numbers reach Excel/LibreOffice as text with every digit: a TAB appended
 * inside the (always quoted) cell, `"4987654321098765432\t"`.
 *
 * - A number parser accepts no trailing TAB, so the cell is not a number: no 15-digit rounding, no
 *   `4.98765432109877E+18`. Checked with LibreOffice 7.4 headless, CSV filter `44,34,76,1,,0,false,true`
 *   (quoted fields not forced to text, special numbers detected): the cell imports as a string with all
 *   19 digits, while the bare and the merely quoted id import as the number 4.98765432109877E+18.
 *   (Excel: the trailing TAB is the "append a tab" workaround reported for Excel; not testable here.)
 * - It is appended, not prepended: a leading TAB is itself a formula trigger (Symfony CVE-2021-41270),
 *   so a `\t4987…` cell would have to be escaped to `'\t4987…` and the id would show a quote.
 * - Rejected: `="4987…"` is a formula (conflicts with injection escaping, and is shown literally where
 *   formulas are not evaluated); a leading zero-width character or U+FEFF is invisible yet travels with
 *   copy-paste into console search boxes, where it silently matches nothing; NBSP and spaces are
 *   trimmed by LibreOffice's number detection (the id became a number again); a leading `'` shows.
 *
 * Whoever reads such a file back (batch tracking import) strips it with `readIdCell`.
 */
export const ID_TEXT_SUFFIX = '\t';

/** FORMULA_TRIGGER as a char-code test: it runs on every text cell of a 100k-order export. */
function startsWithTrigger(value: string): boolean {
  const c = value.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 10 || c === 0;
}

/** Prefix `'` to a text value that a spreadsheet would read as a formula. */
export function neutralizeFormula(value: string): string {
  return startsWithTrigger(value) ? `'${value}` : value;
}

/** A text cell: neutralised; quoting is left to papaparse. */
export function textCell(value: string | null | undefined): string {
  return value == null || value === '' ? '' : neutralizeFormula(value);
}

/** An id cell (order or waybill numbers): text with every digit, see ID_TEXT_SUFFIX. */
export function idCell(value: string | null | undefined): string {
  return value == null || value === '' ? '' : neutralizeFormula(value) + ID_TEXT_SUFFIX;
}

/** A number cell: printed as is, never escaped; anything not numeric is treated as text. */
export function numberCell(value: number | string | null | undefined): string {
  if (value == null || value === '') return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return NUMERIC.test(value) ? value : neutralizeFormula(value);
}

/** An id cell's value as exported → the id (drops the TAB that keeps it text). */
export function readIdCell(cell: string): string {
  return cell.endsWith(ID_TEXT_SUFFIX) ? cell.slice(0, -ID_TEXT_SUFFIX.length) : cell;
}
