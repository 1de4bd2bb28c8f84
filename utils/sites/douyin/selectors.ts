import type { SelectorEntry } from '../../capture/fast-query';

/**
 * 抖店 selectors as data, newest layout first; stable hooks (data-*, ARIA, label text) before class-name
 * prefixes. 抖店 class names are CSS-module hashes (`index_tableRow__tpbkM`) that change on every
 * redeploy, so class hooks match the readable prefix only (`[class*="index_tableRow__"]`).
 *
 * Layout names:
 * - `douyin-2024`: React div rows carrying `data-kora_order_status`, auxo UI kit, per-cell module classes
 *   (orderId/createTime/productItem/locationDetail/payAmount/statusText …). Reconstructed from
 *   reference/consoles.md §1 (the attribute and the auxo kit are seen; the cell class names are plausible).
 * - `douyin-2021`: the 2021 classes seen in a userscript (`index_content__` = order number,
 *   `index_text__` = time, `style_name__` = product, `index_locationDetail__` = receiver block).
 */

const chain = (...entries: [selector: string, layout: string][]): SelectorEntry[] =>
  entries.map(([selector, layout]) => ({ selector, layout }));

// Child steps of the 2024 row: `:scope > …` paths are resolved by stepping through children (cheap, see
// fast-query.ts); the descendant entries after them keep a row readable when a wrapper div is added.
const HEADER = ':scope > [class*="index_rowHeader__"]';
const BODY = ':scope > [class*="index_rowBody__"]';

export const LIST = {
  /** One element per order: the outermost element of the order (it receives the row controls). */
  row: chain(
    ['div[data-kora_order_status]', 'douyin-2024'],
    ['div[class*="index_tableRow__"]', 'douyin-2021'],
  ),
  /** The console's own empty state (a legitimately empty tab, not a broken layout). */
  empty: chain(
    ['[class*="index_orderTable__"] .auxo-empty', 'douyin-2024'],
    ['[class*="index_orderTable__"] .ant-empty', 'douyin-2021'],
  ),
  /** The row's header line: 订单编号 … 下单时间 … (labels are read here; the id regex fallback only looks here). */
  header: chain([HEADER, 'douyin-2024'], ['[class*="index_rowHeader__"]', 'douyin-2024-nested'], ['[class*="index_header__"]', 'douyin-2021']),
  orderId: chain(
    [`${HEADER} > [class*="index_orderId__"] > [class*="index_content__"]`, 'douyin-2024'],
    ['[class*="index_orderId__"] [class*="index_content__"]', 'douyin-2024-nested'],
    ['[class*="index_content__"]', 'douyin-2021'],
  ),
  createdAt: chain(
    [`${HEADER} > [class*="index_createTime__"] > [class*="index_text__"]`, 'douyin-2024'],
    ['[class*="index_createTime__"] [class*="index_text__"]', 'douyin-2024-nested'],
    ['[class*="index_text__"]', 'douyin-2021'],
  ),
  item: chain(
    [`${BODY} > [class*="index_productList__"] > [class*="index_productItem__"]`, 'douyin-2024'],
    ['[class*="index_productItem__"]', 'douyin-2024-nested'],
    ['[class*="style_product__"]', 'douyin-2021'],
  ),
  // Item fields, relative to one item.
  itemName: chain(
    [':scope > [class*="style_product__"] > [class*="style_info__"] > [class*="style_name__"]', 'douyin-2024'],
    ['[class*="style_name__"]', 'douyin-2021'],
  ),
  itemSpec: chain(
    [':scope > [class*="style_product__"] > [class*="style_info__"] > [class*="style_spec__"]', 'douyin-2024'],
    ['[class*="style_spec__"]', 'douyin-2024-nested'],
  ),
  itemPrice: chain(
    [':scope > [class*="index_priceQty__"] > [class*="index_price__"]', 'douyin-2024'],
    ['[class*="index_price__"]', 'douyin-2024-nested'],
  ),
  itemQuantity: chain(
    [':scope > [class*="index_priceQty__"] > [class*="index_quantity__"]', 'douyin-2024'],
    ['[class*="index_quantity__"]', 'douyin-2024-nested'],
  ),
  itemAfterSale: chain([':scope > [class*="index_afterSale__"]', 'douyin-2024'], ['[class*="index_afterSale__"]', 'douyin-2024-nested']),
  buyer: chain(
    [`${BODY} > [class*="index_buyer__"] > [class*="index_nickname__"] > [class*="index_nick__"]`, 'douyin-2024'],
    ['[class*="index_nickname__"] [class*="index_nick__"]', 'douyin-2024-nested'],
    ['[class*="index_nickname__"]', 'douyin-2024-no-value-span'],
  ),
  /** `name，phone，address` with full-width commas (masked). */
  receiver: chain(
    [`${BODY} > [class*="index_buyer__"] > [class*="index_location__"] > [class*="index_locationDetail__"]`, 'douyin-2024'],
    ['[class*="index_locationDetail__"]', 'douyin-2021'],
  ),
  amount: chain(
    [`${BODY} > [class*="index_payAmount__"] > [class*="index_amount__"]`, 'douyin-2024'],
    ['[class*="index_payAmount__"] [class*="index_amount__"]', 'douyin-2024-nested'],
    ['[class*="index_payAmount__"]', 'douyin-2024-no-amount-span'],
  ),
  statusText: chain(
    [`${BODY} > [class*="index_status__"] > [class*="index_statusText__"]`, 'douyin-2024'],
    ['[class*="index_statusText__"]', 'douyin-2024-nested'],
  ),
  /** Document-level: the shop name in the console header. */
  shop: chain(
    ['div.headerShopName', 'douyin-2021'],
    ['[class*="headerShopName"]', 'douyin-2024'],
    ['#fxg-pc-header [class*="shopName"]', 'douyin-header-shopName'],
  ),
} as const;

