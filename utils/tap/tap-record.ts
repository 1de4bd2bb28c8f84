/** What the tap hands to the isolated content script for one allow-listed response: text only. */
export interface TapRecord {
  v: 1;
  /** TapEndpoint id the URL matched (re-checked on the isolated side). */
  endpoint: string;
  /** The response URL (after redirects), else the requested URL. */
  url: string;
  status: number;
  /** How the page read it: `fetch` or `xhr:<responseType>` (for parse health). */
  via: string;
  /** The body, decoded by its charset. */
  text: string;
  receivedAt: number;
}

/** Bodies larger than this are not forwarded (the isolated side bounds them again). */
export const TAP_MAX_BODY_CHARS = 32_000_000;
