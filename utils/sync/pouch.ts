// PouchDB for team sync: core + IndexedDB adapter (local copies) + HTTP adapter (the team's CouchDB, over
// fetch: works in the MV3 service worker) + replication. No map/reduce, no find: replication only. Imported
// by the background (and tests) only, never by content scripts.
import PouchDB from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';

export type PouchStatic = typeof PouchDB;
export type PouchDatabase = InstanceType<typeof PouchDB>;

let configured: PouchStatic | undefined;

export function syncPouchDB(): PouchStatic {
  if (configured) return configured;
  // plugin() changes the one PouchDB class; in a test process the in-process server shares it (and may have
  // added replication already, which cannot be added twice).
  const adapters = (PouchDB as unknown as { adapters: Record<string, unknown> }).adapters;
  if (!adapters.idb) PouchDB.plugin(IdbAdapter);
  if (!adapters.http) PouchDB.plugin(HttpAdapter);
  if (!(PouchDB.prototype as unknown as { replicate?: unknown }).replicate) PouchDB.plugin(Replication);
  configured = PouchDB;
  return configured;
}
