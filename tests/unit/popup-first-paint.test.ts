// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createDatabase, DB_NAME } from '@/utils/db/database';
import { upsertOrders } from '@/utils/db/upsert-orders';
import { readRollups } from '@/utils/db/read-kpis';
import { computeKpis, sumContributions } from '@/utils/kpi/compute-kpis';
import { dayRange, previousRange } from '@/utils/kpi/date-ranges';
import { drawFirstPaint, readFirstPaintFigures } from '@/components/popup/first-paint';
import { handOffFirstPaint } from '@/components/popup/first-paint-handoff';
import { KPI_TILES } from '@/components/kpi/kpi-meta';
import { captured } from './order-factory';

const NOW = Date.parse('2026-05-13T10:00:00+08:00');
const HOUR = 3_600_000;

afterEach(async () => {
  await Dexie.delete(DB_NAME);
});

async function seed() {
  const db = createDatabase();
  await db.open();
  await upsertOrders(
    db,
    [
      captured({ orderId: '4987654321098765001', status: 'paid', statusText: '待发货', createdAt: NOW - 2 * HOUR, paidAt: NOW - 2 * HOUR, amountCents: 12990 }),
      captured({ orderId: '4987654321098765002', status: 'unpaid', statusText: '待支付', createdAt: NOW - HOUR, amountCents: 5900 }),
      captured({ orderId: '4987654321098765003', status: 'paid', statusText: '待发货', createdAt: NOW - 26 * HOUR, paidAt: NOW - 26 * HOUR, amountCents: 9900 }),
      captured({ orderId: '4987654321098765004', status: 'paid', statusText: '待发货', createdAt: NOW - 10 * 24 * HOUR, paidAt: NOW - 10 * 24 * HOUR, amountCents: 19900 }),
      captured({ platform: 'jd', orderId: '312345678901', status: 'paid', statusText: '等待出库', createdAt: NOW - 3 * HOUR, paidAt: NOW - 3 * HOUR, amountCents: 30000 }),
    ],
    NOW,
  );
  return db;
}

/** The figures the React popup computes for a range (use-kpis.ts: readRollups, computeKpis). */
async function appFigures(range: 'today' | 'last30' | 'last7') {
  const db = createDatabase();
  await db.open();
  const current = computeKpis(sumContributions(await readRollups(db, { range: dayRange(range, NOW) })));
  const previous = computeKpis(sumContributions(await readRollups(db, { range: previousRange(range, NOW)! })));
  db.close();
  return { current, previous };
}

describe('the popup first paint (raw IndexedDB, no React, no Dexie)', () => {
  it('gives the figures the app computes, for the remembered range and its previous period', async () => {
    (await seed()).close();
    const figures = await readFirstPaintFigures(indexedDB, Promise.resolve({ rangeChoice: { range: 'last7' } }), NOW);
    const app = await appFigures('last7');
    expect(figures).toEqual({ range: 'last7', kpis: app.current, previous: app.previous });
    expect(figures!.kpis.orders).toBe(4);
  });

  it('without a remembered range: 今日 when today has orders, as the app chooses', async () => {
    (await seed()).close();
    const figures = await readFirstPaintFigures(indexedDB, Promise.resolve({ rangeChoice: null }), NOW);
    const app = await appFigures('today');
    expect(figures).toEqual({ range: 'today', kpis: app.current, previous: app.previous });
    expect(figures!.kpis.orders).toBe(3);
    expect(figures!.previous!.orders).toBe(1);
  });

  it('without orders today: 近30天', async () => {
    (await seed()).close();
    const later = NOW + 2 * 24 * HOUR;
    const figures = await readFirstPaintFigures(indexedDB, Promise.resolve({}), later);
    expect(figures!.range).toBe('last30');
    expect(figures!.kpis.orders).toBe(5);
  });

  it('paints nothing and creates no database when there is none yet', async () => {
    expect(await readFirstPaintFigures(indexedDB, Promise.resolve({}), NOW)).toBeNull();
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(DB_NAME);
    // Dexie can still create it afterwards at its own version
    const db = createDatabase();
    await db.open();
    expect(db.verno).toBeGreaterThan(1);
    db.close();
  });

  it('paints nothing when the rollups are gone but the background counted orders (the app reports the loss)', async () => {
    const db = await seed();
    await db.rollups.clear();
    db.close();
    expect(await readFirstPaintFigures(indexedDB, Promise.resolve({ lastKnownOrderCount: 5 }), NOW)).toBeNull();
  });

  it('draws the tiles with the test contract of the app: data-kpi, raw data-value, rollup tiles only', async () => {
    (await seed()).close();
    const figures = (await readFirstPaintFigures(indexedDB, Promise.resolve({ rangeChoice: { range: 'today' } }), NOW))!;
    document.body.innerHTML = '<div id="first-paint"></div><div id="root" hidden></div>';
    drawFirstPaint(document.getElementById('first-paint')!, figures, 'zh', (hash) => `chrome-extension://x/dashboard.html${hash ? `#${hash}` : ''}`);
    const tiles = [...document.querySelectorAll('[data-kpi]')];
    expect(tiles.map((tile) => tile.getAttribute('data-kpi'))).toEqual(KPI_TILES.map((tile) => tile.name));
    expect(document.querySelector('[data-kpi="orders"]')!.getAttribute('data-value')).toBe('3');
    expect(document.querySelector('[data-kpi="gmv"]')!.getAttribute('data-value')).toBe(String(figures.kpis.gmv));
    expect(document.querySelector('[data-kpi="gmv"] .tile-value')!.textContent).toBe('¥429.90');
    // 待催付 and 物流异常 read orders: the app fills them
    expect(document.querySelector('[data-kpi="unpaid"]')!.hasAttribute('data-value')).toBe(false);
    expect(document.querySelector('[data-kpi="exceptions"]')!.hasAttribute('data-value')).toBe(false);
    expect(document.querySelector('[data-kpi="orders"] .tile-delta')!.textContent).toBe('较昨日 +2');
    expect(document.querySelector('select[aria-label="range"]')!.textContent).toBe('今日');
    handOffFirstPaint();
    expect(document.getElementById('first-paint')).toBeNull();
    expect(document.getElementById('root')!.hidden).toBe(false);
  });
});
