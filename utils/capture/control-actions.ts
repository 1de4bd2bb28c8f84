import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteDefinition } from '../sites/types';
import type { PageSession } from './page-session';
import { closeTrackingPanel, openTrackingPanel } from './tracking-panel';
import { remindFromRow } from './remind-action';

/**
 * One delegated click listener for every row control. It runs in the capture phase and stops the event so
 * the console's own row handlers (open detail, select row) do not also fire.
 */
export function installControlActions(
  ctx: ContentScriptContext,
  site: SiteDefinition,
  currentSession: () => PageSession | undefined,
): void {
  ctx.addEventListener(document, 'keydown', (event) => {
    if (event.key === 'Escape') closeTrackingPanel(document);
  });
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      const target = event.target as Element | null;
      const button = target?.closest?.('button[data-orderlens="track"], button[data-orderlens="remind"]');
      if (!button) {
        if (!target?.closest?.('[data-orderlens="panel"]')) closeTrackingPanel(document);
        return;
      }
      if (button.closest('[data-orderlens="panel"]')) return;
      event.stopPropagation();
      event.preventDefault();
      const orderId = button.closest('[data-orderlens-row]')?.getAttribute('data-orderlens-row') ?? '';
      const session = currentSession();
      const order = session?.orders.get(orderId);
      if (!session || !order) return;
      if (button.getAttribute('data-orderlens') === 'track') void openTrackingPanel(button, order, site);
      else void remindFromRow(button, order, site, (at) => session.noteReminder(orderId, at));
    },
    { capture: true },
  );
}
