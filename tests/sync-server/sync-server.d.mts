// Types of sync-server.mjs (the CouchDB-compatible test server of the team-sync tests).
export declare const TEST_ADMIN: { name: string; password: string };

export interface SyncServerRequest {
  method: string;
  path: string;
  /** The Basic-auth user name, or null. */
  user: string | null;
  at: number;
}

export interface SyncServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  admin: { name: string; password: string };
  /** Every request seen (method, path, Basic user). */
  requests: SyncServerRequest[];
  addUser(name: string, password: string, roles?: string[]): Promise<void>;
  removeUser(name: string): Promise<void>;
  /** Creates `db` with these `_security.members.names` (none: admin-only). */
  createDb(db: string, members?: string[]): Promise<void>;
  setMembers(db: string, names: string[]): Promise<void>;
  /** `_bulk_docs` as the admin; creates `db` when missing. */
  seed(db: string, docs: readonly object[]): Promise<unknown[]>;
  allDocs(db: string): Promise<Record<string, any>[]>;
  getDoc(db: string, id: string): Promise<Record<string, any> | undefined>;
  putDoc(db: string, doc: { _id: string }): Promise<any>;
  /** Databases other than system ones. */
  listDbs(): Promise<string[]>;
  call(method: string, path: string, body?: unknown, authorization?: string): Promise<any>;
  setDelay(ms: number): void;
  failWith(status: number | null): void;
  /** Closes the port, drops connections; data kept. */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  goOnline(): Promise<void>;
  readonly online: boolean;
  stop(): Promise<void>;
}

export declare function startSyncServer(options?: {
  /** name → password */
  users?: Record<string, string>;
  /** database → member names */
  dbs?: Record<string, string[]>;
  port?: number;
  /** path → static page served on the server's origin */
  pages?: Record<string, { contentType: string; body: string }>;
}): Promise<SyncServer>;
