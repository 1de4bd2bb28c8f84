import * as z from 'zod/mini';
import { CaptureSourceSchema, CapturedOrderSchema, OrderIdSchema, PageKindSchema, PlatformIdSchema } from '../model/order';

/** Largest page a console shows is 200 rows; mutated test pages go to 2,000. */
export const MAX_ORDERS_PER_MESSAGE = 2000;
/** A message larger than this (serialised) is rejected before parsing. */
export const MAX_MESSAGE_CHARS = 4_000_000;

const countMap = z.record(z.string().check(z.maxLength(60)), z.int().check(z.gte(0), z.lte(1_000_000)));

export const ParseDiagnosticsSchema = z.object({
  platform: PlatformIdSchema,
  pageKind: z.string().check(z.maxLength(20)),
  layout: z.string().check(z.maxLength(60)),
  rowsSeen: z.int().check(z.gte(0), z.lte(100_000)),
  rowsParsed: z.int().check(z.gte(0), z.lte(100_000)),
  skipped: countMap,
  strategies: z.record(z.string().check(z.maxLength(60)), countMap),
});

export const CaptureMessageSchema = z.object({
  type: z.literal('orderlens/capture'),
  v: z.literal(1),
  platform: PlatformIdSchema,
  pageKind: PageKindSchema,
  /** `dom` (read from the page) unless said otherwise; `api`: from the console's own JSON response. */
  source: z._default(CaptureSourceSchema, 'dom'),
  /** Set by the page's queue: the same capture sent again (its answer lost) is recognised and not counted twice. */
  captureId: z.optional(z.string().check(z.maxLength(40))),
  orders: z.array(CapturedOrderSchema).check(z.maxLength(MAX_ORDERS_PER_MESSAGE)),
  diagnostics: ParseDiagnosticsSchema,
});

/** Row state for the controls of the rows on screen: only this platform's orders, only those ids. */
export const RowStateRequestSchema = z.object({
  type: z.literal('orderlens/row-state'),
  v: z.literal(1),
  platform: PlatformIdSchema,
  orderIds: z.array(OrderIdSchema).check(z.maxLength(MAX_ORDERS_PER_MESSAGE)),
});

/** 催付 clicked on a row: guard, fill the template and record (the seller sends the message). */
export const RemindRequestSchema = z.object({
  type: z.literal('orderlens/remind'),
  v: z.literal(1),
  platform: PlatformIdSchema,
  orderId: OrderIdSchema,
});

export const ContentMessageSchema = z.discriminatedUnion('type', [CaptureMessageSchema, RowStateRequestSchema, RemindRequestSchema]);

export type CaptureMessage = z.infer<typeof CaptureMessageSchema>;
export type CaptureMessageInput = z.input<typeof CaptureMessageSchema>;
export type RowStateRequest = z.infer<typeof RowStateRequestSchema>;
export type RemindRequest = z.infer<typeof RemindRequestSchema>;
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

export interface CaptureReply {
  ok: true;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface RejectedReply {
  ok: false;
  error: string;
  /** A storage failure (disk full, database not opening): the page keeps the capture and sends it again. */
  retry?: boolean;
  /** What to tell the seller about that failure. */
  message?: string;
}
