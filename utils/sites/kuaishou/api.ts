import type { CapturedOrderInput, Item, Shipment } from '../../model/order';
import type { OrderStatus } from '../../model/status';
import { parseMoneyCents } from '../../model/money';
import type { ApiEndpointReader } from '../api-types';
import {
  arrayAt,
  fenOf,
  idText,
  isRecord,
  itemOf,
  maskedName,
  orderIdOf,
  pushShipment,
  readRows,
  regionOf,
  safeReader,
  setTimes,
  shipmentOf,
  statusOf,
  text,
  totalOf,
  type Scalar,
  type RowResult,
} from '../api-read';
import { KuaishouEnvelope, KuaishouOrder } from './api-schema';
import { site } from './site';

// UNVERIFIED: the open platform's order codes (consoles.md §4.2); the words win when both are present.
const STATUS_CODES: Readonly<Record<string, OrderStatus>> = {
  '10': 'unpaid',
  '30': 'paid',
  '40': 'shipped',
  '50': 'delivered',
  '70': 'completed',
  '80': 'closed',
};

// 快手 courier codes (official doc mirror, consoles.md §4.2, H): the list gives the code, not the name.
const CARRIER_NAMES: Readonly<Record<string, string>> = {
  '1': '百世快递',
  '2': 'EMS',
  '3': '申通快递',
  '4': '顺丰速运',
  '6': '圆通速递',
  '8': '邮政快递包裹',
  '9': '中通快递',
  '11': '韵达快递',
  '14': '京东物流',
  '53': '德邦快递',
  '109': '极兔速递',
  '113': '菜鸟速递',
  '127': '丰网速运',
};

/**
 * Money, INFERRED: the CS workbench's amounts are integer 分 when numeric and "¥" text otherwise, so an integer
 * (or digit string) is 分 and a decimal or ¥ text is yuan.
 */
function kuaishouCents(value: Scalar): number | null | undefined {
  if (typeof value === 'string' && /[.¥￥元]/.test(value)) return parseMoneyCents(value);
  return fenOf(value);
}

/** One `orderList[]` row → order (one item per order: the row carries the item's fields). Times are ms. */
export function mapKuaishouOrder(raw: unknown): RowResult {
  const parsed = KuaishouOrder.safeParse(raw);
  if (!parsed.success) return 'bad-row';
  const row = parsed.data;
  const id = orderIdOf(row.oid, site.orderIdPattern);
  if ('skip' in id) return id.skip;

  const order: CapturedOrderInput = { platform: site.platform, orderId: id.id, sourcePage: 'list' };
  const statusText = text(row.statusDesc ?? row.orderStatusDesc, 60);
  const status = statusOf(statusText, row.status ?? row.orderStatus, STATUS_CODES);
  if (status) order.status = status;
  if (statusText) order.statusText = statusText;
  if (!setTimes(order, { createdAt: row.createTime, paidAt: row.payTime, shippedAt: row.sendTime })) return 'bad-time';

  const amount = kuaishouCents(row.totalFee ?? row.payAmount);
  if (amount === null) return 'bad-amount';
  if (amount !== undefined) order.amountCents = amount;

  const buyer = maskedName(row.buyerNick);
  if (buyer) order.buyer = buyer;
  const buyerId = idText(row.buyerId);
  if (buyerId) order.buyerId = buyerId;
  const region = regionOf(row.province, row.city);
  if (region) order.receiverRegion = region;

  const items: Item[] = [];
  const item = itemOf({
    title: row.itemTitle,
    spec: text(row.skuDesc, 200),
    quantity: row.num ?? row.itemNum,
    unitPriceCents: kuaishouCents(row.price),
    skuId: row.skuId,
    // INFERRED: skuNick is the seller's own SKU code (商家编码) on the open platform.
    skuCode: row.skuNick,
  });
  if (item) items.push(item);
  order.items = items;
  if (status === 'after_sale') order.afterSale = true;

  const shipments: Shipment[] = [];
  const carrier = row.expressName ?? (row.expressCode === undefined ? undefined : CARRIER_NAMES[String(row.expressCode)]);
  pushShipment(shipments, shipmentOf(row.expressNo, carrier));
  if (shipments.length > 0) order.shipments = shipments;
  return order;
}

const orderQuery = safeReader('kuaishou.orderQuery', (body) => {
  const parsed = KuaishouEnvelope.safeParse(body);
  if (!parsed.success) return { kind: 'unknown-shape', reason: 'no-envelope' };
  const { result, total, data, orderList } = parsed.data;
  if (Number(result) !== 1) return { kind: 'error', reason: `result-${String(result).slice(0, 12)}` };
  const rows = Array.isArray(orderList) ? orderList : Array.isArray(data) ? data : arrayAt(data, 'orderList', 'list');
  if (!rows) return { kind: 'unknown-shape', reason: 'no-rows' };
  return readRows(rows, mapKuaishouOrder, 'list', totalOf(total, isRecord(data) ? data.total : undefined));
});

export const apiReaders: readonly ApiEndpointReader[] = [orderQuery];
