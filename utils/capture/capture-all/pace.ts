/**
 * How fast 采集全部 walks a console's list: a randomised pause between pages and a cap of pages per minute,
 * so the console sees what a seller paging by hand would produce. Tests set a faster pace through the
 * extension's storage (`WALK_PACE_KEY`); a page cannot write there.
 */
export interface WalkPace {
  /** Pause before each next page, drawn uniformly from [minPauseMs, maxPauseMs]. */
  minPauseMs: number;
  maxPauseMs: number;
  /** At most this many page turns in any 60 s. */
  pagesPerMinute: number;
  /** A hidden tab is stopped after this long (background tabs get throttled, the console may notice). */
  hiddenStopMs: number;
  /** After a click, no new capture for this long: the page did not change. */
  unchangedAfterMs: number;
  /** A page's captures all confirmed and nothing new for this long: the page is done. */
  settleMs: number;
}

export const DEFAULT_PACE: WalkPace = {
  minPauseMs: 4000,
  maxPauseMs: 9000,
  pagesPerMinute: 6,
  hiddenStopMs: 30_000,
  unchangedAfterMs: 15_000,
  settleMs: 800,
};

export const WALK_PACE_KEY = 'orderlens:walk-pace';

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** The stored pace over the defaults, field by field; nonsense values keep the default. */
export function paceFrom(stored: unknown): WalkPace {
  const pace = { ...DEFAULT_PACE };
  if (!stored || typeof stored !== 'object') return pace;
  for (const key of Object.keys(pace) as (keyof WalkPace)[]) {
    const value = (stored as Record<string, unknown>)[key];
    if (finite(value)) pace[key] = value;
  }
  if (pace.maxPauseMs < pace.minPauseMs) pace.maxPauseMs = pace.minPauseMs;
  if (pace.pagesPerMinute < 1) pace.pagesPerMinute = 1;
  return pace;
}

/**
 * How long to wait before the next page turn: the random pause, lengthened when the last minute already
 * holds `pagesPerMinute` turns (until the oldest of them is a minute old).
 */
export function nextPauseMs(pace: WalkPace, turnsAt: readonly number[], now: number, random: () => number = Math.random): number {
  const pause = pace.minPauseMs + (pace.maxPauseMs - pace.minPauseMs) * random();
  const recent = turnsAt.filter((at) => now - at < 60_000);
  if (recent.length < pace.pagesPerMinute) return Math.round(pause);
  const oldest = recent[recent.length - pace.pagesPerMinute]!;
  return Math.round(Math.max(pause, oldest + 60_000 - now));
}

/** Time left at the pace seen so far: the average time per page times the pages left. */
export function timeLeftMs(pagesDone: number, pagesTotal: number | undefined, elapsedMs: number): number | undefined {
  if (!pagesTotal || pagesDone < 1 || pagesTotal <= pagesDone) return pagesTotal !== undefined && pagesTotal <= pagesDone ? 0 : undefined;
  return Math.round((elapsedMs / pagesDone) * (pagesTotal - pagesDone));
}
