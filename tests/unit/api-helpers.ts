import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseConsoleJson } from '@/utils/capture/parse-console-json';
import { CapturedOrderSchema, type CapturedOrderInput } from '@/utils/model/order';
import type { ApiEndpointReader, ApiRead } from '@/utils/sites/api-types';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export const fixtureText = (platform: string, file: string) => readFileSync(join(FIXTURES, platform, 'api', file), 'utf8');
export const fixtureBody = (platform: string, file: string) => parseConsoleJson(fixtureText(platform, file)) as Record<string, unknown>;

export function readerOf(readers: readonly ApiEndpointReader[], id: string): ApiEndpointReader {
  const reader = readers.find((r) => r.id === id);
  expect(reader, `reader ${id}`).toBeDefined();
  return reader!;
}

export function readBody(reader: ApiEndpointReader, body: unknown, url = 'https://example.invalid/'): ApiRead {
  return reader.read(body, { url: new URL(url), status: 200, receivedAt: Date.now() });
}

/** Text → parseConsoleJson → reader, as the capture path does. */
export const readText = (reader: ApiEndpointReader, text: string) => readBody(reader, parseConsoleJson(text));

export type OrdersRead = Extract<ApiRead, { kind: 'orders' }>;

/** The read must be orders, each valid against the model as sent. */
export function ordersOf(read: ApiRead): OrdersRead {
  expect(read.kind, JSON.stringify(read).slice(0, 200)).toBe('orders');
  const orders = read as OrdersRead;
  for (const order of orders.orders) {
    const checked = CapturedOrderSchema.safeParse(order);
    expect(checked.success, `${order.orderId}: ${checked.success ? '' : JSON.stringify(checked.error.issues)}`).toBe(true);
  }
  return orders;
}

export const byId = (read: OrdersRead) => new Map<string, CapturedOrderInput>(read.orders.map((order) => [order.orderId, order]));

export const clone = <T>(value: T): T => structuredClone(value);

/** Keys whose values are personal data or notes the model never holds. */
const PRIVATE_KEYS = new Set([
  'post_tel', 'post_tel_mask', 'detail', 'street', 'town', 'district', 'district_name', 'countyName',
  'consignee', 'consigneeName', 'consigneeMobile', 'consigneePhone', 'consigneeAddress', 'fullAddress',
  'receive_name', 'mobile', 'shipping_address', 'address', 'name', 'phone',
  'buyer_words', 'seller_words', 'buyer_memo', 'mall_remark', 'venderRemark', 'remark', 'sellerNote',
]);
const SHARED_WORDS = new Set(['颜色', '尺码', '规格', '口味', '商家编码', '颜色分类', '尺寸', '香型', '容量']);

/**
 * Every personal string in a body: values under PRIVATE_KEYS (inside `post_addr`, `consigneeInfo`…), with
 * the street names of 抖店's `post_addr.street.name`. `name` keys are only collected inside an address or
 * consignee object (sku_spec pairs have names too).
 */
export function privateStrings(body: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key: string, inPrivate: boolean) => {
    if (typeof value === 'string' || typeof value === 'number') {
      const s = String(value).trim();
      if (inPrivate && s.length >= 2 && !SHARED_WORDS.has(s) && !/^\d{1,8}$/.test(s)) found.add(s);
      return;
    }
    if (Array.isArray(value)) return value.forEach((v) => walk(v, key, inPrivate));
    if (value && typeof value === 'object') {
      const privateHere = inPrivate || (PRIVATE_KEYS.has(key) && key !== 'name') || key === 'consigneeInfo' || key === 'receiver_info';
      for (const [k, v] of Object.entries(value)) {
        if (key === 'receiver_info' && k === 'post_receiver') continue; // masked (`夏**`), also the buyer's display name
        const sub = privateHere || (PRIVATE_KEYS.has(k) && k !== 'name');
        walk(v, k, sub && !(k === 'province' || k === 'city' || k === 'provinceName' || k === 'cityName'));
      }
    }
  };
  walk(body, '', false);
  return [...found];
}

export function expectNoPrivateData(body: unknown, read: ApiRead): void {
  const canaries = privateStrings(body);
  expect(canaries.length).toBeGreaterThan(0);
  const out = JSON.stringify(read);
  for (const canary of canaries) expect(out.includes(canary), `output holds "${canary}"`).toBe(false);
}

export const FORMULA = '=HYPERLINK("http://x","点我")';
export const MARKUP = '<img src=x onerror=alert(1)>';

const ODD_VALUES: readonly unknown[] = [null, 0, -1, '', ' ', 'abc', '0', '12.5', 1e20, 1.5, {}, [], true, '9'.repeat(25), MARKUP, FORMULA, '1700000000', -1e12];

/** A deterministic pseudo-random generator (tests must repeat). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The body with about `rate` of its values (at any depth) replaced by values of other types. */
export function mutate(body: unknown, seed: number, rate = 0.15): unknown {
  const next = rng(seed);
  const walk = (value: unknown): unknown => {
    if (next() < rate) return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(body);
}

/** Runs a reader on many mutated copies: it never throws, and whatever it returns as orders is valid. */
export function expectSurvivesMutations(reader: ApiEndpointReader, body: unknown, runs = 300): void {
  for (let seed = 1; seed <= runs; seed++) {
    const mutated = mutate(body, seed, seed % 3 === 0 ? 0.4 : 0.1);
    let read: ApiRead | undefined;
    expect(() => {
      read = readBody(reader, mutated);
    }, `seed ${seed}`).not.toThrow();
    if (read!.kind === 'orders') {
      for (const order of read!.orders) expect(CapturedOrderSchema.safeParse(order).success, `seed ${seed} ${order.orderId}`).toBe(true);
    } else expect(typeof read!.reason).toBe('string');
  }
}

/** Rows copied from a fixture's rows, with a distinct id each. */
export function manyRows<T>(rows: readonly T[], count: number, withId: (row: T, i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => withId(clone(rows[i % rows.length]!), i));
}

export function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}
