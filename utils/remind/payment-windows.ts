/**
 * How long a buyer has to pay before the console closes an unpaid order, per console, in hours. The
 * consoles print the end of the window on some rows (`剩余29分钟 自动关闭`); where they don't, these
 * defaults apply — INFERRED from the consoles' usual rules (抖店 30 minutes as its rows count down;
 * 京东/拼多多 24 h; 淘宝 72 h; 快手 24 h), editable per console on the dashboard (待催付).
 */
export const DEFAULT_PAYMENT_WINDOW_HOURS: Readonly<Record<string, number>> = {
  douyin: 0.5,
  jd: 24,
  pinduoduo: 24,
  taobao: 72,
  kuaishou: 24,
};

/** The window used for a console not listed above. */
export const FALLBACK_PAYMENT_WINDOW_HOURS = 24;

export type PaymentWindows = Readonly<Record<string, number>>;

export interface PayDeadline {
  at: number;
  /** True when computed from the window, not printed by the console. */
  estimated: boolean;
}

export function windowHours(platform: string, windows: PaymentWindows = {}): number {
  const hours = windows[platform] ?? DEFAULT_PAYMENT_WINDOW_HOURS[platform] ?? FALLBACK_PAYMENT_WINDOW_HOURS;
  return Number.isFinite(hours) && hours > 0 ? hours : FALLBACK_PAYMENT_WINDOW_HOURS;
}

/** The end of an unpaid order's payment window: printed by the console, else created + the window. */
export function payDeadlineOf(
  order: { platform: string; createdAt?: number; payDeadlineAt?: number },
  windows: PaymentWindows = {},
): PayDeadline | undefined {
  if (order.payDeadlineAt !== undefined) return { at: order.payDeadlineAt, estimated: false };
  if (order.createdAt === undefined) return undefined;
  return { at: order.createdAt + windowHours(order.platform, windows) * 3_600_000, estimated: true };
}

/** An unpaid order whose payment window has ended: the console has closed it, whether or not we saw that. */
export function isPastPayDeadline(order: { platform: string; createdAt?: number; payDeadlineAt?: number }, now: number, windows: PaymentWindows = {}): boolean {
  const deadline = payDeadlineOf(order, windows);
  return deadline !== undefined && now > deadline.at;
}

/** The longest window in use: unpaid orders created before now minus this are past theirs (index bound). */
export function longestWindowHours(windows: PaymentWindows = {}): number {
  return Math.max(FALLBACK_PAYMENT_WINDOW_HOURS, ...Object.values(DEFAULT_PAYMENT_WINDOW_HOURS), ...Object.values(windows).filter((hours) => Number.isFinite(hours)));
}
