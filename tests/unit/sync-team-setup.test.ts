// scripts/team-setup.mjs against the CouchDB-compatible test server: databases, members, _security per
// shop, the directory, and its --verify check (which, on a real CouchDB, is how a team proves per-database
// security; here it proves the script and the test server agree).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSyncServer, TEST_ADMIN, type SyncServer } from '../sync-server/sync-server.mjs';
import { shopDbName, shopHashOf } from '@/utils/sync/sync-protocol';
import { makeDevice } from './sync-helpers';

const run = promisify(execFile);
let server: SyncServer;

beforeEach(async () => {
  server = await startSyncServer();
});
afterEach(async () => {
  await server.stop();
});

function setup(...extra: string[]) {
  return run(
    process.execPath,
    ['scripts/team-setup.mjs', '--server', server.url, '--admin', TEST_ADMIN.name, '--team', 'acme', '--member', 'alice:pw-a:小王', '--member', 'bob:pw-b:小李', ...extra],
    { env: { ...process.env, COUCHDB_ADMIN_PASSWORD: TEST_ADMIN.password } },
  );
}

describe('scripts/team-setup.mjs', () => {
  it('creates the team, members and per-shop databases with their members, and verifies access', async () => {
    const { stdout } = await setup('--shop', 'douyin:一号店', '--shop', 'jd:二号店=alice', '--verify');
    const one = shopDbName('acme', 'douyin', await shopHashOf('一号店'));
    const two = shopDbName('acme', 'jd', await shopHashOf('二号店'));
    expect((await server.listDbs()).sort()).toEqual(['orderlens_acme', one, two].sort());
    expect((await server.call('GET', `/${two}/_security`)).members.names).toEqual(['alice']);
    expect(stdout).toContain(`verify bob → ${two}: 403 as expected`);
    expect(stdout).toContain('every check passed');
    const directory = (await server.allDocs('orderlens_acme')).filter((doc) => doc._id.startsWith('shop:'));
    expect(directory.map((doc) => doc.db).sort()).toEqual([one, two].sort());
    // The extension logs in with what the script made and sees the names.
    const device = makeDevice('setup');
    expect(await device.engine.enable(device.settings(server.url, 'bob', '小李'), 'pw-b')).toEqual({ ok: true });
    const status = await device.engine.runPass();
    expect(status.members).toMatchObject({ alice: '小王', bob: '小李' });
    expect(Object.fromEntries(status.shops.map((shop) => [shop.shop, shop.state]))).toEqual({ 一号店: 'ok', 二号店: 'forbidden' });
  });

  it('revokes by running again with a shorter list; --from-directory creates shops members listed', async () => {
    await setup('--shop', 'douyin:一号店');
    await server.seed('orderlens_acme', [{ _id: 'shop:douyin:x', type: 'shop', db: 'ignored', platform: 'douyin', shop: '三号店' }]);
    const { stdout } = await setup('--shop', 'douyin:一号店=alice', '--from-directory', '--verify');
    const one = shopDbName('acme', 'douyin', await shopHashOf('一号店'));
    const three = shopDbName('acme', 'douyin', await shopHashOf('三号店'));
    expect(stdout).toContain(`verify bob → ${one}: 403 as expected`);
    expect(stdout).toContain(`verify bob → ${three}: 200 as expected`);
  });

  it('refuses a wrong admin password and plain http to another host', async () => {
    await expect(run(process.execPath, ['scripts/team-setup.mjs', '--server', server.url, '--team', 'acme'], { env: { ...process.env, COUCHDB_ADMIN_PASSWORD: 'nope' } })).rejects.toMatchObject({
      stderr: expect.stringContaining('is not a server admin'),
    });
    await expect(run(process.execPath, ['scripts/team-setup.mjs', '--server', 'http://couch.example.com', '--team', 'acme'], { env: { ...process.env, COUCHDB_ADMIN_PASSWORD: 'x' } })).rejects.toMatchObject({
      stderr: expect.stringContaining('https://'),
    });
  });
});
