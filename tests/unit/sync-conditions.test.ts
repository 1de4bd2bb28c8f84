// Team sync under bad conditions: wrong credentials, a stopped server, revoked access to one shop, a pass
// aborted halfway, and sync off (no request at all).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSyncServer, type SyncServer } from '../sync-server/sync-server.mjs';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { checkRollups } from '@/utils/db/check-rollups';
import { shopDbName, shopHashOf } from '@/utils/sync/sync-protocol';
import { capId } from '@/utils/sync/team-docs';
import { captured } from './order-factory';
import { makeDevice, TEAM_DB } from './sync-helpers';

let server: SyncServer;
let shop1: string;
let shop2: string;
const T = Date.UTC(2026, 4, 13, 2);

beforeEach(async () => {
  shop1 = shopDbName('acme', 'douyin', await shopHashOf('一号店'));
  shop2 = shopDbName('acme', 'douyin', await shopHashOf('二号店'));
  server = await startSyncServer({
    users: { alice: 'pw-a', bob: 'pw-b' },
    dbs: { [TEAM_DB]: ['alice', 'bob'], [shop1]: ['alice', 'bob'], [shop2]: ['alice', 'bob'] },
  });
});
afterEach(async () => {
  await server.stop();
});

function orders(shop: string, from: number, count: number) {
  return Array.from({ length: count }, (_, index) => captured({ orderId: String(2000000000000000000n + BigInt(from + index)), shop }));
}

