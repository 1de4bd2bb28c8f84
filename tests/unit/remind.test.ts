import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDatabase, type OrderLensDatabase } from '@/utils/db/database';
import { readKpis } from '@/utils/db/read-kpis';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { dayRange } from '@/utils/kpi/date-ranges';
import { fillTemplate, type ReminderFacts } from '@/utils/remind/fill-template';
import { checkReminderAllowed, describeUnpaidAge } from '@/utils/remind/reminder-guard';
import { remindOrder } from '@/utils/remind/remind-order';
import { DEFAULT_REMIND_SETTINGS, remindSettingsItem, templateFor } from '@/utils/remind/remind-settings';
import { captured } from './order-factory';

const bj = (text: string) => Date.parse(`${text}+08:00`);
const facts: ReminderFacts = {
  buyer: '小明',
  items: [{ title: '纯棉T恤' }, { title: '运动短裤' }],
  amountCents: 12990,
  createdAt: bj('2026-05-13T09:05:00'),
  shop: '山野好物旗舰店',
  orderId: '4934071258846137421',
};

describe('fillTemplate', () => {
  it('fills every variable, Chinese and English names', () => {
    expect(fillTemplate('{买家}：{店铺}的{商品}共{金额}，{下单时间}下单，单号{订单号}', facts)).toBe(
      '小明：山野好物旗舰店的纯棉T恤 等 2 件商品共¥129.90，2026-05-13 09:05下单，单号4934071258846137421',
    );
    expect(fillTemplate('Hi {buyer}, {item} {amount}', { ...facts, items: [{ title: 'Tee' }] }, 'en')).toBe('Hi 小明, Tee ¥129.90');
  });

  it('uses neutral words for missing or masked values and drops empty ones', () => {
    expect(fillTemplate('{买家}您好，{商品}{优惠券}（{付款截止}）', { orderId: '1', items: [], buyer: '测*' })).toBe('亲您好，宝贝');
    expect(fillTemplate('Hi {buyer}', { orderId: '1', items: [] }, 'en')).toBe('Hi there');
  });

  it('keeps markup and formula text literal and leaves unknown variables visible', () => {
    const text = fillTemplate('{买家} {商品} {未知}', { ...facts, buyer: '<img src=x onerror=alert(1)>', items: [{ title: '=HYPERLINK("x")' }] });
    expect(text).toBe('<img src=x onerror=alert(1)> =HYPERLINK("x") {未知}');
  });
});

describe('reminder guard', () => {
  const now = bj('2026-05-13T20:00:00');
  it('refuses orders no longer unpaid and reminders inside the cooldown', () => {
    expect(checkReminderAllowed({ status: 'paid' }, undefined, now, 12)).toEqual({ ok: false, reason: 'not-unpaid', status: 'paid' });
    expect(checkReminderAllowed(undefined, undefined, now, 12)).toEqual({ ok: false, reason: 'unknown-order' });
    const last = bj('2026-05-13T10:00:00');
    expect(checkReminderAllowed({ status: 'unpaid' }, last, now, 12)).toEqual({ ok: false, reason: 'cooldown', lastAt: last, nextAt: bj('2026-05-13T22:00:00') });
    expect(checkReminderAllowed({ status: 'unpaid' }, last, now, 6)).toEqual({ ok: true });
  });
  it('refuses orders past their payment window (the console has closed them)', () => {
    const deadline = bj('2026-05-13T19:30:00');
    expect(checkReminderAllowed({ status: 'unpaid' }, undefined, now, 12, deadline)).toEqual({ ok: false, reason: 'expired', deadlineAt: deadline });
    expect(checkReminderAllowed({ status: 'unpaid' }, undefined, now, 12, bj('2026-05-13T20:30:00'))).toEqual({ ok: true });
  });
  it('shows the time left to pay, not the order age, wherever the window is known', () => {
    expect(describeUnpaidAge(bj('2026-05-13T15:00:00'), bj('2026-05-13T20:20:00'), now)).toBe('付款剩余 20 分钟');
    expect(describeUnpaidAge(bj('2026-05-13T15:00:00'), bj('2026-05-13T20:20:00'), now, true)).toBe('付款剩余约 20 分钟');
    expect(describeUnpaidAge(bj('2026-05-10T15:00:00'), bj('2026-05-11T15:00:00'), now)).toBe('已超过付款时限');
    expect(describeUnpaidAge(bj('2026-05-13T15:00:00'), undefined, now)).toBe('下单 5 小时');
  });
});

