import type { OrderStatus } from '../../model/status';
import { normalizeStatus } from '../../model/status-words';

/**
 * Taobao prints the trade status once per order (交易状态) and a 履约/售后 text per sub-order
 * (退款成功, 请卖家处理, 发货未超时 …). The order's normalised status combines both: a refund in
 * progress on any sub-order makes it after_sale, a closed trade whose goods were refunded is refunded.
 */

// Sub-order texts (consoles.md §3.2 operation texts). 退款关闭 (refund withdrawn) and the 发货未超时 /
// 即将超时 fulfilment hints are neither.
const REFUND_DONE = /退款成功|已退款/;
const REFUND_ACTIVE = /退款中|请卖家处理|请退款|待退货|待买家退货|待卖家收货|买家已退货|申请退款|售后中|退货中/;
/** Trade-status words, to recognise the status cell when columns cannot be mapped. */
export const TRADE_STATUS_WORDS = new RegExp(
  '^(?:等待买家付款|买家已付款|等待(?:卖家|商家)发货|(?:卖家|商家)(?:部分)?已?发货|卖家部分发货|等待买家确认' +
    '|交易成功|交易关闭|交易被(?:淘宝|天猫)关闭|买家已签收)',
);
const CHINESE_PHRASE = /^[\u4e00-\u9fa5，,、（）()]{2,30}$/;

export interface OrderState {
  status?: OrderStatus;
  statusText?: string;
  afterSale?: boolean;
}

/**
 * `tradeText`: the 交易状态 words or '' when not found. `afterSaleTexts`: each sub-order's 售后 text,
 * or null when that column could not be located (then afterSale stays unknown).
 */
export function orderState(tradeText: string, afterSaleTexts: readonly string[] | null): OrderState {
  const state: OrderState = {};
  const base = tradeText ? normalizeStatus(tradeText) : null;
  // Unknown words are kept as the console's own text only if they look like a status phrase.
  if (tradeText && (base || CHINESE_PHRASE.test(tradeText)) && tradeText.length <= 60) state.statusText = tradeText;
  const active = afterSaleTexts?.some((text) => REFUND_ACTIVE.test(text)) ?? false;
  const done = afterSaleTexts?.some((text) => REFUND_DONE.test(text)) ?? false;
  if (afterSaleTexts) state.afterSale = active || done;
  let status = base ?? undefined;
  if (active && status !== 'closed') status = 'after_sale';
  else if (done && status === 'closed') status = 'refunded';
  if (status) state.status = status;
  return state;
}
