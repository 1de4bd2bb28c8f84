import type { SelectorEntry } from '../../capture/fast-query';

/**
 * 千牛/淘宝 selectors as data, newest layout first; stable hooks (name/ARIA attributes, Fusion's
 * `data-next-table-col`, label text) before class names. Hashed class names change on every redeploy,
 * so class hooks match the readable prefix only (`[class*="item-mod__trade-order___"]`).
 *
 * Layout names:
 * - `taobao-qn-2023`: the Qianniu web workbench (myseller/qn.taobao.com `home.htm/trade-platform/tp/…`),
 *   Alibaba Fusion "next" UI. Sold list: `div.next-table-body` holds ONE `<table>` per parent order, its
 *   first `<tr>` the order header (订单号/创建时间/buyer), each following `<tr>` a sub-order; the column
 *   heads live in a separate header table (consoles.md §3.1, seen in 2026 userscripts).
 * - `taobao-legacy-2016`: trade.taobao.com list_sold_items.htm (React 2016–2021): per order
 *   `div.item-mod__trade-order___2LnGB.trade-order-main` with a header table (checkbox
 *   `input[name="orderid"]`, 订单号 / 创建时间 label spans) and `.suborder-mod__order-table___2SEhF`.
 */

const chain = (...entries: [selector: string, layout: string][]): SelectorEntry[] =>
  entries.map(([selector, layout]) => ({ selector, layout }));

export const LIST = {
  /** The element whose child tables are the orders (new layout); validated by its content. */
  qnBody: chain(
    ['div.next-table.next-table-medium div.next-table-body', 'taobao-qn-2023'],
    ['div.next-table div.next-table-body', 'taobao-qn-2023-any-size'],
    ['div[class*="table-body"]', 'taobao-qn-table-body-prefix'],
  ),
  /** Column heads of the new list (a separate header table above the body). */
  qnHeadCells: chain(
    ['div.next-table-header th', 'taobao-qn-2023'],
    ['div[class*="table-header"] th', 'taobao-qn-table-header-prefix'],
  ),
  /** The console's own empty state: 没有符合条件的宝贝，请尝试其他搜索条件。 */
  empty: chain(['.next-table-empty', 'taobao-qn-2023'], ['[class*="empty"]', 'class-prefix']),
  /** One element per order in the legacy list (the outermost element of the order). */
  legacyOrder: chain(
    ['div.trade-order-main', 'taobao-legacy-2016'],
    ['div[class*="item-mod__trade-order___"]', 'taobao-legacy-2016-hash'],
  ),
  /** Column heads of the legacy list. */
  legacyHeadCells: chain(
    ['table[class*="list-mod__head___"] th', 'taobao-legacy-2016'],
    ['[class*="sold-head"] th', 'taobao-legacy-class-prefix'],
  ),
};

/**
 * Per-order parts, looked for inside one order's header row or item cell (small subtrees). Newest layout
 * first, stable hooks before class-name prefixes.
 */
export const ROW = {
  /** Legacy header checkbox carrying the order id (`value`). */
  orderIdInput: chain(['input[name="orderid"]', 'taobao-legacy-2016']),
  /** The sub-order table inside a legacy order. */
  legacyItemTable: chain(
    ['table[class*="suborder-mod__order-table___"]', 'taobao-legacy-2016'],
    ['table[class*="order-table"]', 'taobao-legacy-class-prefix'],
  ),
  /** Buyer nick: header row on the new list, buyer column on the legacy one. */
  buyer: chain(
    ['[class*="buyer-nick"]', 'taobao-qn-2023'],
    ['[class*="buyer-mod__name___"]', 'taobao-legacy-2016'],
    ['[class*="nick"]', 'class-prefix'],
  ),
  /** Sub-order title: the link to the trade snapshot is the stable hook. */
  itemTitle: chain(
    ['a[href*="tradeSnap"]', 'snapshot-link'],
    ['[class*="item-info_title"]', 'taobao-qn-2023'],
    ['[class*="production-mod__title"]', 'taobao-legacy-2016'],
    ['a[href*="item.htm"]', 'item-link'],
  ),
  itemSku: chain(
    ['[class*="item-info_sku"]', 'taobao-qn-2023'],
    ['[class*="production-mod__skus"]', 'taobao-legacy-2016'],
    ['[class*="sku"]', 'class-prefix'],
  ),
};

export const DETAIL = {
  /** The detail page's outermost order element. */
  root: chain(
    ['[class*="detail-layout_container__"]', 'taobao-qn-2023'],
    ['#detail-panel', 'taobao-legacy-detail'],
    ['#ice-container', 'taobao-qn-micro-app'],
  ),
  /** The order status headline (`当前订单状态：…`), when it is not printed as a label. */
  statusHeadline: chain(
    ['[class*="status-desc_status-title"]', 'taobao-qn-2023'],
    ['[class*="status-desc_title"]', 'class-prefix'],
  ),
  /** Seller memo (not captured: free text may name people; listed so the reader can skip it). */
  memo: chain(['div[class*="status-desc_new-memo"]', 'taobao-qn-2023']),
  /** Masked-info switch; the reader never clicks it and reads what is displayed. */
  sensitiveSwitch: chain(['div[role="switch"]', 'taobao-qn-2023']),
  /** One logistics trace entry (Fusion Timeline), newest first. */
  traceItem: chain(
    ['li.next-timeline-item', 'taobao-qn-2023'],
    ['[class*="logistics"] li', 'class-prefix'],
    ['[class*="trace"] li', 'class-prefix'],
  ),
  traceTime: chain(['.next-timeline-item-time', 'taobao-qn-2023'], ['[class*="time"]', 'class-prefix']),
  traceText: chain(
    ['.next-timeline-item-title', 'taobao-qn-2023'],
    ['.next-timeline-item-body', 'taobao-qn-2023'],
    ['[class*="content"]', 'class-prefix'],
  ),
};

/** Document-level: the seller account / shop name in the console header (`店铺主账号:子账号`). */
export const SHOP = chain(
  ['[class*="shop-name"]', 'taobao-qn-2023'],
  ['[class*="shopName"]', 'class-prefix'],
  ['.site-nav-login-info-nick', 'taobao-site-nav'],
);

/** The shop on the legacy trade.taobao.com list, whose page header is the taobao.com site nav. */
export const LEGACY_SHOP = [SHOP[2]!, SHOP[0]!, SHOP[1]!];
