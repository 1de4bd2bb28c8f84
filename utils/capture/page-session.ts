import { CapturedOrderSchema, type CapturedOrder, type PageKind } from '../model/order';
import type { CaptureMessageInput } from '../messaging/content-messages';
import type { SiteDefinition, SiteReader } from '../sites/types';
import { recordSkip, type ParseDiagnostics } from './diagnostics';
import { hideLayoutNotice, showLayoutNotice } from './layout-notice';
import { ensurePageStyle } from './page-style';
import { ensureRowControls, isOwnNode, type KnownRowState } from './row-controls';
import type { RowStateReply } from '../background/handle-content-message';
import { sendToBackground } from './send-to-background';
import { CaptureQueue } from './capture-queue';
import { ApiOrderIndex } from './api-orders';
import { findRowsById } from './find-rows-by-id';
import { withPrintedPayDeadline } from './pay-countdown';

/** How long an order page must stay without rows before we say its layout was not recognised. */
const LAYOUT_NOTICE_AFTER_MS = 5000;
/** A list page showing rows while the tab never saw an order response this long: say so in parse health. */
const NO_API_RESPONSE_AFTER_MS = 10_000;

/** The element printing the order number inside a detail page's root, to put the controls after it. */
function afterOrderNumber(root: Element, orderId: string): { insertAfter: Element } | undefined {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node as Text).data.includes(orderId)) continue;
    const element = node.parentElement;
    if (!element || element.closest('[data-orderlens]') || element === root) continue;
    return { insertAfter: element };
  }
  return undefined;
}

/** A row's controls use what the DOM read, with the JSON's values where the text gave none. */
function withApiFallback(order: CapturedOrder, fromApi: CapturedOrder | undefined): CapturedOrder {
  if (!fromApi) return order;
  const shown = { ...fromApi } as Record<string, unknown>;
  for (const [field, value] of Object.entries(order)) if (value !== undefined) shown[field] = value;
  const merged = shown as CapturedOrder;
  if (order.shipments.length === 0) merged.shipments = fromApi.shipments;
  if (order.items.length === 0) merged.items = fromApi.items;
  return merged;
}

/** Our own insertions must not trigger re-reads; removals of our nodes must (the console re-rendered). */
function isOwnMutation(record: MutationRecord): boolean {
  if (isOwnNode(record.target)) return true;
  if (record.type !== 'childList' || record.removedNodes.length > 0) return false;
  return Array.from(record.addedNodes).every((node) => node.nodeType === 1 && (node as Element).hasAttribute('data-orderlens'));
}

/**
 * Capture on one order page (one URL): one MutationObserver, reads batched to one per frame, only changed
 * orders sent, everything stopped on navigation. Never throws into the page.
 */
export class PageSession {
  private readonly observer: MutationObserver;
  private readonly sentSignatures = new Map<string, string>();
  readonly orders = new Map<string, CapturedOrder>();
  /** What the database knows about the visible orders (waybills from detail pages, reminders). */
  private readonly known = new Map<string, KnownRowState>();
  private queriedIds = '';
  private visibleIds: string[] = [];
  private readonly listeners = new AbortController();
  private frame = 0;
  private fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private mismatchTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribeApi: () => void = () => undefined;
  private readonly reportedMismatches = new Set<string>();
  private domRows = 0;

  constructor(
    private readonly doc: Document,
    private readonly site: SiteDefinition,
    private readonly reader: SiteReader,
    private readonly url: string,
    private readonly onUrlChanged: () => void,
    private readonly apiOrders: ApiOrderIndex = new ApiOrderIndex(),
    /** The page's captures until the background confirms them; outlives this session (SPA navigation). */
    private readonly captures: CaptureQueue = new CaptureQueue(),
  ) {
    this.observer = new MutationObserver((records) => {
      if (!records.every(isOwnMutation)) this.schedule();
    });
  }

