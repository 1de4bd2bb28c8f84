// A CouchDB-compatible server for the team-sync tests (issue 16), started in-process on 127.0.0.1, port 0.
//
// express-pouchdb 4.2 in fullCouchDB mode over PouchDB 9 with the memory adapter: the CouchDB replication
// protocol (_changes, _revs_diff, _bulk_docs, _bulk_get, _local checkpoints), `_users` with Basic and cookie
// auth (pouchdb-auth), `_config/admins`, and `_security` (pouchdb-security: members may read and write,
// others are refused). One approximation in front of it: express-pouchdb answers an authenticated
// non-member with 401, where CouchDB 3 answers 403 {"error":"forbidden"}; the wrapper below rewrites that
// answer to CouchDB's. What it cannot prove about Apache CouchDB: see README "团队同步 / Team sync".
//
// Plain ESM so Playwright's loader, vitest and the bench (plain node) all import it.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Admin of every test server (CouchDB 3 needs one; tests use it to set up users and `_security`). */
export const TEST_ADMIN = { name: 'admin', password: 'admin-secret' };

let serverCount = 0;

function makePouch() {
  // A PouchDB class of its own per server: express-pouchdb's plugins (auth, security, validation wrappers)
  // change the class and the databases it opens, and an engine under test in the same process (vitest) uses
  // pouchdb-core too. A fresh module instance keeps them apart; the cached one is put back for everyone else.
  const id = require.resolve('pouchdb-core');
  const cached = require.cache[id];
  delete require.cache[id];
  let PouchDB;
  try {
    PouchDB = require('pouchdb-core');
  } finally {
    if (cached) require.cache[id] = cached;
    else delete require.cache[id];
  }
  PouchDB.plugin(require('pouchdb-adapter-memory')).plugin(require('pouchdb-adapter-http')).plugin(require('pouchdb-replication'));
  // memdown keeps one global store per name: a prefix per server.
  serverCount += 1;
  return PouchDB.defaults({ adapter: 'memory', prefix: `orderlens-test-server-${process.pid}-${serverCount}-` });
}

function basic(name, password) {
  return 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');
}

/**
 * @param {{ users?: Record<string, string>, dbs?: Record<string, string[]>, port?: number, pages?: Record<string, { contentType: string, body: string }> }} [options]
 *   users: name → password; dbs: database name → member names (created with that `_security.members`);
 *   pages: path → a static page served on the server's origin (the sync bench's page).
 */
