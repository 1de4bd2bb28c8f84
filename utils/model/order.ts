import { z } from 'zod';
import { ORDER_STATUSES } from './status';

/**
 * Order numbers stay strings end to end: 抖店/淘宝 ids have 19 digits (> 2^53), 拼多多 ids carry a dash
 * (`220216-179332719430230`). Never parse them as numbers.
 */
export const OrderIdSchema = z.string().regex(/^\d[\d-]{4,30}\d$/, 'order id must be digits (and dashes)');
export const PlatformIdSchema = z.string().regex(/^[a-z][a-z0-9]{1,19}$/);
export const StatusSchema = z.enum(ORDER_STATUSES);

const text = (max: number) => z.string().trim().min(1).max(max);
/** Epoch milliseconds between 2000-01-01 and 2100-01-01. */
const epochMs = z.number().int().min(946_684_800_000).max(4_102_444_800_000);
const cents = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);

export const TrackingEventSchema = z.object({
  at: epochMs,
  text: text(500),
  location: text(100).optional(),
});

export const ShipmentSchema = z.object({
  waybillNo: z.string().regex(/^[A-Za-z0-9-]{4,40}$/),
  carrierName: text(40).optional(),
  carrierCode: z.string().regex(/^[a-z0-9_]{1,30}$/).optional(),
  events: z.array(TrackingEventSchema).max(200).default([]),
  lastEventAt: epochMs.optional(),
});

export const ItemSchema = z.object({
  title: text(300),
  spec: text(200).optional(),
  quantity: z.number().int().min(1).max(1_000_000).optional(),
  unitPriceCents: cents.optional(),
  skuId: text(64).optional(),
});

export const PageKindSchema = z.enum(['list', 'detail', 'logistics']);

/** What a content script sends for one order it read on a console page. Unknown fields are left out. */
export const CapturedOrderSchema = z.object({
  platform: PlatformIdSchema,
  orderId: OrderIdSchema,
  shop: text(80).optional(),
  status: StatusSchema.optional(),
  statusText: text(60).optional(),
  createdAt: epochMs.optional(),
  paidAt: epochMs.optional(),
  shippedAt: epochMs.optional(),
  deliveredAt: epochMs.optional(),
  completedAt: epochMs.optional(),
  /** 承诺发货时间 where the console prints one. */
  promisedShipAt: epochMs.optional(),
  /** End of the payment window for unpaid orders where the console prints one. */
  payDeadlineAt: epochMs.optional(),
  amountCents: cents.optional(),
  currency: z.literal('CNY').default('CNY'),
  paymentMethod: text(40).optional(),
  /** The buyer as the console displays it (masked, e.g. `测*`, `王**`). */
  buyer: text(80).optional(),
  /** Province/city as displayed, never the street address. */
  receiverRegion: text(80).optional(),
  items: z.array(ItemSchema).max(100).default([]),
  shipments: z.array(ShipmentSchema).max(20).default([]),
  afterSale: z.boolean().optional(),
  dispute: z.boolean().optional(),
  sourcePage: PageKindSchema,
});

export const StatusChangeSchema = z.object({
  status: StatusSchema,
  statusText: z.string().optional(),
  at: epochMs,
});

/** What the database keeps: the merged captures of one order. */
export const StoredOrderSchema = CapturedOrderSchema.omit({ sourcePage: true }).extend({
  key: z.string(),
  statusHistory: z.array(StatusChangeSchema).default([]),
  /** Which page kinds contributed to this order. */
  sources: z.array(PageKindSchema).default([]),
  firstSeenAt: epochMs,
  updatedAt: epochMs,
  /** Schema revision of this record (see utils/db/MIGRATIONS.md). */
  rev: z.number().int(),
});

export type TrackingEvent = z.infer<typeof TrackingEventSchema>;
export type Shipment = z.infer<typeof ShipmentSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type PageKind = z.infer<typeof PageKindSchema>;
export type CapturedOrder = z.infer<typeof CapturedOrderSchema>;
export type CapturedOrderInput = z.input<typeof CapturedOrderSchema>;
export type StoredOrder = z.infer<typeof StoredOrderSchema>;
export type StatusChange = z.infer<typeof StatusChangeSchema>;

export const orderKey = (platform: string, orderId: string) => `${platform}:${orderId}`;
