// 抖店 order JSON (reference/network-capture.md §3.1, consoles.md §1.3): only the fields we map are declared;
// zod drops the rest (receiver phone, street, remarks, promotion details never leave the parse).
import * as z from 'zod/mini';
import { anything, opt, optList, scalar } from '../api-read';

const Named = opt(z.object({ name: scalar }));

export const DouyinItem = z.object({
  product_name: scalar,
  sku_id: scalar,
  merchant_sku_code: scalar,
  combo_num: scalar,
  combo_amount: scalar,
  sku_spec: optList(z.object({ name: scalar, value: scalar })),
  after_sale_info: opt(z.object({ after_sale_text: scalar })),
});

export const DouyinOrder = z.object({
  shop_order_id: scalar,
  order_id: scalar,
  order_status: scalar,
  order_status_info: opt(z.object({ order_status_text: scalar })),
  create_time: scalar,
  pay_time: scalar,
  logistics_time: scalar,
  actual_pay_amount: scalar,
  pay_amount: scalar,
  c_biz_desc: scalar,
  user_id: scalar,
  user_nickname: scalar,
  // Only the region levels; post_addr.town/street/detail and post_tel are not declared.
  receiver_info: opt(z.object({ post_addr: opt(z.object({ province: Named, city: Named })) })),
  // INFERRED: the open platform's `logistics_info[]{tracking_no, company_name}`; no capture shows it on searchlist.
  logistics_info: optList(z.object({ tracking_no: scalar, company_name: scalar })),
  product_item: optList(DouyinItem),
});

/** `{code, msg, data:[rows] | {data|list:[rows]}, page, size, total}`; success is code 0. */
export const DouyinEnvelope = z.object({
  code: z.union([z.number(), z.string()]),
  msg: scalar,
  data: anything,
  total: anything,
});
