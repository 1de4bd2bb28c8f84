import type { CapturedOrderInput, PageKind } from '../model/order';
import type { ParseDiagnostics } from '../capture/diagnostics';

/**
 * What the extension knows about one console, as data. Imported by its thin content entrypoint, by the
 * background (sender checks) and by the build (manifest matches): keep it free of DOM code.
 */
export interface SiteDefinition {
  /** Stable id, first half of every order key: `douyin`, `jd`, `taobao`, `kuaishou`, `pinduoduo`. */
  platform: string;
  nameZh: string;
  nameEn: string;
  /** Origins whose pages may send captures for this platform (`https://fxg.jinritemai.com`). */
  origins: readonly string[];
  /** Content-script match patterns (origin-wide: the consoles are SPAs that change route without reload). */
  matches: readonly string[];
  /** Which kind of order page a URL is, or null for pages we leave alone. */
  detectPage(url: URL): PageKind | null;
  /** Order id format on this console (used to tell ids from other long numbers on the page). */
  orderIdPattern: RegExp;
}

/** One order row read from the page: the element that gets the row controls, and the order it shows. */
export interface RowRead {
  element: Element;
  order: CapturedOrderInput;
  /** Where the row controls go when not simply at the end of `element` (e.g. a cell of a table row). */
  controlsAnchor?: Element;
}

export interface PageRead {
  kind: PageKind;
  rows: RowRead[];
  diagnostics: ParseDiagnostics;
}

/** Reads a console page. Must never throw and never change the page. */
export interface SiteReader {
  read(doc: Document, url: URL): PageRead | null;
}

/**
 * Where 催付 opens the buyer chat of a console (reference/consoles.md "Buyer chat"): a page or protocol
 * link and the channel name recorded with the reminder. `utils/sites/<platform>/chat.ts` exports one.
 * The extension never sends the message itself.
 */
export type BuyerChat = (order: { orderId: string; buyer?: string }) => { url: string; channel: string } | null;
