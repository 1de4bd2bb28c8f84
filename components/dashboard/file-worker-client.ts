import type { BatchFileOutcome } from './batch-file-numbers';
import type { CapturedOrder } from '@/utils/model/order';
import type { ImportRequest, ImportResponse, MappedSummary, OpenedFile } from '@/utils/import/import-protocol';
import { MAX_TABLE_FILE_BYTES, TableFileError, type TableFileProblem } from '@/utils/sheets/table-file';
import type { ColumnMapping } from '@/utils/import/import-fields';

type Pending = { resolve: (response: ImportResponse) => void; reject: (error: Error) => void };
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * The dashboard's side of its file worker: one worker per opened file (a new file ends the old one), each
 * request answered by id. Reading, mapping and validating happen off the page's thread.
 */
export class ImportSession {
  private readonly worker = new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<ImportResponse>) => {
      const waiting = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      waiting?.resolve(event.data);
    };
    this.worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(event.message || 'import worker failed'));
      this.pending.clear();
    };
  }

  private async ask(request: Distribute<ImportRequest>, transfer: Transferable[] = []): Promise<ImportResponse> {
    const id = this.nextId++;
    const response = await new Promise<ImportResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
    if (response.type === 'error') {
      if (response.problem === 'internal') throw new Error(response.message);
      throw new TableFileError(response.problem as TableFileProblem, response.message);
    }
    return response;
  }

  /** Reads a file; refuses one over the size limit before loading it. Throws TableFileError. */
  async open(file: File): Promise<OpenedFile> {
    if (file.size > MAX_TABLE_FILE_BYTES) throw new TableFileError('too-big', String(file.size));
    const bytes = await file.arrayBuffer();
    const response = await this.ask({ type: 'open', fileName: file.name, bytes }, [bytes]);
    if (response.type !== 'opened') throw new Error(`unexpected ${response.type}`);
    return response.file;
  }

  async map(choices: { platform: string; shop?: string; mapping: ColumnMapping; rowPerItem: boolean }): Promise<MappedSummary> {
    const response = await this.ask({ type: 'map', ...choices });
    if (response.type !== 'mapped') throw new Error(`unexpected ${response.type}`);
    return response.summary;
  }

  async orders(): Promise<CapturedOrder[]> {
    const response = await this.ask({ type: 'orders' });
    if (response.type !== 'orders') throw new Error(`unexpected ${response.type}`);
    return response.orders;
  }

  async batchNumbers(fileName: string, bytes: Uint8Array): Promise<BatchFileOutcome> {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const response = await this.ask({ type: 'batch-numbers', fileName, bytes: buffer }, [buffer]);
    if (response.type !== 'batch-numbers') throw new Error(`unexpected ${response.type}`);
    return response.outcome;
  }

  close(): void {
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(new Error('closed'));
    this.pending.clear();
  }
}

/** 批量查物流's file reading, off the page's thread: one short-lived worker per file. */
export async function batchFileOutcomeInWorker(fileName: string, bytes: Uint8Array): Promise<BatchFileOutcome> {
  const session = new ImportSession();
  try {
    return await session.batchNumbers(fileName, bytes);
  } catch (error) {
    return { kind: 'file-problem', fileName, problem: error instanceof TableFileError ? error.problem : 'unreadable' };
  } finally {
    session.close();
  }
}
