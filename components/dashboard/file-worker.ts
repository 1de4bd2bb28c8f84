// The dashboard's file worker: reads a seller's file (SheetJS or the text decoder) off the page's thread.
// 导入订单: finds the export's layout, maps and validates its rows, and keeps the mapped orders until the view
// asks for them (nothing here touches the database; the view imports in one transaction). 批量查物流: the
// file's order numbers. One worker bundle, so SheetJS ships once.
import { detectLayout, idsInColumn, platformsForIds, type DetectedLayout } from '@/utils/import/detect-layout';
import { LISTED_PROBLEMS, PREVIEW_ORDERS, type ImportRequest, type ImportResponse, type OpenedFile } from '@/utils/import/import-protocol';
import { rowsToOrders, type MappedOrders } from '@/utils/import/rows-to-orders';
import { readTableFile } from '@/utils/sheets/read-table-file';
import { TableFileError, type TableSheet } from '@/utils/sheets/table-file';
import { batchFileOutcome } from './batch-file-read';

let sheet: TableSheet | null = null;
let detected: DetectedLayout | null = null;
let mapped: MappedOrders | null = null;

const reply = (message: ImportResponse) => (self as unknown as Worker).postMessage(message);

function platformsByColumn(layout: DetectedLayout, rows: TableSheet['rows']): Record<number, string[]> {
  const result: Record<number, string[]> = {};
  layout.headers.forEach((_, column) => {
    result[column] = platformsForIds(idsInColumn(rows, layout.headerRow, column));
  });
  return result;
}

async function handle(request: ImportRequest): Promise<ImportResponse> {
  switch (request.type) {
    case 'open': {
      sheet = null;
      detected = null;
      mapped = null;
      const table = await readTableFile(request.fileName, new Uint8Array(request.bytes));
      detected = detectLayout(table.sheets);
      sheet = detected ? table.sheets[detected.sheetIndex]! : null;
      const file: OpenedFile = {
        fileName: table.fileName,
        format: table.format,
        encoding: table.encoding,
        detected,
        rows: sheet && detected ? sheet.rows.length - detected.headerRow - 1 : 0,
        platformsByColumn: sheet && detected ? platformsByColumn(detected, sheet.rows) : {},
      };
      return { id: request.id, type: 'opened', file };
    }
    case 'map': {
      if (!sheet || !detected) throw new Error('no file open');
      mapped = rowsToOrders(sheet, detected.headerRow, request.mapping, { platform: request.platform, shop: request.shop, rowPerItem: request.rowPerItem });
      return {
        id: request.id,
        type: 'mapped',
        summary: {
          orders: mapped.orders.length,
          rows: mapped.rows,
          problems: mapped.problems.slice(0, LISTED_PROBLEMS),
          problemCount: mapped.problems.length,
          unknownStatuses: [...mapped.unknownStatuses],
          preview: mapped.orders.slice(0, PREVIEW_ORDERS),
        },
      };
    }
    case 'orders':
      return { id: request.id, type: 'orders', orders: mapped?.orders ?? [] };
    case 'batch-numbers':
      return { id: request.id, type: 'batch-numbers', outcome: await batchFileOutcome(request.fileName, new Uint8Array(request.bytes)) };
  }
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  handle(event.data).then(reply, (error: unknown) =>
    reply({
      id: event.data.id,
      type: 'error',
      problem: error instanceof TableFileError ? error.problem : 'internal',
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};
