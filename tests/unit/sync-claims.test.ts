// No double 催付: claims on the team db before a reminder, the 409 race, offline (uncoordinated) reminders
// reconciled later as 重复催付.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../sync-server/sync-server.mjs';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { checkRollups } from '@/utils/db/check-rollups';
import { shopDbName, shopHashOf } from '@/utils/sync/sync-protocol';
import type { FetchLike } from '@/utils/sync/remote';
import { captured } from './order-factory';
import { makeDevice, TEAM_DB, type Device } from './sync-helpers';

const T = Date.UTC(2026, 4, 13, 2);
const ORDER = '4987654321098765432';
const KEY = `douyin:${ORDER}`;
const CLAIM = `claim:douyin:${ORDER}`;

let server: SyncServer;
let clock: number;
let a: Device;
let b: Device;
/** Per device: a hook run before each of its requests (may throw to cut it off the network). */
const hooks = new Map<string, (url: string, init?: RequestInit) => Promise<void> | void>();

function deviceFetch(name: string): FetchLike {
  return async (url, init) => {
    await hooks.get(name)?.(url, init);
    return globalThis.fetch(url, init);
  };
}

beforeEach(async () => {
  const shop = shopDbName('acme', 'douyin', await shopHashOf('测试旗舰店'));
  server = await startSyncServer({ users: { alice: 'pw-a', bob: 'pw-b' }, dbs: { [TEAM_DB]: ['alice', 'bob'], [shop]: ['alice', 'bob'] } });
  clock = T + 60_000;
  hooks.clear();
  a = makeDevice('a', { now: () => clock, fetch: deviceFetch('a') });
  b = makeDevice('b', { now: () => clock, fetch: deviceFetch('b') });
  expect(await a.engine.enable(a.settings(server.url, 'alice', '小王'), 'pw-a')).toEqual({ ok: true });
  expect(await b.engine.enable(b.settings(server.url, 'bob', '小李'), 'pw-b')).toEqual({ ok: true });
  await upsertOrders(a.db, [captured({ orderId: ORDER, status: 'unpaid' })], T);
  await a.engine.runPass();
  await b.engine.runPass();
  expect(await b.db.orders.get(KEY)).toBeDefined();
});
afterEach(async () => {
  await server.stop();
});

