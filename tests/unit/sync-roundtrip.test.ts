import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../sync-server/sync-server.mjs';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { checkRollups } from '@/utils/db/check-rollups';
import { shopDbName, shopHashOf } from '@/utils/sync/sync-protocol';
import { captured } from './order-factory';
import { makeDevice, TEAM_DB } from './sync-helpers';

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
});
