// The permissions the click that turns team sync on asks for: exactly the server's host, and on Firefox the
// data-collection types the manifest lists as optional (Chrome's permissions API rejects that key).
import { describe, expect, it } from 'vitest';
import { syncPermissionsFor, TEAM_SYNC_DATA_COLLECTION } from '@/utils/sync/sync-permissions';

describe('syncPermissionsFor', () => {
  it('Chrome: the server host only, no data_collection key', () => {
    expect(syncPermissionsFor('https://sync.example.cn:6984', 'chrome')).toEqual({ origins: ['https://sync.example.cn/*'] });
  });
  it('Firefox: the server host and what sync sends there', () => {
    expect(syncPermissionsFor('http://localhost:5984', 'firefox')).toEqual({
      origins: ['http://localhost/*'],
      data_collection: ['financialAndPaymentInfo', 'personallyIdentifyingInfo'],
    });
    expect(TEAM_SYNC_DATA_COLLECTION).toEqual(['financialAndPaymentInfo', 'personallyIdentifyingInfo']);
  });
});
