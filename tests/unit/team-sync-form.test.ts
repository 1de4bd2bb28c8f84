import { describe, expect, it } from 'vitest';
import { checkSyncForm, type SyncFormValues } from '@/components/sync/sync-form';
import { syncStateOf } from '@/components/sync/use-team-sync';
import { DISABLED_STATUS } from '@/utils/sync/sync-protocol';

const filled: SyncFormValues = { serverUrl: 'https://couch.example.com/', team: 'shop_a', user: 'wang', secret: 's3cret', memberName: '客服小王' };

describe('团队同步 form check', () => {
  it('accepts HTTPS and trims the URL to its origin-like form', () => {
    const check = checkSyncForm(filled);
    expect(check).toMatchObject({ ok: true, origin: 'https://couch.example.com', settings: { serverUrl: 'https://couch.example.com', team: 'shop_a' } });
  });
  it('refuses plain http except for this computer', () => {
    expect(checkSyncForm({ ...filled, serverUrl: 'http://couch.example.com' })).toMatchObject({ ok: false, problem: 'need-https' });
    expect(checkSyncForm({ ...filled, serverUrl: 'http://192.168.1.5:5984' })).toMatchObject({ ok: false, problem: 'need-https' });
    expect(checkSyncForm({ ...filled, serverUrl: 'http://127.0.0.1:5984' })).toMatchObject({ ok: true, origin: 'http://127.0.0.1:5984' });
    expect(checkSyncForm({ ...filled, serverUrl: 'http://localhost:5984' })).toMatchObject({ ok: true, origin: 'http://localhost:5984' });
  });
  it('says which fields are missing, and refuses URLs and team ids that cannot work', () => {
    const missing = checkSyncForm({ ...filled, user: ' ', secret: '' });
    expect(missing).toMatchObject({ ok: false, problem: 'missing' });
    expect(!missing.ok && missing.text).toMatch(/用户名|User name/);
    expect(checkSyncForm({ ...filled, serverUrl: 'couch.example.com' })).toMatchObject({ ok: false, problem: 'bad-url' });
    expect(checkSyncForm({ ...filled, serverUrl: 'ftp://couch.example.com' })).toMatchObject({ ok: false, problem: 'bad-url' });
    expect(checkSyncForm({ ...filled, team: 'Shop A' })).toMatchObject({ ok: false, problem: 'bad-team' });
  });
});

describe('sync state word', () => {
  it('off, connecting until a pass succeeded, error with a kind, ok (a running pass does not flicker it)', () => {
    expect(syncStateOf(null)).toBe('off');
    expect(syncStateOf(DISABLED_STATUS)).toBe('off');
    expect(syncStateOf({ ...DISABLED_STATUS, enabled: true })).toBe('connecting');
    expect(syncStateOf({ ...DISABLED_STATUS, enabled: true, lastOkAt: 1, running: true })).toBe('ok');
    expect(syncStateOf({ ...DISABLED_STATUS, enabled: true, lastOkAt: 1 })).toBe('ok');
    expect(syncStateOf({ ...DISABLED_STATUS, enabled: true, lastOkAt: 1, errorKind: 'unreachable' })).toBe('error');
  });
});