describe('enable', () => {
  it('refuses a wrong password as unauthorized and stores nothing', async () => {
    const a = makeDevice('a');
    const answer = await a.engine.enable(a.settings(server.url, 'alice'), 'wrong');
    expect(answer).toMatchObject({ ok: false, errorKind: 'unauthorized', errorText: '用户名或密码错误' });
    expect(a.status().enabled).toBe(false);
    expect(await a.store.config.get('config')).toBeUndefined();
  });

  it('refuses http:// to another host, a team without database, a stopped server', async () => {
    const a = makeDevice('a');
    expect(await a.engine.enable({ serverUrl: 'http://couch.example.com', team: 'acme', user: 'alice', memberName: 'A' }, 'pw-a')).toMatchObject({ ok: false, errorKind: 'invalid' });
    expect(await a.engine.enable({ ...a.settings(server.url, 'alice'), team: 'nosuch' }, 'pw-a')).toMatchObject({ ok: false, errorKind: 'missing' });
    await server.goOffline();
    expect(await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a')).toMatchObject({ ok: false, errorKind: 'unreachable' });
  });

  it('needs the host permission for the origin', async () => {
    const a = makeDevice('a', { hasPermission: async () => false });
    expect(await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a')).toMatchObject({ ok: false, errorKind: 'permission' });
  });
});

describe('passes', () => {
  it('a stopped server ends the pass as unreachable, captures stay pending and sync once it is back', async () => {
    const a = makeDevice('a');
    await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a');
    await server.goOffline();
    await upsertOrders(a.db, orders('一号店', 0, 3), T);
    const down = await a.engine.runPass();
    expect(down.errorKind).toBe('unreachable');
    expect(down.errorText).toContain('服务器无法连接');
    expect(down.pending).toBe(3);
    await server.goOnline();
    const up = await a.engine.runPass();
    expect(up.errorKind).toBeUndefined();
    expect(up.pending).toBe(0);
    expect((await server.allDocs(shop1)).filter((doc) => doc._id.startsWith('cap:'))).toHaveLength(3);
  });

  it('a changed password shows as unauthorized', async () => {
    const a = makeDevice('a');
    await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a');
    expect((await a.engine.runPass()).errorKind).toBeUndefined();
    await server.addUser('alice', 'new-password');
    const status = await a.engine.runPass();
    expect(status.errorKind).toBe('unauthorized');
    expect(status.errorText).toBe('用户名或密码错误');
  });

  it('a server error is said as such', async () => {
    const a = makeDevice('a');
    await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a');
    server.failWith(500);
    expect((await a.engine.runPass()).errorKind).toBe('server');
    server.failWith(null);
    expect((await a.engine.runPass()).errorKind).toBeUndefined();
  });

  it('access revoked to one shop: that shop forbidden, the other still syncs both ways', async () => {
    const a = makeDevice('a');
    const b = makeDevice('b');
    await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a');
    await b.engine.enable(b.settings(server.url, 'bob'), 'pw-b');
    await upsertOrders(a.db, [...orders('一号店', 0, 2), ...orders('二号店', 10, 2)], T);
    await a.engine.runPass();
    await server.setMembers(shop2, ['alice']);
    const status = await b.engine.runPass();
    expect([status.errorKind, status.errorText]).toEqual(['forbidden', expect.stringContaining('二号店')]);
    expect(status.errorText).toContain('二号店');
    expect(Object.fromEntries(status.shops.map((shop) => [shop.shop, shop.state]))).toEqual({ 一号店: 'ok', 二号店: 'forbidden' });
    const keys = await b.db.orders.toCollection().primaryKeys();
    expect(keys).toHaveLength(2);
    // bob's own capture in the allowed shop still goes up
    await upsertOrders(b.db, orders('一号店', 20, 1), T + 1000);
    await b.engine.runPass();
    await a.engine.runPass();
    expect(await a.db.orders.count()).toBe(5);
    expect((await checkRollups(b.db)).mismatches).toEqual([]);
  });

  it('a pass aborted halfway through the first pull is resumed from its checkpoint, nothing lost or doubled', async () => {
    // 1,200 orders of a teammate on the server, pulled 100 per batch.
    const docs = orders('一号店', 0, 1200).map((order, index) => ({
      _id: capId(order.platform, order.orderId, 'bobdevice'),
      type: 'cap',
      member: 'bob',
      device: 'bobdevice',
      platform: order.platform,
      orderId: order.orderId,
      shop: order.shop,
      capturedAt: T,
      order: {
        ...order,
        sourcePage: undefined,
        key: `${order.platform}:${order.orderId}`,
        statusHistory: [{ status: 'unpaid', at: T + index }],
        sources: ['list'],
        firstSeenAt: T,
        updatedAt: T,
        rev: 1,
      },
    }));
    await server.seed(shop1, JSON.parse(JSON.stringify(docs)));
    // The shop in the team directory (scripts/team-setup.mjs writes it; so does the first member who pushes).
    await server.seed(TEAM_DB, [{ _id: `shop:douyin:${shop1.slice(shop1.lastIndexOf('_') + 1)}`, type: 'shop', db: shop1, platform: 'douyin', shop: '一号店' }]);
    // Aborted (as a stopped worker would leave it) at the third batch the pull fetches: that request and every
    // later one of the pass fail, so what the aborted pass pulled does not depend on how far PouchDB read ahead
    // or whether it fell back from _bulk_get to single GETs (it did in a full run: the whole pull landed before
    // the abort and the second pass had nothing left to report).
    const controller = new AbortController();
    let bulkGets = 0;
    let stopped = false;
    const a = makeDevice('a', {
      batchSize: 100,
      applyBatch: 100,
      fetch: async (url, init) => {
        if (!stopped && (controller.signal.aborted || (url.includes('/_bulk_get') && ++bulkGets === 3))) {
          controller.abort();
          throw new TypeError('Failed to fetch');
        }
        return globalThis.fetch(url, init);
      },
    });
    await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a');
    const aborted = await a.engine.runPass({ signal: controller.signal });
    expect(aborted.errorKind).toBe('unreachable');
    expect(aborted.errorText).toContain('中断');
    stopped = true; // the worker runs again: the next pass reaches the server
    const partial = await a.db.orders.count();
    expect(partial).toBeLessThan(1200);
    const changesBefore = server.requests.length;
    a.history.length = 0;
    const done = await a.engine.runPass();
    // First-sync progress over the remaining pull, never going back, cleared at the end.
    const progress = a.history.map((status) => status.progress).filter((value) => value !== undefined);
    expect(progress.length).toBeGreaterThan(0);
    expect(new Set(progress.map((value) => value.total)).size).toBe(1);
    expect(progress.map((value) => value.done)).toEqual([...progress.map((value) => value.done)].sort((x, y) => x - y));
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(done.progress).toBeUndefined();
    expect(done.errorKind).toBeUndefined();
    expect(await a.db.orders.count()).toBe(1200);
    expect((await checkRollups(a.db)).mismatches).toEqual([]);
    // resumed: the second pass's first _changes read starts past 0
    const firstChanges = server.requests.slice(changesBefore).find((request) => request.path.startsWith(`/${shop1}/_changes`));
    expect(firstChanges?.path).toMatch(/since=[1-9]/);
  });
});

describe('sync off', () => {
  it('makes no request at all and creates no PouchDB or sync database', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const before = (await indexedDB.databases()).map((db) => db.name);
    const a = makeDevice('a');
    await upsertOrders(a.db, orders('一号店', 0, 2), T);
    await a.engine.runPass();
    await a.engine.noteLocalChange(2);
    expect(await a.engine.remind('douyin', '2000000000000000000')).toBeNull();
    expect(a.requests).toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
    const created = (await indexedDB.databases()).map((db) => db.name).filter((name) => !before.includes(name));
    expect(created.filter((name) => name?.startsWith('_pouch_') || name?.includes('orderlens-sync'))).toEqual([]);
    fetchSpy.mockRestore();
  });
});

describe('turning sync off', () => {
  it('stops a first sync under way, forgets the credentials and the local copies, keeps the merged orders', async () => {
    const docs = orders('一号店', 0, 600).map((order) => ({
      _id: capId(order.platform, order.orderId, 'bobdevice'),
      type: 'cap',
      member: 'bob',
      device: 'bobdevice',
      platform: order.platform,
      orderId: order.orderId,
      shop: order.shop,
      capturedAt: T,
      order: { ...order, sourcePage: undefined, key: `${order.platform}:${order.orderId}`, statusHistory: [{ status: 'unpaid', at: T }], sources: ['list'], firstSeenAt: T, updatedAt: T, rev: 1 },
    }));
    await server.seed(shop1, JSON.parse(JSON.stringify(docs)));
    await server.seed(TEAM_DB, [{ _id: `shop:douyin:${shop1.slice(shop1.lastIndexOf('_') + 1)}`, type: 'shop', db: shop1, platform: 'douyin', shop: '一号店' }]);
    let bulkGets = 0;
    let disabling: Promise<void> | undefined;
    const a: ReturnType<typeof makeDevice> = makeDevice('a', {
      batchSize: 100,
      fetch: async (url, init) => {
        const response = await globalThis.fetch(url, init);
        if (url.includes('/_bulk_get') && ++bulkGets === 2) disabling = a.engine.disable();
        return response;
      },
    });
    await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a');
    const pass = await a.engine.runPass();
    await disabling;
    expect(pass.errorText).toContain('中断');
    expect(a.status()).toMatchObject({ enabled: false, pending: 0, shops: [] });
    expect(await a.store.config.get('config')).toBeUndefined();
    expect(await a.store.applied.count()).toBe(0);
    const requestsAfter = a.requests.length;
    await a.engine.runPass();
    expect(a.requests.length).toBe(requestsAfter);
  });
});
