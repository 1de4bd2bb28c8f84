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
