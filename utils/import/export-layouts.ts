import type { ImportField } from './import-fields';

/**
 * The consoles' own order-export files, as data: which headers name which field. Headers are compared
 * after `normalizeHeader` (spaces, brackets and units dropped). Newest spellings first; where a column is
 * our inference rather than seen in a source, it says so.
 */
export interface ExportLayout {
  id: string;
  platform: string;
  label: { zh: string; en: string };
  /** Headers that together identify this layout (all must be present). */
  signature: readonly string[];
  columns: Partial<Record<ImportField, readonly string[]>>;
  /**
   * One row per sub-order (item) — rows sharing an order number are one order, each row an item, and the
   * rows list every item. False: one row per order whose item cell may join several items.
   */
  rowPerItem: boolean;
}

export const EXPORT_LAYOUTS: readonly ExportLayout[] = [
  {
    // reference/consoles.md §1.2 "Official export columns" (订单管理 → 导出, CSV/Excel): 主订单编号, 子订单编号,
    // 选购商品, 商品ID, 商品数量, 商品金额 (unit price), 订单提交时间, 支付完成时间, 订单完成时间, 订单状态, 取消原因,
    // 售后状态, 订单类型, 货号 (商品ID is the product, not the SKU: not kept). The amount, spec, logistics, buyer, region and shop columns are inferred
    // (the export API's keys include combo_amount, sku_code; the list page prints the rest).
    id: 'douyin-order-export',
    platform: 'douyin',
    label: { zh: '抖店 订单导出', en: 'Douyin shop order export' },
    signature: ['主订单编号', '子订单编号'],
    rowPerItem: true,
    columns: {
      orderId: ['主订单编号'],
      subOrderId: ['子订单编号'],
      shop: ['店铺名称', '店铺'],
      itemTitle: ['选购商品', '商品名称'],
      itemSpec: ['商品规格', '规格'],
      quantity: ['商品数量'],
      unitPrice: ['商品金额', '商品单价'],
      amount: ['订单应付金额', '应付金额', '实付金额', '支付金额'],
      createdAt: ['订单提交时间', '下单时间'],
      paidAt: ['支付完成时间', '支付时间'],
      shippedAt: ['发货时间'],
      completedAt: ['订单完成时间', '完成时间'],
      status: ['订单状态'],
      afterSale: ['售后状态'],
      skuCode: ['货号', '商家编码'],
      paymentMethod: ['支付方式'],
      carrier: ['快递公司', '物流公司'],
      waybill: ['快递单号', '物流单号', '运单号'],
      buyer: ['抖音昵称', '买家昵称'],
      buyerId: ['买家ID', '用户ID'],
      province: ['省'],
      city: ['市'],
      address: ['收件人地址', '收货地址'],
      orderSource: ['流量来源', '订单来源'],
    },
  },
  {
    // reference/consoles.md §3.2 "Export CSV headers (orders report)": 订单编号, 买家会员名, 买家支付宝账号,
    // 买家应付货款, 买家应付邮费, 总金额, 买家实际支付金额, 订单状态, 买家留言, 收货人姓名, 收货地址, 运送方式, 联系电话,
    // 联系手机, 订单创建时间, 订单付款时间, 宝贝标题, 宝贝种类, 物流单号, 物流公司, 订单备注, 宝贝总数量, 店铺Id, 店铺名称,
    // 订单关闭原因. One row per order; 宝贝标题 may join several items.
    id: 'taobao-orders-report',
    platform: 'taobao',
    label: { zh: '千牛/淘宝 订单报表', en: 'Taobao orders report' },
    signature: ['订单编号', '买家会员名', '宝贝标题'],
    rowPerItem: false,
    columns: {
      orderId: ['订单编号'],
      buyer: ['买家会员名'],
      amount: ['买家实际支付金额'],
      status: ['订单状态'],
      address: ['收货地址'],
      createdAt: ['订单创建时间'],
      paidAt: ['订单付款时间'],
      itemTitle: ['宝贝标题'],
      quantity: ['宝贝总数量'],
      waybill: ['物流单号'],
      carrier: ['物流公司'],
      shop: ['店铺名称'],
    },
  },
];

/**
 * Headers any console's export may use, for files of layouts not known above (京东, 快手, 拼多多 exports,
 * ERP reports, the seller's own sheets). Used to propose a mapping the seller confirms in the preview.
 */
export const COMMON_HEADERS: Partial<Record<ImportField, readonly string[]>> = {
  orderId: ['订单编号', '订单号', '主订单编号', '主订单号', '父订单编号', '订单ID', '订单id', 'orderid', 'orderno', 'ordernumber', 'ordersn'],
  subOrderId: ['子订单编号', '子订单号'],
  shop: ['店铺名称', '店铺', '商家名称', 'shop'],
  createdAt: ['下单时间', '订单提交时间', '订单创建时间', '创建时间', '成交时间', '订单生成时间', 'createdat', 'createtime'],
  paidAt: ['付款时间', '支付时间', '支付完成时间', '订单付款时间', 'paytime', 'paidat'],
  shippedAt: ['发货时间', '出库时间', 'shippedat'],
  completedAt: ['完成时间', '订单完成时间', '确认收货时间', '成交完成时间'],
  status: ['订单状态', '状态', 'status'],
  afterSale: ['售后状态', '退款状态'],
  amount: ['实付金额', '买家实际支付金额', '实收金额', '订单实付', '支付金额', '订单应付金额', '应付金额', '用户实付', '订单金额', '实付款', 'amount'],
  paymentMethod: ['支付方式', '付款方式'],
  itemTitle: ['商品名称', '商品', '选购商品', '宝贝标题', '商品标题', 'item'],
  itemSpec: ['商品规格', '规格', 'sku属性', '商品属性'],
  quantity: ['商品数量', '数量', '购买数量', '宝贝总数量', 'quantity'],
  unitPrice: ['商品单价', '单价', '商品金额', '商品价格'],
  skuId: ['skuid', 'sku编号'],
  skuCode: ['商家编码', '货号', '商品编码', 'sku编码', '外部编码'],
  carrier: ['快递公司', '物流公司', '承运商'],
  waybill: ['运单号', '快递单号', '物流单号', '运单编号'],
  buyer: ['买家', '买家昵称', '买家会员名', '抖音昵称', '用户昵称', '买家账号'],
  buyerId: ['买家ID', '用户ID', 'buyerid'],
  province: ['省', '省份', '收货省份'],
  city: ['市', '城市', '收货城市'],
  address: ['收货地址', '收件人地址', '收货人地址', '详细地址'],
  orderSource: ['订单来源', '流量来源', '渠道'],
};

/** A header as compared: no spaces, no bracketed units (`实付金额(元)`), no `*` required marks, lower case. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}
