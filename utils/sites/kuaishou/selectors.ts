import type { SelectorEntry } from '../../capture/fast-query';

/**
 * 快手小店 selectors as data. The order list and detail DOM of this console are not in any public source
 * (consoles.md §4.1), so there is no known layout to key on: the list is read by the generic reader
 * (utils/capture/generic-table.ts), which finds the order table by its column headers (订单号, 实付款, 订单状态,
 * 下单时间 …) whatever its markup. Everything below is `…-inferred` (CSS-module classes `name___hash` as seen on
 * the console's CS login page, `kshopName___eNPZr`; antd classes as the `/zone` app appears to use), matched
 * by prefix only, and used for what the generic reader cannot know: the shop name and the detail page.
 */
export const selectors = {
  /** Shop name in the console header (`kshopName___eNPZr` was seen on the CS workbench login page). */
  shopName: [
    { selector: '[class*="shopName___"]', layout: 'kuaishou-css-module-shop-name-inferred' },
    { selector: '[class*="kshopName___"]', layout: 'kuaishou-cs-login-shop-name' },
  ],
  /** Detail page body (inferred). */
  detailRoot: [
    { selector: '[class*="orderDetail___"]', layout: 'kuaishou-detail-css-module-inferred' },
    { selector: '.ant-layout-content', layout: 'kuaishou-antd-layout-inferred' },
  ],
  /** One card per package on the detail page (inferred). */
  packageBlocks: [
    { selector: '[class*="packageCard___"]', layout: 'kuaishou-detail-package-card-inferred' },
    { selector: '.ant-card', layout: 'kuaishou-antd-card-inferred' },
  ],
  /** Logistics events of a package (antd Timeline, inferred). */
  traceItems: [
    { selector: '.ant-timeline-item', layout: 'kuaishou-antd-timeline-inferred' },
    { selector: '[class*="traceItem___"]', layout: 'kuaishou-trace-item-inferred' },
  ],
  /** Status heading of the detail page when the status is not a labelled value (inferred). */
  detailStatus: [{ selector: '[class*="orderStatus___"]', layout: 'kuaishou-detail-status-inferred' }],
  /** List chrome the fixtures' SPA tests click (antd Tabs and Pagination). */
  statusTabs: [{ selector: '.ant-tabs-tab [role="tab"]', layout: 'kuaishou-antd-tabs-inferred' }],
  paginationNext: [{ selector: '.ant-pagination-next', layout: 'kuaishou-antd-pagination-inferred' }],
} satisfies Record<string, readonly SelectorEntry[]>;

/** Labels of the detail page's values (antd Descriptions draw the colon with CSS, so labels may print bare). */
export const detailLabels = {
  orderId: ['订单号', '订单编号'],
  createdAt: ['下单时间', '创建时间'],
  paidAt: ['支付时间', '付款时间'],
  shippedAt: ['发货时间'],
  deliveredAt: ['签收时间', '收货时间'],
  completedAt: ['完成时间', '成交时间'],
  status: ['订单状态'],
  amount: ['实付款', '实付金额', '买家实付'],
  buyer: ['买家', '买家昵称'],
  paymentMethod: ['支付方式'],
  address: ['收货地址'],
  carrier: ['快递公司', '物流公司'],
  waybill: ['运单号', '快递单号', '物流单号'],
} as const;
