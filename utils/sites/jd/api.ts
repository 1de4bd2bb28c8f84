import type { CapturedOrderInput, Item } from '../../model/order';
import type { ApiEndpointReader } from '../api-types';
import { arrayAt, idText, isRecord, itemOf, orderIdOf, readRows, regionOf, safeReader, setTimes, statusOf, text, totalOf, yuanOf, type RowResult } from '../api-read';
import { JdOrder, JdPageEnvelope } from './api-schema';
import { site } from './site';

// The reference lists no orderStatus code meanings (only −4 = abnormal): the status comes from the words.
const NO_CODES = {};

/**
 * One order row → order. Times are epoch ms (wall-clock strings on the old list are read as Beijing time).
 * Amounts (`orderPaymentInfo.receivables`, `orderTotalPrice`, `jdPrice`) are yuan, as decimal strings or
 * numbers: INFERRED from the consoles printing the same figures with ¥ and two decimals.
 */
export function mapJdOrder(raw: unknown): RowResult {
  const parsed = JdOrder.safeParse(raw);
  if (!parsed.success) return 'bad-row';
  const row = parsed.data;
  const id = orderIdOf(row.orderId, site.orderIdPattern);
  if ('skip' in id) return id.skip;

  const order: CapturedOrderInput = { platform: site.platform, orderId: id.id, sourcePage: 'list' };
  const statusText = text(row.orderStatusInfo?.orderStatusName ?? row.orderStatusName, 60);
  const status = statusOf(statusText, undefined, NO_CODES);
  if (status) order.status = status;
  if (statusText) order.statusText = statusText;
  // orderCompleteTime is only a completion on a completed order (a cancelled one may carry its cancel time).
  const completed = status === 'completed' ? row.orderCompleteTime : undefined;
  if (!setTimes(order, { createdAt: row.orderCreateTime, paidAt: row.paymentConfirmTime, completedAt: completed })) return 'bad-time';

  // 应收 (what the buyer pays) first; the order total before discounts only when it is missing.
  const amount = yuanOf(row.orderPaymentInfo?.receivables ?? row.orderPayment ?? row.orderTotalPrice);
  if (amount === null) return 'bad-amount';
  if (amount !== undefined) order.amountCents = amount;

  // userPin is the buyer's JD account: the 买家ID. Masked (`jd_55be****`) it is only a display name.
  const pin = text(row.userPin, 64);
  if (pin?.includes('*')) order.buyer = pin;
  else {
    const buyerId = idText(row.userPin);
    if (buyerId) order.buyerId = buyerId;
  }
  const region = regionOf(row.consigneeInfo?.provinceName ?? row.provinceName, row.consigneeInfo?.cityName ?? row.cityName);
  if (region) order.receiverRegion = region;

  const items: Item[] = [];
  for (const sku of row.orderItems ?? []) {
    if (!sku || items.length >= 100) continue;
    const item = itemOf({
      title: sku.skuName,
      quantity: sku.num ?? sku.skuNum,
      unitPriceCents: yuanOf(sku.jdPrice),
      skuId: sku.skuId,
      skuCode: sku.outerSkuId,
    });
    if (item) items.push(item);
  }
  order.items = items;
  if (status === 'after_sale') order.afterSale = true;
  return order;
}

const queryOrderPage = safeReader('jd.queryOrderPage', (body) => {
  const parsed = JdPageEnvelope.safeParse(body);
  if (!parsed.success) return { kind: 'unknown-shape', reason: 'no-envelope' };
  const { code, data } = parsed.data;
  if (Number(code) !== 200) return { kind: 'error', reason: `code-${String(code).slice(0, 12)}` };
  const rows = arrayAt(data, 'results', 'list', 'data');
  if (!rows) return { kind: 'unknown-shape', reason: 'no-rows' };
  return readRows(rows, mapJdOrder, 'list', totalOf(isRecord(data) ? data.totalItem : undefined, isRecord(data) ? data.total : undefined));
});

// The old porder list: `orderList[]` (its envelope was never captured: top level or under `data`).
const porderList = safeReader('jd.porderList', (body) => {
  if (!isRecord(body)) return { kind: 'unknown-shape', reason: 'no-envelope' };
  const data = isRecord(body.data) ? body.data : body;
  const rows = arrayAt(data, 'orderList');
  if (!rows) {
    if (body.success === false) return { kind: 'error', reason: 'success-false' };
    const code = body.code;
    if ((typeof code === 'number' || typeof code === 'string') && Number(code) !== 0 && Number(code) !== 200) {
      return { kind: 'error', reason: `code-${String(code).slice(0, 12)}` };
    }
    return { kind: 'unknown-shape', reason: 'no-rows' };
  }
  return readRows(rows, mapJdOrder, 'list', totalOf(data.totalCount, data.total));
});

export const apiReaders: readonly ApiEndpointReader[] = [queryOrderPage, porderList];
