// 拼多多 mangkhut order JSON (reference/network-capture.md §3.5, consoles.md §5.3): flat rows. Only mapped
// fields are declared: receive_name, mobile, district_name, shipping_address, buyer_memo and mall_remark are not.
import * as z from 'zod/mini';
import { anything, scalar } from '../api-read';

export const PddOrder = z.object({
  order_sn: scalar,
  orderSn: scalar,
  order_status_str: scalar,
  after_sales_status: scalar,
  goods_name: scalar,
  spec: scalar,
  goods_number: scalar,
  goods_price: scalar,
  sku_id: scalar,
  out_sku_sn: scalar,
  order_amount: scalar,
  province_name: scalar,
  city_name: scalar,
  nickname: scalar,
  created_at: scalar,
  order_time: scalar,
  confirm_time: scalar,
  shipping_time: scalar,
  promise_shipping_time: scalar,
  tracking_number: scalar,
  // INFERRED: the carrier's name beside tracking_number (rows also carry the numeric shipping_id).
  shipping_name: scalar,
});

/** `{success, errorCode, errorMsg, result:{totalItemNum, pageItems[]}}`; errors also come snake_case. */
export const PddEnvelope = z.object({
  success: anything,
  errorCode: scalar,
  error_code: scalar,
  result: anything,
});
