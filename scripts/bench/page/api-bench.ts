// Bundled into a plain page by scripts/bench/tap-section.mjs: grows a console's fixture JSON body to N
// rows, and times what the isolated content script does with one response (parse keeping long ids,
// endpoint reader, schema check of every order) — the capture cost per 100 orders.
import { parseConsoleJson } from '@/utils/capture/parse-console-json';
import { CapturedOrderSchema } from '@/utils/model/order';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import type { ApiEndpointReader } from '@/utils/sites/api-types';
import { apiReaders as douyin } from '@/utils/sites/douyin/api';
import { apiReaders as jd } from '@/utils/sites/jd/api';
import { apiReaders as kuaishou } from '@/utils/sites/kuaishou/api';
import { apiReaders as pinduoduo } from '@/utils/sites/pinduoduo/api';
import { apiReaders as taobao } from '@/utils/sites/taobao/api';
import { median } from './median';

const READERS = new Map<string, ApiEndpointReader>([...douyin, ...jd, ...kuaishou, ...pinduoduo, ...taobao].map((reader) => [reader.id, reader]));

function readerOf(url: string): ApiEndpointReader {
  const id = matchTapEndpoint(url);
  const reader = id ? READERS.get(id) : undefined;
  if (!reader) throw new Error(`no reader for ${url}`);
  return reader;
}

function orderIdsOf(text: string, url: string): string[] {
  const read = readerOf(url).read(parseConsoleJson(text), { url: new URL(url), status: 200, receivedAt: Date.now() });
  if (read.kind !== 'orders') throw new Error(`fixture body reads as ${read.kind}`);
  return read.orders.map((order) => String(order.orderId));
}

/** The largest array of objects in the body: the order rows. */
function rowsArray(value: unknown, best: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    if (value.length > best.length && value.every((item) => item && typeof item === 'object')) best = value;
    for (const item of value) best = rowsArray(item, best);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) best = rowsArray(item, best);
  }
  return best;
}

/**
 * The fixture body with its rows cloned to `rows` rows, each clone's order ids (as they appear in the
 * JSON text, quoted or bare) replaced by fresh ids of the same length and shape.
 */
export function growBody(text: string, url: string, rows: number): string {
  const ids = orderIdsOf(text, url);
  const body = parseConsoleJson(text) as Record<string, unknown>;
  const array = rowsArray(body);
  const rowTexts = array.map((row) => JSON.stringify(row));
  const grown: string[] = [];
  for (let at = 0; at < rows; at++) {
    let rowText = rowTexts[at % rowTexts.length]!;
    for (const id of ids) {
      if (!rowText.includes(id)) continue;
      const suffix = String(at).padStart(4, '0');
      rowText = rowText.split(id).join(id.slice(0, -4) + suffix);
    }
    grown.push(rowText);
  }
  const marker = '"__rows__"';
  array.splice(0, array.length, '__rows__');
  // (淘宝's bare-number ids come out quoted: parseConsoleJson made them strings; its reader takes both.)
  return JSON.stringify(body).replace(marker, grown.join(','));
}

/** ms per 100 orders to parse, read and validate one response body (median of `reps` after warm-up). */
export function timeCapture(text: string, url: string, reps = 15): { msPer100: number; orders: number } {
  const reader = readerOf(url);
  const once = () => {
    const read = reader.read(parseConsoleJson(text), { url: new URL(url), status: 200, receivedAt: Date.now() });
    if (read.kind !== 'orders') throw new Error(read.kind);
    let valid = 0;
    for (const order of read.orders) if (CapturedOrderSchema.safeParse(order).success) valid++;
    return valid;
  };
  for (let i = 0; i < 3; i++) once();
  const times: number[] = [];
  let orders = 0;
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    orders = once();
    times.push(performance.now() - started);
  }
  return { msPer100: (median(times) / Math.max(1, orders)) * 100, orders };
}
