import { describe, expect, it } from 'vitest';
import { isFromExtensionPage } from '@/utils/background/sync-setup';
import { classifyError, SyncError } from '@/utils/sync/remote';
import { StorageError } from '@/utils/db/storage-errors';
import { allowedServerOrigin, isSyncMessage, originPattern } from '@/utils/sync/sync-protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('team sync messages are taken from extension pages only', () => {
  it('accepts the dashboard in a tab and the popup', () => {
    expect(isFromExtensionPage({ id: ID, url: `${ORIGIN}dashboard.html#team`, tab: { id: 4 } }, ID, ORIGIN)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(true);
  });
  it('refuses a content script (a console page url), another extension, no url', () => {
    expect(isFromExtensionPage({ id: ID, url: 'https://fxg.jinritemai.com/ffa/morder/order/list', tab: { id: 4 } }, ID, ORIGIN)).toBe(false);
    expect(isFromExtensionPage({ id: 'other', url: `chrome-extension://other/dashboard.html` }, ID, ORIGIN)).toBe(false);
    expect(isFromExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
  });
  it('knows its messages', () => {
    expect(isSyncMessage({ type: 'orderlens-sync/run' })).toBe(true);
    expect(isSyncMessage({ type: 'orderlens/remind' })).toBe(false);
    expect(isSyncMessage(null)).toBe(false);
  });
});

describe('server origins and errors', () => {
  it('requires https except on this computer', () => {
    expect(allowedServerOrigin('https://couch.example.com/path')).toBe('https://couch.example.com');
    expect(allowedServerOrigin('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
    expect(allowedServerOrigin('http://localhost:5984/')).toBe('http://localhost:5984');
    expect(allowedServerOrigin('http://couch.example.com')).toBeNull();
    expect(allowedServerOrigin('ftp://x')).toBeNull();
    expect(allowedServerOrigin('not a url')).toBeNull();
    expect(originPattern('http://127.0.0.1:5984')).toBe('http://127.0.0.1/*');
  });
  it('words every failure as a kind', () => {
    expect(classifyError(new TypeError('Failed to fetch'))).toBe('unreachable');
    expect(classifyError(Object.assign(new Error('x'), { status: 401 }))).toBe('unauthorized');
    expect(classifyError(Object.assign(new Error('x'), { status: 403 }))).toBe('forbidden');
    expect(classifyError(Object.assign(new Error('x'), { status: 404 }))).toBe('missing');
    expect(classifyError(Object.assign(new Error('x'), { status: 503 }))).toBe('server');
    expect(classifyError(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(classifyError(new StorageError('quota', '空间不足'))).toBe('quota');
    expect(classifyError(new SyncError('permission'))).toBe('permission');
  });
});

describe('the console row’s 催付 with sync on', () => {
  it('goes through the team claim; with sync off (null) it reminds locally as before', async () => {
    const { handleContentMessage } = await import('@/utils/background/handle-content-message');
    const { createDatabase } = await import('@/utils/db/database');
    const { upsertOrders } = await import('@/utils/db/upsert-orders');
    const { captured } = await import('./order-factory');
    const db = createDatabase(`sync-bg-${Math.random()}`);
    const now = Date.UTC(2026, 4, 12, 17);
    await upsertOrders(db, [captured({ createdAt: now - 60_000 })], now);
    const sender = { id: ID, url: 'https://fxg.jinritemai.com/ffa/morder/order/list?tab=all', tab: { id: 7 } };
    const message = { type: 'orderlens/remind', v: 1, platform: 'douyin', orderId: '4987654321098765432' };
    const calls: string[] = [];
    const claimed = await handleContentMessage(message, sender, {
      db,
      extensionId: ID,
      now: () => now,
      teamRemind: async (platform, orderId) => {
        calls.push(`${platform}:${orderId}`);
        return { ok: false, reason: 'claimed', by: '小王', at: now - 1000 };
      },
    });
    expect(claimed).toEqual({ ok: false, reason: 'claimed', by: '小王', at: now - 1000 });
    expect(calls).toEqual(['douyin:4987654321098765432']);
    expect(await db.reminders.count()).toBe(0);
    const local = await handleContentMessage(message, sender, { db, extensionId: ID, now: () => now, teamRemind: async () => null });
    expect(local).toMatchObject({ ok: true, at: now });
    expect(await db.reminders.count()).toBe(1);
  });
});
