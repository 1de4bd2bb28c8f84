import type { OrderStatus } from '../../model/status';

/**
 * 抖店's numeric order status, the same in the list's `data-kora_order_status` and the JSON's `order_status`
 * (consoles.md §1.2: 4 = closed is seen; the rest follow the open-platform numbering, UNVERIFIED). The
 * printed words win over these wherever both exist.
 */
export const DOUYIN_STATUS_CODES: Readonly<Record<string, OrderStatus>> = {
  '1': 'unpaid',
  '2': 'paid',
  '105': 'paid',
  '101': 'shipped',
  '3': 'shipped',
  '4': 'closed',
  '5': 'completed',
};
