/**
 * The fields an order-export row can fill. One row is one order or one sub-order (抖店 exports a row per
 * 子订单; the rows of one 主订单编号 are grouped into one order with an item each).
 */
export const IMPORT_FIELDS = [
  'orderId',
  'subOrderId',
  'shop',
  'createdAt',
  'paidAt',
  'shippedAt',
  'completedAt',
  'status',
  'afterSale',
  'amount',
  'paymentMethod',
  'itemTitle',
  'itemSpec',
  'quantity',
  'unitPrice',
  'skuId',
  'skuCode',
  'carrier',
  'waybill',
  'buyer',
  'buyerId',
  'province',
  'city',
  'address',
  'orderSource',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which column each field comes from (0-based); a field without a column is left unknown. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export const IMPORT_FIELD_LABELS: Record<ImportField, { zh: string; en: string }> = {
  orderId: { zh: '订单编号', en: 'Order number' },
  subOrderId: { zh: '子订单编号', en: 'Sub-order number' },
  shop: { zh: '店铺', en: 'Shop' },
  createdAt: { zh: '下单时间', en: 'Created' },
  paidAt: { zh: '付款时间', en: 'Paid' },
  shippedAt: { zh: '发货时间', en: 'Shipped' },
  completedAt: { zh: '完成时间', en: 'Completed' },
  status: { zh: '订单状态', en: 'Status' },
  afterSale: { zh: '售后状态', en: 'After-sale' },
  amount: { zh: '实付金额', en: 'Amount paid' },
  paymentMethod: { zh: '支付方式', en: 'Payment method' },
  itemTitle: { zh: '商品', en: 'Item' },
  itemSpec: { zh: '商品规格', en: 'Item spec' },
  quantity: { zh: '商品数量', en: 'Quantity' },
  unitPrice: { zh: '商品单价', en: 'Unit price' },
  skuId: { zh: '商品ID', en: 'Item id' },
  skuCode: { zh: '商家编码', en: 'SKU code' },
  carrier: { zh: '快递公司', en: 'Carrier' },
  waybill: { zh: '运单号', en: 'Waybill' },
  buyer: { zh: '买家', en: 'Buyer' },
  buyerId: { zh: '买家ID', en: 'Buyer id' },
  province: { zh: '省份', en: 'Province' },
  city: { zh: '城市', en: 'City' },
  address: { zh: '收货地址（只取省市）', en: 'Address (province/city only)' },
  orderSource: { zh: '订单来源', en: 'Order source' },
};
