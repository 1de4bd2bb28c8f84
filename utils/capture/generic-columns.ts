/** What a column (or a `label：value` pair) of an order table holds, recognised by its Chinese label. */
export type ColumnField =
  | 'orderId'
  | 'createdAt'
  | 'paidAt'
  | 'shippedAt'
  | 'deliveredAt'
  | 'amount'
  | 'status'
  | 'waybills'
  | 'carrier'
  | 'buyer'
  | 'itemTitle'
  | 'quantity'
  | 'unitPrice';

const LABELS: Record<ColumnField, readonly string[]> = {
  orderId: ['订单编号', '订单号', '订单id', '主订单编号', '主订单号', '订单编码'],
  createdAt: ['下单时间', '创建时间', '订单成交时间', '成交时间', '订单提交时间', '订单创建时间', '提交时间'],
  paidAt: ['付款时间', '支付时间', '支付完成时间', '付款完成时间'],
  shippedAt: ['发货时间'],
  deliveredAt: ['签收时间'],
  amount: ['实付金额', '实收款', '实付款', '应收', '应收金额', '支付金额', '实收金额', '买家实付', '实付'],
  status: ['订单状态', '交易状态', '状态'],
  waybills: ['运单号', '物流单号', '快递单号'],
  carrier: ['快递公司', '物流公司'],
  buyer: ['买家', '买家昵称'],
  itemTitle: ['商品', '宝贝', '商品名称', '商品信息', '宝贝名称', '宝贝信息'],
  quantity: ['数量', '商品数量', '购买数量'],
  unitPrice: ['单价', '商品单价'],
};

const FIELD_BY_LABEL = new Map<string, ColumnField>();
for (const [field, labels] of Object.entries(LABELS) as [ColumnField, readonly string[]][]) {
  for (const label of labels) FIELD_BY_LABEL.set(label, field);
}

/** The labels that name an order-id column (used to spot header cells of div grids). */
export const ORDER_ID_LABELS: ReadonlySet<string> = new Set(LABELS.orderId);

/**
 * A header's text reduced to its label: no whitespace, lower-case latin, no trailing colon, no unit or hint
 * in brackets (`实付金额(元)`, `数量（件）`).
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[：:]+$/, '')
    .toLowerCase();
}

/**
 * Fields a header names. A composite header such as `单价/数量` names each of its parts; anything else is
 * matched exactly, so `商品总价`, `买家留言` or `售后状态` name nothing.
 */
export function fieldsForHeader(text: string): ColumnField[] {
  const label = normalizeHeader(text);
  if (!label) return [];
  const whole = FIELD_BY_LABEL.get(label);
  if (whole) return [whole];
  if (!/[/／]/.test(label)) return [];
  const fields: ColumnField[] = [];
  for (const part of label.split(/[/／]/)) {
    const field = FIELD_BY_LABEL.get(part);
    if (field && !fields.includes(field)) fields.push(field);
  }
  return fields;
}
