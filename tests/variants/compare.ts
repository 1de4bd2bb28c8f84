/** Field-by-field comparison of the orders a variant yields with the orders it must yield. */
import { isDeepStrictEqual } from 'node:util';
import type { CapturedOrder } from '@/utils/model/order';

/** Fields of the recovery table, in print order (`found`: an order with this id was read at all). */
export const REPORT_FIELDS = [
  'found',
  'status',
  'statusText',
  'createdAt',
  'paidAt',
  'shippedAt',
  'deliveredAt',
  'completedAt',
  'promisedShipAt',
  'amountCents',
  'paymentMethod',
  'buyer',
  'receiverRegion',
  'shop',
  'afterSale',
  'items',
  'waybills',
  'shipments',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export interface OrderOutcome {
  orderId: string;
  /** Every field equal, nothing extra. */
  exact: boolean;
  /** For each field the expected order defines: recovered or not. */
  fields: Partial<Record<ReportField, boolean>>;
  /** Human lines: `field: expected …, got …`. */
  diffs: string[];
}

export interface Comparison {
  exact: boolean;
  orders: OrderOutcome[];
  /** Ids read that the variant should not yield. */
  extra: string[];
  /** Same orders, other sequence. */
  reordered: boolean;
}

const TIME_FIELDS = new Set(['createdAt', 'paidAt', 'shippedAt', 'deliveredAt', 'completedAt', 'promisedShipAt', 'payDeadlineAt', 'lastEventAt', 'at']);

/** Beijing wall-clock text for epoch ms, as the consoles print it. */
function beijing(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}+08`;
}

export function show(value: unknown, max = 160): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value, (key, v) => (TIME_FIELDS.has(key) && typeof v === 'number' ? beijing(v) : v));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const waybillsOf = (order: CapturedOrder | undefined) =>
  (order?.shipments ?? []).map((s) => s.waybillNo).sort();

function diffArray(field: string, want: unknown[], got: unknown[]): string[] {
  const lines: string[] = [];
  const n = Math.max(want.length, got.length);
  for (let i = 0; i < n; i++) {
    if (isDeepStrictEqual(want[i], got[i])) continue;
    const a = want[i] as Record<string, unknown> | undefined;
    const b = got[i] as Record<string, unknown> | undefined;
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (!isDeepStrictEqual(a[key], b[key])) lines.push(`${field}[${i}].${key}: expected ${show(a[key])}, got ${show(b[key])}`);
      }
    } else {
      lines.push(`${field}[${i}]: expected ${show(a)}, got ${show(b)}`);
    }
  }
  return lines;
}

export function compareOrders(expected: readonly CapturedOrder[], got: readonly CapturedOrder[]): Comparison {
  const unused = [...got];
  const orders: OrderOutcome[] = expected.map((want) => {
    const at = unused.findIndex((o) => o.orderId === want.orderId);
    const have = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    const fields: Partial<Record<ReportField, boolean>> = { found: !!have };
    const diffs: string[] = [];
    if (!have) return { orderId: want.orderId, exact: false, fields, diffs: ['not read'] };
    const keys = new Set([...Object.keys(want), ...Object.keys(have)]);
    for (const key of keys) {
      const a = (want as Record<string, unknown>)[key];
      const b = (have as Record<string, unknown>)[key];
      const same = isDeepStrictEqual(a, b);
      if ((REPORT_FIELDS as readonly string[]).includes(key) && a !== undefined && !(Array.isArray(a) && a.length === 0)) {
        fields[key as ReportField] = same;
      }
      if (same) continue;
      if (Array.isArray(a) && Array.isArray(b)) diffs.push(...diffArray(key, a, b));
      else diffs.push(`${key}: expected ${show(a)}, got ${show(b)}`);
    }
    if (want.shipments.length > 0) fields.waybills = isDeepStrictEqual(waybillsOf(want), waybillsOf(have));
    return { orderId: want.orderId, exact: diffs.length === 0, fields, diffs };
  });
  const extra = unused.map((o) => o.orderId);
  const reordered =
    extra.length === 0 && orders.every((o) => o.fields.found) && got.some((o, i) => o.orderId !== expected[i]?.orderId);
  return { exact: orders.every((o) => o.exact) && extra.length === 0 && !reordered, orders, extra, reordered };
}

/** The readable diff of a failing comparison. */
export function formatComparison(c: Comparison): string {
  const lines: string[] = [];
  for (const o of c.orders) {
    if (o.exact) continue;
    lines.push(`  order ${o.orderId}:`);
    for (const d of o.diffs) lines.push(`    ${d}`);
  }
  if (c.extra.length) lines.push(`  orders read that the page does not show: ${c.extra.join(', ')}`);
  if (c.reordered) lines.push('  the orders were read in another sequence than the page shows them');
  return lines.join('\n');
}
