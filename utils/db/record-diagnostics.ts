import type { ParseDiagnostics } from '../capture/diagnostics';
import type { DiagnosticsRecord, OrderLensDatabase } from './database';

function addCounts(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  const result = { ...into };
  for (const [name, count] of Object.entries(from)) result[name] = (result[name] ?? 0) + count;
  return result;
}

/** Capture ids remembered per layout: far more than a page's queue ever holds unconfirmed. */
const RECENT_CAPTURES = 200;

/** A layout's totals plus the ids of the captures last counted in them. */
type CountedDiagnostics = DiagnosticsRecord & { recentCaptureIds?: string[] };

/**
 * Adds one page read to the parse-health totals of its console layout. A capture the page sent again because
 * its answer was lost (same `captureId`) is counted once.
 */
export async function recordDiagnostics(db: OrderLensDatabase, diag: ParseDiagnostics, now = Date.now(), captureId?: string): Promise<void> {
  const key = `${diag.platform}:${diag.pageKind}:${diag.layout}`;
  await db.transaction('rw', db.diagnostics, async () => {
    const stored = (await db.diagnostics.get(key)) as CountedDiagnostics | undefined;
    const recentCaptureIds = stored?.recentCaptureIds ?? [];
    if (captureId !== undefined && recentCaptureIds.includes(captureId)) return;
    const known: CountedDiagnostics = stored ?? {
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
      recentCaptureIds: captureId === undefined ? recentCaptureIds : [...recentCaptureIds, captureId].slice(-RECENT_CAPTURES),
    } as CountedDiagnostics);
  });
}
