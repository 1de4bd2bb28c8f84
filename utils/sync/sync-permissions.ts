import { originPattern } from './sync-protocol';

/**
 * What team sync sends to the team's server, in Firefox's data-collection taxonomy: orders (amounts,
 * payments, refunds: financialAndPaymentInfo) and the consoles' masked buyer names and addresses and the
 * members' names (personallyIdentifyingInfo). Mozilla counts any data handled outside the browser, the
 * team's own server included, so the manifest lists these as optional and the click that turns sync on
 * asks for them with the server's origin.
 */
export const TEAM_SYNC_DATA_COLLECTION = ['financialAndPaymentInfo', 'personallyIdentifyingInfo'] as const;

/** Firefox's `permissions` object with `data_collection` (Firefox 140+), which Chrome's API does not accept. */
export interface SyncPermissions {
  origins: string[];
  data_collection?: string[];
}

/** The permissions team sync needs for `origin`: exactly that host, and on Firefox the data it sends there. */
export function syncPermissionsFor(origin: string, browserName: string = import.meta.env.BROWSER): SyncPermissions {
  return {
    origins: [originPattern(origin)],
    ...(browserName === 'firefox' ? { data_collection: [...TEAM_SYNC_DATA_COLLECTION] } : {}),
  };
}
