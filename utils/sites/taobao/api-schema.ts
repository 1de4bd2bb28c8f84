// 千牛 asyncSold (reference/network-capture.md §3.3, consoles.md §3.3). Only mapped fields are declared.
import * as z from 'zod/mini';
import { opt, optList, scalar } from '../api-read';

const NameValue = z.object({ name: scalar, value: scalar });

export const TaobaoSubOrder = z.object({
  itemInfo: opt(
    z.object({
      title: scalar,
      skuText: optList(NameValue),
      // 商家编码 lives among the extra pairs.
      extra: optList(NameValue),
    }),
  ),
  priceInfo: opt(z.object({ realTotal: scalar })),
  quantity: scalar,
  operations: optList(z.object({ text: scalar })),
});

export const TaobaoMainOrder = z.object({
  id: scalar,
  orderInfo: opt(z.object({ id: scalar, createTime: scalar })),
  buyer: opt(z.object({ nick: scalar, id: scalar })),
  // Only the address is declared, and only its province/city is kept (never the street, name or phone).
  consignee: opt(z.object({ address: scalar })),
  payInfo: opt(z.object({ actualFee: scalar })),
  statusInfo: opt(z.object({ text: scalar })),
  subOrders: optList(TaobaoSubOrder),
});
