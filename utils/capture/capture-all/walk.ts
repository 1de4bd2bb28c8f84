import { nextPauseMs, timeLeftMs, type WalkPace } from './pace';

/** Why a walk ended. `last-page` and `date` are a finished walk (`done`); every other reason a stop. */
export type WalkEndReason =
  | 'last-page'
  | 'date'
  | 'rate-limit'
  | 'error'
  | 'login'
  | 'captcha'
  | 'unchanged'
  | 'not-confirmed'
  | 'no-next'
  | 'hidden'
  | 'seller'
  | 'navigated'
  | 'stop-button'
  | 'interrupted';

export type WalkState = 'running' | 'done' | 'stopped';

export interface WalkSnapshot {
  state: WalkState;
  reason?: WalkEndReason;
  /** The console's page on screen (1-based) and how many pages this walk captured. */
  page: number;
  pagesDone: number;
  /** The last page (1-based) whose captures were all confirmed: a resumed walk goes on after it. */
  lastDonePage?: number;
  pagesTotal?: number;
  /** Orders captured in this walk (distinct), of which new to the database. */
  orders: number;
  newOrders: number;
  /** Oldest order time reached (epoch ms). */
  oldestAt?: number;
  untilAt?: number;
  startedAt: number;
  endedAt?: number;
  timeLeftMs?: number;
}

/** One capture the background confirmed: its orders and how many of them it did not know before. */
export interface ConfirmedCapture {
  orders: readonly { orderId: string; createdAt?: number }[];
  inserted: number;
}

/** What the walk needs from the page; the DOM side implements it (capture-all/start-capture-all.ts). */
export interface WalkPage {
  /** Clicks the console's own next-page control; false when there is none. */
  turnPage(): boolean;
  /** Whether the console offers a next page now (an enabled next control). */
  hasNextPage(): boolean;
  /** True when no capture of this page is waiting for the background. */
  capturesIdle(): boolean;
  pagesTotal(): number | undefined;
}

export interface WalkOptions {
  pace: WalkPace;
  /** Stop once the list reaches orders older than this (epoch ms). */
  untilAt?: number;
  /** Page on screen when the walk starts (a resumed walk goes on from there). */
  firstPage?: number;
  /** Orders of the page on screen already confirmed when the walk starts. */
  alreadyOnPage?: readonly ConfirmedCapture[];
  /** The walk this one resumes: its pages and orders count on. */
  carried?: Pick<WalkSnapshot, 'pagesDone' | 'orders' | 'newOrders' | 'oldestAt'>;
  now?: () => number;
  random?: () => number;
  onChange?: (snapshot: WalkSnapshot) => void;
}

/** A page whose captures were all confirmed but that never finishes settling (retries) is given up after this. */
export const CONFIRM_GIVE_UP_MS = 120_000;
const DONE_REASONS: ReadonlySet<WalkEndReason> = new Set(['last-page', 'date']);

/**
 * The 采集全部 walk as a state machine: wait until the page on screen is captured and confirmed, decide
 * (last page, chosen date reached), pause at a human pace, click the console's next page, repeat. Never sends
 * anything itself: it only watches the page's capture queue and clicks the console's own control.
 */
export class Walk {
  private phase: 'settling' | 'pausing' | 'ended' = 'settling';
  private readonly seen = new Set<string>();
  private pageIds = new Set<string>();
  /** The page before this one: a "new" page showing only these orders did not change. */
  private previousPage = new Set<string>();
  private pageOldest: number | undefined;
  private pageActivity = false;
  private lastActivityAt: number;
  private turnAt: number;
  private readonly turnsAt: number[] = [];
  private poll: ReturnType<typeof setInterval> | undefined;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly carriedOrders: number;
  private pagesThisWalk = 0;
  readonly snapshot: WalkSnapshot;

  constructor(
    private readonly page: WalkPage,
    private readonly options: WalkOptions,
  ) {
    this.now = options.now ?? Date.now;
    const now = this.now();
    this.lastActivityAt = now;
    this.turnAt = now;
    const carried = options.carried;
    this.carriedOrders = carried?.orders ?? 0;
    this.snapshot = {
      state: 'running',
      page: options.firstPage ?? 1,
      pagesDone: carried?.pagesDone ?? 0,
      orders: this.carriedOrders,
      newOrders: carried?.newOrders ?? 0,
      oldestAt: carried?.oldestAt,
      untilAt: options.untilAt,
      startedAt: now,
    };
  }

