// What SyncEngine is given: the order store, where its status lives, the 催付 settings, and (tests, the bench)
// replacements for the sync store, PouchDB, fetch and the clock.
import type { OrderLensDatabase } from '../db/database';
import type { RemindSettings } from '../remind/remind-settings';
import type { PouchStatic } from './pouch';
import type { FetchLike } from './remote';
import type { TeamSyncStatus } from './sync-protocol';
import type { SyncStore } from './sync-store';

export interface SyncEngineDeps {
  db: OrderLensDatabase;
  readStatus: () => Promise<TeamSyncStatus>;
  writeStatus: (status: TeamSyncStatus) => Promise<void>;
  remindSettings: () => Promise<RemindSettings>;
  openStore?: () => SyncStore;
  pouchDB?: () => PouchStatic;
  fetch?: FetchLike;
  now?: () => number;
  /** Whether the browser granted the host permission for the server's origin. */
  hasPermission?: (origin: string) => Promise<boolean>;
  /** Local PouchDB name prefix (tests: two devices in one process). */
  localPrefix?: string;
  /** Documents per replication batch. */
  batchSize?: number;
  /** Incoming documents merged per Dexie transaction. */
  applyBatch?: number;
  /** ms a claim may take before the reminder goes ahead uncoordinated. */
  claimTimeoutMs?: number;
}
