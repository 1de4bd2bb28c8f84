import { siteByOrigin } from '../sites/registry';

/** The parts of `runtime.MessageSender` we rely on. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

/**
 * A content-script message is trusted only from our own extension, from a tab, on a declared console
 * origin; returns the platform that origin belongs to, or the reason to reject.
 */
export function checkSender(
  sender: SenderLike,
  extensionId: string,
): { ok: true; platform: string } | { ok: false; reason: string } {
  if (sender.id !== extensionId) return { ok: false, reason: 'foreign-extension' };
  if (sender.tab?.id === undefined) return { ok: false, reason: 'not-a-tab' };
  let origin: string;
  try {
    origin = sender.origin ?? new URL(sender.url ?? '').origin;
  } catch {
    return { ok: false, reason: 'no-origin' };
  }
  const site = siteByOrigin(origin);
  if (!site) return { ok: false, reason: 'undeclared-origin' };
  return { ok: true, platform: site.platform };
}
