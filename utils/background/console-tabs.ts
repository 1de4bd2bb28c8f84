import { browser } from 'wxt/browser';

/**
 * Console tabs that sent us captures (per platform), so a detail page read in one tab refreshes the rows
 * of a list open in another. In memory only: a restarted worker relearns them from the next capture.
 */
export class ConsoleTabs {
  private readonly tabs = new Map<number, string>();

  remember(tabId: number | undefined, platform: string): void {
    if (tabId !== undefined && tabId >= 0) this.tabs.set(tabId, platform);
  }

  /** Tells the other tabs of the platform which of its orders changed (only ids, only that platform's). */
  notify(platform: string, orderIds: string[], fromTabId: number): void {
    for (const [tabId, tabPlatform] of this.tabs) {
      if (tabId === fromTabId || tabPlatform !== platform) continue;
      browser.tabs.sendMessage(tabId, { type: 'orderlens/orders-changed', v: 1, orderIds: orderIds.slice(0, 2000) }).catch(() => this.tabs.delete(tabId));
    }
  }
}
