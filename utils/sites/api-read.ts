// Shared by the consoles' endpoint readers (utils/sites/<platform>/api.ts). Values arrive from the page's
// world and from crawler-documented APIs whose types drift: every helper accepts numbers or strings, never
// throws, and says "absent" (undefined) or "unreadable" (null) rather than guessing.
import * as z from 'zod/mini';
import { carrierFromName } from '../carriers/carrier-names';
import { normalizeWaybillNo } from '../carriers/waybill-formats';
import { parseMoneyCents } from '../model/money';
import type { CapturedOrderInput, Item, PageKind, Shipment } from '../model/order';
import type { OrderStatus } from '../model/status';
import { afterSaleStateOf } from '../capture/floor/status-rollup';
import { normalizeStatus } from '../model/status-words';
import { parseBeijingTime } from '../model/time';
import type { ApiEndpointReader, ApiRead, ApiResponseContext } from './api-types';

// ---- schemas: a field of the wrong type reads as absent instead of failing its whole row

/** A scalar field: string or number; anything else (null, objects, booleans) reads as absent. */
export const scalar = z.catch(z.optional(z.union([z.string(), z.number()])), undefined);
export type Scalar = string | number | undefined;

/** An envelope member read by hand (its shape differs between sources). */
export const anything = z.optional(z.unknown());

/** An optional sub-schema that reads as absent when the value does not fit it. */
export function opt<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

/** An optional array whose unfitting elements read as undefined (filtered by the caller). */
export function optList<T extends z.ZodMiniType>(schema: T) {
  return opt(z.array(opt(schema)));
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first of `keys` on `value` that holds an array. */
export function arrayAt(value: unknown, ...keys: string[]): unknown[] | undefined {
  if (!isRecord(value)) return undefined;
  for (const key of keys) {
    const found = value[key];
    if (Array.isArray(found)) return found;
  }
  return undefined;
}

// ---- values

/** Trimmed text clipped to the model's maximum; numbers become their decimal text. */
export function text(value: Scalar, max: number): string | undefined {
  if (value === undefined) return undefined;
  const s = (typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value).trim();
  return s ? s.slice(0, max).trimEnd() : undefined;
}

/** An id that is not the order id (sku, buyer): a number must be exact to count; 0 means none. */
export function idText(value: Scalar, max = 64): string | undefined {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) return undefined;
  const id = text(value, max);
  return id === '0' ? undefined : id;
}

export type OrderIdRead = { id: string } | { skip: 'no-order-id' | 'unsafe-id' | 'bad-order-id' };

/**
 * The order id as a string. Ids beyond 2^53 arrive as strings from parseConsoleJson; a number that is not a
 * safe integer was rounded somewhere and is refused.
 */
export function orderIdOf(value: Scalar, pattern: RegExp): OrderIdRead {
  if (value === undefined || value === '') return { skip: 'no-order-id' };
  if (typeof value === 'number' && !Number.isSafeInteger(value)) return { skip: 'unsafe-id' };
  const id = String(value).trim();
  if (!id) return { skip: 'no-order-id' };
  return pattern.test(id) ? { id } : { skip: 'bad-order-id' };
}

const MIN_MS = 946_684_800_000; // 2000-01-01, the model's bounds
const MAX_MS = 4_102_444_800_000; // 2100-01-01
const DIGITS = /^\d+$/;
const SIGNED_DIGITS = /^-?\d+$/;

/**
 * Epoch seconds or milliseconds (by magnitude: below 1e11 is seconds), as a number or digit string, or a
 * Beijing wall-clock string. 0 / '' / '0' mean "not yet" (抖店 pay_time of an unpaid order). Null: present
 * but unreadable or outside 2000–2100.
 */
