import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../sync-server/sync-server.mjs';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { checkRollups } from '@/utils/db/check-rollups';
import { shopDbName, shopHashOf } from '@/utils/sync/sync-protocol';
import { captured } from './order-factory';
import { makeDevice, TEAM_DB } from './sync-helpers';
import { sameTeamRecord } from '@/utils/db/merge-team-records';

let server: SyncServer;
let shopDb: string;

beforeEach(async () => {
  shopDb = shopDbName('acme', 'douyin', await shopHashOf('测试旗舰店'));
  server = await startSyncServer({ users: { alice: 'pw-a', bob: 'pw-b' }, dbs: { [TEAM_DB]: ['alice', 'bob'], [shopDb]: ['alice', 'bob'] } });
});
afterEach(async () => {
  await server.stop();
});

describe('team sync round trip', () => {
  it('two devices end with the union of their captures, rollups equal a recount', async () => {
    const a = makeDevice('a');
    const b = makeDevice('b');
    expect(await a.engine.enable(a.settings(server.url, 'alice', '小A'), 'pw-a')).toEqual({ ok: true });
    expect(await b.engine.enable(b.settings(server.url, 'bob', '小B'), 'pw-b')).toEqual({ ok: true });
    const t0 = Date.UTC(2026, 4, 13, 2);
    await upsertOrders(a.db, [captured({ orderId: '1000000000000000001' }), captured({ orderId: '1000000000000000002' })], t0, 'api');
    await upsertOrders(b.db, [captured({ orderId: '1000000000000000003', status: 'paid', paidAt: t0 - 5000 })], t0, 'api');
    let sa = await a.engine.runPass();
    expect([sa.errorKind, sa.errorText]).toEqual([undefined, undefined]);
    const sb = await b.engine.runPass();
    expect(sb.errorKind).toBeUndefined();
    sa = await a.engine.runPass();
    const keysA = (await a.db.orders.toCollection().primaryKeys()).sort();
    const keysB = (await b.db.orders.toCollection().primaryKeys()).sort();
    expect(keysA).toEqual(['douyin:1000000000000000001', 'douyin:1000000000000000002', 'douyin:1000000000000000003']);
    expect(keysB).toEqual(keysA);
    expect((await a.db.orders.get('douyin:1000000000000000003'))?.capturedBy).toEqual(['bob']);
    expect((await b.db.orders.get('douyin:1000000000000000001'))?.capturedBy).toEqual(['alice']);
    expect((await checkRollups(a.db)).mismatches).toEqual([]);
    expect((await checkRollups(b.db)).mismatches).toEqual([]);
    expect(sa.shops.map((shop) => [shop.db, shop.state])).toEqual([[shopDb, 'ok']]);
    expect(sa.pending).toBe(0);
    expect(sa.members).toMatchObject({ alice: '小A', bob: '小B' });
    // On the server: one cap doc per device and order.
    const docs = await server.allDocs(shopDb);
    expect(docs.filter((doc) => doc._id.startsWith('cap:')).length).toBe(3);
  });

  it('the same order captured by two members at once: both converge on one record, and passes stop writing (no ping-pong)', async () => {
    const a = makeDevice('a');
    const b = makeDevice('b');
    await a.engine.enable(a.settings(server.url, 'alice'), 'pw-a');
    await b.engine.enable(b.settings(server.url, 'bob'), 'pw-b');
    const t0 = Date.UTC(2026, 4, 13, 2);
    const id = '1000000000000000009';
    await upsertOrders(a.db, [captured({ orderId: id, status: 'unpaid', receiverRegion: '上海' })], t0, 'dom');
    await upsertOrders(b.db, [captured({ orderId: id, status: 'paid', paidAt: t0 + 1000, buyerId: 'u-9' })], t0 + 5000, 'api');
    await a.engine.runPass();
    await b.engine.runPass();
    await a.engine.runPass();
    await b.engine.runPass();
    const ra = (await a.db.orders.get(`douyin:${id}`))!;
    const rb = (await b.db.orders.get(`douyin:${id}`))!;
    expect(sameTeamRecord(ra, rb)).toBe(true);
    expect(ra.status).toBe('paid');
    expect(ra.statusHistory.map((change) => change.status)).toEqual(['unpaid', 'paid']);
    expect(ra).toMatchObject({ receiverRegion: '上海', buyerId: 'u-9', capturedBy: ['alice', 'bob'] });
    expect((await checkRollups(a.db)).mismatches).toEqual([]);
    expect((await checkRollups(b.db)).mismatches).toEqual([]);
    const revs = async () => (await server.allDocs(shopDb)).map((doc) => `${doc._id}@${doc._rev}`).sort();
    const settled = await revs();
    await a.engine.runPass();
    await b.engine.runPass();
    await a.engine.runPass();
    expect(await revs()).toEqual(settled);
    expect((await a.engine.runPass()).pending).toBe(0);
    // Idle: one request per shop database, no replication.
    const before = server.requests.length;
    await a.engine.runPass();
    const idle = server.requests.slice(before).map((request) => request.path);
    expect(idle.filter((path) => path.includes('/_changes') || path.includes('/_local/') || path.includes('/_bulk'))).toEqual([]);
    expect(idle.filter((path) => path.startsWith(`/${shopDb}`))).toEqual([`/${shopDb}`]);
  });
});
