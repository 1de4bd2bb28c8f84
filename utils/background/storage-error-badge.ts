import { browser } from 'wxt/browser';

/** A red "!" on the toolbar icon while orders cannot be saved, so the seller notices without opening anything. */
export async function showStorageErrorBadge(on: boolean): Promise<void> {
  // MV3 has `action`; the Firefox MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  try {
    await action.setBadgeText({ text: on ? '!' : '' });
    if (on) await action.setBadgeBackgroundColor({ color: '#f53f3f' });
  } catch {
    // No action API (tests, some Firefox builds): the popup banner still tells.
  }
}