  start(): void {
    for (const capture of this.options.alreadyOnPage ?? []) this.noteConfirmed(capture);
    this.snapshot.pagesTotal = this.page.pagesTotal();
    const every = Math.max(20, Math.min(200, this.options.pace.settleMs / 2));
    this.poll = setInterval(() => this.check(), every);
    this.changed();
  }

  get running(): boolean {
    return this.phase !== 'ended';
  }

  /** A capture of this page was queued (DOM read or JSON response): the page is changing. */
  noteQueued(): void {
    if (!this.running) return;
    this.pageActivity = true;
    this.lastActivityAt = this.now();
  }

  noteConfirmed(capture: ConfirmedCapture): void {
    if (!this.running) return;
    this.lastActivityAt = this.now();
    if (capture.orders.length === 0) return;
    this.pageActivity = true;
    this.snapshot.newOrders += capture.inserted;
    for (const order of capture.orders) {
      this.pageIds.add(order.orderId);
      this.seen.add(order.orderId);
      if (order.createdAt !== undefined && (this.pageOldest === undefined || order.createdAt < this.pageOldest)) this.pageOldest = order.createdAt;
    }
    this.snapshot.orders = this.carriedOrders + this.seen.size;
  }

  /** Ends the walk: a stop (the seller, an error, the page) or, for `last-page`/`date`, a finished walk. */
  end(reason: WalkEndReason): void {
    if (!this.running) return;
    this.phase = 'ended';
    clearInterval(this.poll);
    clearTimeout(this.pauseTimer);
    this.snapshot.state = DONE_REASONS.has(reason) ? 'done' : 'stopped';
    this.snapshot.reason = reason;
    this.snapshot.endedAt = this.now();
    this.snapshot.timeLeftMs = undefined;
    this.changed();
  }

  private check(): void {
    if (this.phase !== 'settling') return;
    const now = this.now();
    const quiet = now - this.lastActivityAt >= this.options.pace.settleMs;
    if (this.pageIds.size > 0 && quiet && this.page.capturesIdle()) return this.pageDone();
    if (!this.pageActivity && now - this.turnAt >= this.options.pace.unchangedAfterMs) return this.end('unchanged');
    if (now - this.turnAt >= CONFIRM_GIVE_UP_MS) this.end(this.pageActivity ? 'not-confirmed' : 'unchanged');
  }

  private pageDone(): void {
    if (this.pageRepeatsPrevious) return this.end('unchanged');
    const snapshot = this.snapshot;
    snapshot.pagesDone++;
    this.pagesThisWalk++;
    snapshot.lastDonePage = snapshot.page;
    if (this.pageOldest !== undefined && (snapshot.oldestAt === undefined || this.pageOldest < snapshot.oldestAt)) snapshot.oldestAt = this.pageOldest;
    snapshot.pagesTotal = this.page.pagesTotal() ?? snapshot.pagesTotal;
    const now = this.now();
    const pagesInThisWalk = snapshot.pagesTotal !== undefined ? snapshot.pagesTotal - (this.options.firstPage ?? 1) + 1 : undefined;
    snapshot.timeLeftMs = timeLeftMs(this.pagesThisWalk, pagesInThisWalk, now - snapshot.startedAt);
    if (this.options.untilAt !== undefined && this.pageOldest !== undefined && this.pageOldest < this.options.untilAt) return this.end('date');
    if (!this.page.hasNextPage()) return this.end('last-page');
    this.phase = 'pausing';
    this.changed();
    this.pauseTimer = setTimeout(() => this.turn(), nextPauseMs(this.options.pace, this.turnsAt, now, this.options.random));
  }

  private turn(): void {
    if (!this.running) return;
    const before = new Set(this.pageIds);
    this.pageIds = new Set();
    this.pageOldest = undefined;
    this.pageActivity = false;
    this.turnAt = this.lastActivityAt = this.now();
    this.turnsAt.push(this.turnAt);
    this.phase = 'settling';
    this.previousPage = before;
    if (!this.page.turnPage()) return this.end('no-next');
    this.snapshot.page++;
    this.changed();
  }

  /** True when the page on screen shows only orders of the page before (the console ignored the click). */
  private get pageRepeatsPrevious(): boolean {
    return this.pageIds.size > 0 && [...this.pageIds].every((id) => this.previousPage.has(id));
  }

  private changed(): void {
    this.options.onChange?.({ ...this.snapshot });
  }
}
