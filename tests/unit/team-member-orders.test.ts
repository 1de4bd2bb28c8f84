import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { capturedByOf, countMemberOrders, pageMemberOrders } from '@/components/sync/member-orders';
import { createDatabase, type OrderLensDatabase, type OrderRecord } from '@/utils/db/database';
import { pageOrders, type PageCursor } from '@/utils/db/order-queries';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { captured } from './order-factory';

const bj = (text: string) => Date.parse(`${text}+08:00`);
const id = (n: number) => String(4934071258846000000n + BigInt(n));

let db: OrderLensDatabase;
let name: string;
let serial = 0;

beforeEach(async () => {
  name = `team-member-orders-${serial++}`;
  db = createDatabase(name);
  await db.open();
  // 1,300 orders (several sharing a second, a few undated); who captured each: every 3rd wang, every 4th li, some both
  await upsertOrders(
    db,
    Array.from({ length: 1300 }, (_, n) =>
      captured({ orderId: id(n), createdAt: n % 97 === 0 ? undefined : bj('2026-05-01T00:00:00') + Math.floor(n / 3) * 60_000 }),
    ),
    Date.now(),
  );
  await db.orders.toCollection().modify((order: OrderRecord & { capturedBy?: string[] }) => {
    const n = Number(BigInt(order.orderId) - 4934071258846000000n);
    const by = [...(n % 3 === 0 ? ['wang'] : []), ...(n % 4 === 0 ? ['li'] : [])];
    if (by.length > 0) order.capturedBy = by;
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function everyPage(member: string, size: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: PageCursor | undefined;
  for (;;) {
    const page = await pageMemberOrders(db, {}, member, cursor, size);
    pages.push(page.orders.map((order) => order.key));
    if (!page.next) return pages;
    cursor = page.next;
  }
}

describe('member filter (capturedBy)', () => {
  it('pages exactly the orders the member captured, in the plain list order, each once', async () => {
    const all: OrderRecord[] = [];
    let cursor: PageCursor | undefined;
    do {
      const page = await pageOrders(db, {}, cursor, 400);
      all.push(...page.orders);
      cursor = page.next;
    } while (cursor);
    for (const member of ['wang', 'li']) {
      const expected = all.filter((order) => capturedByOf(order).includes(member)).map((order) => order.key);
      const pages = await everyPage(member, 100);
      expect(pages.slice(0, -1).every((page) => page.length === 100)).toBe(true);
      expect(pages.flat()).toEqual(expected);
      expect(await countMemberOrders(db, {}, member)).toBe(expected.length);
    }
    expect(await everyPage('nobody', 100)).toEqual([[]]);
  });
});
