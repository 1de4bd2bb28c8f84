import type { CapturedOrderInput, PageKind } from '../model/order';

/**
 * One console endpoint whose responses the tap forwards, as plain data: the tap runs in the page's own
 * world and ships in the page, so this file and every `utils/sites/<platform>/api-endpoints.ts` must stay
 * free of imports (no zod, no parsing).
 */
export interface TapEndpoint {
  /** `<platform>.<name>`, e.g. `douyin.searchlist`; the same id names its reader in `api.ts`. */
  id: string;
  /** Exact origins the endpoint is served from (`https://fxg.jinritemai.com`). */
  origins: readonly string[];
  /** Tested against the URL's pathname only. */
  path: RegExp;
  /** Tested against `URL.search` when the path alone is shared by other APIs (京东's `sff.jd.com/api?api=…`). */
  search?: RegExp;
}

/** What the isolated script knows of one response the tap forwarded. */
export interface ApiResponseContext {
  url: URL;
  /** HTTP status of the response. */
  status: number;
  /** When the page received it (epoch ms). */
  receivedAt: number;
}

/** The outcome of reading one response body. Readers never throw and never return raw body parts. */
export type ApiRead =
  | {
      kind: 'orders';
      pageKind: PageKind;
      /** Orders mapped to the model; the capture path validates each with CapturedOrderSchema. */
      orders: CapturedOrderInput[];
      /** Rows the response carried (including those skipped). */
      rowsSeen: number;
      /** reason → count, for rows that could not be mapped (e.g. `no-order-id`). */
      skipped: Record<string, number>;
      /** Total orders the console says match (for "DOM shows fewer rows than the JSON had"). */
      total?: number;
    }
  /** An error envelope (code≠0, success:false, 签名校验失败, rate limit 54001…): store nothing, count `reason`. */
  | { kind: 'error'; reason: string }
  /** The body parsed but matches no known envelope: an API change to show in parse health. */
  | { kind: 'unknown-shape'; reason: string };

export interface ApiEndpointReader {
  /** Same id as its TapEndpoint. */
  id: string;
  /** `body` is the JSON already parsed by `parseConsoleJson` (integers beyond 2^53 arrive as strings). */
  read(body: unknown, context: ApiResponseContext): ApiRead;
}
