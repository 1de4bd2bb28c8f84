import type { OrderRecord, ReminderRecord } from '@/utils/db/database';
import type { Shipment } from '@/utils/model/order';
import { formatYuan } from '@/utils/model/money';
import { STATUS_LABEL_EN, STATUS_LABEL_ZH, type OrderStatus } from '@/utils/model/status';

export type HeaderLang = 'zh' | 'en';

/**
 * How a column's value becomes a cell (utils/export/csv-cell.ts): text is formula-neutralised, numbers
 * are printed unescaped, datetimes are epoch ms printed in Beijing time, ids are kept text with every digit.
 */
export type ColumnKind = 'text' | 'number' | 'datetime' | 'id';

export interface ReminderSummary {
  count: number;
  lastAt?: number;
}

export interface OrderExportContext {
  lang: HeaderLang;
  /** Display name of a platform id (the caller reads the site registry; this module does not). */
  platformName: (platform: string, lang: HeaderLang) => string;
  /** orderKey → reminders of that order (see summarizeReminders). */
  reminders: ReadonlyMap<string, ReminderSummary>;
}

/** Raw column value: a string or number for text/number/id, epoch ms for datetime; undefined = empty. */
export type ColumnValue = string | number | undefined;

export interface OrderColumn {
  id: string;
  zh: string;
  en: string;
  kind: ColumnKind;
  /** Always exported, whatever the export dialog selects. */
  required?: boolean;
  value(order: OrderRecord, context: OrderExportContext): ColumnValue;
}

const LIST_SEPARATOR = '；';

const LOGISTICS_WORD: Record<HeaderLang, Partial<Record<OrderStatus, string>>> = {
  zh: { paid: '未发货', shipped: '已发货', delivered: '已签收' },
  en: { paid: 'Not shipped', shipped: 'Shipped', delivered: 'Delivered' },
};

function latestEventAt(shipment: Shipment): number {
  let at = shipment.lastEventAt ?? -Infinity;
  for (const event of shipment.events) if (event.at > at) at = event.at;
  return at;
}

/** The newest event of the newest shipment (by event time; the last listed shipment on ties). */
function lastTrackingText(shipments: readonly Shipment[]): string | undefined {
  let newest: Shipment | undefined;
  let newestAt = -Infinity;
  for (const shipment of shipments) {
    const at = latestEventAt(shipment);
    if (newest === undefined || at >= newestAt) {
      newest = shipment;
      newestAt = at;
    }
  }
  let text: string | undefined;
  let textAt = -Infinity;
  for (const event of newest?.events ?? []) {
    if (text === undefined || event.at >= textAt) {
      text = event.text;
      textAt = event.at;
    }
  }
  return text;
}

function logisticsWord(order: OrderRecord, lang: HeaderLang): string | undefined {
  const { status } = order;
  if (status === undefined) return undefined;
  // 已完成 without a delivery trace may be a virtual good: only say delivered when something shipped.
  if (status === 'completed') {
    return order.shipments.length > 0 || order.shippedAt !== undefined || order.deliveredAt !== undefined
      ? LOGISTICS_WORD[lang].delivered
      : undefined;
  }
  return LOGISTICS_WORD[lang][status];
}

function joinShipments(order: OrderRecord, pick: (shipment: Shipment) => string): string | undefined {
  const { shipments } = order;
  let joined = '';
  let any = false;
  for (let i = 0; i < shipments.length; i++) {
    const part = pick(shipments[i]!);
    if (part !== '') any = true;
    joined = i === 0 ? part : joined + LIST_SEPARATOR + part;
  }
  return any ? joined : undefined;
}

/** Sum of item quantities; empty when any item's quantity is unknown (a guess would be a wrong value). */
function totalQuantity(order: OrderRecord): number | undefined {
  if (order.items.length === 0) return undefined;
  let total = 0;
  for (const item of order.items) {
    if (item.quantity === undefined) return undefined;
    total += item.quantity;
  }
  return total;
}

const itemLabel = (item: OrderRecord['items'][number]) =>
  item.spec ? `${item.title}（${item.spec}）` : item.title;

function itemsText(order: OrderRecord): string | undefined {
  const { items } = order;
  if (items.length === 0) return undefined;
  let text = itemLabel(items[0]!);
  for (let i = 1; i < items.length; i++) text += LIST_SEPARATOR + itemLabel(items[i]!);
  return text;
}

