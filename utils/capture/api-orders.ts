import type { CapturedOrder } from '../model/order';

/** Orders of this tab most recently read from the console's JSON, at most this many. */
const MAX_KEPT = 5000;

/**
 * The API orders this tab has seen, by order id, for the DOM side: row controls attach to rows found by
 * order id even where the DOM reader could not read the row, and a row's controls know the JSON's status.
 */
export class ApiOrderIndex {
  private readonly byId = new Map<string, CapturedOrder>();
  private readonly listeners = new Set<(ids: string[]) => void>();
  /** When the last order list response arrived (epoch ms), 0 before any. */
  lastListAt = 0;
  /** How many orders that response carried. */
  lastListSize = 0;
  private lastListIds: string[] = [];
  private previousListIds: string[] = [];

  add(orders: readonly CapturedOrder[], isList: boolean, at: number): void {
    for (const order of orders) {
      this.byId.delete(order.orderId); // re-insert: newest last
      this.byId.set(order.orderId, order);
    }
    while (this.byId.size > MAX_KEPT) this.byId.delete(this.byId.keys().next().value!);
    if (isList) {
      this.lastListAt = at;
      this.lastListSize = orders.length;
      this.previousListIds = this.lastListIds;
      this.lastListIds = orders.map((order) => order.orderId);
    }
    const ids = orders.map((order) => order.orderId);
    for (const listener of this.listeners) listener(ids);
  }

  /** The newest list response was an error or unreadable: it said nothing about rows on screen. */
  noteListFailed(at: number): void {
    this.lastListAt = at;
    this.lastListSize = 0;
  }

  get(orderId: string): CapturedOrder | undefined {
    return this.byId.get(orderId);
  }

  /** Orders of the two latest list responses: those that may be on screen now (a page turn overlaps). */
  onScreenCandidates(): string[] {
    return [...this.lastListIds, ...this.previousListIds];
  }

  get size(): number {
    return this.byId.size;
  }

  subscribe(listener: (ids: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
