import { SITES } from '../sites/registry';
import { readIdValue } from '../sheets/id-cell';
import { cellText, type CellValue, type TableSheet } from '../sheets/table-file';
import { COMMON_HEADERS, EXPORT_LAYOUTS, normalizeHeader, type ExportLayout } from './export-layouts';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from './import-fields';

export interface DetectedLayout {
  sheetIndex: number;
  /** Row index of the header within the sheet's rows (console exports may put a title line above it). */
  headerRow: number;
  headers: string[];
  /** The console layout recognised, or null: then the mapping is a proposal the seller must confirm. */
  layout: ExportLayout | null;
  mapping: ColumnMapping;
  /** Platforms whose order-number format fits the id column's values (best first). */
  platforms: string[];
}

/** Header lines are looked for among the first rows only (a title and a note line at most, in practice). */
const HEADER_SEARCH_ROWS = 10;

const COMMON = new Map<ImportField, Set<string>>(
  Object.entries(COMMON_HEADERS).map(([field, names]) => [field as ImportField, new Set(names.map(normalizeHeader))]),
);

function headerNames(row: readonly CellValue[]): string[] {
  return row.map((cell) => normalizeHeader(cellText(cell)));
}

function knownHeaderCount(names: readonly string[]): number {
  return names.filter((name) => name !== '' && [...COMMON.values()].some((set) => set.has(name))).length;
}

/** Each field's first alias present; a column serves one field; fields already in `mapping` are kept. */
function mappingFor(names: readonly string[], columns: Partial<Record<ImportField, readonly string[]>>, mapping: ColumnMapping = {}): ColumnMapping {
  const used = new Set<number>(Object.values(mapping));
  for (const field of IMPORT_FIELDS) {
    if (mapping[field] !== undefined) continue;
    for (const alias of columns[field] ?? []) {
      const at = names.findIndex((name, index) => !used.has(index) && name === normalizeHeader(alias));
      if (at >= 0) {
        mapping[field] = at;
        used.add(at);
        break;
      }
    }
  }
  return mapping;
}

/** Which platforms' order-number formats the column's ids fit (at least 90% of the readable ones). */
export function platformsForIds(ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  return SITES.map((site) => ({ platform: site.platform, fit: ids.filter((id) => site.orderIdPattern.test(id)).length / ids.length }))
    .filter(({ fit }) => fit >= 0.9)
    .sort((a, b) => b.fit - a.fit)
    .map(({ platform }) => platform);
}

/** The readable ids of a column among the first 500 rows under the header (enough to tell a platform's format). */
export function idsInColumn(rows: TableSheet['rows'], headerRow: number, column: number | undefined): string[] {
  if (column === undefined) return [];
  const ids: string[] = [];
  for (const row of rows.slice(headerRow + 1, headerRow + 501)) {
    const read = readIdValue(row[column]);
    if (read.kind === 'id') ids.push(read.id);
  }
  return ids;
}

/**
 * Finds the header line of an order export and what its columns hold: a known console layout by its
 * signature headers, else a mapping proposed from headers any console uses. Null when no sheet has a line
 * naming an order-number column.
 */
export function detectLayout(sheets: readonly TableSheet[]): DetectedLayout | null {
  let best: (DetectedLayout & { score: number }) | null = null;
  sheets.forEach((sheet, sheetIndex) => {
    sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, headerRow) => {
      const names = headerNames(row);
      const layout = EXPORT_LAYOUTS.find((candidate) => candidate.signature.every((header) => names.includes(normalizeHeader(header)))) ?? null;
      const mapping = mappingFor(names, COMMON_HEADERS, layout ? mappingFor(names, layout.columns) : {});
      if (mapping.orderId === undefined) return;
      const score = knownHeaderCount(names) + (layout ? 100 : 0);
      if (best && best.score >= score) return;
      const ids = idsInColumn(sheet.rows, headerRow, mapping.orderId);
      const platforms = platformsForIds(ids);
      const ordered = layout ? [layout.platform, ...platforms.filter((platform) => platform !== layout.platform)] : platforms;
      best = { sheetIndex, headerRow, headers: row.map(cellText), layout, mapping, platforms: ordered, score };
    });
  });
  if (!best) return null;
  const { score: _score, ...detected } = best as DetectedLayout & { score: number };
  return detected;
}
