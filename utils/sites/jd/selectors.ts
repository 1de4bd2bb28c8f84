import type { SelectorEntry } from '../../capture/fast-query';

/**
 * 京东商家后台 selectors as data, newest layout first; stable hooks (`[prop=…]`, label text, links) before
 * class names.
 *
 * Layout names:
 * - `jd-2024-cards`: the Vue list on shop.jd.com (jd- component kit), one `.card` per order with `[prop]`
 *   columns and the "… 下单，… 付款" time line (selectors seen in 2025/26 scripts, consoles.md §2.1).
 * - `jd-porder-2023-tables`: the old porder.shop.jd.com list, one `<table>` per order in
 *   `#order-shop-content`, the order header in `thead > tr > th > div > span` (seen 2023, cell classes
 *   plausible).
 * - `jd-neworder-detail`: neworder.shop.jd.com/order/orderDetail, `label：value` pairs (dt/dd) and one
 *   block per package (the page's markup is reconstructed; labels are JD's own).
 */

const chain = (...entries: [selector: string, layout: string][]): SelectorEntry[] =>
  entries.map(([selector, layout]) => ({ selector, layout }));

// Child steps of the 2024 card: `:scope > …` paths are resolved by stepping through children (cheap, see
// utils/capture/fast-query.ts); the descendant entries after them keep a card readable when a wrapper is added.
const HEADER = ':scope > .card-header';
const BODY = ':scope > .card-body';

export const CARDS = {
  row: chain(
    // descendants, not children: a wrapper the kit adds around some cards (virtual scroll) must not hide them
    ['.order-list-card-table .table-body .card', 'jd-2024-cards'],
    ['.jd-scrollbar__view .table-body .card', 'jd-2024-cards-scrollbar'],
  ),
  empty: chain(
    ['.order-list-card-table .jd-empty', 'jd-2024-cards'],
    ['.order-list-card-table .table-empty', 'jd-2024-cards-table-empty'],
  ),
  /** The card's header line (订单号 / times / buyer): labels are read here; the id regex fallback only looks here. */
  header: chain([HEADER, 'jd-2024-cards'], ['.card-header', 'jd-2024-cards-nested']),
  orderId: chain(
    [`${HEADER} > .shop-order-id > .order-info-btn > span`, 'jd-2024-cards'],
    ['.shop-order-id .order-info-btn span', 'jd-2024-cards-nested'],
    ['.shop-order-id button span', 'jd-2024-cards-button'],
  ),
  /** `2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款` */
  timeLine: chain(
    [`${HEADER} > .order-time-info > .shop-overflow-tooltip > .shop-overflow-tooltip__content`, 'jd-2024-cards'],
    ['.order-time-info .shop-overflow-tooltip__content', 'jd-2024-cards-nested'],
    ['.order-time-info', 'jd-2024-cards-no-tooltip'],
  ),
  promisedShip: chain(
    [`${HEADER} > .promise-out-ship-date > .jd-only-child > .jd-only-child__content`, 'jd-2024-cards'],
    ['.promise-out-ship-date .jd-only-child__content', 'jd-2024-cards-nested'],
  ),
  buyer: chain([`${HEADER} > .user-pin`, 'jd-2024-cards'], ['.user-pin', 'jd-2024-cards-nested']),
  item: chain(
    [`${BODY} > [prop="skuInfo"] > .sku-info-list > .sku-info-list__item`, 'jd-2024-cards'],
    ['.sku-info-list__item', 'jd-2024-cards-nested'],
  ),
  // Item fields, relative to one `.sku-info-list__item`.
  itemName: chain(
    [':scope > .sku-info-card > .sku-info-card__left > .card-left__desc > .sku-name', 'jd-2024-cards'],
    ['.sku-name', 'jd-2024-cards-nested'],
  ),
  /** The amount column; it also holds a `运费` label with the freight, which is not the amount. */
  receivables: chain([`${BODY} > [prop="receivables"]`, 'jd-2024-cards'], ['[prop="receivables"]', 'jd-2024-cards-nested']),
  // Relative to the amount column.
  receivablesMoney: chain([':scope > .receivables-cell > [class*="__money"]', 'jd-2024-cards'], ['[class*="__money"]', 'jd-2024-cards-nested']),
  receivablesValues: ':scope .config-view-item__value',
  payType: chain([':scope > .receivables-cell > [class*="__pay-type"]', 'jd-2024-cards'], ['[class*="__pay-type"]', 'jd-2024-cards-nested']),
  consignee: chain(
    [`${BODY} > [prop="consigneeInfo"] > .cons-info > .cons-address > .cons-address-text`, 'jd-2024-cards'],
    ['[prop="consigneeInfo"] .cons-address-text', 'jd-2024-cards-nested'],
    ['.cons-address-text', 'jd-2024-cards-no-prop'],
  ),
  status: chain(
    [`${BODY} > [prop="orderStatus"] > .order-status > span`, 'jd-2024-cards'],
    ['[prop="orderStatus"] .order-status span', 'jd-2024-cards-nested'],
    ['.table-cared-order-status-column .order-status', 'jd-2024-cards-status-column'],
    ['[prop="orderStatus"] .order-status', 'jd-2024-cards-no-span'],
  ),
  shop: chain(['.shop-menu-accountV1__right-account-top-name', 'jd-2024-shop-menu']),
} as const;

