import { createContext, useContext, useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { handOffFirstPaint } from '@/components/popup/first-paint-handoff';
import type { OrderLensDatabase } from '@/utils/db/database';
import { findLostOrders, openDatabase, requestPersistentStorage } from '@/utils/db/open-database';
import { StorageError, classifyStorageError } from '@/utils/db/storage-errors';
import { lastKnownOrderCountItem, lastStorageErrorItem } from '@/utils/background/settings-items';
import { storageErrorMessage, type StorageErrorKind } from '@/utils/db/storage-errors';

const DatabaseContext = createContext<OrderLensDatabase | null>(null);

export function useDatabase(): OrderLensDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside <DatabaseGate>');
  return db;
}

/** Opens the local database once; shows a clear error instead of an empty page when it cannot. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [db, setDb] = useState<OrderLensDatabase | null>(null);
  const [error, setError] = useState<StorageError | null>(null);
  const [writeError, setWriteError] = useState<{ kind: string } | null>(null);
  const [blocked, setBlocked] = useState(false);
  // the popup's first figures give way to whatever is wrong (no-op on pages without a first paint)
  useLayoutEffect(() => {
    if (error || blocked || writeError) handOffFirstPaint();
  }, [error, blocked, writeError]);
  useEffect(() => {
    void lastStorageErrorItem.getValue().then(setWriteError);
    return lastStorageErrorItem.watch(setWriteError);
  }, []);
  useEffect(() => {
    let opened: OrderLensDatabase | undefined;
    void (async () => {
      try {
        const lastKnown = await lastKnownOrderCountItem.getValue();
        opened = await openDatabase(lastKnown, { onBlocked: () => setBlocked(true) });
        setBlocked(false);
        void requestPersistentStorage();
        setDb(opened);
        const lost = await new Promise<StorageError | null>((resolve) =>
          // read the count the background keeps now, not at open: a restore or 删除全部数据 may have changed it
          setTimeout(() => void lastKnownOrderCountItem.getValue().then((current) => findLostOrders(opened!, current)).then(resolve, () => resolve(null)), 500),
        );
        if (lost) setError(lost);
      } catch (failure) {
        setError(classifyStorageError(failure));
      }
    })();
    return () => opened?.close();
  }, []);
  if (error) {
    return (
      <div role="alert" data-storage-error={error.kind} className="storage-error">
        <strong>数据库错误 / Storage error</strong>
        <p>{error.message}</p>
      </div>
    );
  }
  if (!db) {
    return blocked ? (
      <div role="alert" data-storage-error="blocked" className="storage-error">
        {storageErrorMessage('blocked')}
      </div>
    ) : (
      <div aria-busy="true" className="loading">…</div>
    );
  }
  return (
    <DatabaseContext.Provider value={db}>
      {writeError && (
        <div role="alert" data-storage-error={writeError.kind} className="storage-error">
          {storageErrorMessage(writeError.kind as StorageErrorKind)}
        </div>
      )}
      {children}
    </DatabaseContext.Provider>
  );
}
