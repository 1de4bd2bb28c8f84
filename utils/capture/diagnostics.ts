/**
 * Parse health of one page read: how many rows were found and parsed, why rows were skipped, and for each
 * field which strategy of its fallback chain won (azad's StrategyStats, kept locally; never sent anywhere).
 */
export interface ParseDiagnostics {
  platform: string;
  pageKind: string;
  /** Layout the adapter recognised (e.g. `douyin-2024-div-rows`, `generic-table`), or `none`. */
  layout: string;
  rowsSeen: number;
  rowsParsed: number;
  /** reason → count */
  skipped: Record<string, number>;
  /** field → strategy name → wins; a strategy name of `none` counts rows where every strategy failed. */
  strategies: Record<string, Record<string, number>>;
}

export function emptyDiagnostics(platform: string, pageKind: string): ParseDiagnostics {
  return { platform, pageKind, layout: 'none', rowsSeen: 0, rowsParsed: 0, skipped: {}, strategies: {} };
}

export function recordStrategy(diag: ParseDiagnostics, field: string, strategy: string): void {
  const byField = (diag.strategies[field] ??= {});
  byField[strategy] = (byField[strategy] ?? 0) + 1;
}

export function recordSkip(diag: ParseDiagnostics, reason: string): void {
  diag.skipped[reason] = (diag.skipped[reason] ?? 0) + 1;
}

/** Parse health of the consoles' JSON responses is kept under this page kind, one record per endpoint. */
export const API_DIAGNOSTICS_KIND = 'api';