// Child steps of an old porder order table (see CARDS for why); descendant entries follow as fallbacks.
const FIRST_ROW_CELL = ':scope > tbody > tr';

export const PORDER = {
  row: chain(['#order-shop-content > table', 'jd-porder-2023-tables'], ['#order-shop-content table.order-tb', 'jd-porder-2023-nested']),
  empty: chain(['#order-shop-content .no-data', 'jd-porder-2023-tables']),
  header: chain([':scope > thead > tr > th', 'jd-porder-2023-tables'], ['thead th', 'jd-porder-2023-nested']),
  /** The order number links to its detail page: the id is in the link (a stable hook). */
  detailLink: chain(['thead a[href*="orderDetail?orderId="]', 'jd-porder-2023-tables']),
  buyer: chain([':scope > thead > tr > th > .order-tb-hd-r > .buyer-pin', 'jd-porder-2023-tables'], ['thead .buyer-pin', 'jd-porder-2023-nested']),
  itemRow: chain([':scope > tbody > tr', 'jd-porder-2023-tables'], ['tbody > tr', 'jd-porder-2023-nested']),
  // Item fields, relative to one SKU row.
  itemName: chain([':scope > .goods-td > .goods-item > .p-msg > .p-name', 'jd-porder-2023-tables'], ['.p-name', 'jd-porder-2023-nested']),
  itemSpec: chain([':scope > .goods-td > .goods-item > .p-msg > .p-attr', 'jd-porder-2023-tables'], ['.p-attr', 'jd-porder-2023-nested']),
  itemPrice: chain([':scope > .price-td > .p-price', 'jd-porder-2023-tables'], ['.p-price', 'jd-porder-2023-nested']),
  itemQuantity: chain([':scope > .price-td > .p-num', 'jd-porder-2023-tables'], ['.p-num', 'jd-porder-2023-nested']),
  // Order cells (rowspan'd on the first SKU row).
  consigneeAddress: chain([`${FIRST_ROW_CELL} > .consignee-td > .consignee-addr`, 'jd-porder-2023-tables'], ['.consignee-addr', 'jd-porder-2023-nested']),
  amount: chain(
    [`${FIRST_ROW_CELL} > .amount-td > .amount`, 'jd-porder-2023-tables'],
    ['.amount-td .amount', 'jd-porder-2023-nested'],
    ['.amount-td', 'jd-porder-2023-no-amount-span'],
  ),
  payType: chain([`${FIRST_ROW_CELL} > .amount-td > .pay-type`, 'jd-porder-2023-tables'], ['.amount-td .pay-type', 'jd-porder-2023-nested']),
  status: chain(
    [`${FIRST_ROW_CELL} > .status-td > .order-status`, 'jd-porder-2023-tables'],
    ['.status-td .order-status', 'jd-porder-2023-nested'],
    ['.status-td', 'jd-porder-2023-no-status-span'],
  ),
  shop: chain(['#shop-name', 'jd-porder-2023-tables'], ['.shop-name', 'jd-porder-2023-shop-name-class']),
} as const;

export const DETAIL = {
  root: chain(['#container.order-detail', 'jd-neworder-detail'], ['.order-detail', 'jd-neworder-detail-no-id']),
  /** label：value pairs (订单编号, 下单时间, 付款时间, 出库时间, 完成时间, 支付方式, 应付总额, 收货地址 …). */
  pair: chain(['dl', 'jd-neworder-detail']),
  status: chain(['#orderstate .state-txt', 'jd-neworder-detail']),
  itemRow: chain(['#skuinfo tbody > tr', 'jd-neworder-detail']),
  itemName: chain(['.p-name', 'jd-neworder-detail']),
  itemSpec: chain(['.p-attr', 'jd-neworder-detail']),
  itemSku: chain(['.p-sku', 'jd-neworder-detail']),
  itemPrice: chain(['.p-price', 'jd-neworder-detail']),
  itemQuantity: chain(['.p-num', 'jd-neworder-detail']),
  package: chain(['#logistics .pkg', 'jd-neworder-detail']),
  trace: chain(['.track-list > li', 'jd-neworder-detail']),
  traceTime: chain(['.track-time', 'jd-neworder-detail']),
  traceText: chain(['.track-txt', 'jd-neworder-detail']),
  shop: chain(['.shop-menu-accountV1__right-account-top-name', 'jd-2024-shop-menu'], ['#shop-name', 'jd-neworder-detail']),
} as const;

export const ORDER_ID_LABELS = ['订单编号', '订单号'] as const;

/** Detail labels → the time field they stamp. */
export const DETAIL_TIME_LABELS: Readonly<Record<string, 'createdAt' | 'paidAt' | 'shippedAt' | 'deliveredAt' | 'completedAt'>> = {
  下单时间: 'createdAt',
  付款时间: 'paidAt',
  出库时间: 'shippedAt',
  发货时间: 'shippedAt',
  签收时间: 'deliveredAt',
  完成时间: 'completedAt',
};
export const DETAIL_AMOUNT_LABELS = ['应付总额', '应付金额', '应收金额', '订单金额'] as const;
export const CARRIER_LABELS = ['承运人', '物流公司', '快递公司', '配送方式'] as const;
export const WAYBILL_LABELS = ['运单号', '快递单号', '物流单号'] as const;
