// zod/mini: the same validation as classic zod at a fraction of the size — this schema ships in every
// content script (DESIGN.md: content-script bundles small).
import * as z from 'zod/mini';
import { ORDER_STATUSES } from './status';

/**
 * Order numbers stay strings end to end: 抖店/淘宝 ids have 19 digits (> 2^53), 拼多多 ids carry a dash
 * (`220216-179332719430230`). Never parse them as numbers.
 */
export const OrderIdSchema = z.string().check(z.regex(/^\d[\d-]{4,30}\d$/, 'order id must be digits (and dashes)'));
export const PlatformIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9]{1,19}$/));
export const StatusSchema = z.enum(ORDER_STATUSES);

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** Epoch milliseconds between 2000-01-01 and 2100-01-01. */
const epochMs = z.int().check(z.gte(946_684_800_000), z.lte(4_102_444_800_000));
const cents = z.int().check(z.gte(-100_000_000_000), z.lte(100_000_000_000));

export const TrackingEventSchema = z.object({
  at: epochMs,
  text: text(500),
  location: z.optional(text(100)),
});

export const ShipmentSchema = z.object({
  waybillNo: z.string().check(z.regex(/^[A-Za-z0-9-]{4,40}$/)),
  carrierName: z.optional(text(40)),
  carrierCode: z.optional(z.string().check(z.regex(/^[a-z0-9_]{1,30}$/))),
  events: z._default(z.array(TrackingEventSchema).check(z.maxLength(200)), []),
  lastEventAt: z.optional(epochMs),
});

export const ItemSchema = z.object({
  title: text(300),
  spec: z.optional(text(200)),
  quantity: z.optional(z.int().check(z.gte(1), z.lte(1_000_000))),
  unitPriceCents: z.optional(cents),
  skuId: z.optional(text(64)),
  /** The seller's own SKU code (商家编码, 抖店 `merchant_sku_code`, 拼多多 `out_sku_sn`) where the console gives it. */
  skuCode: z.optional(text(64)),
});

/** Where a capture came from: a console page of that kind, or the console's own export file (imported). */
export const PageKindSchema = z.enum(['list', 'detail', 'logistics', 'export']);
/** Which capture source read an order: the page's DOM or the console's own JSON response. */
export const CaptureSourceSchema = z.enum(['dom', 'api']);

/** What a content script sends for one order it read on a console page. Unknown fields are left out. */
export const CapturedOrderSchema = z.object({
  platform: PlatformIdSchema,
  orderId: OrderIdSchema,
  shop: z.optional(text(80)),
  status: z.optional(StatusSchema),
  statusText: z.optional(text(60)),
  createdAt: z.optional(epochMs),
  paidAt: z.optional(epochMs),
  shippedAt: z.optional(epochMs),
  deliveredAt: z.optional(epochMs),
  completedAt: z.optional(epochMs),
  /** 承诺发货时间 where the console prints one. */
  promisedShipAt: z.optional(epochMs),
  /** End of the payment window for unpaid orders where the console prints one. */
  payDeadlineAt: z.optional(epochMs),
  amountCents: z.optional(cents),
  currency: z._default(z.literal('CNY'), 'CNY'),
  paymentMethod: z.optional(text(40)),
  /** The buyer as the console displays it (masked, e.g. `测*`, `王**`). */
  buyer: z.optional(text(80)),
  /** Province/city as displayed, never the street address. */
  receiverRegion: z.optional(text(80)),
  /** The buyer's platform id as the console gives it (抖店 `user_id`, 京东 `userPin`…): the 买家ID column. */
  buyerId: z.optional(text(64)),
  /** Where the order came from where the console says it (抖店 `c_biz_desc`: 小店自卖, 精选联盟…). */
  orderSource: z.optional(text(40)),
  items: z._default(z.array(ItemSchema).check(z.maxLength(100)), []),
  shipments: z._default(z.array(ShipmentSchema).check(z.maxLength(20)), []),
  afterSale: z.optional(z.boolean()),
  dispute: z.optional(z.boolean()),
  sourcePage: PageKindSchema,
});

export const StatusChangeSchema = z.object({
  status: StatusSchema,
  statusText: z.optional(z.string()),
  at: epochMs,
});

/** What the database keeps: the merged captures of one order. */
export const StoredOrderSchema = z.extend(z.omit(CapturedOrderSchema, { sourcePage: true }), {
  key: z.string(),
  statusHistory: z._default(z.array(StatusChangeSchema), []),
  /** Which page kinds contributed to this order. */
  sources: z._default(z.array(PageKindSchema), []),
  /**
   * Fields whose stored value came from a console's JSON (exact units): a later value read from page text
   * does not replace them (status excepted: the later observation wins). Absent on DOM-only orders.
   */
  apiFields: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(40))),
  firstSeenAt: epochMs,
  updatedAt: epochMs,
  /** Schema revision of this record (see utils/db/MIGRATIONS.md). */
  rev: z.int(),
});

export type TrackingEvent = z.infer<typeof TrackingEventSchema>;
export type Shipment = z.infer<typeof ShipmentSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type PageKind = z.infer<typeof PageKindSchema>;
export type CaptureSource = z.infer<typeof CaptureSourceSchema>;
export type CapturedOrder = z.infer<typeof CapturedOrderSchema>;
export type CapturedOrderInput = z.input<typeof CapturedOrderSchema>;
export type StoredOrder = z.infer<typeof StoredOrderSchema>;
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const orderKey = (platform: string, orderId: string) => `${platform}:${orderId}`;
