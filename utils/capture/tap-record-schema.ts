import * as z from 'zod/mini';

/** Largest body the isolated side reads: 抖店/京东 pages of 50–100 orders are 0.3–2 MB; 16 MB is ample. */
export const MAX_API_BODY_CHARS = 16_000_000;

/**
 * A record from the tap. It comes from the page's own world, so the page could have forged it: every
 * field is bounded here, the endpoint is matched again from the URL, and the body goes through the
 * endpoint's schema.
 */
export const TapRecordSchema = z.object({
  v: z.literal(1),
  endpoint: z.string().check(z.maxLength(60)),
  url: z.string().check(z.maxLength(8192)),
  status: z.int().check(z.gte(0), z.lte(999)),
  via: z.string().check(z.maxLength(24)),
  text: z.string().check(z.maxLength(MAX_API_BODY_CHARS)),
  receivedAt: z.number(),
});

export type TapRecordInput = z.infer<typeof TapRecordSchema>;
