// What SyncEngine hands the steps of a pass and a claimed 催付: sync on with its configuration, the stores,
// this device's local PouchDB copies and the clock.
import type { PouchDatabase, PouchStatic } from './pouch';
import type { RemoteContext } from './remote';
import type { SyncEngineDeps } from './sync-engine-deps';
import type { SyncConfigRow, SyncStore } from './sync-store';

export interface ActiveConfig {
  config: SyncConfigRow;
  origin: string;
  remote: RemoteContext;
  /** The team database's name. */
  team: string;
}

export interface SyncContext {
  deps: SyncEngineDeps;
  active: ActiveConfig;
  store: SyncStore;
  /** The local copy of a server database (one PouchDB instance per name, kept by the engine). */
  local: (db: string) => PouchDatabase;
  pouch: () => PouchStatic;
  now: () => number;
}

export interface PassOptions {
  /** Aborting stops the pass where it is (replication cancelled); the next pass resumes. */
  signal?: AbortSignal;
}

export class AbortedError extends Error {
  constructor() {
    super('sync pass aborted');
    this.name = 'AbortError';
  }
}

export function throwIfAborted(options: PassOptions): void {
  if (options.signal?.aborted) throw new AbortedError();
}
