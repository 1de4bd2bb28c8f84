import { findIdColumn, type IdColumn } from '@/utils/sheets/find-id-column';
import { readIdValue } from '@/utils/sheets/id-cell';
import { isIdNumber } from '@/utils/sheets/id-number';
import { cellText, MAX_TABLE_FILE_BYTES, type TableFile, type TableFileProblem, type TableFormat } from '@/utils/sheets/table-file';

/**
 * A row whose number cell cannot be looked up. `damaged`: a spreadsheet already turned the id into a number
 * and lost digits (4.93721E+18) — never matched to an order, not even by prefix.
 */
export type BatchRowProblemKind = 'damaged' | 'empty' | 'not-id' | 'duplicate';

export interface BatchRowProblem {
  kind: BatchRowProblemKind;
  /** The row as the spreadsheet shows it (1-based, blank rows counted). */
  row: number;
  /** What the cell shows (empty for `empty`). */
  shown: string;
  /** `duplicate`: the row where the number first appeared. */
  firstRow?: number;
}

export interface BatchFileNumbers {
  kind: 'numbers';
  fileName: string;
  format: TableFormat;
  column: IdColumn;
  /** The header's row as the spreadsheet shows it, when the column was found by its header. */
  headerRowNumber?: number;
  /** Distinct numbers, in file order. */
  numbers: string[];
  problems: BatchRowProblem[];
}

export type BatchFileProblem = TableFileProblem | 'no-id-column';

export type BatchFileOutcome = BatchFileNumbers | { kind: 'file-problem'; fileName: string; problem: BatchFileProblem };

const ACCEPTED_NAME = /\.(xlsx|xls|csv|txt)$/i;
export const BATCH_FILE_ACCEPT = '.xlsx,.xls,.csv,.txt';
const MAX_SHOWN = 40;

/** The numbers of a file already read, with every row of its number column that could not be used. */
export function numbersOfTable(file: TableFile): BatchFileOutcome {
  const column = findIdColumn(file);
  if (!column) return { kind: 'file-problem', fileName: file.fileName, problem: 'no-id-column' };
  const sheet = file.sheets[column.sheetIndex]!;
  const firstRowOf = new Map<string, number>();
  const problems: BatchRowProblem[] = [];
  const rowNumberOf = (index: number) => sheet.rowNumbers?.[index] ?? index + 1;
  // a text file is a list: a line may hold several numbers (`4934…, 4934…`), each column of numbers is read
  const extra = file.format === 'txt' ? (column.alsoColumns ?? []) : [];
  const columns = [column.column, ...extra].sort((a, b) => a - b);
  for (let index = column.firstDataRow; index < sheet.rows.length; index++) {
    const row = rowNumberOf(index);
    for (const at of columns) {
      const cell = sheet.rows[index]![at];
      const value = readIdValue(cell);
      if (value.kind === 'damaged') {
        problems.push({ kind: 'damaged', row, shown: value.shown });
      } else if (value.kind === 'id' && isIdNumber(value.id)) {
        const firstRow = firstRowOf.get(value.id);
        if (firstRow === undefined) firstRowOf.set(value.id, row);
        else problems.push({ kind: 'duplicate', row, shown: value.id, firstRow });
      } else if (cell === undefined || cell === '') {
        // a shorter line of a list is no missing number
        if (at === column.column) problems.push({ kind: 'empty', row, shown: '' });
      } else {
        problems.push({ kind: 'not-id', row, shown: cellText(cell).slice(0, MAX_SHOWN) });
      }
    }
  }
  const headerRowNumber = column.headerRow >= 0 ? rowNumberOf(column.headerRow) : undefined;
  return { kind: 'numbers', fileName: file.fileName, format: file.format, column, headerRowNumber, numbers: [...firstRowOf.keys()], problems };
}

/** A dropped or chosen file → its numbers, or why it cannot be used; name and size checked before reading. */
export async function readBatchFileWith(
  file: Pick<File, 'name' | 'size' | 'arrayBuffer'>,
  outcomeOf: (fileName: string, bytes: Uint8Array) => Promise<BatchFileOutcome>,
): Promise<BatchFileOutcome> {
  const refuse = (problem: BatchFileProblem): BatchFileOutcome => ({ kind: 'file-problem', fileName: file.name, problem });
  if (!ACCEPTED_NAME.test(file.name)) return refuse('unsupported');
  if (file.size > MAX_TABLE_FILE_BYTES) return refuse('too-big');
  return outcomeOf(file.name, new Uint8Array(await file.arrayBuffer()));
}
