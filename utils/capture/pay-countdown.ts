import type { CapturedOrder } from '../model/order';

/**
 * The console's own countdown on an unpaid order (抖店 `剩余 29分钟 自动关闭`, `剩余 1天2小时 自动关闭`,
 * `还剩 23:59:10 自动关闭`, `12分钟后自动关闭`): the time left before it closes the order, in ms. Only a
 * countdown that ends in the order closing counts (`剩余 47 小时发货` is the time left to ship).
 */
const CLOSES = /自动关闭|自动取消|关闭订单|订单关闭|后关闭/;
const UNITS = /(\d{1,4})\s*(天|小时|时|分钟|分|秒)/g;
const CLOCK = /(\d{1,3}):(\d{2})(?::(\d{2}))?/;
const UNIT_MS: Record<string, number> = { 天: 86_400_000, 小时: 3_600_000, 时: 3_600_000, 分钟: 60_000, 分: 60_000, 秒: 1_000 };
const MAX_TEXT = 60;

export function payTimeLeftMs(text: string): number | undefined {
  const t = text.trim();
  if (!t || t.length > MAX_TEXT || !CLOSES.test(t) || !/剩|后/.test(t)) return undefined;
  let total = 0;
  let found = false;
  for (const m of t.matchAll(UNITS)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    found = true;
  }
  if (!found) {
    const clock = CLOCK.exec(t);
    if (!clock) return undefined;
    total = Number(clock[1]) * 3_600_000 + Number(clock[2]) * 60_000 + Number(clock[3] ?? 0) * 1_000;
    found = true;
  }
  return found && total > 0 && total <= 30 * 86_400_000 ? total : undefined;
}

const SHOW_TEXT = 4;

/** The first pay countdown printed in a row (its text nodes, one by one: a countdown is one short text). */
export function payTimeLeftIn(row: Element): number | undefined {
  const walker = row.ownerDocument.createTreeWalker(row, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.length > MAX_TEXT || !data.includes('关闭') && !data.includes('取消')) continue;
    const left = payTimeLeftMs(data);
    if (left !== undefined) return left;
  }
  return undefined;
}

/**
 * An unpaid order with the end of its payment window as the console prints it, taken at `now` and rounded
 * to the minute (a countdown shows minutes): the 待催付 queue then says what the console says, not an
 * estimate from the configured window. Other orders, and rows without a countdown, are returned as they are.
 */
export function withPrintedPayDeadline(order: CapturedOrder, row: Element, now: number): CapturedOrder {
  if (order.status !== 'unpaid' || order.payDeadlineAt !== undefined) return order;
  const left = payTimeLeftIn(row);
  if (left === undefined) return order;
  return { ...order, payDeadlineAt: Math.round((now + left) / 60_000) * 60_000 };
}