/** `data-kora_order_status` codes: the same numbering as the JSON's order_status. */
export { DOUYIN_STATUS_CODES as KORA_STATUS_CODES } from './status-codes';

/** Labels the row header prints before its values. */
export const ORDER_ID_LABELS = ['订单编号', '订单号'] as const;
export const CREATED_LABELS = ['下单时间', '创建时间'] as const;
export const AMOUNT_LABELS = ['实付金额', '实付', '支付金额'] as const;

export const DETAIL = {
  /** The page body of one order (receives the row controls). */
  root: chain(
    ['[class*="index_detailPage__"]', 'douyin-2024-detail'],
    ['#__GARFISH_SSR_ECOM_FXG_ADMIN_DOM', 'douyin-garfish-root'],
  ),
  /** Order progress steps: title 买家下单/买家付款/商家发货/买家签收, time in `style_description__`. */
  step: chain(['.auxo-steps-item', 'douyin-2024-detail'], ['.ant-steps-item', 'douyin-2021-detail']),
  stepTitle: chain(['.auxo-steps-item-title', 'douyin-2024-detail'], ['.ant-steps-item-title', 'douyin-2021-detail']),
  stepTime: chain(
    ['[class*="style_description__"]', 'douyin-2021-detail'],
    ['.auxo-steps-item-description', 'douyin-2024-detail'],
  ),
  statusTitle: chain(['[class*="index_statusTitle__"]', 'douyin-2024-detail']),
  /** label → value pairs (订单编号, 下单时间, 支付方式, 抖音昵称, 收货信息, 实付金额 …). */
  descriptionLabel: chain(
    ['.auxo-descriptions-item-label', 'douyin-2024-detail'],
    ['.ant-descriptions-item-label', 'douyin-2021-detail'],
  ),
  itemRow: chain(['.auxo-table-tbody > tr.auxo-table-row', 'douyin-2024-detail'], ['.ant-table-tbody > tr', 'douyin-2021-detail']),
  itemName: chain(['[class*="style_name__"]', 'douyin-2024-detail']),
  itemSpec: chain(['[class*="style_spec__"]', 'douyin-2024-detail']),
  itemPrice: chain(['[class*="index_unitPrice__"]', 'douyin-2024-detail']),
  itemQuantity: chain(['[class*="index_quantity__"]', 'douyin-2024-detail']),
  /** One block per package (包裹1, 包裹2 …). */
  package: chain(['[class*="index_package__"]', 'douyin-2024-detail']),
  carrierName: chain(['[class*="index_logisticsName__"]', 'douyin-2024-detail']),
  waybillNo: chain(['[class*="index_trackingNo__"]', 'douyin-2024-detail']),
  trace: chain(['.auxo-timeline-item', 'douyin-2024-detail'], ['.ant-timeline-item', 'douyin-2021-detail']),
  traceState: chain(['[class*="style_traceState__"]', 'douyin-2024-detail']),
  traceDesc: chain(['[class*="style_traceDesc__"]', 'douyin-2024-detail']),
  traceTime: chain(['[class*="style_traceTime__"]', 'douyin-2024-detail']),
} as const;

/** Detail step titles → the time field they stamp. */
export const STEP_TIME_FIELDS: Readonly<Record<string, 'createdAt' | 'paidAt' | 'shippedAt' | 'deliveredAt' | 'completedAt'>> = {
  买家下单: 'createdAt',
  买家付款: 'paidAt',
  买家支付: 'paidAt',
  商家发货: 'shippedAt',
  买家签收: 'deliveredAt',
  确认收货: 'deliveredAt',
  交易完成: 'completedAt',
  交易成功: 'completedAt',
};

/** Detail description labels → the time field they stamp (fallback when the steps are absent). */
export const LABEL_TIME_FIELDS: Readonly<Record<string, 'createdAt' | 'paidAt' | 'shippedAt' | 'deliveredAt' | 'completedAt'>> = {
  下单时间: 'createdAt',
  支付时间: 'paidAt',
  付款时间: 'paidAt',
  发货时间: 'shippedAt',
  签收时间: 'deliveredAt',
  完成时间: 'completedAt',
};
