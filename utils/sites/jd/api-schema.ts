// 京东 order JSON (reference/network-capture.md §3.2, consoles.md §2.3). Only mapped fields are declared; the
// consignee's name, phones and address, and the seller's remarks, are not.
import * as z from 'zod/mini';
import { anything, opt, optList, scalar } from '../api-read';

export const JdItem = z.object({
  skuId: scalar,
  skuName: scalar,
  jdPrice: scalar,
  num: scalar,
  skuNum: scalar,
  // INFERRED: the open API's name for 商家SKU编码.
  outerSkuId: scalar,
});

/** A row of the new list (`data.results[]`) and of the old porder list (`orderList[]`). */
export const JdOrder = z.object({
  orderId: scalar,
  orderStatus: scalar,
  orderStatusInfo: opt(z.object({ orderStatusName: scalar })),
  orderStatusName: scalar,
  orderCreateTime: scalar,
  paymentConfirmTime: scalar,
  orderCompleteTime: scalar,
  orderTotalPrice: scalar,
  orderPayment: scalar,
  orderPaymentInfo: opt(z.object({ receivables: scalar })),
  userPin: scalar,
  // INFERRED: region fields of the consignee block; no capture shows them.
  consigneeInfo: opt(z.object({ provinceName: scalar, cityName: scalar })),
  provinceName: scalar,
  cityName: scalar,
  orderItems: optList(JdItem),
});

/** New list: `{code:200, data:{results[], totalItem, pageSize}}`. */
export const JdPageEnvelope = z.object({
  code: z.union([z.number(), z.string()]),
  data: anything,
});
