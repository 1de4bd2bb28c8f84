import type { CapturedOrderInput, Item } from '../../model/order';
import type { ApiEndpointReader } from '../api-types';
import { arrayAt, isRecord, itemOf, orderIdOf, readRows, safeReader, setTimes, specOf, statusOf, text, totalOf, yuanOf, type RowResult } from '../api-read';
import { normalizeStatus } from '../../model/status-words';
import { receiverRegion } from '../../model/receiver-region';
import { TaobaoMainOrder } from './api-schema';
import { site } from './site';

const NO_CODES = {};

/**
 * One `mainOrders[]` entry → order. `payInfo.actualFee` and `priceInfo.realTotal` are yuan strings (`"65.90"`);
 * `orderInfo.createTime` is a Beijing wall-clock string. Ids of 19 digits arrive as bare JSON numbers: they
 * reach us as strings only because parseConsoleJson keeps them.
 */
export function mapTaobaoOrder(raw: unknown): RowResult {
  const parsed = TaobaoMainOrder.safeParse(raw);
  if (!parsed.success) return 'bad-row';
  const row = parsed.data;
  const id = orderIdOf(row.id ?? row.orderInfo?.id, site.orderIdPattern);
  if ('skip' in id) return id.skip;

  const order: CapturedOrderInput = { platform: site.platform, orderId: id.id, sourcePage: 'list' };
  const statusText = text(row.statusInfo?.text, 60);
  const status = statusOf(statusText, undefined, NO_CODES);
  if (status) order.status = status;
  if (statusText) order.statusText = statusText;
  if (!setTimes(order, { createdAt: row.orderInfo?.createTime })) return 'bad-time';

  const amount = yuanOf(row.payInfo?.actualFee);
  if (amount === null) return 'bad-amount';
  if (amount !== undefined) order.amountCents = amount;

  // The 会员名 is how 千牛 names the buyer (masked on privacy-protected orders, e.g. `牛**`).
  const buyer = text(row.buyer?.nick, 80);
  if (buyer) order.buyer = buyer;
  // The buyer's numeric 淘宝 id, where the list gives one: the 买家ID column. Zero means none.
  const buyerId = text(row.buyer?.id, 64);
  if (buyerId && /^[1-9]\d*$/.test(buyerId)) order.buyerId = buyerId;
  const address = text(row.consignee?.address, 300);
  const region = address ? receiverRegion(address) : null;
  if (region) order.receiverRegion = region;

  const items: Item[] = [];
  let afterSale = status === 'after_sale';
  for (const sub of row.subOrders ?? []) {
    if (!sub) continue;
    // A line's operations carry its after-sale state (`请卖家处理`, `订单部分退款中`; `退款成功` is over).
    for (const op of sub.operations ?? []) if (normalizeStatus(text(op?.text, 60)) === 'after_sale') afterSale = true;
    if (items.length >= 100) continue;
    const code = sub.itemInfo?.extra?.find((pair) => text(pair?.name, 20) === '商家编码');
    const item = itemOf({
      title: sub.itemInfo?.title,
      spec: specOf(sub.itemInfo?.skuText),
      quantity: sub.quantity,
      // INFERRED: realTotal is the line's unit price after discounts (the page's 单价 column).
      unitPriceCents: yuanOf(sub.priceInfo?.realTotal),
      skuCode: code?.value,
    });
    if (item) items.push(item);
  }
  order.items = items;
  if (afterSale) order.afterSale = true;
  return order;
}

const asyncSold = safeReader('taobao.asyncSold', (body) => {
  if (!isRecord(body)) return { kind: 'unknown-shape', reason: 'no-envelope' };
  const rows = arrayAt(body, 'mainOrders');
  if (!rows) {
    // Alibaba's anti-bot answer (slider captcha) instead of data.
    if (body.rgv587_flag !== undefined) return { kind: 'error', reason: 'captcha' };
    if (typeof body.error === 'string' && body.error.trim()) return { kind: 'error', reason: 'error' };
    return { kind: 'unknown-shape', reason: 'no-rows' };
  }
  const page = isRecord(body.page) ? body.page : undefined;
  return readRows(rows, mapTaobaoOrder, 'list', totalOf(page?.totalNumber));
});

export const apiReaders: readonly ApiEndpointReader[] = [asyncSold];
