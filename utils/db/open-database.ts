import { createDatabase, type OrderLensDatabase } from './database';
import { StorageError, classifyStorageError, storageErrorMessage } from './storage-errors';

/** A count this much below the last known count means the browser lost the database. */
const VANISHED_RATIO = 0.5;

/**
 * A newer OrderLens wants to upgrade the schema from another context: this connection closes at once (an
 * open connection would block the upgrade) and the page reloads into the new code. Committed data is in
 * IndexedDB; nothing is lost by closing.
 */
export function yieldToNewerSchema(db: OrderLensDatabase, onReplaced: () => void = () => location.reload()): void {
  db.on('versionchange', () => {
    db.close();
    onReplaced();
    return false;
  });
}

/**
 * Opens the database for an extension page. Fails loudly (StorageError) when IndexedDB cannot be opened or
 * when most of the orders counted at the last write are gone, instead of showing an empty shop. While an
 * older page that does not yield holds the database at a lower version, the upgrade waits: `onBlocked`.
 */
export async function openDatabase(lastKnownCount: number, options: { onBlocked?: () => void; name?: string } = {}): Promise<OrderLensDatabase> {
  const db = createDatabase(options.name);
  if (options.onBlocked) db.on('blocked', options.onBlocked);
  try {
    await db.open();
  } catch (error) {
    throw classifyStorageError(error);
  }
  yieldToNewerSchema(db);
  // O(1): a wiped database has no first key. The full count (partial loss) runs after the first paint.
  if (lastKnownCount > 0 && (await db.orders.toCollection().firstKey()) === undefined) {
    throw new StorageError('vanished', storageErrorMessage('vanished'));
  }
  return db;
}

/** Most of the orders counted at the last write are gone (counting 100k orders costs ~150 ms: run it late). */
export async function findLostOrders(db: OrderLensDatabase, lastKnownCount: number): Promise<StorageError | null> {
  if (lastKnownCount <= 0) return null;
  const count = await db.orders.count();
  return count < lastKnownCount * VANISHED_RATIO ? new StorageError('vanished', storageErrorMessage('vanished')) : null;
}

/** Asks the browser not to evict our storage under pressure (on top of `unlimitedStorage`). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
