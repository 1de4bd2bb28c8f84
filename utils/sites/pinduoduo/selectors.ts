import type { SelectorEntry } from '../../capture/fast-query';

/**
 * 拼多多商家后台 selectors as data, newest layout first, stable hooks before class names (consoles.md §5.1).
 * The beast-core kit's classes carry its version (`TB_…_4-103-1`): match them by prefix, never whole.
 * Layout names: `pdd-2021-…` = seen in the 2021 greasyfork userscript 420453; `…-inferred` = not seen in any
 * public source, a plausible guess kept last in its chain.
 */
export const selectors = {
  /** The orders micro-app, then the shell's main content root. */
  root: [
    { selector: '#mf-mms-orders-container', layout: 'pdd-2021-orders-micro-app' },
    { selector: '#pdd-app-skeleton-main-content', layout: 'pdd-2021-skeleton-main' },
  ],
  /** One div per order (children[0] = the "订单编号：… 订单成交时间：…" line, then a <table>). */
  orderCards: [
    { selector: '.package-center-table > div', layout: 'pdd-2021-package-center-table' },
    { selector: '[class*="package-center-table"] > div', layout: 'pdd-package-center-prefix' },
  ],
  /** Column header row above the cards (maps the cards' <td>s by label, so moved columns still read right). */
  columnHeaderRow: [
    { selector: '[class*="TB_thead"] > tr', layout: 'pdd-beast-core-thead' },
    { selector: 'thead > tr', layout: 'pdd-thead' },
  ],
  /** beast-core's empty state ("暂无数据") where the cards would be. */
  emptyState: [
    { selector: '[class*="TB_empty"]', layout: 'pdd-beast-core-empty' },
    { selector: '[class*="empty"]', layout: 'pdd-empty-prefix-inferred' },
  ],
  /** Shop (mall) name in the console header (inferred: the header markup is not in any public source). */
  shopName: [
    { selector: '[class*="mallName"]', layout: 'pdd-header-mall-name-inferred' },
    { selector: '[class*="mall-name"]', layout: 'pdd-header-mall-name-kebab-inferred' },
  ],
  /** Pagination and the status filter row (used by the fixtures' SPA tests and the runtime, not by reading). */
  paginationNext: [{ selector: '[data-testid="beast-core-pagination-next"]', layout: 'pdd-beast-core-pagination' }],
  pageItems: [{ selector: '[class*="PGT_pagerItem"]', layout: 'pdd-beast-core-pagination' }],
  statusFilter: [{ selector: 'div[label="订单状态"]', layout: 'pdd-2021-filter-row' }],

  // detail page (`/orders/detail?type=4399&sn=…`)
  /** Receiver block: first block = "name phone", last block = address (2021). */
  receiverBlock: [{ selector: 'div.buyer-receive-info', layout: 'pdd-2021-buyer-receive-info' }],
  /** Status heading of the detail page (inferred), when the status is not printed as `订单状态：…`. */
  detailStatus: [
    { selector: '[class*="orderStatus"]', layout: 'pdd-detail-status-inferred' },
    { selector: '[class*="order-status"]', layout: 'pdd-detail-status-kebab-inferred' },
  ],
  /** One block per package (物流公司 + 快递单号 + trace) (inferred). */
  packageBlocks: [
    { selector: '[class*="packageItem"]', layout: 'pdd-detail-package-inferred' },
    { selector: '[class*="package-item"]', layout: 'pdd-detail-package-kebab-inferred' },
  ],
  /** Events of a package's logistics trace (inferred). */
  traceItems: [
    { selector: '[class*="traceItem"]', layout: 'pdd-detail-trace-inferred' },
    { selector: '[class*="trace"] li', layout: 'pdd-detail-trace-list-inferred' },
  ],
} satisfies Record<string, readonly SelectorEntry[]>;

/** Printed labels (label text is the most stable hook the console has). */
export const labels = {
  orderId: ['订单编号', '订单号'],
  createdAt: ['订单成交时间', '成交时间', '下单时间'],
  paidAt: ['支付时间', '付款时间'],
  shippedAt: ['发货时间'],
  deliveredAt: ['签收时间'],
  promisedShipAt: ['承诺发货时间'],
  status: ['订单状态'],
  amount: ['实收金额', '实收款', '实付金额'],
  buyer: ['买家昵称', '买家'],
  paymentMethod: ['支付方式'],
  address: ['收货地址', '地址'],
  carrier: ['物流公司', '快递公司'],
  waybill: ['快递单号', '运单号', '物流单号'],
} as const;

/** Column header labels of the list's goods table, per field. */
export const columnLabels = {
  goods: ['商品', '商品信息'],
  status: ['订单状态'],
  quantity: ['数量'],
  goodsTotal: ['商品总价'],
  amount: ['实收金额', '实收款'],
  receiver: ['收货人', '收货信息'],
  buyer: ['买家昵称', '买家'],
} as const;

export type PddColumn = keyof typeof columnLabels;

/** The 2021 column order of a card's <td>s, used when no column header row is found. */
export const columnsByIndex2021: Record<PddColumn, number> = {
  goods: 0,
  status: 1,
  quantity: 2,
  goodsTotal: 3,
  amount: 4,
  receiver: 5,
  buyer: 6,
};
export const COLUMN_COUNT_2021 = 7;
