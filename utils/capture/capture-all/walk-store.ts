import { browser } from 'wxt/browser';
import type { WalkSnapshot } from './walk';

/**
 * The last walk of a console, kept in the extension's storage (never the page's): a walk cut short by a closed
 * tab, a reload or a login redirect can be shown and resumed on the next page of that console. One walk per
 * console (content scripts do not know their tab); counts and pages only, no buyer data.
 */
export interface StoredWalk {
  snapshot: WalkSnapshot;
  /** The list it walks (path and filter, without the page): a resume only applies to the same list. */
  list: string;
  /** The last page this walk finished (1-based). */
  lastDonePage: number;
  updatedAt: number;
}

/** A stored walk older than this is history, not something to resume. */
export const RESUMABLE_FOR_MS = 6 * 3600_000;

const keyOf = (platform: string) => `orderlens:walk:${platform}`;

export async function readStoredWalk(platform: string): Promise<StoredWalk | undefined> {
  try {
    const stored = (await browser.storage.local.get(keyOf(platform)))[keyOf(platform)] as StoredWalk | undefined;
    return stored && typeof stored === 'object' && stored.snapshot ? stored : undefined;
  } catch {
    return undefined;
  }
}

export async function writeStoredWalk(platform: string, walk: StoredWalk): Promise<void> {
  try {
    await browser.storage.local.set({ [keyOf(platform)]: walk });
  } catch {
    // the extension was updated: nothing to keep
  }
}

/** The list a URL shows, without its page number (the consoles keep the page in the query or not at all). */
export function listKeyOf(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const name of ['page', 'pageNo', 'pageNum', 'current', 'page_no']) params.delete(name);
  params.sort();
  return `${url.origin}${url.pathname}?${params}`;
}
