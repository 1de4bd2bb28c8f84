import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleContentMessage } from '@/utils/background/handle-content-message';
import { lastStorageErrorItem, rejectedMessagesItem } from '@/utils/background/settings-items';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { captured } from './order-factory';

const EXTENSION_ID = 'orderlensextensionid';
const fromDouyinTab = { id: EXTENSION_ID, url: 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=all', tab: { id: 7 } };

let db: OrderLensDatabase;
let name: string;
let serial = 0;
const deps = () => ({ db, extensionId: EXTENSION_ID, now: () => 1_800_000_000_000 });

function captureMessage(overrides: Record<string, unknown> = {}) {
  return {
    type: 'orderlens/capture',
    v: 1,
    platform: 'douyin',
    pageKind: 'list',
    orders: [captured()],
    diagnostics: { platform: 'douyin', pageKind: 'list', layout: 'test', rowsSeen: 1, rowsParsed: 1, skipped: {}, strategies: { orderId: { 'data-attr': 1 } } },
    ...overrides,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  name = `handler-test-${serial++}`;
  db = createDatabase(name);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

describe('handleContentMessage', () => {
  it('stores a valid capture from a console tab and records parse health', async () => {
    const reply = await handleContentMessage(captureMessage(), fromDouyinTab, deps());
    expect(reply).toEqual({ ok: true, inserted: 1, updated: 0, unchanged: 0 });
    expect((await db.orders.get('douyin:4987654321098765432'))?.orderId).toBe('4987654321098765432');
    expect(await db.diagnostics.get('douyin:list:test')).toMatchObject({ pages: 1, rowsParsed: 1 });
  });

  it.each([
    ['foreign-extension', { ...fromDouyinTab, id: 'someone-else' }],
    ['not-a-tab', { ...fromDouyinTab, tab: undefined }],
    ['undeclared-origin', { ...fromDouyinTab, url: 'https://evil.example.com/ffa/morder/order/list' }],
    ['undeclared-origin', { ...fromDouyinTab, url: 'https://fxg.jinritemai.com.evil.example/ffa' }],
    ['no-origin', { ...fromDouyinTab, url: 'not a url' }],
  ])('rejects a sender: %s', async (reason, sender) => {
    const reply = await handleContentMessage(captureMessage(), sender, deps());
    expect(reply).toEqual({ ok: false, error: reason });
    expect(await db.orders.count()).toBe(0);
    expect((await rejectedMessagesItem.getValue())[reason]).toBe(1);
  });

  it.each([
    ['a numeric order id', captureMessage({ orders: [{ ...captured(), orderId: 4987654321098765432 }] })],
    ['an unknown type', { ...captureMessage(), type: 'orderlens/drop-table' }],
    ['a wrong version', captureMessage({ v: 2 })],
    ['a float amount', captureMessage({ orders: [{ ...captured(), amountCents: 12.5 }] })],
    ['markup-sized title', captureMessage({ orders: [{ ...captured(), items: [{ title: 'x'.repeat(301) }] }] })],
    ['too many orders', captureMessage({ orders: Array.from({ length: 2001 }, () => captured()) })],
    ['not an object', 'hello'],
    ['null', null],
  ])('rejects a message with %s and writes nothing', async (_case, message) => {
    const reply = await handleContentMessage(message, fromDouyinTab, deps());
    expect(reply).toEqual({ ok: false, error: 'invalid-shape' });
    expect(await db.orders.count()).toBe(0);
  });

  it('rejects an oversized payload before parsing it', async () => {
    const huge = captureMessage({ padding: 'x'.repeat(4_000_001) });
    expect(await handleContentMessage(huge, fromDouyinTab, deps())).toEqual({ ok: false, error: 'oversized' });
  });

  it('rejects captures claiming another platform than the sending console', async () => {
    const asJd = captureMessage({ platform: 'jd', orders: [captured({ platform: 'jd', orderId: '242825972327' })] });
    expect(await handleContentMessage(asJd, fromDouyinTab, deps())).toEqual({ ok: false, error: 'platform-mismatch' });
    const smuggled = captureMessage({ orders: [captured(), captured({ platform: 'jd', orderId: '242825972327' })] });
    expect(await handleContentMessage(smuggled, fromDouyinTab, deps())).toEqual({ ok: false, error: 'platform-mismatch' });
    expect(await db.orders.count()).toBe(0);
  });

  it('answers row state only for the requested orders of the sender platform', async () => {
    await upsertOrders(db, [
      captured({ shipments: [{ waybillNo: 'SF1234567890123', carrierName: '顺丰速运', events: [] }] }),
      captured({ orderId: '4987654321098765433' }),
      captured({ platform: 'jd', orderId: '4987654321098765432' }),
    ]);
    await db.reminders.add({ orderKey: 'douyin:4987654321098765432', at: 1_800_000_000_000, channel: 'feige', template: 'zh' });
    const reply = await handleContentMessage(
      { type: 'orderlens/row-state', v: 1, platform: 'douyin', orderIds: ['4987654321098765432'] },
      fromDouyinTab,
      deps(),
    );
    expect(reply).toEqual({
      ok: true,
      states: {
        '4987654321098765432': {
          status: 'unpaid',
          statusText: '待支付',
          // no printed deadline: created + 抖店's default 30-minute window, marked estimated
          payDeadline: { at: Date.UTC(2026, 4, 12, 16, 22, 32) + 1_800_000, estimated: true },
          waybills: [{ waybillNo: 'SF1234567890123', carrierName: '顺丰速运', events: [] }],
          exception: null,
          reminders: 1,
          lastReminderAt: 1_800_000_000_000,
        },
      },
    });
    const asJd = await handleContentMessage(
      { type: 'orderlens/row-state', v: 1, platform: 'jd', orderIds: ['4987654321098765432'] },
      fromDouyinTab,
      deps(),
    );
    expect(asJd).toEqual({ ok: false, error: 'platform-mismatch' });
  });

  it('reports a full disk as a storage error the popup shows, and clears it after a good write', async () => {
    const quota = () => {
      throw Object.assign(new Error('aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    };
    db.orders.hook('creating', quota);
    expect(await handleContentMessage(captureMessage(), fromDouyinTab, deps())).toEqual({ ok: false, error: 'quota', retry: true, message: expect.stringContaining('磁盘空间不足') });
    expect(await lastStorageErrorItem.getValue()).toMatchObject({ kind: 'quota' });
    db.orders.hook('creating').unsubscribe(quota);
    expect(await handleContentMessage(captureMessage(), fromDouyinTab, deps())).toMatchObject({ ok: true, inserted: 1 });
    expect(await lastStorageErrorItem.getValue()).toBeNull();
  });

  it('counts a capture sent again with the same captureId once: orders, rollups and parse health unchanged', async () => {
    const message = captureMessage({ captureId: 'page-1-capture-1' });
    expect(await handleContentMessage(message, fromDouyinTab, deps())).toMatchObject({ ok: true, inserted: 1 });
    const rollups = await db.rollups.toArray();
    const order = await db.orders.get('douyin:4987654321098765432');
    // the answer was lost with a stopped worker: the page's queue sends the very same capture again
    expect(await handleContentMessage(message, fromDouyinTab, deps())).toMatchObject({ ok: true, inserted: 0, unchanged: 1 });
    expect(await db.rollups.toArray()).toEqual(rollups);
    expect(await db.orders.get('douyin:4987654321098765432')).toEqual(order);
    expect(await db.diagnostics.get('douyin:list:test')).toMatchObject({ pages: 1, rowsSeen: 1, rowsParsed: 1 });
    // a new read of the same page is a new capture: parse health counts it
    await handleContentMessage(captureMessage({ captureId: 'page-1-capture-2' }), fromDouyinTab, deps());
    expect(await db.diagnostics.get('douyin:list:test')).toMatchObject({ pages: 2, rowsSeen: 2 });
  });
});