/** Every exportable column, in the default export order (DESIGN.md "Test contract"). */
export const ORDER_COLUMNS = [
  { id: 'platform', zh: '平台', en: 'Platform', kind: 'text', value: (o, c) => c.platformName(o.platform, c.lang) },
  { id: 'shop', zh: '店铺', en: 'Shop', kind: 'text', value: (o) => o.shop },
  { id: 'orderId', zh: '订单编号', en: 'Order No.', kind: 'id', required: true, value: (o) => o.orderId },
  { id: 'createdAt', zh: '下单时间', en: 'Order time', kind: 'datetime', value: (o) => o.createdAt },
  { id: 'paidAt', zh: '付款时间', en: 'Paid at', kind: 'datetime', value: (o) => o.paidAt },
  {
    id: 'status',
    zh: '订单状态',
    en: 'Status',
    kind: 'text',
    value: (o, c) => (o.status === undefined ? undefined : (c.lang === 'en' ? STATUS_LABEL_EN : STATUS_LABEL_ZH)[o.status]),
  },
  { id: 'statusText', zh: '原始状态', en: 'Original status', kind: 'text', value: (o) => o.statusText },
  {
    id: 'amount',
    zh: '实付金额',
    en: 'Amount paid (CNY)',
    kind: 'number',
    required: true,
    value: (o) => (o.amountCents === undefined ? undefined : formatYuan(o.amountCents)),
  },
  { id: 'paymentMethod', zh: '支付方式', en: 'Payment method', kind: 'text', required: true, value: (o) => o.paymentMethod },
  { id: 'buyer', zh: '买家', en: 'Buyer', kind: 'text', required: true, value: (o) => o.buyer },
  { id: 'region', zh: '收货地区', en: 'Region', kind: 'text', value: (o) => o.receiverRegion },
  {
    id: 'items',
    zh: '商品',
    en: 'Items',
    kind: 'text',
    value: itemsText,
  },
  { id: 'quantity', zh: '商品数量', en: 'Quantity', kind: 'number', value: totalQuantity },
  {
    id: 'carrier',
    zh: '快递公司',
    en: 'Carrier',
    kind: 'text',
    value: (o) => joinShipments(o, (s) => s.carrierName ?? s.carrierCode ?? ''),
  },
  { id: 'waybill', zh: '运单号', en: 'Waybill No.', kind: 'id', value: (o) => joinShipments(o, (s) => s.waybillNo) },
  {
    id: 'logistics',
    zh: '物流状态',
    en: 'Logistics status',
    kind: 'text',
    value: (o, c) => lastTrackingText(o.shipments) ?? logisticsWord(o, c.lang),
  },
  { id: 'shippedAt', zh: '发货时间', en: 'Shipped at', kind: 'datetime', value: (o) => o.shippedAt },
  { id: 'deliveredAt', zh: '签收时间', en: 'Delivered at', kind: 'datetime', value: (o) => o.deliveredAt },
  { id: 'reminderCount', zh: '催付次数', en: 'Reminders', kind: 'number', value: (o, c) => c.reminders.get(o.key)?.count ?? 0 },
  {
    id: 'lastRemindedAt',
    zh: '最后催付时间',
    en: 'Last reminded at',
    kind: 'datetime',
    value: (o, c) => c.reminders.get(o.key)?.lastAt,
  },
  { id: 'firstSeenAt', zh: '首次发现', en: 'First seen', kind: 'datetime', value: (o) => o.firstSeenAt },
  { id: 'updatedAt', zh: '最后更新', en: 'Last updated', kind: 'datetime', value: (o) => o.updatedAt },
  // The buyer's platform id (抖店 user_id, 京东 userPin…), from the console's JSON; kept as text (long numbers).
  { id: 'buyerId', zh: '买家ID', en: 'Buyer ID', kind: 'id', value: (o) => o.buyerId },
] as const satisfies readonly OrderColumn[];

export type OrderColumnId = (typeof ORDER_COLUMNS)[number]['id'];

const isRequired = (column: OrderColumn) => column.required === true;

export const REQUIRED_COLUMN_IDS: readonly OrderColumnId[] = ORDER_COLUMNS.filter(isRequired).map((column) => column.id);

/**
 * The columns to export, in registry order: the selected ones plus the required ones (an unknown id is
 * ignored). No selection = every column.
 */
export function selectOrderColumns(selected?: Iterable<string>): readonly OrderColumn[] {
  if (selected === undefined) return ORDER_COLUMNS;
  const wanted = new Set<string>(selected);
  return ORDER_COLUMNS.filter((column) => wanted.has(column.id) || isRequired(column));
}

export const columnHeader = (column: OrderColumn, lang: HeaderLang) => (lang === 'en' ? column.en : column.zh);

/** Reminder log → per order: how many reminders, and the latest one's time. */
export function summarizeReminders(reminders: Iterable<ReminderRecord>): Map<string, ReminderSummary> {
  const byOrder = new Map<string, ReminderSummary>();
  for (const reminder of reminders) {
    const summary = byOrder.get(reminder.orderKey);
    if (summary === undefined) byOrder.set(reminder.orderKey, { count: 1, lastAt: reminder.at });
    else {
      summary.count++;
      if (summary.lastAt === undefined || reminder.at > summary.lastAt) summary.lastAt = reminder.at;
    }
  }
  return byOrder;
}
