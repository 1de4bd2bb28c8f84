import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PaginationDefinition } from '../../sites/pagination-types';
import type { SiteDefinition } from '../../sites/types';
import type { CaptureQueue } from '../capture-queue';
import type { CaptureFeed } from './capture-feed';
import { currentPageNumber, findNextControl, findPageNumber, isDisabledControl, lastPageNumber, paginationBlock } from './find-pagination';
import { paceFrom, WALK_PACE_KEY, type WalkPace } from './pace';
import { chooseLargestPageSize } from './page-size';
import { Walk, type ConfirmedCapture, type WalkEndReason, type WalkSnapshot } from './walk';
import { WalkPanel } from './walk-panel';
import { paceText } from './walk-words';
import { listKeyOf, readStoredWalk, RESUMABLE_FOR_MS, writeStoredWalk, type StoredWalk } from './walk-store';

/** Where the consoles send a seller whose session ended (抖店 /login, 京东 passport, 淘宝 login.taobao.com …). */
const LOGIN_URL = /(^|[/.])(login|passport|signin|sso)([/.?#]|$)/i;
/** A captcha or slider the console put over the page (阿里 nc_ slider, 抖店/字节 verify, 拼多多 captcha). */
const CAPTCHA = 'iframe[src*="captcha" i], iframe[src*="verify" i], [id*="captcha" i]:not([data-orderlens]), [class*="captcha" i], [id^="nc_"][id$="_wrapper"], [class*="verify-bar" i]';
/** Stopped walks shown on a page that is not the list (the login page it was sent to) for this long. */
const SHOW_ENDED_FOR_MS = 10 * 60_000;
const RESUMABLE: ReadonlySet<WalkEndReason | undefined> = new Set(['rate-limit', 'error', 'login', 'captcha', 'unchanged', 'not-confirmed', 'hidden', 'seller', 'navigated', 'stop-button', 'interrupted']);
const SELLER_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

const isLoginUrl = (href: string) => {
  try {
    const url = new URL(href);
    return LOGIN_URL.test(url.hostname) || LOGIN_URL.test(url.pathname);
  } catch {
    return false;
  }
};

/**
 * 采集全部 on a console page: the control beside the console's pagination, the walk (walk.ts) driven by the
 * page's capture feed, and everything that must stop it — the seller's own clicks, keys and scrolling, a hidden
 * tab, leaving the list, a captcha, the console's error answers. The walk's state is kept in the extension's
 * storage so a walk cut short (tab closed, login redirect) shows why and can go on from where it ended.
 */
class WalkController {
  private walk: Walk | undefined;
  private panel!: WalkPanel;
  private pace: WalkPace = paceFrom(undefined);
  private stored: StoredWalk | undefined;
  private firstPage = 1;
  private listKey = '';
  private readonly guards = new AbortController();
  private hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  private stopGuards: (() => void) | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly site: SiteDefinition,
    private readonly pagination: PaginationDefinition,
    private readonly feed: CaptureFeed,
    private readonly captures: CaptureQueue,
  ) {}

  async init(): Promise<void> {
    const [paceStored, stored] = await Promise.all([
      browser.storage.local.get(WALK_PACE_KEY).then((got) => got[WALK_PACE_KEY]).catch(() => undefined),
      readStoredWalk(this.site.platform),
    ]);
    if (this.ctx.isInvalid) return;
    this.pace = paceFrom(paceStored);
    this.stored = stored;
    // A walk still "running" in storage belonged to a page that is gone: closed, reloaded, or sent to log in.
    if (stored?.snapshot.state === 'running' && !this.walk) {
      const reason: WalkEndReason = isLoginUrl(location.href) ? 'login' : 'interrupted';
      stored.snapshot = { ...stored.snapshot, state: 'stopped', reason, endedAt: stored.updatedAt, timeLeftMs: undefined };
      await writeStoredWalk(this.site.platform, stored);
    }
    this.panel = new WalkPanel(document, { start: (choice) => void this.start(choice.untilAt), resume: () => void this.resume(), stop: () => this.walk?.end('stop-button') }, paceText(this.pace));
    this.ctx.setInterval(() => this.tick(), 1000);
    this.ctx.onInvalidated(() => {
      this.walk?.end('interrupted');
      this.panel.box.remove();
    });
    this.tick();
  }

  private isListPage(): boolean {
    try {
      return this.site.detectPage(new URL(location.href)) === 'list';
    } catch {
      return false;
    }
  }

  private next() {
    return findNextControl(document, this.pagination);
  }

  /** Keeps the control beside the console's pagination (re-rendered by the console) and watches for a captcha. */
  private tick(): void {
    if (this.ctx.isInvalid) return;
    if (this.walk?.running && document.querySelector(CAPTCHA)) this.walk.end('captcha');
    if (this.isListPage()) {
      const next = this.next();
      this.panel.place(next ? paginationBlock(next.element) : null, true);
      if (!this.walk) this.offerResume();
      return;
    }
    const ended = this.walk?.snapshot ?? this.stored?.snapshot;
    if (ended && ended.state !== 'running' && Date.now() - (ended.endedAt ?? 0) < SHOW_ENDED_FOR_MS) {
      this.panel.place(null, false);
      this.panel.show(ended);
    } else {
      this.panel.box.remove();
    }
  }

  private offerResume(): void {
    const stored = this.stored;
    const resumable =
      stored && stored.snapshot.state === 'stopped' && RESUMABLE.has(stored.snapshot.reason) && Date.now() - stored.updatedAt < RESUMABLE_FOR_MS && stored.list === listKeyOf(new URL(location.href));
    this.panel.offerResume(resumable ? stored.lastDonePage + 1 : undefined);
    if (resumable && !this.shownStored) {
      this.shownStored = true;
      this.panel.show(stored.snapshot);
    }
  }

  private shownStored = false;

  private starting = false;

  /** Starts a walk from the page on screen, the page-size selector first set to its largest (page 1 reloads). */
  private async start(untilAt: number | undefined): Promise<void> {
    if (this.walk?.running || this.starting || !this.isListPage()) return;
    this.starting = true;
    try {
      const resized = await chooseLargestPageSize(document, this.pagination);
      this.begin(untilAt, resized ? { page: 1 } : undefined);
    } finally {
      this.starting = false;
    }
  }

  private begin(untilAt: number | undefined, from?: { page: number; carried?: WalkSnapshot }): void {
    if (this.walk?.running || !this.isListPage()) return;
    const resumed = from?.carried ? { page: from.page, carried: from.carried } : undefined;
    const next = this.next();
    this.firstPage = from?.page ?? (next ? currentPageNumber(next.element) : undefined) ?? 1;
    this.listKey = listKeyOf(new URL(location.href));
    // after a turn of our own (a new size, a page number) the page's captures are still to come
    const onScreen = from ? [] : this.capturesOnScreen();
    const walk = new Walk(
      {
        turnPage: () => {
          const control = this.next();
          if (!control || isDisabledControl(control.element)) return false;
          (control.element as HTMLElement).click();
          return true;
        },
        hasNextPage: () => {
          const control = this.next();
          return !!control && !isDisabledControl(control.element);
        },
        capturesIdle: () => this.captures.size === 0,
        pagesTotal: () => {
          const control = this.next();
          return control ? lastPageNumber(control.element) : undefined;
        },
      },
      { pace: this.pace, untilAt: untilAt ?? resumed?.carried.untilAt, firstPage: this.firstPage, alreadyOnPage: onScreen, onChange: (snapshot) => this.changed(snapshot), carried: resumed?.carried },
    );
    this.walk = walk;
    const unlisten = this.feed.listen({
      queued: () => walk.noteQueued(),
      confirmed: (capture) => walk.noteConfirmed(capture),
      problem: (reason) => walk.end(reason),
    });
    this.stopGuards = this.watchSeller(walk, unlisten);
    walk.start();
  }

  /** Goes on after the last page the stored walk finished: the largest page size, then that page's number. */
  private async resume(): Promise<void> {
    const stored = this.stored;
    if (!stored || this.walk?.running || this.starting || !this.next()) return;
    this.starting = true;
    try {
      if (await chooseLargestPageSize(document, this.pagination)) await this.untilPageCaptured();
      const next = this.next();
      if (!next) return;
      const page = stored.lastDonePage + 1;
      if (currentPageNumber(next.element) !== page) {
        const target = findPageNumber(next.element, page);
        if (!target) return this.begin(stored.snapshot.untilAt);
        (target as HTMLElement).click();
      }
      this.begin(stored.snapshot.untilAt, { page, carried: stored.snapshot });
    } finally {
      this.starting = false;
    }
  }

  /** Resolves once the page on screen was captured and confirmed after a change of ours (or after the unchanged limit). */
  private untilPageCaptured(): Promise<void> {
    return new Promise((resolve) => {
      let confirmed = false;
      const unlisten = this.feed.listen({ confirmed: () => (confirmed = true) });
      const started = Date.now();
      const poll = setInterval(() => {
        if ((confirmed && this.captures.size === 0) || Date.now() - started > this.pace.unchangedAfterMs) {
          clearInterval(poll);
          unlisten();
          resolve();
        }
      }, 100);
    });
  }

  /** Captures already confirmed for the page on screen (those with an order whose row is shown). */
  private capturesOnScreen(): ConfirmedCapture[] {
    return this.feed.recentCaptures.filter((capture) => capture.orders.some((order) => document.querySelector(`[data-orderlens-row="${CSS.escape(order.orderId)}"]`)));
  }

  private changed(snapshot: WalkSnapshot): void {
    this.panel.show(snapshot);
    if (snapshot.state !== 'running') this.stopGuards?.();
    const stored: StoredWalk = { snapshot, list: this.listKey, lastDonePage: snapshot.lastDonePage ?? this.firstPage - 1, updatedAt: Date.now() };
    this.stored = stored;
    void writeStoredWalk(this.site.platform, stored);
  }

  /** The seller takes over: a real click, key or scroll outside our panel, a hidden tab, another page. */
  private watchSeller(walk: Walk, unlisten: () => void): () => void {
    const listeners = new AbortController();
    const options = { capture: true, passive: true, signal: listeners.signal };
    const onSeller = (event: Event) => {
      if (event.isTrusted && !this.panel.contains(event.target)) walk.end('seller');
    };
    for (const type of SELLER_EVENTS) document.addEventListener(type, onSeller, options);
    document.addEventListener(
      'visibilitychange',
      () => {
        clearTimeout(this.hiddenTimer);
        if (document.visibilityState === 'hidden') this.hiddenTimer = setTimeout(() => walk.end('hidden'), this.pace.hiddenStopMs);
      },
      options,
    );
    const onLocation = () => {
      if (!this.isListPage()) return walk.end(isLoginUrl(location.href) ? 'login' : 'navigated');
      // the consoles put the page number in the URL as they turn: only another list (filter, tab) is leaving
      if (listKeyOf(new URL(location.href)) !== this.listKey) walk.end('navigated');
    };
    this.ctx.addEventListener(window, 'wxt:locationchange', onLocation);
    window.addEventListener('popstate', onLocation, { signal: listeners.signal });
    window.addEventListener('pagehide', () => this.walk?.running && this.changed({ ...walk.snapshot }), { signal: listeners.signal });
    return () => {
      listeners.abort();
      clearTimeout(this.hiddenTimer);
      unlisten();
    };
  }
}

export function startCaptureAll(ctx: ContentScriptContext, site: SiteDefinition, pagination: PaginationDefinition, feed: CaptureFeed, captures: CaptureQueue): void {
  void new WalkController(ctx, site, pagination, feed, captures).init();
}
