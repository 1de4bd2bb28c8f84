import { browser } from 'wxt/browser';

/** Sends a message to the background; resolves undefined when the extension was reloaded or updated. */
export async function sendToBackground<Reply>(message: unknown): Promise<Reply | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as Reply;
  } catch {
    // "Extension context invalidated" after an update, or the worker restarting: the page must keep working.
    return undefined;
  }
}
