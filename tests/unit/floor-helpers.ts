import { JSDOM } from 'jsdom';
import { beginFloorRead, type FloorField, type FloorRead, readRowFloor } from '@/utils/capture/floor/read-row-floor';

/** A document holding `body` (markup written by the tests themselves). */
export function docOf(body: string): Document {
  return new JSDOM(`<!DOCTYPE html><html><body>${body}</body></html>`, { url: 'https://seller.example/orders' }).window.document;
}

/** The first element matching `selector` in a document made of `body`. */
export function rowIn(body: string, selector = '.row'): Element {
  const row = docOf(body).querySelector(selector);
  if (!row) throw new Error(`no ${selector} in the markup`);
  return row;
}

/** Every element matching `selector` in a document made of `body`. */
export function rowsIn(body: string, selector = '.row'): Element[] {
  return Array.from(docOf(body).querySelectorAll(selector));
}

export const beijing = (text: string) => Date.parse(`${text.replace(/\//g, '-').replace(' ', 'T')}+08:00`);

export const ALL_FIELDS: readonly FloorField[] = [
  'orderId',
  'createdAt',
  'paidAt',
  'shippedAt',
  'amountCents',
  'status',
  'buyer',
  'receiverRegion',
  'shipments',
  'items',
];

/** readRowFloor on a fresh page read. */
export function floor(row: Element, want: readonly FloorField[] = ALL_FIELDS, orderIdPattern = /^\d{19}$/): FloorRead {
  beginFloorRead();
  return readRowFloor(row, { orderIdPattern, want });
}

/** The values only (no strategies), for compact expectations. */
export function values(read: FloorRead): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, found] of Object.entries(read)) {
    if (!found) continue;
    if (field === 'status') {
      const { strategy: _s, ...rest } = found as { strategy: string };
      out[field] = rest;
    } else out[field] = (found as { value: unknown }).value;
  }
  return out;
}

/** Hash-like class names, as a redeploy renames them. */
export function hashed(prefix: string, seed: number): string {
  const chars = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let x = seed * 2654435761;
  let out = '';
  for (let i = 0; i < 5; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += chars[x % chars.length];
  }
  return `${prefix}_${out}`;
}
