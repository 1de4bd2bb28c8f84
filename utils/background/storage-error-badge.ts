import { browser } from 'wxt/browser';

/** A red "!" on the toolbar icon while orders cannot be saved, so the seller notices without opening anything. */
export async function showStorageErrorBadge(on: boolean): Promise<void> {
  try {
    await browser.action.setBadgeText({ text: on ? '!' : '' });
    if (on) await browser.action.setBadgeBackgroundColor({ color: '#f53f3f' });
  } catch {
    // No action API (tests, some Firefox builds): the popup banner still tells.
  }
}
