import { storage } from '#imports';
import type { PaymentWindows } from './payment-windows';

/** Payment windows the seller set per console (hours); consoles not set use the defaults. */
export const paymentWindowsItem = storage.defineItem<PaymentWindows>('local:paymentWindows', {
  fallback: {},
  version: 1,
});
