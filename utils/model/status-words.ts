import type { OrderStatus } from './status';

/** Whole status texts as the consoles print them (after normalise()). */
const EXACT = new Map<string, OrderStatus>(Object.entries({
  // unpaid
  等待买家付款: 'unpaid', // Taobao
  待支付: 'unpaid', // Douyin, PDD
  待付款: 'unpaid', // JD, Kuaishou
  未付款: 'unpaid', // JD
  未支付: 'unpaid',
  // paid (not yet shipped)
  待发货: 'paid',
  等待出库: 'paid', // JD WAIT_SELLER_STOCK_OUT
  待出库: 'paid',
  等待发货: 'paid', // JD WAIT_SELLER_DELIVERY (海外购)
  买家已付款: 'paid', // Taobao
  '买家已付款，等待商家发货': 'paid',
  等待卖家发货: 'paid', // Taobao WAIT_SELLER_SEND_GOODS
  备货中: 'paid', // Douyin status 2
  已支付: 'paid', // Douyin status 105
  已付款: 'paid', // Kuaishou 30
  // JD PAUSE: a paid order held back from the warehouse (e.g. while the buyer edits it); it is still
  // an order to ship, so it counts as paid.
  暂停: 'paid',
  // shipped
  // Douyin 101 部分发货 / Taobao SELLER_CONSIGNED_PART: at least one waybill is out, so the order has a
  // ship time and something to track; calling it paid would hide the 查物流 button and the shipment.
  部分发货: 'shipped',
  卖家部分发货: 'shipped',
  卖家已发货: 'shipped',
  '商家已发货，等待买家确认': 'shipped',
  等待买家确认收货: 'shipped',
  等待确认收货: 'shipped', // JD WAIT_GOODS_RECEIVE_CONFIRM
  '已发货，待签收': 'shipped', // PDD
  已发货: 'shipped',
  待收货: 'shipped', // Kuaishou 3
  已出库: 'shipped',
  已揽件: 'shipped', // Douyin logistics trace states
  运输中: 'shipped',
  派件中: 'shipped',
  // delivered
  已签收: 'delivered',
  买家已签收: 'delivered', // Taobao TRADE_BUYER_SIGNED
  // completed
  交易成功: 'completed',
  完成: 'completed', // JD FINISHED_L
  已完成: 'completed',
  订单成功: 'completed', // Kuaishou 70
  // closed
  交易关闭: 'closed',
  交易被淘宝关闭: 'closed',
  交易被天猫关闭: 'closed',
  已取消: 'closed',
  取消: 'closed', // JD TRADE_CANCELED
  已关闭: 'closed',
  订单失败: 'closed', // Kuaishou 80
  '未支付，交易关闭': 'closed', // PDD
  '超时未支付，订单关闭': 'closed', // 抖店 closed rows (the longest keyword 未支付 alone would say unpaid)
  // after-sale
  退款中: 'after_sale',
  售后中: 'after_sale',
  请卖家处理: 'after_sale', // Taobao sub-order operation texts
  请退款: 'after_sale',
  待退货: 'after_sale',
  订单部分退款中: 'after_sale',
  // JD LOCKED: JD locks an order while a cancellation/refund request or a risk review is pending; it
  // must not be shipped and waits for the seller or JD to act, which is what after_sale means here.
  // paid would wrongly put it among orders to ship and into the ship-time KPI.
  已锁定: 'after_sale',
  // refunded
  '未发货，退款成功': 'refunded', // PDD
  '已发货，退款成功': 'refunded', // PDD
  退款成功: 'refunded',
  已退款: 'refunded',
} satisfies Record<string, OrderStatus>));

/**
 * Phrases safe to find inside a longer text (`订单已取消`, `已成团，待发货`). Short words that change
 * meaning with a prefix (完成 in 未完成, 取消 in 申请取消, 暂停, 关闭 in 退款关闭) are exact-only.
 * The longest phrase found decides; two different statuses from equally long phrases → unknown.
 */
const KEYWORDS: ReadonlyArray<readonly [string, OrderStatus]> = (
  [
    ['等待买家付款', 'unpaid'],
    ['待支付', 'unpaid'],
    ['待付款', 'unpaid'],
    ['未付款', 'unpaid'],
    ['未支付', 'unpaid'],
    ['买家已付款', 'paid'],
    ['等待卖家发货', 'paid'],
    ['等待商家发货', 'paid'],
    ['待发货', 'paid'],
    ['等待出库', 'paid'],
    ['待出库', 'paid'],
    ['等待发货', 'paid'],
    ['备货中', 'paid'],
    ['已支付', 'paid'],
    ['已付款', 'paid'],
    ['部分发货', 'shipped'],
    ['卖家已发货', 'shipped'],
    ['商家已发货', 'shipped'],
    ['等待买家确认', 'shipped'],
    ['等待确认收货', 'shipped'],
    ['已发货', 'shipped'],
    ['待签收', 'shipped'],
    ['待收货', 'shipped'],
    ['已出库', 'shipped'],
    ['已签收', 'delivered'],
    ['交易成功', 'completed'],
    ['交易完成', 'completed'],
    ['订单完成', 'completed'],
    ['已完成', 'completed'],
    ['订单成功', 'completed'],
    ['交易关闭', 'closed'],
    ['交易被淘宝关闭', 'closed'],
    ['交易被天猫关闭', 'closed'],
    ['已取消', 'closed'],
    ['交易取消', 'closed'],
    ['订单取消', 'closed'],
    ['已关闭', 'closed'],
    ['订单失败', 'closed'],
    ['部分退款中', 'after_sale'],
    ['退货退款中', 'after_sale'],
    ['退款中', 'after_sale'],
    ['售后中', 'after_sale'],
    ['请卖家处理', 'after_sale'],
    ['请退款', 'after_sale'],
    ['待退货', 'after_sale'],
    ['已锁定', 'after_sale'],
    ['退款成功', 'refunded'],
    ['已退款', 'refunded'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

const SPACE = /\s+/g;
const COMMA = /[,，]/g;

function normalise(text: string): string {
  return text.replace(SPACE, '').replace(COMMA, '，');
}

/** A console's own status words (any of the five consoles) → normalised status, or null if unknown. */
export function normalizeStatus(text: string | null | undefined): OrderStatus | null {
  if (!text) return null;
  const s = normalise(text);
  if (!s) return null;
  const exact = EXACT.get(s);
  if (exact) return exact;
  let found: OrderStatus | null = null;
  let foundLength = 0;
  for (const [word, status] of KEYWORDS) {
    if (word.length < foundLength) break;
    if (!s.includes(word)) continue;
    if (found !== null && found !== status) return null; // equally long, different meaning
    found = status;
    foundLength = word.length;
  }
  return found;
}
