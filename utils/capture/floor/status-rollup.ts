import type { OrderStatus } from '../../model/status';
import { normalizeStatus } from '../../model/status-words';

/**
 * Item 2 of issue 11: the console's own words win, and item-level after-sale states roll up into the order.
 *
 * The rules (DESIGN.md "Model": 退款中 → after_sale, 未发货，退款成功 → refunded; `afterSale` is the order's
 * flag that an after-sale happened, which the 退货率 KPI counts):
 * - the order's printed status is the base; when it is itself an after-sale status (售后中, 退款成功,
 *   已发货，退款成功) it stands;
 * - an OPEN after-sale on any item (退款中, 售后中, 待退货, 仅退款 without an outcome …) → after_sale, unless
 *   the order is closed (a closed trade is over; the item text is stale — as the 千牛 reader does);
 * - REFUNDED on every item (the item count is known and all of them say 退款成功/已退款), or with no order
 *   status printed at all → refunded; on a closed order only where the console closes trades when their
 *   refunds complete (`closedMeansRefunded`, 千牛), else the printed 已关闭 stands with `afterSale`;
 * - refunded on SOME items only → the order keeps its printed status (it still ships or was delivered) and
 *   gets `afterSale: true` with `partialRefund: true`; the status is not made up: the printed one stands;
 * - an after-sale FINISHED without a printed outcome (售后完成) → `afterSale: true`, status unchanged;
 * - a WITHDRAWN one (退款关闭, 售后关闭, 已撤销) is no after-sale: nothing changes.
 * `statusText` is the console's words that decided the status (the order's printed status, or the item's
 * after-sale text when that decided it).
 */

export type AfterSaleState = 'open' | 'refunded' | 'finished' | 'withdrawn' | 'none';

// Checked in this order: `仅退款，退款成功` is refunded, `退货退款成功` is refunded (not the open 退货退款).
const WITHDRAWN = /退款关闭|售后关闭|售后取消|取消售后|撤销|无售后/;
const REFUNDED = /退款成功|已退款|退款完成|退款已完成|已全额退款/;
const FINISHED = /售后完成|售后成功|售后已完成|换货成功|补寄成功|已换货/;
const OPEN =
  /退款中|售后中|售后处理中|退货中|换货中|待退货|待买家退货|待卖家收货|待商家收货|买家已退货|请卖家处理|待商家处理|待卖家处理|请退款|申请退款|申请售后|退款申请|仅退款|退货退款/;
const NONE_WORDS = new Set(['', '-', '--', '—', '——', '无', '暂无', '/']);
const SPACES = /\s+/g;

/** What an item's after-sale text says. */
export function afterSaleStateOf(text: string | null | undefined): AfterSaleState {
  const t = text?.replace(SPACES, '') ?? '';
  if (NONE_WORDS.has(t) || t.length > 40) return 'none';
  if (WITHDRAWN.test(t)) return 'withdrawn';
  if (REFUNDED.test(t)) return 'refunded';
  if (FINISHED.test(t)) return 'finished';
  if (OPEN.test(t)) return 'open';
  const status = normalizeStatus(t);
  return status === 'after_sale' ? 'open' : status === 'refunded' ? 'refunded' : 'none';
}

export interface StatusRollup {
  status?: OrderStatus;
  /** The console's words that decided `status`. */
  statusText?: string;
  /** An after-sale happened or is open on the order or one of its items. */
  afterSale?: boolean;
  /** Some items refunded, others not (only when the item count is known). */
  partialRefund?: boolean;
}

/**
 * The order's status from its printed status and its items' after-sale texts (rules above).
 * `itemTexts`: the after-sale texts printed per item (`''`/`-` for an item without one); `options.itemCount`:
 * the number of items of the order when known — without it, "every item refunded" cannot be told from "some".
 */
export interface RollupOptions {
  /** The number of items of the order, when known. */
  itemCount?: number;
  /**
   * The console closes a trade when its refunds complete (千牛: 交易关闭 + 退款成功 = a refunded order), so a
   * closed order with a refunded item is refunded. Elsewhere a printed 已关闭 stands (抖店 closes unpaid
   * orders; a stale 退款成功 beside 超时未支付，订单关闭 is no refund).
   */
  closedMeansRefunded?: boolean;
}

export function rollupStatus(
  printed: string | null | undefined,
  itemTexts: readonly (string | null | undefined)[] = [],
  options: RollupOptions = {},
): StatusRollup {
  const { itemCount, closedMeansRefunded = false } = options;
  const printedText = printed?.trim() || undefined;
  const base = normalizeStatus(printedText) ?? undefined;
  let firstOpen: string | undefined;
  let firstRefunded: string | undefined;
  let refunded = 0;
  let finished = false;
  for (const text of itemTexts) {
    const state = afterSaleStateOf(text);
    if (state === 'open') firstOpen ??= text!.trim();
    else if (state === 'refunded') {
      refunded += 1;
      firstRefunded ??= text!.trim();
    } else if (state === 'finished') finished = true;
  }
  const out: StatusRollup = {};
  const keep = () => {
    if (base) {
      out.status = base;
      out.statusText = printedText;
    }
  };
  if (base === 'after_sale' || base === 'refunded') {
    keep();
    out.afterSale = true;
    return out;
  }
  if (firstOpen !== undefined && base !== 'closed') {
    out.status = 'after_sale';
    out.statusText = firstOpen;
    out.afterSale = true;
    return out;
  }
  if (firstRefunded !== undefined) {
    out.afterSale = true;
    const all = itemCount !== undefined && itemCount > 0 && refunded >= itemCount;
    if (base === 'closed' && !closedMeansRefunded) {
      keep();
      return out;
    }
    if (all || base === 'closed' || base === undefined) {
      out.status = 'refunded';
      out.statusText = firstRefunded;
      return out;
    }
    keep();
    if (itemCount !== undefined) out.partialRefund = true;
    return out;
  }
  keep();
  if (finished || firstOpen !== undefined) out.afterSale = true;
  return out;
}

/**
 * A printed status always beats a numeric code (抖店 `data-kora_order_status`, a JSON code): the words the
 * console prints are what the seller sees; the code is used only when no printed words are recognised.
 * `code` is the code already mapped to a status by the site's table. Returns which one won, for the tally.
 */
export function printedStatusWins(
  printed: string | null | undefined,
  code: OrderStatus | null | undefined,
): { status: OrderStatus; by: 'printed' | 'code' } | undefined {
  const fromText = normalizeStatus(printed);
  if (fromText) return { status: fromText, by: 'printed' };
  return code ? { status: code, by: 'code' } : undefined;
}
