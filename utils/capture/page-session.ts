import { CapturedOrderSchema, type CapturedOrder, type PageKind } from '../model/order';
import type { CaptureMessageInput } from '../messaging/content-messages';
import type { SiteDefinition, SiteReader } from '../sites/types';
import { recordSkip, type ParseDiagnostics } from './diagnostics';
import { hideLayoutNotice, showLayoutNotice } from './layout-notice';
import { ensurePageStyle } from './page-style';
import { ensureRowControls, isOwnNode, type KnownRowState } from './row-controls';
import type { RowStateReply } from '../background/handle-content-message';
import { sendToBackground } from './send-to-background';

/** How long an order page must stay without rows before we say its layout was not recognised. */
const LAYOUT_NOTICE_AFTER_MS = 5000;
/** A capture the background did not confirm is sent again after 1 s, 2 s, 3 s… at most this many times. */
const MAX_SEND_RETRIES = 5;
const RETRY_AFTER_MS = 1000;

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
  private sendRetries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly site: SiteDefinition,
    private readonly reader: SiteReader,
    private readonly url: string,
    private readonly onUrlChanged: () => void,
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
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.listeners.abort();
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.fallbackTimer);
    clearTimeout(this.noticeTimer);
    clearTimeout(this.retryTimer);
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

  private read(): void {
    if (this.stopped) return;
    if (this.doc.location.href !== this.url) return this.onUrlChanged();
    const page = this.reader.read(this.doc, new URL(this.url));
    if (!page) return;
    const fresh: CapturedOrder[] = [];
    if (page.rows.length > 0) ensurePageStyle(this.doc);
    for (const row of page.rows) {
      const parsed = CapturedOrderSchema.safeParse(row.order);
      if (!parsed.success) {
        recordSkip(page.diagnostics, 'invalid-order');
        page.diagnostics.rowsParsed = Math.max(0, page.diagnostics.rowsParsed - 1);
        continue;
      }
      const order = parsed.data;
      this.orders.set(order.orderId, order);
      ensureRowControls(row.element, order, row.controlsAnchor, this.known.get(order.orderId));
      const signature = JSON.stringify(order);
      if (this.sentSignatures.get(order.orderId) !== signature) {
        this.sentSignatures.set(order.orderId, signature);
        fresh.push(order);
      }
    }
    this.watchForMissingLayout(page.kind, page.rows.length, page.diagnostics);
    const visibleIds = page.rows.map((row) => String(row.order.orderId));
    this.visibleIds = visibleIds;
    if (fresh.length === 0) {
      this.refreshKnown(visibleIds);
      return;
    }
    const message = this.captureMessage(page.kind, fresh, page.diagnostics);
    void sendToBackground<{ ok: boolean }>(message).then((reply) => {
      if (reply?.ok) {
        this.sendRetries = 0;
        this.refreshKnown(visibleIds);
        return;
      }
      // The worker was stopping, or storage failed: forget what this message carried so a later read sends
      // it again, and read again a little later (a few times, not forever).
      for (const order of fresh) this.sentSignatures.delete(order.orderId);
      if (this.stopped || this.sendRetries >= MAX_SEND_RETRIES) return;
      this.sendRetries++;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.schedule(), RETRY_AFTER_MS * this.sendRetries);
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
          this.known.set(orderId, { hasWaybill: state.waybills.length > 0, reminders: state.reminders, lastReminderAt: state.lastReminderAt });
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
      void sendToBackground(this.captureMessage(kind, [], diagnostics));
    }, LAYOUT_NOTICE_AFTER_MS);
  }
}
