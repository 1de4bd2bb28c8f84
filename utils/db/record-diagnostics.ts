import type { ParseDiagnostics } from '../capture/diagnostics';
import type { DiagnosticsRecord, OrderLensDatabase } from './database';

function addCounts(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  const result = { ...into };
  for (const [name, count] of Object.entries(from)) result[name] = (result[name] ?? 0) + count;
  return result;
}

/** Adds one page read to the parse-health totals of its console layout. */
export async function recordDiagnostics(db: OrderLensDatabase, diag: ParseDiagnostics, now = Date.now()): Promise<void> {
  const key = `${diag.platform}:${diag.pageKind}:${diag.layout}`;
  await db.transaction('rw', db.diagnostics, async () => {
    const known: DiagnosticsRecord = (await db.diagnostics.get(key)) ?? {
      key,
      platform: diag.platform,
      pageKind: diag.pageKind,
      layout: diag.layout,
      pages: 0,
      rowsSeen: 0,
      rowsParsed: 0,
      skipped: {},
      strategies: {},
      lastAt: now,
    };
    const strategies = { ...known.strategies };
    for (const [field, counts] of Object.entries(diag.strategies)) {
      strategies[field] = addCounts(strategies[field] ?? {}, counts);
    }
    await db.diagnostics.put({
      ...known,
      pages: known.pages + 1,
      rowsSeen: known.rowsSeen + diag.rowsSeen,
      rowsParsed: known.rowsParsed + diag.rowsParsed,
      skipped: addCounts(known.skipped, diag.skipped),
      strategies,
      lastAt: now,
    });
  });
}
