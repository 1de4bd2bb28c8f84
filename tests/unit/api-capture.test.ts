import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiCapture } from '@/utils/capture/api-capture';
import { ApiOrderIndex } from '@/utils/capture/api-orders';
import { CaptureQueue } from '@/utils/capture/capture-queue';
import type { CaptureMessage } from '@/utils/messaging/content-messages';
import { CaptureMessageSchema } from '@/utils/messaging/content-messages';
import type { ApiEndpointReader } from '@/utils/sites/api-types';
import { site as douyin } from '@/utils/sites/douyin/site';

const LIST_URL = 'https://fxg.jinritemai.com/api/order/searchlist?page=0&pageSize=10&a_bogus=x';
const ID = '4934071258846137401';

/** A reader standing in for 抖店's: rows `{id, amount}`; `code≠0` is an error envelope. */
const reader: ApiEndpointReader = {
  id: 'douyin.searchlist',
  read(body) {
    const envelope = body as { code?: number; data?: { id: unknown; amount: number }[] };
    if (envelope.code !== 0) return { kind: 'error', reason: `code-${envelope.code}` };
    if (!Array.isArray(envelope.data)) return { kind: 'unknown-shape', reason: 'no-data' };
    return {
      kind: 'orders',
      pageKind: 'list',
      rowsSeen: envelope.data.length,
      skipped: {},
      orders: envelope.data.map((row) => ({ platform: 'douyin', orderId: row.id as string, amountCents: row.amount, sourcePage: 'list' as const })),
    };
  },
};

let sent: CaptureMessage[];
let index: ApiOrderIndex;
let capture: ApiCapture;
let queue: CaptureQueue;

function record(text: string, overrides: Record<string, unknown> = {}) {
  return { v: 1, endpoint: 'douyin.searchlist', url: LIST_URL, status: 200, via: 'fetch', text, receivedAt: Date.now(), ...overrides };
}

async function settle(): Promise<void> {
  // the page's queue sends one capture at a time: until it is empty, then a few more turns
  for (let i = 0; i < 500 && queue.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  // the background confirms each capture (the fake browser passes on an answer given through sendResponse)
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    sent.push(CaptureMessageSchema.parse(message));
    sendResponse({ ok: true });
    return true;
  }) as Parameters<typeof fakeBrowser.runtime.onMessage.addListener>[0]);
  index = new ApiOrderIndex();
  queue = new CaptureQueue();
  capture = new ApiCapture(douyin, [reader], index, queue);
});
afterEach(() => queue.stop());

describe('ApiCapture (the isolated side of the tap)', () => {
  it('sends the orders of one response as one api-source capture, ids exact', async () => {
    capture.handle(record(`{"code":0,"data":[{"id":${ID},"amount":8990},{"id":"${ID.slice(0, -1)}2","amount":100}]}`));
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.source).toBe('api');
    expect(sent[0]!.orders.map((order) => order.orderId)).toEqual([ID, `${ID.slice(0, -1)}2`]);
    expect(sent[0]!.diagnostics).toMatchObject({ pageKind: 'api', layout: 'douyin.searchlist', rowsSeen: 2, rowsParsed: 2 });
    expect(index.get(ID)?.amountCents).toBe(8990);
    expect(index.onScreenCandidates()).toContain(ID);
  });

  it.each([
    ['an error envelope', record('{"code":10008,"msg":"签名校验失败"}'), 'error:code-10008'],
    ['an unknown shape', record('{"code":0,"rows":[]}'), 'unknown-shape:no-data'],
    ['truncated JSON', record('{"code":0,"data":[{"id":'), 'not-json'],
    ['an HTTP error', record('{"code":0,"data":[]}', { status: 500 }), 'http-500'],
    ['a claim the URL does not back', record('{"code":0,"data":[]}', { endpoint: 'douyin.detail' }), 'unknown-endpoint'],
    ['another console’s endpoint', record('{"success":true}', { endpoint: 'pinduoduo.recentOrderList', url: 'https://mms.pinduoduo.com/mangkhut/mms/recentOrderList' }), 'unknown-endpoint'],
    ['a URL off the allow-list', record('{"code":0,"data":[]}', { url: 'https://fxg.jinritemai.com/api/order/tabcnt' }), 'unknown-endpoint'],
    ['a forged record shape', { v: 1, endpoint: 'douyin.searchlist', url: LIST_URL, text: 42 }, 'invalid-record'],
    ['an oversized body', record(`{"code":0,"data":[],"pad":"${'x'.repeat(16_000_001)}"}`), 'invalid-record'],
  ])('stores nothing from %s and counts why', async (_, data, reason) => {
    capture.handle(data);
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.orders).toEqual([]);
    expect(sent[0]!.diagnostics.skipped).toEqual({ [reason]: 1 });
  });

  it('rows that fail the order schema are skipped with a count, the rest kept', async () => {
    capture.handle(record(`{"code":0,"data":[{"id":"12","amount":1},{"id":"${ID}","amount":1.5},{"id":"${ID}","amount":1}]}`));
    await settle();
    expect(sent[0]!.orders.map((order) => order.orderId)).toEqual([ID]);
    expect(sent[0]!.diagnostics.skipped).toEqual({ 'invalid-order': 2 });
  });

  it('a body of 5,000 rows goes as three bounded messages', async () => {
    const rows = Array.from({ length: 5000 }, (_, at) => `{"id":"49340712588461${String(at).padStart(5, '0')}","amount":${at}}`);
    capture.handle(record(`{"code":0,"data":[${rows.join(',')}]}`));
    await settle();
    expect(sent.map((message) => message.orders.length)).toEqual([2000, 2000, 1000]);
    expect(sent.reduce((sum, message) => sum + message.diagnostics.rowsSeen, 0)).toBe(5000);
  });

  it('stops reading once the extension context is gone', async () => {
    capture.stop();
    capture.handle(record(`{"code":0,"data":[{"id":"${ID}","amount":1}]}`));
    await settle();
    expect(sent).toEqual([]);
  });
});

describe('ApiCapture and the rows on screen', () => {
  it('an error answer after a list clears what the page is said to show (no false "JSON had orders" note)', async () => {
    capture.handle(record(`{"code":0,"data":[{"id":"${ID}","amount":1}]}`));
    await settle();
    expect(index.lastListSize).toBe(1);
    capture.handle(record('{"code":10008,"msg":"签名校验失败"}'));
    await settle();
    expect(index.lastListSize).toBe(0);
  });
});
