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