export function epochMsOf(value: Scalar): number | undefined | null {
  if (value === undefined || value === '' || value === 0 || value === '0') return undefined;
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    const s = value.trim();
    if (!s || s === '0') return undefined;
    if (!DIGITS.test(s)) return parseBeijingTime(s);
    n = Number(s);
  }
  if (!Number.isFinite(n) || n <= 0) return null;
  const ms = Math.round(n < 1e11 ? n * 1000 : n);
  return ms >= MIN_MS && ms <= MAX_MS ? ms : null;
}

const MAX_CENTS = 100_000_000_000;
const inRange = (cents: number) => (Math.abs(cents) <= MAX_CENTS ? cents : null);

/** An amount in 分 (integer, or its digit string). A fraction is not 分: null rather than a guess. */
export function fenOf(value: Scalar): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? inRange(value) : null;
  const s = value.trim();
  return SIGNED_DIGITS.test(s) && s.length <= 13 ? inRange(Number(s)) : null;
}

/** An amount in yuan: `"65.90"`, `"¥65.90"`, or a number with at most two decimals. */
export function yuanOf(value: Scalar): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return parseMoneyCents(value);
  if (!Number.isFinite(value)) return null;
  const cents = Math.round(value * 100);
  return Math.abs(value * 100 - cents) < 1e-6 ? inRange(cents) : null;
}

/** A count ≥ 1 (number or digit string), else undefined. */
export function quantityOf(value: Scalar): number | undefined {
  const n = typeof value === 'string' && DIGITS.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : undefined;
}

const MUNICIPALITIES = /^(北京|天津|上海|重庆)(?:市)?$/;

/**
 * `省` + `市` from the console's own province/city fields, written like the DOM readers print them
 * (`浙江省杭州市`; a municipality once: `北京市`). Never the district or street.
 */
export function regionOf(province: Scalar, city: Scalar): string | undefined {
  const p = text(province, 40);
  const c = text(city, 40);
  if (!p) return undefined;
  const municipality = MUNICIPALITIES.exec(p);
  if (municipality) return `${municipality[1]}市`;
  if (!c || c === p) return p;
  return `${p}${c}`.slice(0, 80);
}

/** A buyer display name only when the console masked it (`王**`). */
export function maskedName(value: Scalar): string | undefined {
  const name = text(value, 80);
  return name && name.includes('*') ? name : undefined;
}

/** A waybill as the model keeps it: a real number (normalised), the carrier's name and our carrier code. */
export function shipmentOf(waybill: Scalar, carrierName: Scalar): Shipment | undefined {
  const waybillNo = normalizeWaybillNo(typeof waybill === 'number' ? idText(waybill) : waybill);
  if (!waybillNo) return undefined;
  const shipment: Shipment = { waybillNo, events: [] };
  const name = text(carrierName, 40);
  if (name) {
    shipment.carrierName = name;
    const carrier = carrierFromName(name);
    if (carrier) shipment.carrierCode = carrier.code;
  }
  return shipment;
}

/** Adds a shipment unless its number is already there (the model keeps at most 20). */
export function pushShipment(shipments: Shipment[], shipment: Shipment | undefined): void {
  if (!shipment || shipments.length >= 20) return;
  if (shipments.some((known) => known.waybillNo === shipment.waybillNo)) return;
  shipments.push(shipment);
}

/** `颜色：白色；尺码：XL` from `[{name, value}]` pairs (the DOM readers' spec format). */
export function specOf(pairs: readonly ({ name?: Scalar; value?: Scalar } | undefined)[] | undefined): string | undefined {
  if (!pairs) return undefined;
  const parts: string[] = [];
  for (const pair of pairs) {
    const value = text(pair?.value, 200);
    if (!value) continue;
    const name = text(pair?.name, 60);
    parts.push(name ? `${name}：${value}` : value);
  }
  return text(parts.join('；'), 200);
}

