import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PACE, nextPauseMs, paceFrom, timeLeftMs, type WalkPace } from '@/utils/capture/capture-all/pace';
import { CONFIRM_GIVE_UP_MS, Walk, type ConfirmedCapture, type WalkPage, type WalkSnapshot } from '@/utils/capture/capture-all/walk';
import { CaptureFeed, problemOf } from '@/utils/capture/capture-all/capture-feed';
import type { CaptureMessageInput } from '@/utils/messaging/content-messages';

const PACE: WalkPace = { minPauseMs: 1000, maxPauseMs: 3000, pagesPerMinute: 6, hiddenStopMs: 30_000, unchangedAfterMs: 5000, settleMs: 400 };
const DAY = 86_400_000;

/** A console of `pages` pages of `perPage` orders, newest first, one day apart per page; a click shows the next page after `loadMs`. */
function fakeConsole(pages: number, perPage = 3, loadMs = 300) {
  let page = 1;
  let queued = 0;
  const clicks: number[] = [];
  let walk: Walk | undefined;
  const ordersOf = (p: number): ConfirmedCapture => ({
    orders: Array.from({ length: perPage }, (_, i) => ({ orderId: `${p}-${i}`, createdAt: Date.UTC(2026, 4, 13) - (p - 1) * DAY - i * 1000 })),
    inserted: perPage,
  });
  const deliver = (p: number) => {
    queued++;
    walk?.noteQueued();
    setTimeout(() => {
      queued--;
      walk?.noteConfirmed(ordersOf(p));
    }, 100);
  };
  const control: WalkPage & { ignoreClicks: boolean } = {
    ignoreClicks: false,
    turnPage() {
      if (page >= pages) return false;
      clicks.push(Date.now());
      if (control.ignoreClicks) return true;
      page++;
      const shown = page;
      setTimeout(() => deliver(shown), loadMs);
      return true;
    },
    hasNextPage: () => page < pages,
    capturesIdle: () => queued === 0,
    pagesTotal: () => pages,
  };
  return {
    control,
    clicks,
    ordersOf,
    attach(w: Walk) {
      walk = w;
    },
  };
}

function walkOn(console: ReturnType<typeof fakeConsole>, options: Partial<ConstructorParameters<typeof Walk>[1]> = {}) {
  const seen: WalkSnapshot[] = [];
  const walk = new Walk(console.control, { pace: PACE, alreadyOnPage: [console.ordersOf(1)], random: () => 0.5, onChange: (s) => seen.push(s), ...options });
  console.attach(walk);
  walk.start();
  return { walk, seen };
}

describe('采集全部 walk', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 4, 13, 2));
  });
  afterEach(() => vi.useRealTimers());

  it('captures every page once, at the pace, and is done at the last page', async () => {
    const console = fakeConsole(5);
    const { walk } = walkOn(console);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(walk.snapshot).toMatchObject({ state: 'done', reason: 'last-page', pagesDone: 5, orders: 15, newOrders: 15, page: 5, lastDonePage: 5 });
    expect(console.clicks).toHaveLength(4);
    // 2 s pause (random 0.5 of 1–3 s) after each page settled
    for (let i = 1; i < console.clicks.length; i++) expect(console.clicks[i]! - console.clicks[i - 1]!).toBeGreaterThanOrEqual(2000);
  });

  it('never turns more pages per minute than the cap', async () => {
    const console = fakeConsole(30);
    walkOn(console, { pace: { ...PACE, minPauseMs: 0, maxPauseMs: 0, pagesPerMinute: 4 } });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    for (let i = 4; i < console.clicks.length; i++) expect(console.clicks[i]! - console.clicks[i - 4]!).toBeGreaterThanOrEqual(60_000);
    expect(console.clicks.length).toBeGreaterThanOrEqual(18);
  });

  it('stops at the chosen date after the page that reached it', async () => {
    const console = fakeConsole(10);
    const { walk } = walkOn(console, { untilAt: Date.UTC(2026, 4, 10, 12) });
    await vi.advanceTimersByTimeAsync(60_000);
    // page 4 holds 2026-05-10 00:00 and older: older than the 10th at noon
    expect(walk.snapshot).toMatchObject({ state: 'done', reason: 'date', pagesDone: 4, orders: 12 });
    expect(walk.snapshot.oldestAt).toBeLessThan(Date.UTC(2026, 4, 10, 12));
  });

  it('stops when a click changes nothing', async () => {
    const console = fakeConsole(5);
    const { walk } = walkOn(console);
    console.control.ignoreClicks = true;
    await vi.advanceTimersByTimeAsync(2000 + 400 + PACE.unchangedAfterMs + 500);
    expect(walk.snapshot).toMatchObject({ state: 'stopped', reason: 'unchanged', pagesDone: 1 });
  });

  it('stops when the next page shows the same orders again', async () => {
    const console = fakeConsole(5);
    const { walk } = walkOn(console);
    console.control.turnPage = () => {
      setTimeout(() => walk.noteConfirmed(console.ordersOf(1)), 200);
      return true;
    };
    await vi.advanceTimersByTimeAsync(10_000);
    expect(walk.snapshot).toMatchObject({ state: 'stopped', reason: 'unchanged' });
  });

  it('waits for captures the background has not confirmed (worker stopped), then goes on', async () => {
    const console = fakeConsole(3);
    let idle = false;
    console.control.capturesIdle = () => idle;
    const { walk } = walkOn(console);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(walk.snapshot).toMatchObject({ state: 'running', pagesDone: 0 });
    idle = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(walk.snapshot).toMatchObject({ state: 'done', pagesDone: 3 });
  });

  it('gives up on a page that is never confirmed', async () => {
    const console = fakeConsole(3);
    console.control.capturesIdle = () => false;
    const { walk } = walkOn(console);
    await vi.advanceTimersByTimeAsync(CONFIRM_GIVE_UP_MS + 1000);
    expect(walk.snapshot).toMatchObject({ state: 'stopped', reason: 'not-confirmed' });
  });

  it('ends on a stop from outside (rate limit, the seller) with nothing turned after', async () => {
    const console = fakeConsole(5);
    const { walk, seen } = walkOn(console);
    await vi.advanceTimersByTimeAsync(1000);
    walk.end('rate-limit');
    const clicks = console.clicks.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(console.clicks).toHaveLength(clicks);
    expect(walk.snapshot).toMatchObject({ state: 'stopped', reason: 'rate-limit' });
    walk.end('seller');
    expect(walk.snapshot.reason).toBe('rate-limit');
    expect(seen.at(-1)).toMatchObject({ state: 'stopped', reason: 'rate-limit' });
  });

  it('a resumed walk counts on from the walk it resumes', async () => {
    const console = fakeConsole(4);
    const { walk } = walkOn(console, { firstPage: 1, carried: { pagesDone: 3, orders: 9, newOrders: 9 } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(walk.snapshot).toMatchObject({ state: 'done', pagesDone: 7, orders: 21 });
  });

  it('a page whose orders were already known counts them as known, not new', async () => {
    const console = fakeConsole(1);
    const { walk } = walkOn(console, { alreadyOnPage: [{ ...console.ordersOf(1), inserted: 1 }] });
    await vi.advanceTimersByTimeAsync(5000);
    expect(walk.snapshot).toMatchObject({ state: 'done', orders: 3, newOrders: 1 });
  });
});

