// HTTP to the team's CouchDB outside replication (login check, directory, claims) and the classification of
// every failure into the status's error kinds.
import { SYNC_ERROR_TEXTS, type SyncErrorKind } from './sync-protocol';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    readonly status?: number,
    detail?: string,
  ) {
    super(detail ?? SYNC_ERROR_TEXTS[kind]);
    this.name = 'SyncError';
  }
}

export function basicAuth(user: string, secret: string): string {
  return 'Basic ' + btoa(unescape(encodeURIComponent(`${user}:${secret}`)));
}

export function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'missing';
  if (status === 413 || status === 507) return 'quota';
  return 'server';
}

/** Any thrown value (fetch TypeError, PouchDB error with status, QuotaExceededError…) → an error kind. */
export function classifyError(error: unknown): SyncErrorKind {
  if (error instanceof SyncError) return error.kind;
  const value = error as { status?: unknown; name?: unknown; message?: unknown; code?: unknown; result?: { status?: unknown } } | null;
  const name = typeof value?.name === 'string' ? value.name : '';
  // QuotaExceededError from IndexedDB (PouchDB's copy) or the store's StorageError of kind 'quota'.
  if (name === 'QuotaExceededError' || (error as { kind?: unknown })?.kind === 'quota' || /quota/i.test(String(value?.message ?? ''))) return 'quota';
  const status = typeof value?.status === 'number' ? value.status : undefined;
  if (status !== undefined && status >= 400) return kindOfStatus(status);
  // fetch failures: TypeError "Failed to fetch" (browsers), "fetch failed" (Node), AbortError/TimeoutError.
  return 'unreachable';
}

export interface RemoteContext {
  origin: string;
  authorization: string;
  fetch: FetchLike;
  /** ms before a request counts as unreachable (claims: the reminder must not wait long). */
  timeoutMs?: number;
}

export interface JsonResponse<T> {
  status: number;
  body: T;
}

/** One request as JSON. Network failures and timeouts throw SyncError('unreachable'); HTTP errors are returned. */
export async function requestJson<T = any>(context: RemoteContext, method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
  let response: Response;
  try {
    response = await context.fetch(context.origin + path, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: context.authorization },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      signal: AbortSignal.timeout(context.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new SyncError('unreachable', undefined, `${SYNC_ERROR_TEXTS.unreachable}（${(error as Error)?.message ?? error}）`);
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = {};
  }
  return { status: response.status, body: parsed as T };
}

export function docPath(db: string, id: string): string {
  return `/${encodeURIComponent(db)}/${encodeURIComponent(id)}`;
}
