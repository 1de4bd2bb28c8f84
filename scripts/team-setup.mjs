#!/usr/bin/env node
// Team sync (issue 16): sets up a team on an Apache CouchDB 3 server through its HTTP API, as the server admin.
//
//   COUCHDB_ADMIN_PASSWORD=… node scripts/team-setup.mjs --server https://couch.example.com --admin admin --team acme \
//     --member alice:alice-password:小王 --member bob:bob-password:小李 \
//     --shop "douyin:测试旗舰店=alice,bob" --shop "jd:京东自营店=alice" [--from-directory] [--verify]
//
// What it does (each step idempotent: run it again to add members, shops or to change access):
//   - `_users` (and `_replicator`) created when missing (a fresh single-node CouchDB 3 has neither);
//   - each --member NAME[:PASSWORD[:DISPLAY NAME]] as a `_users` document (password set only when given),
//     with the role `orderlens_<team>`;
//   - the team database `orderlens_<team>`: `_security.members.roles = ["orderlens_<team>"]` — every member
//     reads and writes the directory, member names and 催付 claims;
//   - each --shop PLATFORM:SHOP NAME[=member,member] its database `orderlens_<team>_<platform>_<hash>` (hash:
//     first 12 hex of SHA-256 of the shop name, as the extension computes it), `_security.members.names` = the
//     listed members (default: every --member), and its entry `shop:<platform>:<hash>` in the team directory.
//     Revoking a member's access to a shop = running it again with a shorter list;
//   - --from-directory: also creates the databases of shops the members' extensions listed in the team
//     directory (a member who captures a shop without a database sees "pending"), members = every --member;
//   - --verify: reads every database as every member whose password was given: 200 for its members, 401/403
//     for the others (the per-database security check the in-process test server cannot prove).
//
// The admin password comes from COUCHDB_ADMIN_PASSWORD (or --admin NAME:PASSWORD). HTTPS is required except
// for http://localhost and http://127.0.0.1.
import { createHash } from 'node:crypto';

const args = process.argv.slice(2);
const values = (name) => {
  const found = [];
  args.forEach((arg, at) => {
    if (arg === `--${name}` && args[at + 1] !== undefined) found.push(args[at + 1]);
    else if (arg.startsWith(`--${name}=`)) found.push(arg.slice(name.length + 3));
  });
  return found;
};
const value = (name) => values(name)[0];
const flag = (name) => args.includes(`--${name}`);

function fail(message) {
  console.error(`team-setup: ${message}`);
  process.exit(2);
}

export function shopHash(shop) {
  return createHash('sha256').update(shop, 'utf8').digest('hex').slice(0, 12);
}

