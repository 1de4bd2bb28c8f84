import { z } from 'zod';
import { CapturedOrderSchema, OrderIdSchema, PageKindSchema, PlatformIdSchema } from '../model/order';

/** Largest page a console shows is 200 rows; mutated test pages go to 2,000. */
export const MAX_ORDERS_PER_MESSAGE = 2000;
/** A message larger than this (serialised) is rejected before parsing. */
export const MAX_MESSAGE_CHARS = 4_000_000;

const countMap = z.record(z.string().max(60), z.number().int().min(0).max(1_000_000));

export const ParseDiagnosticsSchema = z.object({
  platform: PlatformIdSchema,
  pageKind: z.string().max(20),
  layout: z.string().max(60),
  rowsSeen: z.number().int().min(0).max(100_000),
  rowsParsed: z.number().int().min(0).max(100_000),
  skipped: countMap,
  strategies: z.record(z.string().max(60), countMap),
});

export const CaptureMessageSchema = z.object({
  type: z.literal('orderlens/capture'),
  v: z.literal(1),
  platform: PlatformIdSchema,
  pageKind: PageKindSchema,
  orders: z.array(CapturedOrderSchema).max(MAX_ORDERS_PER_MESSAGE),
  diagnostics: ParseDiagnosticsSchema,
});

/** Row state for the controls of the rows on screen: only this platform's orders, only those ids. */
export const RowStateRequestSchema = z.object({
  type: z.literal('orderlens/row-state'),
  v: z.literal(1),
  platform: PlatformIdSchema,
  orderIds: z.array(OrderIdSchema).max(MAX_ORDERS_PER_MESSAGE),
});

export const ContentMessageSchema = z.discriminatedUnion('type', [CaptureMessageSchema, RowStateRequestSchema]);

export type CaptureMessage = z.infer<typeof CaptureMessageSchema>;
export type CaptureMessageInput = z.input<typeof CaptureMessageSchema>;
export type RowStateRequest = z.infer<typeof RowStateRequestSchema>;
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
}
