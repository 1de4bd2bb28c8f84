import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ApiEndpointReader } from '../sites/api-types';
import type { PaginationDefinition } from '../sites/pagination-types';
import type { SiteDefinition, SiteReader } from '../sites/types';
import { openTapChannel } from '../tap/tap-channel';
import { ApiCapture } from './api-capture';
import { ApiOrderIndex } from './api-orders';
import { CaptureFeed } from './capture-all/capture-feed';
import { startCaptureAll } from './capture-all/start-capture-all';
import { CaptureQueue } from './capture-queue';
import { installControlActions } from './control-actions';
import { PageSession } from './page-session';
import { hideStorageNotice, showStorageNotice } from './storage-notice';

/**
 * Wires a console's two capture sources into its page. Runs at document_start: first the private channel
 * to the tap (it must exist before any page script runs), whose order responses go through the endpoint
 * readers on every page of the console; then, once the document is parsed, the DOM side: a capture
 * session per order page, restarted on every SPA route change, nothing running on pages that are not
 * order pages. Everything stops when the extension is updated or disabled.
 */
export function startCapture(
  ctx: ContentScriptContext,
  site: SiteDefinition,
  reader: SiteReader,
  apiReaders: readonly ApiEndpointReader[] = [],
  pagination?: PaginationDefinition,
): void {
  const apiOrders = new ApiOrderIndex();
  // one queue for the page's lifetime: a capture waiting for the worker survives SPA navigation; the feed tells
  // 采集全部 what was queued and confirmed
  const feed = new CaptureFeed();
  const captures = new CaptureQueue(feed.sender());
  const apiCapture = new ApiCapture(site, apiReaders, apiOrders, captures);
  const channel = openTapChannel(document, (data) => apiCapture.handle(data));
  ctx.onInvalidated(() => {
    apiCapture.stop();
    channel.close();
    captures.stop();
  });
  const startDom = () => {
    startDomCapture(ctx, site, reader, apiOrders, captures);
    if (pagination && !ctx.isInvalid) startCaptureAll(ctx, site, pagination, feed, captures);
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', startDom, { once: true });
  } else {
    startDom();
  }
}

function startDomCapture(ctx: ContentScriptContext, site: SiteDefinition, reader: SiteReader, apiOrders: ApiOrderIndex, captures: CaptureQueue): void {
  if (ctx.isInvalid) return;
  // disk full and the like: said on the page until a capture is saved again
  const unsubscribeNotice = captures.onStorageTrouble((message) => (message === null ? hideStorageNotice(document) : showStorageNotice(document, message)));
  ctx.onInvalidated(() => {
    unsubscribeNotice();
  });
  let session: PageSession | undefined;
  const begin = () => {
    session?.stop();
    session = undefined;
    if (ctx.isInvalid) return;
    let url: URL;
    try {
      url = new URL(location.href);
    } catch {
      return;
    }
    if (!site.detectPage(url)) return;
    session = new PageSession(document, site, reader, url.href, begin, apiOrders, captures);
    session.start();
  };
  begin();
  ctx.addEventListener(window, 'wxt:locationchange', begin);
  ctx.onInvalidated(() => session?.stop());
  const onBackgroundMessage = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const changed = message as { type?: string; orderIds?: unknown };
    if (changed?.type === 'orderlens/orders-changed' && Array.isArray(changed.orderIds)) session?.refreshVisible(changed.orderIds.map(String));
  };
  browser.runtime.onMessage.addListener(onBackgroundMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onBackgroundMessage));
  installControlActions(ctx, site, () => session);
}
