import type { CaptureMessageInput } from '../messaging/content-messages';
import { sendToBackground } from './send-to-background';

/** The first retry after a capture the background did not confirm; each next one waits twice as long, up to the cap. */
export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 5000;
/**
 * A send that neither answered nor failed by then counts as lost (the worker died without closing the channel)
 * and is sent again — harmless if it did land, the captureId makes the copy change nothing. It holds the
 * queue while it waits, so it is short: a page save takes well under a second even on a loaded machine.
 */
export const SEND_TIMEOUT_MS = 8_000;

/** What the background answers a capture: confirmed, a storage failure worth retrying, or a refusal. */
interface CaptureAnswer {
  ok: boolean;
  retry?: boolean;
  /** The background's words for a storage failure (disk full…). */
  message?: string;
}

export type SendCapture = (message: CaptureMessageInput) => Promise<CaptureAnswer | undefined>;

interface Pending {
  message: CaptureMessageInput;
  settle: (confirmed: boolean) => void;
}

function newCaptureId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/**
 * Every capture of one page (DOM reads and JSON responses alike) waits here until the background confirms it
 * was saved: sent one at a time, in the order observed (a later observation of status wins), and sent again
 * with growing pauses for as long as the page lives when the worker was stopping, restarting or could not
 * write. Each capture carries an id so that a copy the background already committed (its answer lost with a
 * stopped worker) changes nothing when it arrives again. Refusals (a malformed message) are dropped.
 */
export class CaptureQueue {
  private readonly waiting: Pending[] = [];
  private sending = false;
  private stopped = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly troubleListeners = new Set<(message: string | null) => void>();
  private storageTrouble: string | null = null;

  constructor(private readonly send: SendCapture = (message) => sendToBackground<CaptureAnswer>(message)) {}

  /** Resolves true once the background confirmed the capture, false if it was refused or the page's capture stopped. */
  enqueue(message: CaptureMessageInput): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    return new Promise((settle) => {
      this.waiting.push({ message: { ...message, captureId: message.captureId ?? newCaptureId() }, settle });
      this.next();
    });
  }

  /**
   * Called with the background's words when it cannot save (disk full, database not opening) and with null
   * once a capture is saved again. Returns the unsubscribe function.
   */
  onStorageTrouble(listener: (message: string | null) => void): () => void {
    this.troubleListeners.add(listener);
    if (this.storageTrouble !== null) listener(this.storageTrouble);
    return () => this.troubleListeners.delete(listener);
  }

  get size(): number {
    return this.waiting.length;
  }

  /** The extension was updated or disabled: nothing can be sent from this page any more. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    for (const pending of this.waiting.splice(0)) pending.settle(false);
  }

  private noteStorageTrouble(message: string | null): void {
    if (message === this.storageTrouble) return;
    this.storageTrouble = message;
    for (const listener of this.troubleListeners) listener(message);
  }

  private next(): void {
    if (this.stopped || this.sending || this.retryTimer !== undefined || this.waiting.length === 0) return;
    const head = this.waiting[0]!;
    this.sending = true;
    void withTimeout(this.send(head.message), SEND_TIMEOUT_MS).then((answer) => {
      this.sending = false;
      if (this.stopped) return;
      if (answer?.ok) this.noteStorageTrouble(null);
      else if (answer?.retry) this.noteStorageTrouble(answer.message ?? '');
      if (answer?.ok || (answer && !answer.retry)) {
        this.waiting.shift();
        this.failures = 0;
        head.settle(answer.ok);
        this.next();
        return;
      }
      const pause = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
      this.failures++;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.next();
      }, pause);
    });
  }
}