export async function startSyncServer(options = {}) {
  const expressPouchDB = require('express-pouchdb');
  const PouchDB = makePouch();
  const dir = mkdtempSync(join(tmpdir(), 'orderlens-sync-server-'));
  const app = expressPouchDB(PouchDB, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: join(dir, 'log.txt'),
    // No Fauxton UI; no gzip (the 401 → 403 rewrite below reads the plain body).
    overrideMode: { exclude: ['routes/fauxton', 'compression'] },
  });

  /** Every request seen: method, path, user (from Basic auth, else null). */
  const requests = [];
  let delayMs = 0;
  let failWith = null;

  /** Extra static pages served on the server's own origin (benchmarks run a page there: same origin). */
  const pages = new Map(Object.entries(options.pages ?? {}));

  const handler = (req, res) => {
    const page = pages.get(req.url ?? '');
    if (page) {
      res.writeHead(200, { 'content-type': page.contentType, 'cache-control': 'no-store' });
      res.end(page.body);
      return;
    }
    const auth = req.headers.authorization;
    let user = null;
    if (auth?.startsWith('Basic ')) user = Buffer.from(auth.slice(6), 'base64').toString().split(':')[0];
    requests.push({ method: req.method, path: req.url, user, at: Date.now() });
    if (failWith) {
      res.writeHead(failWith, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'server_error', reason: 'injected by the test' }));
      return;
    }
    // CouchDB 3: an authenticated user who is not a member gets 403 forbidden, not 401.
    const hasCredentials = Boolean(auth) || /AuthSession=/.test(req.headers.cookie ?? '');
    const write = res.write;
    const end = res.end;
    const isNotMember = (chunk) => chunk != null && /You are not authorized to access this db/.test(String(chunk));
    const fix = (chunk) => {
      if (res.statusCode === 401 && hasCredentials && isNotMember(chunk)) {
        res.statusCode = 403;
        return JSON.stringify({ error: 'forbidden', reason: 'You are not allowed to access this db.' }) + '\n';
      }
      return chunk;
    };
    res.write = function (chunk, ...rest) {
      return write.call(this, fix(chunk), ...rest);
    };
    res.end = function (chunk, ...rest) {
      if (typeof chunk === 'function') return end.call(this, chunk, ...rest);
      const fixed = fix(chunk);
      if (fixed !== chunk && !res.headersSent) res.setHeader('content-length', Buffer.byteLength(fixed));
      return end.call(this, fixed, ...rest);
    };
    if (delayMs > 0) setTimeout(() => app(req, res), delayMs);
    else app(req, res);
  };

  const server = http.createServer(handler);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  let port = options.port ?? 0;
  const listen = () =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = server.address().port;
        resolve();
      });
    });
  await listen();
  let online = true;
  const url = `http://127.0.0.1:${port}`;
  const adminAuth = basic(TEST_ADMIN.name, TEST_ADMIN.password);

  async function call(method, path, body, authorization = adminAuth) {
    const response = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    if (!response.ok && !(method === 'PUT' && response.status === 412)) {
      throw new Error(`${method} ${path} → ${response.status} ${text}`);
    }
    return json;
  }

  // The admin (no admin party, as CouchDB 3).
  await fetch(`${url}/_config/admins/${TEST_ADMIN.name}`, { method: 'PUT', body: JSON.stringify(TEST_ADMIN.password) });

  async function addUser(name, password, roles = []) {
    const id = `org.couchdb.user:${name}`;
    let rev;
    try {
      rev = (await call('GET', `/_users/${encodeURIComponent(id)}`))._rev;
    } catch {
      rev = undefined;
    }
    await call('PUT', `/_users/${encodeURIComponent(id)}`, { _id: id, ...(rev ? { _rev: rev } : {}), name, password, roles, type: 'user' });
  }

  async function removeUser(name) {
    const id = `org.couchdb.user:${name}`;
    const doc = await call('GET', `/_users/${encodeURIComponent(id)}`);
    await call('DELETE', `/_users/${encodeURIComponent(id)}?rev=${doc._rev}`);
  }

  async function createDb(db, members = []) {
    await call('PUT', `/${encodeURIComponent(db)}`);
    await setMembers(db, members);
  }

  /** `_security.members.names` of `db` (an empty list makes it admin-only here, as CouchDB 3's default). */
  async function setMembers(db, names) {
    await call('PUT', `/${encodeURIComponent(db)}/_security`, {
      admins: { names: [], roles: ['_admin'] },
      // CouchDB: empty members = public. Both servers are kept admin-only by a role nobody has.
      members: { names, roles: names.length === 0 ? ['_admin'] : [] },
    });
  }

  /** Writes `docs` into `db` as the admin (`_bulk_docs`), creating it when missing. */
  async function seed(db, docs) {
    const existing = await fetch(`${url}/${encodeURIComponent(db)}`, { headers: { authorization: adminAuth } });
    if (existing.status === 404) await call('PUT', `/${encodeURIComponent(db)}`);
    const results = [];
    for (let index = 0; index < docs.length; index += 5000) {
      results.push(...(await call('POST', `/${encodeURIComponent(db)}/_bulk_docs`, { docs: docs.slice(index, index + 5000) })));
    }
    return results;
  }

  /** Every (non-design) document of `db`, read as the admin. */
  async function allDocs(db) {
    const result = await call('GET', `/${encodeURIComponent(db)}/_all_docs?include_docs=true`);
    return result.rows.map((row) => row.doc).filter((doc) => !doc._id.startsWith('_design/'));
  }

  async function getDoc(db, id) {
    const response = await fetch(`${url}/${encodeURIComponent(db)}/${encodeURIComponent(id)}`, { headers: { authorization: adminAuth } });
    return response.status === 404 ? undefined : response.json();
  }

  async function putDoc(db, doc) {
    return call('PUT', `/${encodeURIComponent(db)}/${encodeURIComponent(doc._id)}`, doc);
  }

  async function listDbs() {
    return (await call('GET', '/_all_dbs')).filter((name) => !name.startsWith('_') && !name.startsWith('pouch__'));
  }

  for (const [name, password] of Object.entries(options.users ?? {})) await addUser(name, password);
  for (const [db, members] of Object.entries(options.dbs ?? {})) await createDb(db, members);

  function closeListener() {
    return new Promise((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  }

  return {
    url,
    port,
    admin: TEST_ADMIN,
    requests,
    addUser,
    removeUser,
    createDb,
    setMembers,
    seed,
    allDocs,
    getDoc,
    putDoc,
    listDbs,
    /** Raw request as the admin: `call('GET', '/db/_security')`. */
    call,
    /** Every later request waits `ms` before it is handled (0: none). */
    setDelay(ms) {
      delayMs = ms;
    },
    /** Every later request is answered with this HTTP status (e.g. 500), or normally again with null. */
    failWith(status) {
      failWith = status;
    },
    /** Closes the port and drops open connections; data and users are kept. */
    async goOffline() {
      if (!online) return;
      online = false;
      await closeListener();
    },
    /** Listens again on the same port. */
    async goOnline() {
      if (online) return;
      await listen();
      online = true;
    },
    get online() {
      return online;
    },
    /** Shuts the server down for good. */
    async stop() {
      if (online) await closeListener();
      online = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
