// popup.html runs this classic script before its module: the first figures without React or Dexie
// (components/popup/first-paint.ts). The app waits for `__olFirstPaint` before it loads (main.tsx).
import { drawFirstPaint, readFirstPaintFigures, type FirstPaintSettings } from '@/components/popup/first-paint';
import { langOf } from '@/utils/i18n/messages';

interface ChromeApi {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
  i18n: { getUILanguage(): string };
  runtime: { getURL(path: string): string };
}

export default defineUnlistedScript(() => {
  const target = document.getElementById('first-paint');
  const painted = (async () => {
    if (!target) return false;
    // the browser's own API (Firefox: `browser`, Chrome MV3: `chrome`, both promise-based): the webextension
    // polyfill would double this script's size
    const scope = globalThis as unknown as { browser?: ChromeApi; chrome: ChromeApi };
    const chromeApi = scope.browser ?? scope.chrome;
    const settings = chromeApi.storage.local.get(['rangeChoice', 'lastKnownOrderCount']) as Promise<FirstPaintSettings>;
    const figures = await readFirstPaintFigures(indexedDB, settings, Date.now());
    if (!figures) return false;
    drawFirstPaint(target, figures, langOf(chromeApi.i18n.getUILanguage()), (hash) => chromeApi.runtime.getURL(`/dashboard.html${hash ? `#${hash}` : ''}`));
    return true;
  })().catch(() => false);
  (globalThis as unknown as { __olFirstPaint?: Promise<boolean> }).__olFirstPaint = painted;
});
