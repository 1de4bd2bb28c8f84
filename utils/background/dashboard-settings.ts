import { storage } from '#imports';
import { DEFAULT_EXCEPTION_RULES, type ExceptionRules } from '../kpi/logistics-exceptions';

/** Bounds of the 物流异常 threshold the dashboard accepts, in hours. */
export const STALLED_HOURS_MIN = 1;
export const STALLED_HOURS_MAX = 720;

export function clampStalledHours(hours: number): number {
  if (!Number.isFinite(hours)) return DEFAULT_EXCEPTION_RULES.stalledHours;
  return Math.min(STALLED_HOURS_MAX, Math.max(STALLED_HOURS_MIN, Math.round(hours)));
}

/**
 * Logistics exception rules set on the dashboard (a shipped order with no new event for `stalledHours`
 * is 超时无轨迹; default 48 h). Pass the value to readLogisticsExceptions / trackingRowsOf.
 */
export const exceptionRulesItem = storage.defineItem<ExceptionRules>('local:exceptionRules', {
  fallback: DEFAULT_EXCEPTION_RULES,
  version: 1,
});
