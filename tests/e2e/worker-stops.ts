import type { BrowserContext, Page } from '@playwright/test';

/** Stops the extension's service worker (as Chrome does when it is idle or under pressure) through DevTools. */
export async function workerStopper(context: BrowserContext, page: Page): Promise<() => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  return async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
  };
}

/** Stops the worker again and again, `pauseMs` apart, until `until` (epoch ms); resolves with the number of stops. */
export async function stopWorkerUntil(stop: () => Promise<void>, until: number, pauseMs: () => number): Promise<number> {
  let stops = 0;
  while (Date.now() < until) {
    await stop();
    stops++;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(pauseMs(), until - Date.now()))));
  }
  return stops;
}
