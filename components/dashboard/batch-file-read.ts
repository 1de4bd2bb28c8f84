import { readTableFile } from '@/utils/sheets/read-table-file';
import { TableFileError } from '@/utils/sheets/table-file';
import { numbersOfTable, readBatchFileWith, type BatchFileOutcome } from './batch-file-numbers';

/**
 * A file's bytes → its numbers, or why it cannot be used. Loads the spreadsheet reader: the dashboard runs
 * this in its file worker (file-worker.ts), never on the page's thread.
 */
export async function batchFileOutcome(fileName: string, bytes: Uint8Array): Promise<BatchFileOutcome> {
  try {
    return numbersOfTable(await readTableFile(fileName, bytes));
  } catch (error) {
    return { kind: 'file-problem', fileName, problem: error instanceof TableFileError ? error.problem : 'unreadable' };
  }
}

/** A dropped or chosen file read where this runs (the worker, or a test). */
export function readBatchFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<BatchFileOutcome> {
  return readBatchFileWith(file, batchFileOutcome);
}