describe('remindOrder and recovery', () => {
  let db: OrderLensDatabase;
  let name: string;
  let serial = 0;
  beforeEach(async () => {
    fakeBrowser.reset();
    name = `remind-test-${serial++}`;
    db = createDatabase(name);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(name);
  });

  it('records a reminder once per cooldown, and counts the order recovered when it is later paid', async () => {
    const created = bj('2026-05-13T09:00:00');
    await upsertOrders(db, [captured({ createdAt: created, amountCents: 5990, buyer: '测*' })], created);
    const settings = await remindSettingsItem.getValue();
    const first = await remindOrder(db, 'douyin', '4987654321098765432', bj('2026-05-13T10:00:00'), settings);
    expect(first).toMatchObject({ ok: true, channel: 'feige', chatUrl: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', templateId: 'zh-default' });
    expect(first.ok && first.text).toContain('亲您好～您在测试旗舰店拍下的「纯棉T恤」（¥59.90）');
    const again = await remindOrder(db, 'douyin', '4987654321098765432', bj('2026-05-13T11:00:00'), settings);
    expect(again).toMatchObject({ ok: false, reason: 'cooldown' });
    expect(await db.reminders.count()).toBe(1);

    const now = bj('2026-05-13T12:00:00');
    let kpis = await readKpis(db, { range: dayRange('all', now) }, now);
    expect([kpis.unpaid, kpis.recovery_rate, kpis.recovered_gmv]).toEqual([0, 0, 0]);
    await upsertOrders(db, [captured({ createdAt: created, amountCents: 5990, status: 'paid', statusText: '待发货', paidAt: bj('2026-05-13T11:30:00') })], now);
    kpis = await readKpis(db, { range: dayRange('all', now) }, now);
    expect([kpis.recovery_rate, kpis.recovered_gmv]).toEqual([1, 59.9]);
    expect(await remindOrder(db, 'douyin', '4987654321098765432', bj('2026-05-14T12:00:00'), settings)).toMatchObject({ ok: false, reason: 'not-unpaid' });
    // reminder history survives re-captures
    await upsertOrders(db, [captured({ status: 'shipped', statusText: '已发货' })], now + 1000);
    expect(await db.reminders.where('orderKey').equals('douyin:4987654321098765432').count()).toBe(1);
  });

  it('from the dashboard queue, an order past its payment window is refused (the console closed it); a live row is not checked', async () => {
    const created = bj('2026-05-13T09:00:00');
    await upsertOrders(db, [captured({ createdAt: created })], created);
    const late = bj('2026-05-13T10:00:00'); // 抖店's default window is 30 minutes
    expect(await remindOrder(db, 'douyin', '4987654321098765432', late, DEFAULT_REMIND_SETTINGS, {})).toMatchObject({ ok: false, reason: 'expired', deadlineAt: created + 1_800_000 });
    expect(await remindOrder(db, 'douyin', '4987654321098765432', late, DEFAULT_REMIND_SETTINGS, { douyin: 2 })).toMatchObject({ ok: true });
  });

  it('does not count an order paid before it was reminded as recovered', async () => {
    const created = bj('2026-05-13T09:00:00');
    await upsertOrders(db, [captured({ createdAt: created })], created);
    await remindOrder(db, 'douyin', '4987654321098765432', bj('2026-05-13T10:00:00'), DEFAULT_REMIND_SETTINGS);
    const now = bj('2026-05-13T12:00:00');
    await upsertOrders(db, [captured({ createdAt: created, status: 'paid', statusText: '待发货', paidAt: bj('2026-05-13T09:30:00') })], now);
    const kpis = await readKpis(db, { range: dayRange('all', now) }, now);
    expect(kpis.recovery_rate).toBe(0);
  });

  it('picks the template chosen for the platform', () => {
    expect(templateFor({ ...DEFAULT_REMIND_SETTINGS, templateByPlatform: { jd: 'zh-coupon' } }, 'jd').id).toBe('zh-coupon');
    expect(templateFor(DEFAULT_REMIND_SETTINGS, 'jd').id).toBe('zh-default');
  });
});
