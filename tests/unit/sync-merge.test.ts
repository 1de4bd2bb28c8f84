import { describe, expect, it } from 'vitest';
import { createDatabase, type OrderRecord } from '@/utils/db/database';
import { mergeOrder } from '@/utils/db/merge-order';
import { mergeStatusHistory, mergeTeamBatch, mergeTeamRecords, sameTeamRecord, type TeamOrderCopy } from '@/utils/db/merge-team-records';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { checkRollups } from '@/utils/db/check-rollups';
import { recordReminder } from '@/utils/db/record-reminder';
import { captured } from './order-factory';

const T = Date.UTC(2026, 4, 13, 2);

function record(overrides: Parameters<typeof captured>[0], at: number, source: 'dom' | 'api' = 'dom', base?: OrderRecord): OrderRecord {
  return mergeOrder(base, captured(overrides), at, source);
}

/** Three copies of one order as three members saw it. */
function copies(): OrderRecord[] {
  const a = record({ status: 'unpaid', statusText: '待支付', receiverRegion: '上海' }, T);
  const a2 = record({ status: 'paid', statusText: '待发货', paidAt: T + 60_000 }, T + 120_000, 'dom', a);
  const b = record({ status: 'unpaid', amountCents: 12990, buyerId: 'u-1' }, T + 30_000, 'api');
  const b2 = record({ status: 'shipped', shipments: [{ waybillNo: 'SF1001', carrierName: '顺丰', events: [{ at: T + 600_000, text: '已揽收' }] }] }, T + 700_000, 'api', b);
  const c = record({ status: 'paid', buyer: '王**', receiverRegion: '浙江', shipments: [{ waybillNo: 'SF1001', events: [{ at: T + 650_000, text: '运输中' }] }], items: [{ title: '纯棉T恤', spec: '白色 XL', quantity: 2 }] }, T + 200_000);
  return [a2, b2, c];
}

describe('mergeTeamRecords', () => {
  it('is commutative, idempotent and associative on real copies', () => {
    const [a, b, c] = copies() as [OrderRecord, OrderRecord, OrderRecord];
    const ab = mergeTeamRecords(a, b);
    expect(sameTeamRecord(ab, mergeTeamRecords(b, a))).toBe(true);
    expect(mergeTeamRecords(ab, ab)).toBe(ab);
    expect(mergeTeamRecords(ab, a)).toBe(ab);
    const left = mergeTeamRecords(mergeTeamRecords(a, b), c);
    const right = mergeTeamRecords(a, mergeTeamRecords(b, c));
    const other = mergeTeamRecords(mergeTeamRecords(c, a), b);
    expect(sameTeamRecord(left, right)).toBe(true);
    expect(sameTeamRecord(left, other)).toBe(true);
  });

  it('unites the status history by time and takes the latest observation', () => {
    const [a, b, c] = copies() as [OrderRecord, OrderRecord, OrderRecord];
    const merged = mergeTeamRecords(mergeTeamRecords(a, b), c);
    expect(merged.statusHistory.map((change) => [change.status, change.at - T])).toEqual([
      ['unpaid', 0],
      ['paid', 120_000],
      ['shipped', 700_000],
    ]);
    expect(merged.status).toBe('shipped');
    // JSON values beat text, the known beats the unknown, shipments and their events united.
    expect(merged.buyerId).toBe('u-1');
    expect(merged.paidAt).toBe(T + 60_000);
    expect(merged.shipments).toHaveLength(1);
    expect(merged.shipments[0]!.events.map((event) => event.text)).toEqual(['已揽收', '运输中']);
    expect(merged.shipments[0]!.carrierName).toBe('顺丰');
    expect(merged.waybillNos).toEqual(['SF1001']);
    expect(merged.firstSeenAt).toBe(T);
  });

  it('keeps one entry per run of the same status (no status counted twice)', () => {
    const history = mergeStatusHistory(
      [
        { status: 'unpaid', at: 1 },
        { status: 'paid', at: 5 },
      ],
      [
        { status: 'unpaid', at: 3 },
        { status: 'paid', at: 6 },
      ],
    );
    expect(history).toEqual([
      { status: 'unpaid', at: 1 },
      { status: 'paid', at: 5 },
    ]);
  });
});

describe('mergeTeamBatch', () => {
  it('gives the same store whatever order the copies arrive in, applying twice changes nothing, rollups equal a recount', async () => {
    const [a, b, c] = copies() as [OrderRecord, OrderRecord, OrderRecord];
    const other = record({ orderId: '4987654321098765999', status: 'completed', paidAt: T, amountCents: 500 }, T);
    const teammates: TeamOrderCopy[] = [
      { record: b, member: 'bob' },
      { record: c, member: 'carol' },
      { record: other, member: 'carol' },
    ];
    const snapshots: unknown[] = [];
    for (const order of [teammates, [...teammates].reverse()]) {
      const db = createDatabase(`merge-batch-${Math.random()}`);
      await upsertOrders(db, [captured({ status: 'unpaid', statusText: '待支付' })], T);
      await upsertOrders(db, [captured({ status: 'paid', statusText: '待发货', paidAt: T + 60_000 })], T + 120_000);
      await recordReminder(db, { orderKey: a.key, at: T + 10_000, channel: 'feige', template: 'zh-1' });
      const first = await mergeTeamBatch(db, order, [{ remoteId: 'rem:x', orderKey: a.key, at: T + 20_000, channel: 'feige', template: 'zh-1', by: 'bob' }], 'alice', T + 800_000);
      expect(first.inserted + first.updated).toBe(2);
      const again = await mergeTeamBatch(db, order, [{ remoteId: 'rem:x', orderKey: a.key, at: T + 20_000, channel: 'feige', template: 'zh-1', by: 'bob' }], 'alice', T + 900_000);
      expect(again).toMatchObject({ inserted: 0, updated: 0, remindersAdded: 0 });
      expect((await checkRollups(db)).mismatches).toEqual([]);
      const stored = await db.orders.get(a.key);
      expect(stored?.capturedBy).toEqual(['alice', 'bob', 'carol']);
      expect(await db.reminders.where('orderKey').equals(a.key).count()).toBe(2);
      const rows = (await db.orders.toArray()).map(({ updatedAt: _u, ...rest }) => rest);
      snapshots.push({ rows, rollups: await db.rollups.toArray() });
      db.close();
    }
    expect(snapshots[0]).toEqual(snapshots[1]);
  });
});
