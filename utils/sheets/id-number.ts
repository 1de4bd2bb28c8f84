import { normalizeWaybillNo } from '@/utils/carriers/waybill-formats';
import { OrderIdSchema } from '@/utils/model/order';

/** Text that can be looked up: an order id as the model stores it, or a waybill number. */
export function isIdNumber(text: string): boolean {
  return OrderIdSchema.safeParse(text).success || normalizeWaybillNo(text) !== null;
}

const DATE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const DIGIT = /\d/g;

/**
 * Stricter, for telling which column holds the numbers when no header says so: a date (2026-11-20) passes
 * OrderIdSchema, and 序号 / 数量 / short codes are no order or waybill number (the shortest, 德邦's, has 8 digits).
 */
export function looksLikeIdNumber(text: string): boolean {
  return isIdNumber(text) && !DATE.test(text) && (text.match(DIGIT)?.length ?? 0) >= 8;
}
