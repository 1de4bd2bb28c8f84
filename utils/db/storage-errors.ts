import Dexie from 'dexie';

export type StorageErrorKind = 'quota' | 'open-failed' | 'version' | 'vanished' | 'blocked' | 'unknown';

/** A storage failure the UI can explain to the seller (never a silent empty database). */
export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    readonly causeName?: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const MESSAGES: Record<StorageErrorKind, string> = {
  quota: '磁盘空间不足，订单未能保存。请清理磁盘或导出后删除旧数据。 / Disk full: orders were not saved.',
  'open-failed': '本地订单数据库无法打开（可能已损坏或被浏览器锁定）。请重启浏览器；若仍失败，请从备份恢复。 / The local order database could not be opened.',
  version: '扩展已更新，请重新打开此页面。 / OrderLens was updated: reopen this page.',
  vanished: '本地订单数据库比上次记录的少了很多订单，可能被浏览器清除。请从备份恢复。 / Orders stored earlier are missing.',
  blocked: '数据库升级在等待：另一个旧的 OrderLens 页面还开着数据库。请关闭其他 OrderLens 标签页（仪表盘），升级会自动继续，数据不会丢。 / A database upgrade is waiting for an older OrderLens tab to close: close other OrderLens tabs; it then continues by itself, no data is lost.',
  unknown: '保存订单时出错。 / Saving orders failed.',
};

export function storageErrorMessage(kind: StorageErrorKind): string {
  return MESSAGES[kind];
}

/** Classifies a Dexie/IndexedDB failure. QuotaExceededError may hide inside an AbortError (Dexie docs). */
export function classifyStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const names = errorNames(error);
  const kind: StorageErrorKind = names.includes('QuotaExceededError')
    ? 'quota'
    : names.some((name) => name === 'VersionError' || name === 'VersionChangeError' || name === 'DatabaseClosedError')
      ? 'version'
      : names.some((name) => name === 'OpenFailedError' || name === 'UnknownError' || name === 'InvalidStateError')
        ? 'open-failed'
        : 'unknown';
  return new StorageError(kind, MESSAGES[kind], names[0]);
}

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const named = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof named.name === 'string') names.push(named.name);
    current = named.inner ?? named.cause;
  }
  if (error instanceof Dexie.DexieError && error.inner) names.push((error.inner as Error).name);
  return names;
}
