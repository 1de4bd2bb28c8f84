import type { CapturedOrderInput, Item, Shipment } from '../../model/order';
import type { OrderStatus } from '../../model/status';
import type { ApiEndpointReader, ApiRead } from '../api-types';
import {
  afterSaleHappened,
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
  specOf,
  statusOf,
  text,
  totalOf,
  type RowResult,
} from '../api-read';
import { DouyinEnvelope, DouyinOrder } from './api-schema';
import { DOUYIN_STATUS_CODES } from './status-codes';
import { site } from './site';


type Envelope = { ok: true; data: unknown; total: number | undefined } | { ok: false; read: ApiRead };

function envelopeOf(body: unknown): Envelope {
  const parsed = DouyinEnvelope.safeParse(body);
  if (!parsed.success) return { ok: false, read: { kind: 'unknown-shape', reason: 'no-envelope' } };
  const { code, msg, data, total } = parsed.data;
  if (Number(code) !== 0) {
    const reason = typeof msg === 'string' && msg.includes('签名') ? 'sign-failed' : `code-${String(code).slice(0, 12)}`;
    return { ok: false, read: { kind: 'error', reason } };
  }
  return { ok: true, data, total: totalOf(total, isRecord(data) ? data.total : undefined) };
}

/** One searchlist row (also the detail's order object) → order; amounts are 分, times epoch seconds. */
export function mapDouyinOrder(raw: unknown, sourcePage: 'list' | 'detail'): RowResult {
  const parsed = DouyinOrder.safeParse(raw);
  if (!parsed.success) return 'bad-row';
  const row = parsed.data;
  const id = orderIdOf(row.shop_order_id ?? row.order_id, site.orderIdPattern);
  if ('skip' in id) return id.skip;

  const order: CapturedOrderInput = { platform: site.platform, orderId: id.id, sourcePage };
  const statusText = text(row.order_status_info?.order_status_text, 60);
  const status = statusOf(statusText, row.order_status, DOUYIN_STATUS_CODES);
  if (status) order.status = status;
  if (statusText) order.statusText = statusText;
  if (!setTimes(order, { createdAt: row.create_time, paidAt: row.pay_time, shippedAt: row.logistics_time })) return 'bad-time';

  const amount = fenOf(row.actual_pay_amount ?? row.pay_amount);
  if (amount === null) return 'bad-amount';
  if (amount !== undefined) order.amountCents = amount;

  const buyer = maskedName(row.user_nickname);
  if (buyer) order.buyer = buyer;
  const buyerId = idText(row.user_id);
  if (buyerId) order.buyerId = buyerId;
  const orderSource = text(row.c_biz_desc, 40);
  if (orderSource) order.orderSource = orderSource;
  const addr = row.receiver_info?.post_addr;
  const region = regionOf(addr?.province?.name, addr?.city?.name);
  if (region) order.receiverRegion = region;

  const items: Item[] = [];
  let afterSale = status === 'after_sale';
  for (const product of row.product_item ?? []) {
    if (!product) continue;
    if (afterSaleHappened(product.after_sale_info?.after_sale_text)) afterSale = true;
    if (items.length >= 100) continue;
    const item = itemOf({
      title: product.product_name,
      spec: specOf(product.sku_spec),
      quantity: product.combo_num,
      // INFERRED: combo_amount is the SKU's unit price in 分 (combo_num × combo_amount = the line's amount).
      unitPriceCents: fenOf(product.combo_amount),
      skuId: product.sku_id,
      skuCode: product.merchant_sku_code,
    });
    if (item) items.push(item);
  }
  order.items = items;
  if (afterSale) order.afterSale = true;

  const shipments: Shipment[] = [];
  for (const logistics of row.logistics_info ?? []) pushShipment(shipments, shipmentOf(logistics?.tracking_no, logistics?.company_name));
  if (shipments.length > 0) order.shipments = shipments;
  return order;
}

const searchlist = safeReader('douyin.searchlist', (body) => {
  const envelope = envelopeOf(body);
  if (!envelope.ok) return envelope.read;
  // `data` is the row array; some tools also accept `data.data` / `data.list`.
  const rows = Array.isArray(envelope.data) ? envelope.data : arrayAt(envelope.data, 'data', 'list');
  if (!rows) return { kind: 'unknown-shape', reason: 'no-rows' };
  return readRows(rows, (row) => mapDouyinOrder(row, 'list'), 'list', envelope.total);
});

// INFERRED: no detail response was ever captured; one tool guesses `data.order` / `data.order_base`. The order
// object is read with the list row's field names, so a different shape yields unknown-shape, never wrong data.
const detail = safeReader('douyin.detail', (body) => {
  const envelope = envelopeOf(body);
  if (!envelope.ok) return envelope.read;
  const data = envelope.data;
  const candidates = isRecord(data) ? [data.order, data.order_base, data.order_info, data] : [];
  const order = candidates.find((c) => isRecord(c) && (c.shop_order_id !== undefined || c.order_id !== undefined));
  if (!order) return { kind: 'unknown-shape', reason: 'no-order' };
  return readRows([order], (row) => mapDouyinOrder(row, 'detail'), 'detail', undefined);
});

export const apiReaders: readonly ApiEndpointReader[] = [searchlist, detail];

