import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';

/** One entry of `tests/fixtures/<platform>/index.json`. */
export interface FixtureEntry {
  name: string;
  /** HTML file beside index.json: the page as the console renders it first (before any click). */
  file: string;
  /** The real console URL the page is served at (replay and end-to-end). */
  url: string;
  kind: 'list' | 'detail' | 'logistics';
  /** Which layout of reference/consoles.md the page reproduces. */
  layout: string;
  expected: string;
  /**
   * `false` for a page whose rows its own script renders from the console's JSON (`api-list.html`): the
   * static HTML has none, so the DOM replay skips it; `<name>.expected.json` then describes the JSON
   * (tests/e2e/api-capture.spec.ts), not a DOM read.
   */
  replay?: boolean;
}

/**
 * `<name>.expected.json`: the orders the page must yield, in page order. Times are ISO strings with an
 * explicit +08:00 offset (so the expectation does not depend on our own time parser); everything else
 * is written exactly as CapturedOrder holds it (amounts in integer cents, ids as strings).
 */
export interface FixtureExpectation {
  orders: Record<string, unknown>[];
  skipped?: Record<string, number>;
  rowsSeen?: number;
}

const TIME_FIELDS = ['createdAt', 'paidAt', 'shippedAt', 'deliveredAt', 'completedAt', 'promisedShipAt', 'payDeadlineAt'];

function toEpoch(value: unknown): unknown {
  return typeof value === 'string' ? Date.parse(value) : value;
}

export function expectedOrders(expectation: FixtureExpectation): CapturedOrder[] {
  return expectation.orders.map((raw) => {
    const order: Record<string, unknown> = { ...raw };
    for (const field of TIME_FIELDS) if (field in order) order[field] = toEpoch(order[field]);
    if (Array.isArray(order.shipments)) {
      order.shipments = (order.shipments as Record<string, unknown>[]).map((shipment) => ({
        ...shipment,
        lastEventAt: toEpoch(shipment.lastEventAt),
        events: ((shipment.events as Record<string, unknown>[] | undefined) ?? []).map((event) => ({
          ...event,
          at: toEpoch(event.at),
        })),
      }));
      for (const shipment of order.shipments as Record<string, unknown>[]) {
        if (shipment.lastEventAt === undefined) delete shipment.lastEventAt;
      }
    }
    return CapturedOrderSchema.parse(order);
  });
}
