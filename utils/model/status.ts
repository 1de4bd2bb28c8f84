/** Normalised order status, with the Chinese label used in the UI and in CSV exports (DESIGN.md "Model"). */
export const ORDER_STATUSES = [
  'unpaid',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'closed',
  'after_sale',
  'refunded',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const STATUS_LABEL_ZH: Record<OrderStatus, string> = {
  unpaid: '待付款',
  paid: '待发货',
  shipped: '已发货',
  delivered: '已签收',
  completed: '已完成',
  closed: '已关闭',
  after_sale: '售后中',
  refunded: '已退款',
};

export const STATUS_LABEL_EN: Record<OrderStatus, string> = {
  unpaid: 'Unpaid',
  paid: 'To ship',
  shipped: 'Shipped',
  delivered: 'Delivered',
  completed: 'Completed',
  closed: 'Closed',
  after_sale: 'After-sale',
  refunded: 'Refunded',
};