async function main() {
  if (flag('help') || args.length === 0) {
    console.log(readUsage());
    return;
  }
  const server = value('server');
  const team = value('team');
  if (!server || !team) fail('--server and --team are required (see --help)');
  if (!/^[a-z][a-z0-9_-]{0,40}$/.test(team)) fail('--team: lower-case letters, digits, _ and -, starting with a letter');
  const url = new URL(server);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname))) fail('the server must be https:// (http only for localhost / 127.0.0.1)');
  const origin = url.origin;
  const [adminName, adminInline] = (value('admin') ?? 'admin').split(/:(.*)/s);
  const adminPassword = adminInline ?? process.env.COUCHDB_ADMIN_PASSWORD;
  if (!adminPassword) fail('set COUCHDB_ADMIN_PASSWORD (or --admin NAME:PASSWORD)');
  const members = values('member').map((spec) => {
    const [name, password, display] = spec.split(':');
    if (!name) fail(`--member ${spec}: NAME[:PASSWORD[:DISPLAY NAME]]`);
    return { name, password: password || undefined, display: display || undefined };
  });
  const role = `orderlens_${team}`;
  const teamDb = `orderlens_${team}`;
  const adminAuth = basic(adminName, adminPassword);

  async function call(method, path, body, authorization = adminAuth) {
    let response;
    try {
      response = await fetch(origin + path, {
        method,
        headers: { ...(authorization ? { authorization } : {}), accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      fail(`${origin} cannot be reached (${error?.cause?.code ?? error?.message ?? error})`);
    }
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = { text };
    }
    return { status: response.status, body: json };
  }
  const must = async (method, path, body, okStatuses = [200, 201, 202]) => {
    const answer = await call(method, path, body);
    if (!okStatuses.includes(answer.status)) fail(`${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const ensureDb = async (db) => {
    const answer = await call('PUT', `/${encodeURIComponent(db)}`);
    if (answer.status === 201 || answer.status === 202) return 'created';
    if (answer.status === 412) return 'exists';
    fail(`PUT /${db} → ${answer.status} ${JSON.stringify(answer.body)}`);
  };

  const session = await call('GET', '/_session');
  if (session.status === 401 || !session.body?.userCtx?.roles?.includes('_admin')) fail(`${adminName} is not a server admin of ${origin} (wrong password?)`);

  for (const db of ['_users', '_replicator']) await ensureDb(db);

  for (const member of members) {
    const id = `org.couchdb.user:${member.name}`;
    const existing = await call('GET', `/_users/${encodeURIComponent(id)}`);
    const doc = existing.status === 200 ? existing.body : { _id: id, name: member.name, type: 'user', roles: [] };
    doc.roles = [...new Set([...(doc.roles ?? []), role])];
    if (member.password) doc.password = member.password;
    else if (existing.status !== 200) fail(`--member ${member.name}: a new member needs a password`);
    await must('PUT', `/_users/${encodeURIComponent(id)}`, doc);
    if (member.display) {
      const memberDoc = await call('GET', `/${teamDb}/${encodeURIComponent(`member:${member.name}`)}`);
      if (memberDoc.status !== 200 || memberDoc.body.name !== member.display) {
        // the team db is created below; written after it
        member.writeDisplay = memberDoc.status === 200 ? memberDoc.body._rev : true;
      }
    }
    console.log(`member ${member.name}: ${existing.status === 200 ? 'updated' : 'created'} (role ${role})`);
  }

  console.log(`team database ${teamDb}: ${await ensureDb(teamDb)}`);
  await must('PUT', `/${teamDb}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [role] } });
  for (const member of members) {
    if (!member.writeDisplay) continue;
    const id = `member:${member.name}`;
    await must('PUT', `/${teamDb}/${encodeURIComponent(id)}`, { _id: id, ...(typeof member.writeDisplay === 'string' ? { _rev: member.writeDisplay } : {}), type: 'member', name: member.display });
  }

  const shops = values('shop').map((spec) => {
    const match = /^([a-z][a-z0-9]{1,19}):(.+?)(?:=([^=]*))?$/.exec(spec);
    if (!match) fail(`--shop ${spec}: PLATFORM:SHOP NAME[=member,member]`);
    const names = match[3] === undefined ? members.map((member) => member.name) : match[3].split(',').map((name) => name.trim()).filter(Boolean);
    return { platform: match[1], shop: match[2], names };
  });
  if (flag('from-directory')) {
    const listed = await must('GET', `/${teamDb}/_all_docs?include_docs=true&startkey=${encodeURIComponent('"shop:"')}&endkey=${encodeURIComponent('"shop:\uffff"')}`);
    for (const row of listed.body.rows ?? []) {
      const doc = row.doc;
      if (!doc?.platform || !doc?.shop) continue;
      if (!shops.some((shop) => shop.platform === doc.platform && shop.shop === doc.shop)) shops.push({ platform: doc.platform, shop: doc.shop, names: members.map((member) => member.name), fromDirectory: true });
    }
  }
  const dbs = [{ db: teamDb, names: null }];
  for (const { platform, shop, names, fromDirectory } of shops) {
    const hash = shopHash(shop);
    const db = `orderlens_${team}_${platform}_${hash}`;
    const state = await ensureDb(db);
    if (fromDirectory && state === 'exists') continue; // access of an existing shop only changes when it is named
    await must('PUT', `/${db}/_security`, { admins: { names: [], roles: [] }, members: { names, roles: names.length === 0 ? ['_admin'] : [] } });
    const id = `shop:${platform}:${hash}`;
    const existing = await call('GET', `/${teamDb}/${encodeURIComponent(id)}`);
    if (existing.status !== 200) await must('PUT', `/${teamDb}/${encodeURIComponent(id)}`, { _id: id, type: 'shop', db, platform, shop });
    dbs.push({ db, names });
    console.log(`shop ${platform}:${shop} → ${db}: ${state}; members ${names.join(', ') || '(admin only)'}`);
  }

  if (flag('verify')) {
    let wrong = 0;
    for (const member of members.filter((entry) => entry.password)) {
      const session = await call('GET', '/_session', undefined, basic(member.name, member.password));
      if (session.body?.userCtx?.name !== member.name) {
        console.log(`verify ${member.name}: login FAILED (${session.status})`);
        wrong++;
        continue;
      }
      for (const { db, names } of dbs) {
        const expected = names === null || names.includes(member.name);
        const answer = await call('GET', `/${encodeURIComponent(db)}`, undefined, basic(member.name, member.password));
        const allowed = answer.status === 200;
        const ok = allowed === expected && (allowed || answer.status === 401 || answer.status === 403);
        if (!ok) wrong++;
        console.log(`verify ${member.name} → ${db}: ${answer.status} ${ok ? 'as expected' : `UNEXPECTED (should ${expected ? '' : 'not '}be readable)`}`);
      }
    }
    const anonymous = await call('GET', `/${teamDb}`, undefined, '');
    if (anonymous.status === 200) {
      wrong++;
      console.log(`verify anonymous → ${teamDb}: 200 UNEXPECTED (readable without a login)`);
    } else console.log(`verify anonymous → ${teamDb}: ${anonymous.status} as expected`);
    if (wrong > 0) {
      console.log(`${wrong} check(s) failed`);
      process.exit(1);
    }
    console.log('every check passed');
  }
}

function basic(name, password) {
  return 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');
}

function readUsage() {
  return [
    'Usage: COUCHDB_ADMIN_PASSWORD=… node scripts/team-setup.mjs --server URL --team TEAM [--admin NAME]',
    '         [--member NAME[:PASSWORD[:DISPLAY NAME]]]… [--shop "PLATFORM:SHOP NAME[=member,member]"]… [--from-directory] [--verify]',
    'Creates the team database, the members (_users), one database per shop with its _security.members, the team directory.',
    'PLATFORM: douyin, jd, taobao, kuaishou, pinduoduo. See README "团队同步 / Team sync".',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
