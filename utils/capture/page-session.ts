import { CapturedOrderSchema, type CapturedOrder, type PageKind } from '../model/order';
import type { CaptureMessageInput } from '../messaging/content-messages';
import type { SiteDefinition, SiteReader } from '../sites/types';
import { recordSkip, type ParseDiagnostics } from './diagnostics';
import { hideLayoutNotice, showLayoutNotice } from './layout-notice';
import { ensurePageStyle } from './page-style';
import { ensureRowControls, isOwnNode } from './row-controls';
import { sendToBackground } from './send-to-background';

/** How long an order page must stay without rows before we say its layout was not recognised. */
const LAYOUT_NOTICE_AFTER_MS = 5000;

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
  private frame = 0;
  private fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

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
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.fallbackTimer);
    clearTimeout(this.noticeTimer);
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
      ensureRowControls(row.element, order, row.controlsAnchor);
      const signature = JSON.stringify(order);
      if (this.sentSignatures.get(order.orderId) !== signature) {
        this.sentSignatures.set(order.orderId, signature);
        fresh.push(order);
      }
    }
    this.watchForMissingLayout(page.kind, page.rows.length, page.diagnostics);
    if (fresh.length === 0) return;
    const message: CaptureMessageInput = {
      type: 'orderlens/capture',
      v: 1,
      platform: this.site.platform,
      pageKind: page.kind,
      orders: fresh,
      diagnostics: page.diagnostics,
    };
    void sendToBackground(message);
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
      void sendToBackground({ type: 'orderlens/capture', v: 1, platform: this.site.platform, pageKind: kind, orders: [], diagnostics });
    }, LAYOUT_NOTICE_AFTER_MS);
  }
}
