// Team sync (issue 16): the types and runtime messages shared by the background (the engine) and the
// extension pages (dashboard, popup). Types only, plus a few pure helpers: importing this file pulls in no
// PouchDB, so the dashboard and popup can use it at no bundle cost.

/** Non-secret settings of team sync (kept in storage.local; the password/token lives in the extension-origin
 * IndexedDB `orderlens-sync`, never in storage.local which content scripts can read). */
export interface TeamSyncSettings {
  /** Origin (and optional path prefix) of the team's CouchDB, e.g. `https://couch.example.com` or `http://127.0.0.1:5984`. */
  serverUrl: string;
  /** Team id: lower-case letters, digits, `_` and `-` (used in database names `orderlens_<team>…`). */
  team: string;
  /** The CouchDB user name of this member. */
  user: string;
  /** The name teammates see (who captured, who reminded). */
  memberName: string;
}

/** Why a pass (or enabling) failed, in kinds the UI words in plain Chinese (see ERROR_TEXTS). */
export type SyncErrorKind = 'unreachable' | 'unauthorized' | 'forbidden' | 'missing' | 'server' | 'permission' | 'quota' | 'invalid';

export const SYNC_ERROR_TEXTS: Record<SyncErrorKind, string> = {
  unreachable: '服务器无法连接',
  unauthorized: '用户名或密码错误',
  forbidden: '没有该店铺的权限',
  missing: '服务器上还没有团队数据库（请管理员运行 scripts/team-setup.mjs 创建）',
  server: '服务器出错',
  permission: '浏览器未授权访问该服务器',
  quota: '本机存储空间不足',
  invalid: '设置不正确',
};

/** ok: synced; forbidden: this member has no access (401/403, e.g. revoked); pending: not synced yet, or
 * the shop's database does not exist on the server yet (the admin creates it with scripts/team-setup.mjs). */
export type ShopSyncState = 'ok' | 'forbidden' | 'pending';

export interface ShopSyncStatus {
  /** Remote database name, `orderlens_<team>_<platform>_<shopHash>`. */
  db: string;
  platform: string;
  /** The shop name as captured. */
  shop: string;
  state: ShopSyncState;
  lastSyncAt?: number;
}

/** A reminder sent twice (an uncoordinated one met a teammate's): shown as 重复催付 with both names. */
export interface DuplicateReminder {
  platform: string;
  orderId: string;
  /** Member names (display names) of everyone who reminded within the cooldown, and when. */
  by: { member: string; at: number }[];
}

/** storage.local `local:teamSyncStatus` — written by the background, read by the dashboard and popup. */
export interface TeamSyncStatus {
  enabled: boolean;
  /** Server origin (scheme://host:port), when enabled. */
  server?: string;
  team?: string;
  /** This member's user name and display name. */
  user?: string;
  member?: string;
  /** A pass is running right now. */
  running?: boolean;
  lastPassAt?: number;
  lastOkAt?: number;
  /** Local changes (order keys and reminders) not yet pushed to the server. */
  pending: number;
  /** Progress of the first pull (or any pull with many incoming documents): incoming docs applied / known total. */
  progress?: { done: number; total: number; phase?: 'push' | 'pull' | 'apply' };
  shops: ShopSyncStatus[];
  errorKind?: SyncErrorKind;
  /** The error in plain Chinese (SYNC_ERROR_TEXTS[errorKind] plus detail where useful). */
  errorText?: string;
  /** Reminders sent twice within the cooldown (重复催付). */
  duplicates?: DuplicateReminder[];
  /** Members known in the team directory: member id (user name) → display name. */
  members?: Record<string, string>;
}

export const TEAM_SYNC_STATUS_KEY = 'local:teamSyncStatus' as const;
export const TEAM_SYNC_SETTINGS_KEY = 'local:teamSyncSettings' as const;

export const SYNC_ALARM = 'orderlens-sync';

/** While a dashboard is open it keeps a runtime port of this name connected (`browser.runtime.connect({ name })`):
 * the background then runs a pass every LIVE_PASS_MS and posts the status on the port after each pass
 * (`{ type: 'orderlens-sync/status', status }`). Sending `orderlens-sync/run` every few seconds works too. */
export const SYNC_LIVE_PORT = 'orderlens-sync/live';
export const LIVE_PASS_MS = 5_000;

// ---- Runtime messages from extension pages (the background rejects them from content scripts) ----

export interface SyncEnableMessage {
  type: 'orderlens-sync/enable';
  settings: TeamSyncSettings;
  /** Password or token. Sent once; stored in the extension-origin IndexedDB. */
  secret: string;
}
export interface SyncDisableMessage {
  type: 'orderlens-sync/disable';
}
export interface SyncRunMessage {
  type: 'orderlens-sync/run';
}
export interface SyncStatusMessage {
  type: 'orderlens-sync/status';
}
export interface SyncRemindMessage {
  type: 'orderlens-sync/remind';
  platform: string;
  orderId: string;
}

export type SyncMessage = SyncEnableMessage | SyncDisableMessage | SyncRunMessage | SyncStatusMessage | SyncRemindMessage;

export type SyncEnableResponse = { ok: true } | { ok: false; errorKind: SyncErrorKind; errorText: string };
export type SyncDisableResponse = { ok: true };
/** `orderlens-sync/run` and `orderlens-sync/status` answer the status (after the pass for `run`). */
export type SyncRunResponse = TeamSyncStatus;
export type SyncStatusResponse = TeamSyncStatus;
/** `orderlens-sync/remind` answers a RemindOutcome (utils/remind/remind-order.ts), which includes the
 * `{ ok:false, reason:'claimed', by, at }` refusal (utils/remind/reminder-guard.ts). */

export function isSyncMessage(message: unknown): message is SyncMessage {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.startsWith('orderlens-sync/');
}

export const DISABLED_STATUS: TeamSyncStatus = { enabled: false, pending: 0, shops: [] };

// ---- Names on the server ----

/** CouchDB database names: `^[a-z][a-z0-9_$()+/-]*$`. */
export const TEAM_ID_PATTERN = /^[a-z][a-z0-9_-]{0,40}$/;

export function teamDbName(team: string): string {
  return `orderlens_${team}`;
}

export function shopDbName(team: string, platform: string, shopHash: string): string {
  return `orderlens_${team}_${platform}_${shopHash}`;
}

/** First 12 hex digits of the SHA-256 of the shop name (WebCrypto: works in the worker, pages and Node ≥ 20). */
export async function shopHashOf(shop: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(shop));
  return [...new Uint8Array(digest)].slice(0, 6).map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The shop name used for orders whose shop the console did not print. */
export const UNKNOWN_SHOP = '(未知店铺)';

/** HTTPS is required except for http://localhost and http://127.0.0.1. Returns the origin, or null. */
export function allowedServerOrigin(serverUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return url.origin;
  return null;
}

/** The host-permission pattern for exactly the server's origin (`permissions.request({ origins: [...] })`). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  // Match patterns carry no port: Chrome grants `http://127.0.0.1/*` for every port of that host.
  return `${url.protocol}//${url.hostname}/*`;
}
