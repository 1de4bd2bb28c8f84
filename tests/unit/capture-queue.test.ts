import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaptureQueue, MAX_RETRY_MS, SEND_TIMEOUT_MS } from '@/utils/capture/capture-queue';
import type { CaptureMessageInput } from '@/utils/messaging/content-messages';

type Answer = { ok: boolean; retry?: boolean } | undefined;

function capture(orderId: string): CaptureMessageInput {
  return {
    type: 'orderlens/capture',
    v: 1,
    platform: 'douyin',
    pageKind: 'list',
    orders: [{ platform: 'douyin', orderId, sourcePage: 'list' } as CaptureMessageInput['orders'][number]],
    diagnostics: { platform: 'douyin', pageKind: 'list', layout: 'test', rowsSeen: 1, rowsParsed: 1, skipped: {}, strategies: {} },
  };
}

/** A background whose answers the test scripts: each send takes the next answer (a promise or a value). */
function scriptedBackground(answers: (Answer | Promise<Answer>)[]) {
  const sent: CaptureMessageInput[] = [];
  const send = (message: CaptureMessageInput) => {
    sent.push(message);
    return Promise.resolve(answers.length > 0 ? answers.shift() : { ok: true });
  };
  return { sent, send };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('CaptureQueue', () => {
  it('keeps a capture until the background confirms it, however many sends fail, and sends the same capture id each time', async () => {
    // far more failures than the five retries the page used to give up after
    const background = scriptedBackground([...Array(12).fill(undefined), { ok: false, error: 'quota', retry: true } as Answer]);
    const queue = new CaptureQueue(background.send);
    let confirmed: boolean | undefined;
    void queue.enqueue(capture('1')).then((value) => (confirmed = value));
    await vi.advanceTimersByTimeAsync(14 * MAX_RETRY_MS);
    expect(confirmed).toBe(true);
    expect(background.sent).toHaveLength(14);
    const ids = new Set(background.sent.map((message) => message.captureId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/\S{6,}/);
    expect(queue.size).toBe(0);
  });

  it('sends one capture at a time, in the order observed', async () => {
    const background = scriptedBackground([undefined, undefined]);
    const queue = new CaptureQueue(background.send);
    const first = queue.enqueue(capture('1'));
    const second = queue.enqueue(capture('2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(background.sent.map((message) => message.orders[0]!.orderId)).toEqual(['1']);
    await vi.advanceTimersByTimeAsync(4 * MAX_RETRY_MS);
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(background.sent.map((message) => message.orders[0]!.orderId)).toEqual(['1', '1', '1', '2']);
    expect(new Set(background.sent.map((message) => message.captureId)).size).toBe(2);
  });

  it('drops a capture the background refused (not a storage failure) and goes on with the next', async () => {
    const background = scriptedBackground([{ ok: false }]);
    const queue = new CaptureQueue(background.send);
    const refused = queue.enqueue(capture('1'));
    const next = queue.enqueue(capture('2'));
    expect(await refused).toBe(false);
    expect(await next).toBe(true);
    expect(background.sent).toHaveLength(2);
  });

  it('sends again when a send never answers (a worker that died without closing the channel)', async () => {
    const background = scriptedBackground([new Promise<Answer>(() => undefined)]);
    const queue = new CaptureQueue(background.send);
    const done = queue.enqueue(capture('1'));
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS - 1);
    expect(background.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + MAX_RETRY_MS);
    expect(await done).toBe(true);
    expect(background.sent).toHaveLength(2);
  });

  it('waits no longer than the cap between sends after many failures', async () => {
    const background = scriptedBackground(Array(30).fill(undefined));
    const queue = new CaptureQueue(background.send);
    void queue.enqueue(capture('1'));
    await vi.advanceTimersByTimeAsync(20 * MAX_RETRY_MS);
    const before = background.sent.length;
    await vi.advanceTimersByTimeAsync(MAX_RETRY_MS);
    expect(background.sent.length).toBe(before + 1);
  });

  it('stops sending when the page capture stops (extension updated) and settles what waited as not confirmed', async () => {
    const background = scriptedBackground(Array(5).fill(undefined));
    const queue = new CaptureQueue(background.send);
    const waiting = queue.enqueue(capture('1'));
    await vi.advanceTimersByTimeAsync(0);
    queue.stop();
    expect(await waiting).toBe(false);
    await vi.advanceTimersByTimeAsync(10 * MAX_RETRY_MS);
    expect(background.sent).toHaveLength(1);
    expect(await queue.enqueue(capture('2'))).toBe(false);
  });

  it('tells its listeners while the background cannot save, once, and again when a capture is saved', async () => {
    const full = { ok: false, retry: true, message: '磁盘空间不足' } as Answer;
    const background = scriptedBackground([full, full, full]);
    const queue = new CaptureQueue(background.send);
    const heard: (string | null)[] = [];
    queue.onStorageTrouble((message) => heard.push(message));
    const saved = queue.enqueue(capture('1'));
    await vi.advanceTimersByTimeAsync(0);
    const late: (string | null)[] = [];
    queue.onStorageTrouble((message) => late.push(message));
    await vi.advanceTimersByTimeAsync(4 * MAX_RETRY_MS);
    expect(await saved).toBe(true);
    expect(heard).toEqual(['磁盘空间不足', null]);
    // a listener added while the trouble lasts hears it at once
    expect(late).toEqual(['磁盘空间不足', null]);
  });
});