/** An item, or undefined without a title. */
export function itemOf(fields: {
  title: Scalar;
  spec?: string | undefined;
  quantity?: Scalar;
  unitPriceCents?: number | null | undefined;
  skuId?: Scalar;
  skuCode?: Scalar;
}): Item | undefined {
  const title = text(fields.title, 300);
  if (!title) return undefined;
  const item: Item = { title };
  if (fields.spec) item.spec = fields.spec;
  const quantity = quantityOf(fields.quantity);
  if (quantity !== undefined) item.quantity = quantity;
  // An unreadable unit price leaves the price out; the order itself is still right.
  if (typeof fields.unitPriceCents === 'number') item.unitPriceCents = fields.unitPriceCents;
  const skuId = idText(fields.skuId);
  if (skuId) item.skuId = skuId;
  const skuCode = text(fields.skuCode, 64);
  if (skuCode) item.skuCode = skuCode;
  return item;
}

/**
 * An after-sale happened on this line (open, refunded or finished; 退款关闭/撤销 and `-` are none): the order's
 * `afterSale` flag that 退货率 counts — the same reading as the page readers' item roll-up.
 */
export function afterSaleHappened(value: Scalar): boolean {
  const s = text(value, 60);
  if (!s || s === '0') return false;
  const state = afterSaleStateOf(s);
  return state === 'open' || state === 'refunded' || state === 'finished';
}

/** The console's words first, its numeric code where the reference lists one. */
export function statusOf(words: string | undefined, code: Scalar, codes: Readonly<Record<string, OrderStatus>>): OrderStatus | undefined {
  return normalizeStatus(words) ?? (code === undefined ? undefined : codes[String(code).trim()]);
}

/** Sets the optional time fields; false when one is present but unreadable (the row is then skipped). */
export function setTimes(
  order: CapturedOrderInput,
  times: Partial<Record<'createdAt' | 'paidAt' | 'shippedAt' | 'deliveredAt' | 'completedAt' | 'promisedShipAt', Scalar>>,
): boolean {
  for (const [field, raw] of Object.entries(times) as [keyof typeof times, Scalar][]) {
    const ms = epochMsOf(raw);
    if (ms === null) return false;
    if (ms !== undefined) order[field] = ms;
  }
  return true;
}

// ---- results

/** Most rows one response may carry; beyond this the body is not a console page. */
const MAX_ROWS = 20_000;

export type RowResult = CapturedOrderInput | string;

/** Maps every row; rows that cannot be mapped are counted by reason, a repeated order id only once. */
export function readRows(
  rows: readonly unknown[],
  mapRow: (row: unknown) => RowResult,
  pageKind: PageKind,
  total: number | undefined,
): ApiRead {
  const orders: CapturedOrderInput[] = [];
  const skipped: Record<string, number> = {};
  const seen = new Set<string>();
  const skip = (reason: string) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const count = Math.min(rows.length, MAX_ROWS);
  for (let i = 0; i < count; i++) {
    let result: RowResult;
    try {
      result = mapRow(rows[i]);
    } catch {
      result = 'bad-row';
    }
    if (typeof result === 'string') skip(result);
    else if (seen.has(result.orderId)) skip('duplicate');
    else {
      seen.add(result.orderId);
      orders.push(result);
    }
  }
  for (let i = count; i < rows.length; i++) skip('too-many-rows');
  const read: ApiRead = { kind: 'orders', pageKind, orders, rowsSeen: rows.length, skipped };
  if (total !== undefined) read.total = total;
  return read;
}

/** A count the console reports (number or digit string), else undefined. */
export function totalOf(...values: unknown[]): number | undefined {
  for (const value of values) {
    const n = typeof value === 'string' && DIGITS.test(value.trim()) ? Number(value) : value;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  }
  return undefined;
}

/** A reader that never throws: an exception reads as an unknown shape. */
export function safeReader(id: string, read: (body: unknown, context: ApiResponseContext) => ApiRead): ApiEndpointReader {
  return {
    id,
    read(body, context) {
      if (body === undefined) return { kind: 'unknown-shape', reason: 'not-json' };
      try {
        return read(body, context);
      } catch {
        return { kind: 'unknown-shape', reason: 'reader-failed' };
      }
    },
  };
}
