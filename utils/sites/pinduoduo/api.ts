import type { CapturedOrderInput, Item, Shipment } from '../../model/order';
import type { ApiEndpointReader, ApiRead } from '../api-types';
import {
  arrayAt,
  fenOf,
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
  type RowResult,
} from '../api-read';
import { PddEnvelope, PddOrder } from './api-schema';
import { site } from './site';

// The reference lists no order_status code meanings: the status comes from order_status_str.
const NO_CODES = {};

// after_sales_status values of an open case — UNVERIFIED: the open platform's codes (2–8 pending/refunding,
// 14/15/18 补寄, 21/22/27 维修, 31/32 拒收/补寄); 0 none, 9–13 closed, refunded or withdrawn.
const OPEN_AFTER_SALE = new Set(['2', '3', '4', '5', '6', '7', '8', '14', '15', '18', '21', '22', '27', '31', '32']);

/** One `pageItems[]` row → order. Amounts are 分, times epoch seconds. */
export function mapPddOrder(raw: unknown, sourcePage: 'list' | 'detail'): RowResult {
  const parsed = PddOrder.safeParse(raw);
  if (!parsed.success) return 'bad-row';
  const row = parsed.data;
  const id = orderIdOf(row.order_sn ?? row.orderSn, site.orderIdPattern);
  if ('skip' in id) return id.skip;

  const order: CapturedOrderInput = { platform: site.platform, orderId: id.id, sourcePage };
  const statusText = text(row.order_status_str, 60);
  const status = statusOf(statusText, undefined, NO_CODES);
  if (status) order.status = status;
  if (statusText) order.statusText = statusText;
  // INFERRED: order_time is 下单; confirm_time is 成交 (payment confirmed), the time the list header prints.
  const times = {
    createdAt: row.order_time ?? row.created_at,
    paidAt: row.confirm_time,
    shippedAt: row.shipping_time,
    promisedShipAt: row.promise_shipping_time,
  };
  if (!setTimes(order, times)) return 'bad-time';

  const amount = fenOf(row.order_amount);
  if (amount === null) return 'bad-amount';
  if (amount !== undefined) order.amountCents = amount;

  const buyer = maskedName(row.nickname);
  if (buyer) order.buyer = buyer;
  const region = regionOf(row.province_name, row.city_name);
  if (region) order.receiverRegion = region;

  const items: Item[] = [];
  const item = itemOf({
    title: row.goods_name,
    spec: text(row.spec, 200),
    quantity: row.goods_number,
    unitPriceCents: fenOf(row.goods_price),
    skuId: row.sku_id,
    skuCode: row.out_sku_sn,
  });
  if (item) items.push(item);
  order.items = items;
  const afterSaleCode = row.after_sales_status === undefined ? '' : String(row.after_sales_status).trim();
  if (status === 'after_sale' || OPEN_AFTER_SALE.has(afterSaleCode)) order.afterSale = true;

  const shipments: Shipment[] = [];
  pushShipment(shipments, shipmentOf(row.tracking_number, row.shipping_name));
  if (shipments.length > 0) order.shipments = shipments;
  return order;
}

type Envelope = { ok: true; result: Record<string, unknown> } | { ok: false; read: ApiRead };

function envelopeOf(body: unknown): Envelope {
  const parsed = PddEnvelope.safeParse(body);
  if (!parsed.success || !isRecord(body)) return { ok: false, read: { kind: 'unknown-shape', reason: 'no-envelope' } };
  const { success, errorCode, error_code, result } = parsed.data;
  const code = errorCode ?? error_code;
  if (success === false || (code !== undefined && Number(code) !== 0)) {
    if (Number(code) === 54001) return { ok: false, read: { kind: 'error', reason: 'rate-limit-54001' } };
    return { ok: false, read: { kind: 'error', reason: code === undefined ? 'success-false' : `code-${String(code).slice(0, 12)}` } };
  }
  if (success !== true || !isRecord(result)) return { ok: false, read: { kind: 'unknown-shape', reason: 'no-result' } };
  return { ok: true, result };
}

const list = (id: string) =>
  safeReader(id, (body) => {
    const envelope = envelopeOf(body);
    if (!envelope.ok) return envelope.read;
    const rows = arrayAt(envelope.result, 'pageItems', 'list');
    if (!rows) return { kind: 'unknown-shape', reason: 'no-rows' };
    return readRows(rows, (row) => mapPddOrder(row, 'list'), 'list', totalOf(envelope.result.totalItemNum));
  });

// INFERRED: the detail's success shape was never captured. A result object carrying order_sn/orderSn is read
// with the list row's field names; anything else is an unknown shape.
const orderDetail = safeReader('pinduoduo.orderDetail', (body) => {
  const envelope = envelopeOf(body);
  if (!envelope.ok) return envelope.read;
  const { result } = envelope;
  if (result.order_sn === undefined && result.orderSn === undefined) return { kind: 'unknown-shape', reason: 'no-order' };
  return readRows([result], (row) => mapPddOrder(row, 'detail'), 'detail', undefined);
});

export const apiReaders: readonly ApiEndpointReader[] = [list('pinduoduo.recentOrderList'), list('pinduoduo.historyOrderList'), orderDetail];
