import { storage } from '#imports';

/** Messages the background refused, by reason (shown in the dashboard's parse-health view). */
export const rejectedMessagesItem = storage.defineItem<Record<string, number>>('local:rejectedMessages', {
  fallback: {},
});

/**
 * How many orders the database held after the last write. Kept outside IndexedDB so that a database the
 * browser wiped is noticed instead of showing as an empty shop.
 */
export const lastKnownOrderCountItem = storage.defineItem<number>('local:lastKnownOrderCount', { fallback: 0 });

/** The last storage failure of the background (quota, open failure), until a write succeeds again. */
export const lastStorageErrorItem = storage.defineItem<{ kind: string; at: number } | null>('local:lastStorageError', {
  fallback: null,
});
