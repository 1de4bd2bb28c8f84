import type { CaptureMessageInput } from '../../messaging/content-messages';
import type { SendCapture } from '../capture-queue';
import { sendToBackground } from '../send-to-background';
import type { ConfirmedCapture, WalkEndReason } from './walk';

type Answer = Awaited<ReturnType<SendCapture>> & { inserted?: number };

export interface CaptureFeedListener {
  queued?(message: CaptureMessageInput): void;
  confirmed?(capture: ConfirmedCapture): void;
  /** A JSON response the console answered with an error envelope (rate limit, login, …). */
  problem?(reason: WalkEndReason, detail: string): void;
}

/** A skipped-row reason of a JSON capture (`error:rate-limit-54001`, `http-401`) as a reason to stop a walk. */
export function problemOf(skipReason: string): WalkEndReason | undefined {
  if (/^http-(401|403)$/.test(skipReason) || /^error:.*(login|auth|session|10008)/i.test(skipReason)) return 'login';
  if (/^error:.*(rate|54001|limit|frequen)/i.test(skipReason)) return 'rate-limit';
  if (/^error:/.test(skipReason) || /^http-(429|5\d\d)$/.test(skipReason)) return /429/.test(skipReason) ? 'rate-limit' : 'error';
  return undefined;
}

/**
 * What the page's capture queue sends and what the background confirms, told to whoever listens (the
 * 采集全部 walk): the queue's sender wrapped, nothing else changed — every capture is sent exactly as before.
 */
export class CaptureFeed {
  private readonly listeners = new Set<CaptureFeedListener>();
  /** Captures confirmed since the list was last reset (the page on screen), for a walk started now. */
  private recent: ConfirmedCapture[] = [];
  private readonly problemsSeen = new Set<string>();

  listen(listener: CaptureFeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The page's route changed: what was confirmed before is another page's. */
  resetRecent(): void {
    this.recent = [];
  }

  get recentCaptures(): readonly ConfirmedCapture[] {
    return this.recent;
  }

  /** Wraps the queue's sender (send-to-background by default). */
  sender(send: SendCapture = (message) => sendToBackground(message)): SendCapture {
    return async (message) => {
      this.observeQueued(message);
      const answer = (await send(message)) as Answer | undefined;
      if (answer?.ok) this.observeConfirmed(message, answer);
      return answer;
    };
  }

  private observeQueued(message: CaptureMessageInput): void {
    // a capture re-sent after a lost answer is the same capture: one notice per captureId
    const id = message.captureId ?? '';
    if (id && this.problemsSeen.has(id)) return;
    if (id) this.problemsSeen.add(id);
    for (const listener of this.listeners) listener.queued?.(message);
    if (message.source !== 'api') return;
    for (const reason of Object.keys(message.diagnostics?.skipped ?? {})) {
      const problem = problemOf(reason);
      if (problem) for (const listener of this.listeners) listener.problem?.(problem, reason);
    }
  }

  private observeConfirmed(message: CaptureMessageInput, answer: Answer): void {
    if (message.orders.length === 0) return;
    const capture: ConfirmedCapture = {
      orders: message.orders.map((order) => ({ orderId: order.orderId, createdAt: order.createdAt })),
      inserted: answer.inserted ?? 0,
    };
    this.recent.push(capture);
    if (this.recent.length > 50) this.recent.shift();
    for (const listener of this.listeners) listener.confirmed?.(capture);
  }
}
