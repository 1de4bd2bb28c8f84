import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteDefinition, SiteReader } from '../sites/types';
import { installControlActions } from './control-actions';
import { PageSession } from './page-session';

/**
 * Wires a console's reader into its page: a capture session per order page, restarted on every SPA route
 * change, nothing running on pages that are not order pages, everything stopped when the extension is
 * updated or disabled.
 */
export function startCapture(ctx: ContentScriptContext, site: SiteDefinition, reader: SiteReader): void {
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
    session = new PageSession(document, site, reader, url.href, begin);
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
