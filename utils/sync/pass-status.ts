// The status a pass ends with: each shop database's state, what is left to push, the 重复催付 found, and the
// words for a shop this member may not read or a pass that failed.
import type { OrderLensDatabase } from '../db/database';
import { countOwnChanges } from './push-own-changes';
import { classifyError } from './remote';
import { AbortedError } from './sync-context';
import { SYNC_ERROR_TEXTS, type ShopSyncStatus, type SyncErrorKind, type TeamSyncStatus } from './sync-protocol';
import type { SyncStore } from './sync-store';

export async function finishStatus(db: OrderLensDatabase, store: SyncStore, status: TeamSyncStatus): Promise<TeamSyncStatus> {
  const rows = await store.applied.toArray();
  const shops: ShopSyncStatus[] = rows.map((row) => ({
    db: row.db,
    platform: row.platform ?? '',
    shop: row.shop ?? '',
    state: row.state ?? 'pending',
    ...(row.lastSyncAt ? { lastSyncAt: row.lastSyncAt } : {}),
  }));
  const unpushed = rows.reduce((sum, row) => sum + (row.unpushed ?? 0), 0);
  const pendingOrders = await countOwnChanges(db, store);
  const duplicates = (await store.duplicates.toArray()).map(({ platform, orderId, by }) => ({ platform, orderId, by }));
  return { ...status, shops, pending: unpushed + pendingOrders + (await store.claims.count()), duplicates };
}

/** A pass that went through: the shops whose database refused this member, named (the others synced). */
export function withForbiddenShops(status: TeamSyncStatus): TeamSyncStatus {
  const forbidden = status.shops.filter((shop) => shop.state === 'forbidden');
  if (forbidden.length === 0) return status;
  return {
    ...status,
    errorKind: 'forbidden',
    errorText: `${SYNC_ERROR_TEXTS.forbidden}：${forbidden.map((shop) => shop.shop).join('、')}（其他店铺正常同步）`,
  };
}

/** A pass that stopped: its error's kind and words (an aborted pass is taken up by the next one). */
export function passError(error: unknown): { errorKind: SyncErrorKind; errorText: string } {
  const kind: SyncErrorKind = error instanceof AbortedError ? 'unreachable' : classifyError(error);
  const detail = error instanceof AbortedError ? '同步被中断，下次继续' : kind === 'missing' ? undefined : (error as Error)?.message;
  return {
    errorKind: kind,
    errorText: detail && detail !== SYNC_ERROR_TEXTS[kind] && kind !== 'unauthorized' ? `${SYNC_ERROR_TEXTS[kind]}（${detail.replace(/^.*?（|）$/g, '')}）` : SYNC_ERROR_TEXTS[kind],
  };
}