describe('催付 claims', () => {
  it('a teammate’s claim within the cooldown refuses the second reminder with their name and time', async () => {
    const first = await a.engine.remind('douyin', ORDER);
    expect(first).toMatchObject({ ok: true, at: clock });
    const claim = await server.getDoc(TEAM_DB, CLAIM);
    expect(claim).toMatchObject({ member: 'alice', memberName: '小王', at: clock });
    clock += 3_600_000;
    const second = await b.engine.remind('douyin', ORDER);
    expect(second).toEqual({ ok: false, reason: 'claimed', by: '小王', at: T + 60_000 });
    expect(await b.db.reminders.count()).toBe(0);
    expect((await server.getDoc(TEAM_DB, CLAIM))?.member).toBe('alice');
    // Past the cooldown the teammate may remind again.
    clock += b.remindSettings.cooldownHours * 3_600_000;
    expect(await b.engine.remind('douyin', ORDER)).toMatchObject({ ok: true });
    expect((await server.getDoc(TEAM_DB, CLAIM))?.member).toBe('bob');
    // Who reminded reaches the other device, counted once; rollups equal a recount.
    await b.engine.runPass();
    await a.engine.runPass();
    await a.engine.runPass();
    const reminders = await a.db.reminders.where('orderKey').equals(KEY).toArray();
    expect(reminders.map((reminder) => reminder.by).sort()).toEqual(['alice', 'bob']);
    expect((await checkRollups(a.db)).mismatches).toEqual([]);
    expect((await checkRollups(b.db)).mismatches).toEqual([]);
  });

  it('a teammate’s reminder already pulled here refuses with their name, even with the server unreachable; one’s own stays a cooldown', async () => {
    expect(await a.engine.remind('douyin', ORDER)).toMatchObject({ ok: true });
    await a.engine.runPass();
    await b.engine.runPass();
    expect((await b.db.reminders.where('orderKey').equals(KEY).toArray()).map((reminder) => reminder.by)).toEqual(['alice']);
    hooks.set('b', () => {
      throw new TypeError('Failed to fetch');
    });
    clock += 3_600_000;
    expect(await b.engine.remind('douyin', ORDER)).toEqual({ ok: false, reason: 'claimed', by: '小王', at: T + 60_000 });
    expect(await b.db.reminders.count()).toBe(1);
    // alice's own reminder within the cooldown is a plain cooldown on her device.
    expect(await a.engine.remind('douyin', ORDER)).toMatchObject({ ok: false, reason: 'cooldown', lastAt: T + 60_000 });
  });

  it('local checks come first: a refused reminder leaves no claim', async () => {
    await upsertOrders(a.db, [captured({ orderId: ORDER, status: 'paid' })], T + 1000);
    expect(await a.engine.remind('douyin', ORDER)).toMatchObject({ ok: false, reason: 'not-unpaid' });
    expect(await server.getDoc(TEAM_DB, CLAIM)).toBeUndefined();
  });

  it('the 409 race: two members claiming at once, the second is refused after reading again', async () => {
    let raced = false;
    hooks.set('b', async (url, init) => {
      // b has read "no claim" and is about to PUT its own: alice's whole reminder lands first.
      if (!raced && url.endsWith(encodeURIComponent(CLAIM)) && init?.method === 'PUT') {
        raced = true;
        expect(await a.engine.remind('douyin', ORDER)).toMatchObject({ ok: true });
      }
    });
    const outcome = await b.engine.remind('douyin', ORDER);
    expect(raced).toBe(true);
    expect(outcome).toEqual({ ok: false, reason: 'claimed', by: '小王', at: clock });
    expect(await b.db.reminders.count()).toBe(0);
    const puts = server.requests.filter((request) => request.method === 'PUT' && request.path.includes('claim'));
    expect(puts.map((request) => request.user)).toEqual(['alice', 'bob']);
  });

  it('offline: the reminder is allowed, marked uncoordinated, claimed later; a teammate’s meanwhile shows as 重复催付 with both names', async () => {
    hooks.set('a', () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = await a.engine.remind('douyin', ORDER);
    expect(offline).toMatchObject({ ok: true });
    const mine = await a.db.reminders.where('orderKey').equals(KEY).first();
    expect(mine).toMatchObject({ by: 'alice', uncoordinated: true });
    expect(await server.getDoc(TEAM_DB, CLAIM)).toBeUndefined();
    expect((await a.engine.runPass()).pending).toBeGreaterThan(0);
    clock += 600_000;
    // bob, online, sees no claim and reminds too.
    expect(await b.engine.remind('douyin', ORDER)).toMatchObject({ ok: true });
    hooks.delete('a');
    const back = await a.engine.runPass();
    expect(back.errorKind).toBeUndefined();
    expect(back.duplicates).toEqual([{ platform: 'douyin', orderId: ORDER, by: [{ member: '小王', at: T + 60_000 }, { member: '小李', at: T + 660_000 }] }]);
    // bob's claim is the later one and stays.
    expect((await server.getDoc(TEAM_DB, CLAIM))?.member).toBe('bob');
    expect(await a.store.claims.count()).toBe(0);
    // bob learns of it from alice's uncoordinated reminder.
    await b.engine.runPass();
    const onB = await b.engine.runPass();
    expect(onB.duplicates?.[0]?.by.map((entry) => entry.member)).toEqual(['小王', '小李']);
    expect((await checkRollups(b.db)).mismatches).toEqual([]);
  });

  it('offline with no teammate claim: the later pass puts the claim, no duplicate', async () => {
    hooks.set('a', () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await a.engine.remind('douyin', ORDER)).toMatchObject({ ok: true });
    hooks.delete('a');
    const status = await a.engine.runPass();
    expect(status.duplicates).toEqual([]);
    expect(await server.getDoc(TEAM_DB, CLAIM)).toMatchObject({ member: 'alice', at: T + 60_000 });
    clock += 60_000;
    expect(await b.engine.remind('douyin', ORDER)).toMatchObject({ ok: false, reason: 'claimed', by: '小王' });
  });
});
