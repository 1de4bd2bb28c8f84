import { detectLayout, platformsForIds, type DetectedLayout } from '@/utils/import/detect-layout';
import type { ColumnMapping } from '@/utils/import/import-fields';
import { rowsToOrders, type MappedOrders } from '@/utils/import/rows-to-orders';
import { readIdValue } from '@/utils/sheets/id-cell';
import { readTableFile } from '@/utils/sheets/read-table-file';
import { MAX_TABLE_FILE_BYTES, TableFileError, type TableFile } from '@/utils/sheets/table-file';

/** A file read and understood, before anything is written: what the preview shows and the import uses. */
export interface ImportPlan {
  file: TableFile;
  detected: DetectedLayout;
  /** When the export's figures were true: the file's time (its download), else now. */
  observedAt: number;
}

export interface ImportChoices {
  platform: string;
  shop: string;
  mapping: ColumnMapping;
}

/** Reads a dropped or chosen file; null when no sheet has an order-number column. Throws TableFileError. */
export async function planImport(file: File, now = Date.now()): Promise<ImportPlan | null> {
  // refuse before reading: a 200 MB file would otherwise be loaded whole first
  if (file.size > MAX_TABLE_FILE_BYTES) throw new TableFileError('too-big', String(file.size));
  const table = await readTableFile(file.name, new Uint8Array(await file.arrayBuffer()));
  const detected = detectLayout(table.sheets);
  if (!detected) return null;
  const fileTime = file.lastModified;
  const observedAt = Number.isFinite(fileTime) && fileTime > Date.UTC(2000, 0, 1) && fileTime <= now ? fileTime : now;
  return { file: table, detected, observedAt };
}

export function mapPlan(plan: ImportPlan, choices: ImportChoices): MappedOrders {
  const sheet = plan.file.sheets[plan.detected.sheetIndex]!;
  return rowsToOrders(sheet, plan.detected.headerRow, choices.mapping, {
    platform: choices.platform,
    shop: choices.shop || undefined,
    rowPerItem: plan.detected.layout?.rowPerItem ?? choices.mapping.subOrderId !== undefined,
  });
}

/** The platforms the id column fits once the seller has picked another column for it. */
export function platformsForColumn(plan: ImportPlan, column: number | undefined): string[] {
  if (column === undefined) return [];
  const sheet = plan.file.sheets[plan.detected.sheetIndex]!;
  const ids = sheet.rows.slice(plan.detected.headerRow + 1, plan.detected.headerRow + 501).flatMap((row) => {
    const read = readIdValue(row[column]);
    return read.kind === 'id' ? [read.id] : [];
  });
  return platformsForIds(ids);
}
