import { CapturedOrderSchema, type CapturedOrder, type PageKind } from '../model/order';
import { MAX_ORDERS_PER_MESSAGE, type CaptureMessageInput } from '../messaging/content-messages';
import { matchTapEndpoint } from '../sites/api-endpoints';
import type { ApiEndpointReader, ApiRead } from '../sites/api-types';
import type { SiteDefinition } from '../sites/types';
import type { ApiOrderIndex } from './api-orders';
import { API_DIAGNOSTICS_KIND, emptyDiagnostics, recordSkip, type ParseDiagnostics } from './diagnostics';
import { parseConsoleJson } from './parse-console-json';
import { CaptureQueue } from './capture-queue';
import { TapRecordSchema, type TapRecordInput } from './tap-record-schema';

/**
 * The isolated side of passive JSON capture: takes what the tap forwarded, re-checks it, reads it with
 * this console's endpoint reader and sends the orders through the same capture path as DOM orders, one
 * batch per response. Never throws; rejected records are counted, never stored.
 */
export class ApiCapture {
  private readonly readers: ReadonlyMap<string, ApiEndpointReader>;
  private stopped = false;

  constructor(
    private readonly site: SiteDefinition,
    readers: readonly ApiEndpointReader[],
    private readonly index: ApiOrderIndex,
    private readonly captures: CaptureQueue = new CaptureQueue(),
  ) {
    this.readers = new Map(readers.map((reader) => [reader.id, reader]));
  }

  stop(): void {
    this.stopped = true;
  }

  /** One message from the tap channel (page-controlled data). */
  handle(data: unknown): void {
    if (this.stopped) return;
    try {
      this.handleRecord(data);
    } catch {
      // a body we did not foresee must never break the seller's page
    }
  }

  private handleRecord(data: unknown): void {
    const parsed = TapRecordSchema.safeParse(data);
    if (!parsed.success) return this.report(emptyApiDiagnostics(this.site.platform, 'tap:invalid-record'), 'invalid-record');
    const record = parsed.data;
    // The URL decides the endpoint, not the record's claim, and only this console's endpoints are read.
    const endpoint = matchTapEndpoint(record.url);
    const reader = endpoint ? this.readers.get(endpoint) : undefined;
    if (!endpoint || !reader || endpoint !== record.endpoint) {
      return this.report(emptyApiDiagnostics(this.site.platform, 'tap:unknown-endpoint'), 'unknown-endpoint');
    }
    const diagnostics = emptyApiDiagnostics(this.site.platform, endpoint);
    if (record.status < 200 || record.status >= 300) return this.report(diagnostics, `http-${record.status}`);
    const body = parseConsoleJson(record.text);
    if (body === undefined) return this.report(diagnostics, 'not-json');
    const read = safeRead(reader, body, record);
    if (read.kind !== 'orders') {
      // An error envelope or an unreadable answer: the page shows the console's error, not the last rows.
      this.index.noteListFailed(Date.now());
      return this.report(diagnostics, read.kind === 'error' ? `error:${read.reason}` : `unknown-shape:${read.reason}`);
    }
    this.capture(read, diagnostics);
  }

  private capture(read: Extract<ApiRead, { kind: 'orders' }>, diagnostics: ParseDiagnostics): void {
    diagnostics.rowsSeen = read.rowsSeen;
    for (const [reason, count] of Object.entries(read.skipped)) diagnostics.skipped[reason] = (diagnostics.skipped[reason] ?? 0) + count;
    const orders: CapturedOrder[] = [];
    const seen = new Set<string>();
    for (const input of read.orders) {
      const checked = CapturedOrderSchema.safeParse(input);
      if (!checked.success || checked.data.platform !== this.site.platform) {
        recordSkip(diagnostics, 'invalid-order');
        continue;
      }
      if (seen.has(checked.data.orderId)) continue; // the same order twice in one body: keep the first
      seen.add(checked.data.orderId);
      orders.push(checked.data);
    }
    diagnostics.rowsParsed = orders.length;
    this.index.add(orders, read.pageKind === 'list', Date.now());
    if (orders.length === 0) return this.send(read.pageKind, [], diagnostics);
    // A body of 10,000 rows goes as several messages (each message is one transaction in the background).
    for (let at = 0; at < orders.length; at += MAX_ORDERS_PER_MESSAGE) {
      const part = orders.slice(at, at + MAX_ORDERS_PER_MESSAGE);
      const partDiagnostics = at === 0 ? diagnostics : { ...emptyApiDiagnostics(this.site.platform, diagnostics.layout), rowsParsed: part.length };
      if (at > 0) partDiagnostics.rowsSeen = 0;
      this.send(read.pageKind, part, partDiagnostics);
    }
  }

  private report(diagnostics: ParseDiagnostics, reason: string): void {
    recordSkip(diagnostics, reason);
    this.send('list', [], diagnostics);
  }

  private send(pageKind: PageKind, orders: CapturedOrder[], diagnostics: ParseDiagnostics): void {
    const message: CaptureMessageInput = {
      type: 'orderlens/capture',
      v: 1,
      platform: this.site.platform,
      pageKind,
      source: 'api',
      orders,
      diagnostics,
    };
    void this.captures.enqueue(message);
  }
}

function emptyApiDiagnostics(platform: string, endpoint: string): ParseDiagnostics {
  return { ...emptyDiagnostics(platform, API_DIAGNOSTICS_KIND), layout: endpoint };
}

function safeRead(reader: ApiEndpointReader, body: unknown, record: TapRecordInput): ApiRead {
  try {
    return reader.read(body, { url: new URL(record.url), status: record.status, receivedAt: record.receivedAt });
  } catch {
    return { kind: 'unknown-shape', reason: 'reader-threw' };
  }
}