  start(): void {
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    // Back from a detail page in another tab: the database may know new waybills for these rows.
    this.doc.addEventListener(
      'visibilitychange',
      () => {
        if (this.doc.visibilityState === 'visible') this.refreshKnown(this.visibleIds, true);
      },
      { signal: this.listeners.signal },
    );
    // An order response arrived: its rows may be on screen already (controls by order id).
    this.unsubscribeApi = this.apiOrders.subscribe(() => this.schedule());
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.listeners.abort();
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.fallbackTimer);
    clearTimeout(this.noticeTimer);
    clearTimeout(this.mismatchTimer);
    this.unsubscribeApi();
    hideLayoutNotice(this.doc);
  }

  private schedule(): void {
    if (this.stopped || this.frame) return;
    const run = () => {
      cancelAnimationFrame(this.frame);
      clearTimeout(this.fallbackTimer);
      this.frame = 0;
      this.readSafely();
    };
    this.frame = requestAnimationFrame(run);
    // Background tabs get no animation frames; still capture, a little later.
    this.fallbackTimer = setTimeout(run, 250);
  }

  private readSafely(): void {
    try {
      this.read();
    } catch {
      // A console quirk we did not foresee must never break the seller's page.
    }
  }

  /** Pay deadlines taken from the console's countdowns, per order id (kept while the order's fields stay). */
  private readonly deadlines = new Map<string, number>();

  private printedDeadline(order: CapturedOrder): CapturedOrder {
    const at = this.deadlines.get(order.orderId);
    return at === undefined || order.payDeadlineAt !== undefined ? order : { ...order, payDeadlineAt: at };
  }

  private read(): void {
    if (this.stopped) return;
    if (this.doc.location.href !== this.url) return this.onUrlChanged();
    const page = this.reader.read(this.doc, new URL(this.url));
    if (!page) return;
    const fresh: CapturedOrder[] = [];
    if (page.rows.length > 0) ensurePageStyle(this.doc);
    const visibleIds: string[] = [];
    for (const row of page.rows) {
      const parsed = CapturedOrderSchema.safeParse(row.order);
      if (!parsed.success) {
        recordSkip(page.diagnostics, 'invalid-order');
        page.diagnostics.rowsParsed = Math.max(0, page.diagnostics.rowsParsed - 1);
        continue;
      }
      const read = parsed.data;
      const signature = JSON.stringify(read);
      // the console's own countdown (`剩余 29分钟 自动关闭`), taken once per change of the order's fields
      const order = this.sentSignatures.get(read.orderId) === signature ? this.printedDeadline(read) : withPrintedPayDeadline(read, row.element, Date.now());
      if (order.payDeadlineAt !== undefined && read.payDeadlineAt === undefined) this.deadlines.set(read.orderId, order.payDeadlineAt);
      const shown = withApiFallback(order, this.apiOrders.get(order.orderId));
      this.orders.set(order.orderId, shown);
      visibleIds.push(order.orderId);
      // A detail page is one big "row": the controls go right after the printed order number, where the
      // seller looks, not at the end of the page.
      const anchor = row.controlsAnchor ?? (page.kind === 'detail' ? afterOrderNumber(row.element, order.orderId) : undefined);
      ensureRowControls(row.element, shown, anchor, this.known.get(order.orderId));
      if (this.sentSignatures.get(order.orderId) !== signature) {
        this.sentSignatures.set(order.orderId, signature);
        fresh.push(order);
      }
    }
    const domRows = visibleIds.length;
    if (page.kind === 'list') visibleIds.push(...this.attachApiRows(visibleIds));
    if (visibleIds.length > domRows) ensurePageStyle(this.doc);
    this.watchSources(page.kind, domRows, page.diagnostics);
    this.watchForMissingLayout(page.kind, visibleIds.length, page.diagnostics);
    this.visibleIds = visibleIds;
    if (fresh.length === 0) {
      this.refreshKnown(visibleIds);
      return;
    }
    void this.captures.enqueue(this.captureMessage(page.kind, fresh, page.diagnostics)).then((confirmed) => {
      if (confirmed) this.refreshKnown(visibleIds);
    });
  }

  private captureMessage(pageKind: PageKind, orders: CapturedOrder[], diagnostics: ParseDiagnostics): CaptureMessageInput {
    return { type: 'orderlens/capture', v: 1, platform: this.site.platform, pageKind, orders, diagnostics };
  }

  /** Asks the background what it knows about the rows on screen, once per set of visible orders. */
  refreshKnown(ids: string[], force = false): void {
    const key = ids.join(',');
    if (this.stopped || ids.length === 0 || (!force && key === this.queriedIds)) return;
    this.queriedIds = key;
    void sendToBackground<RowStateReply>({ type: 'orderlens/row-state', v: 1, platform: this.site.platform, orderIds: ids.slice(0, 2000) }).then(
      (reply) => {
        if (!reply?.ok || this.stopped) return;
        for (const [orderId, state] of Object.entries(reply.states)) {
          this.known.set(orderId, { hasWaybill: state.waybills.length > 0, reminders: state.reminders, lastReminderAt: state.lastReminderAt, payDeadline: state.payDeadline });
        }
        this.schedule();
      },
    );
  }

  /** Another tab changed some of these orders (e.g. a detail page added waybills): ask again. */
  refreshVisible(changedIds: string[]): void {
    if (changedIds.some((id) => this.visibleIds.includes(id))) this.refreshKnown(this.visibleIds, true);
  }

  /** Records what the seller just did on a row (a reminder) so its controls show it at once. */
  noteReminder(orderId: string, at: number): void {
    const known = this.known.get(orderId) ?? { hasWaybill: false, reminders: 0 };
    this.known.set(orderId, { ...known, reminders: known.reminders + 1, lastReminderAt: at });
    this.schedule();
  }

  /**
   * Rows the DOM reader could not read but whose order the console's JSON gave: found by order id and
   * given their controls all the same. Returns the ids attached.
   */
  private attachApiRows(domIds: readonly string[]): string[] {
    if (this.apiOrders.size === 0) return [];
    const onPage = new Set(domIds);
    const missing = new Set<string>();
    for (const id of this.apiOrders.onScreenCandidates()) if (!onPage.has(id)) missing.add(id);
    const rows = findRowsById(this.doc.body ?? this.doc.documentElement, missing, onPage);
    for (const [orderId, element] of rows) {
      const order = this.apiOrders.get(orderId)!;
      this.orders.set(orderId, order);
      ensureRowControls(element, order, undefined, this.known.get(orderId));
    }
    return [...rows.keys()];
  }

  /** Parse health when the two sources disagree about a list: JSON orders but no DOM rows, or the reverse. */
  private watchSources(kind: PageKind, domRows: number, diagnostics: ParseDiagnostics): void {
    if (kind !== 'list') return;
    const report = (reason: string) => {
      if (this.reportedMismatches.has(reason)) return;
      this.reportedMismatches.add(reason);
      const note = { ...diagnostics, rowsSeen: 0, rowsParsed: 0, skipped: { [reason]: 1 }, strategies: {} };
      void this.captures.enqueue(this.captureMessage(kind, [], note));
    };
    this.domRows = domRows;
    if (domRows === 0 && this.apiOrders.lastListSize > 0) {
      clearTimeout(this.mismatchTimer);
      this.mismatchTimer = setTimeout(() => {
        if (!this.stopped && this.domRows === 0 && this.apiOrders.lastListSize > 0) report('api-orders-dom-reader-found-no-rows');
      }, LAYOUT_NOTICE_AFTER_MS);
    } else if (domRows > 0 && this.apiOrders.lastListAt === 0 && !this.mismatchTimer) {
      this.mismatchTimer = setTimeout(() => {
        if (!this.stopped && this.apiOrders.lastListAt === 0) report('dom-rows-no-api-response');
      }, NO_API_RESPONSE_AFTER_MS);
    }
  }

  private watchForMissingLayout(kind: PageKind, rows: number, diagnostics: ParseDiagnostics): void {
    clearTimeout(this.noticeTimer);
    if (rows > 0 || diagnostics.layout !== 'none' || kind !== 'list') {
      hideLayoutNotice(this.doc);
      return;
    }
    this.noticeTimer = setTimeout(() => {
      if (this.stopped) return;
      showLayoutNotice(this.doc, this.site.nameZh);
      // Parse health must show the page that yielded nothing.
      void this.captures.enqueue(this.captureMessage(kind, [], diagnostics));
    }, LAYOUT_NOTICE_AFTER_MS);
  }
}
