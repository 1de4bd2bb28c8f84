import type { BatchFileOutcome } from '@/components/dashboard/batch-file-numbers';
import type { CapturedOrder } from '../model/order';
import type { TableFileProblem, TableFormat, TextEncoding } from '../sheets/table-file';
import type { DetectedLayout } from './detect-layout';
import type { ColumnMapping } from './import-fields';
import type { RowProblem } from './rows-to-orders';

/**
 * Messages between the 导入订单 view and the worker that reads and maps the file: a 100k-row export takes
 * seconds to parse (SheetJS) and to map and validate, which must not freeze the dashboard.
 */
export type ImportRequest =
  | { id: number; type: 'open'; fileName: string; bytes: ArrayBuffer }
  | { id: number; type: 'map'; platform: string; shop?: string; mapping: ColumnMapping; rowPerItem: boolean }
  | { id: number; type: 'orders' }
  | { id: number; type: 'batch-numbers'; fileName: string; bytes: ArrayBuffer };

export interface OpenedFile {
  fileName: string;
  format: TableFormat;
  encoding?: TextEncoding;
  /** Null: no sheet has a line naming an order-number column. */
  detected: DetectedLayout | null;
  /** Data rows under the header. */
  rows: number;
  /** Platforms the id column's values fit, per column (for when the seller picks another id column). */
  platformsByColumn: Record<number, string[]>;
}

export interface MappedSummary {
  orders: number;
  rows: number;
  /** The first problems, by row (the view lists these), and how many there are in all. */
  problems: RowProblem[];
  problemCount: number;
  unknownStatuses: [string, number][];
  preview: CapturedOrder[];
}

export type ImportResponse =
  | { id: number; type: 'opened'; file: OpenedFile }
  | { id: number; type: 'mapped'; summary: MappedSummary }
  | { id: number; type: 'orders'; orders: CapturedOrder[] }
  | { id: number; type: 'batch-numbers'; outcome: BatchFileOutcome }
  | { id: number; type: 'error'; problem: TableFileProblem | 'internal'; message: string };

export const LISTED_PROBLEMS = 50;
export const PREVIEW_ORDERS = 5;
