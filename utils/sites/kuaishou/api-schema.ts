// 快手小店 order/query/v2 (reference/network-capture.md §3.4). SEEN: `result`, `total`, `orderList[]{oid,
// createTime, payTime, itemTitle, skuDesc, province, city, district, town}`; every other name here is INFERRED
// from the open platform's order fields. Only mapped fields are declared: district, town, consignee, mobile
// and address are not.
import * as z from 'zod/mini';
import { anything, scalar } from '../api-read';

export const KuaishouOrder = z.object({
  oid: scalar,
  status: scalar,
  orderStatus: scalar,
  statusDesc: scalar,
  orderStatusDesc: scalar,
  createTime: scalar,
  payTime: scalar,
  sendTime: scalar,
  totalFee: scalar,
  payAmount: scalar,
  buyerId: scalar,
  buyerNick: scalar,
  itemTitle: scalar,
  skuDesc: scalar,
  skuId: scalar,
  skuNick: scalar,
  num: scalar,
  itemNum: scalar,
  price: scalar,
  province: scalar,
  city: scalar,
  expressNo: scalar,
  expressCode: scalar,
  expressName: scalar,
});

export const KuaishouEnvelope = z.object({
  result: z.union([z.number(), z.string()]),
  total: anything,
  data: anything,
  orderList: anything,
});
