// The small part of PouchDB 9's API the team sync uses. (@types/pouchdb-* are for PouchDB 7 and add
// `/// <reference lib="dom" />` to the whole project, which breaks Node typings elsewhere.)
declare module 'pouchdb-core' {
  namespace PouchDB {
    interface Database<T = any> {
      info(): Promise<{ doc_count: number; update_seq: number | string; [key: string]: unknown }>;
      allDocs(options?: { keys?: string[]; include_docs?: boolean; startkey?: string; endkey?: string; limit?: number }): Promise<{
        total_rows: number;
        rows: { id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: T & { _id: string; _rev: string }; error?: string }[];
      }>;
      bulkDocs(docs: (T & { _id: string; _rev?: string })[]): Promise<({ ok: true; id: string; rev: string } | { error: string; id: string; status?: number })[]>;
      get(id: string): Promise<T & { _id: string; _rev: string }>;
      put(doc: T & { _id: string; _rev?: string }): Promise<{ ok: true; id: string; rev: string }>;
      changes(options: { since?: number | string; include_docs?: boolean; limit?: number; return_docs?: boolean }): Promise<{
        results: { id: string; seq: number | string; deleted?: boolean; doc?: T & { _id: string; _rev: string } }[];
        last_seq: number | string;
      }>;
      destroy(): Promise<unknown>;
      close(): Promise<void>;
    }
    interface Replication extends PromiseLike<any> {
      on(event: string, listener: (info: any) => void): this;
      cancel(): void;
    }
    interface Static {
      new <T = any>(name: string, options?: Record<string, unknown>): Database<T>;
      plugin(plugin: unknown): Static;
      defaults(options: Record<string, unknown>): Static;
      replicate(source: Database | string, target: Database | string, options?: Record<string, unknown>): Replication;
    }
  }
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
