import type { OrderStatus } from './status';

/** A console's own status words (any of the five consoles) → normalised status, or null if unknown. */
export function normalizeStatus(text: string | null | undefined): OrderStatus | null {
  throw new Error('not implemented yet');
}