describe('pace', () => {
  it('draws the pause from the range and waits out the per-minute cap', () => {
    const pace = { ...DEFAULT_PACE, minPauseMs: 4000, maxPauseMs: 9000, pagesPerMinute: 3 };
    expect(nextPauseMs(pace, [], 0, () => 0)).toBe(4000);
    expect(nextPauseMs(pace, [], 0, () => 1)).toBe(9000);
    // three turns in the last minute: wait until the oldest is a minute old
    expect(nextPauseMs(pace, [10_000, 20_000, 30_000], 35_000, () => 0)).toBe(35_000);
    expect(nextPauseMs(pace, [10_000, 20_000, 30_000], 69_000, () => 0)).toBe(4000);
  });

  it('reads a stored pace field by field and keeps the defaults for nonsense', () => {
    expect(paceFrom(undefined)).toEqual(DEFAULT_PACE);
    expect(paceFrom({ minPauseMs: 50, maxPauseMs: 10, pagesPerMinute: 0, settleMs: 'x' })).toEqual({ ...DEFAULT_PACE, minPauseMs: 50, maxPauseMs: 50, pagesPerMinute: 1 });
  });

  it('time left is the average page time times the pages left', () => {
    expect(timeLeftMs(2, 12, 20_000)).toBe(100_000);
    expect(timeLeftMs(12, 12, 20_000)).toBe(0);
    expect(timeLeftMs(0, 12, 0)).toBeUndefined();
    expect(timeLeftMs(3, undefined, 9000)).toBeUndefined();
  });
});

describe('capture feed', () => {
  const message = (extra: Partial<CaptureMessageInput>): CaptureMessageInput =>
    ({ type: 'orderlens/capture', v: 1, platform: 'pinduoduo', pageKind: 'list', orders: [], diagnostics: { skipped: {} }, ...extra }) as unknown as CaptureMessageInput;

  it('tells queued captures, confirmed orders with the inserted count, and error envelopes', async () => {
    const feed = new CaptureFeed();
    const events: string[] = [];
    feed.listen({ queued: () => events.push('queued'), confirmed: (c) => events.push(`confirmed ${c.orders.length} new ${c.inserted}`), problem: (r, d) => events.push(`${r} ${d}`) });
    const send = feed.sender(async () => ({ ok: true, inserted: 1 }) as never);
    await send(message({ orders: [{ orderId: '1', createdAt: 5 }, { orderId: '2' }] as never, captureId: 'a' }));
    await send(message({ source: 'api', diagnostics: { skipped: { 'error:rate-limit-54001': 1 } } as never, captureId: 'b' }));
    // a capture sent again (its answer was lost) is told once
    await send(message({ source: 'api', diagnostics: { skipped: { 'error:rate-limit-54001': 1 } } as never, captureId: 'b' }));
    expect(events).toEqual(['queued', 'confirmed 2 new 1', 'queued', 'rate-limit error:rate-limit-54001']);
    expect(feed.recentCaptures).toHaveLength(1);
  });

  it('classifies the consoles’ error answers', () => {
    expect(problemOf('error:rate-limit-54001')).toBe('rate-limit');
    expect(problemOf('http-429')).toBe('rate-limit');
    expect(problemOf('http-401')).toBe('login');
    expect(problemOf('error:sign-failed')).toBe('error');
    expect(problemOf('error:code-10001')).toBe('error');
    expect(problemOf('http-500')).toBe('error');
    expect(problemOf('invalid-order')).toBeUndefined();
    expect(problemOf('not-json')).toBeUndefined();
  });
});
