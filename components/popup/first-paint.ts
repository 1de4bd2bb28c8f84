// The popup's first paint without React or Dexie (issue 14: first KPI tile ≤ 1.5× a bare page). A plain
// script reads the remembered range and the rollup rows with raw IndexedDB and draws the popup's header,
// filters and rollup tiles with the markup React draws (KpiTile); the React app loads after it and takes
// over once its own tiles are ready (handOffFirstPaint). Only figures from rollups are drawn: 待催付 and
// 物流异常 read orders and wait for the app.
import { DELTA_KPIS, formatKpi, KPI_TILES } from '@/components/kpi/kpi-meta';
import { computeKpis, sumContributions, type Kpis } from '@/utils/kpi/compute-kpis';
import { dayRange, previousRange, RANGE_LABELS, type DayRange, type RangeId } from '@/utils/kpi/date-ranges';
import type { Contribution } from '@/utils/kpi/order-contribution';
import { messageIn, type UiLang } from '@/utils/i18n/messages';
import { DB_NAME } from '@/utils/db/db-name';

/** What the popup needs to know before painting (chrome.storage.local, WXT item keys). */
export interface FirstPaintSettings {
  /** `local:rangeChoice` (components/range-choice.ts). */
  rangeChoice?: { range: RangeId; custom?: DayRange } | null;
  /** `local:lastKnownOrderCount` (utils/background/settings-items.ts). */
  lastKnownOrderCount?: number;
}

export interface FirstPaintFigures {
  range: RangeId;
  kpis: Kpis;
  previous: Kpis | null;
}

type RollupRow = Contribution & { day: string };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The extension's database as it is, or null when it does not exist yet (never creates it: Dexie does). */
function openExisting(factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const open = factory.open(DB_NAME);
    // no database yet (or none at all): abort the creation, which fails the open (onerror)
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => {
      const db = open.result;
      // a newer schema wants the database: let go at once
      db.onversionchange = () => db.close();
      resolve(db.objectStoreNames.contains('rollups') ? db : (db.close(), null));
    };
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
  });
}

function rowsIn(rows: readonly RollupRow[], range: DayRange): RollupRow[] {
  return rows.filter((row) => row.day >= range.first && row.day <= range.last);
}

/** The smallest span of days holding both ranges (one read instead of two). */
function spanOf(range: DayRange, previous: DayRange | null): DayRange {
  return previous ? { first: previous.first < range.first ? previous.first : range.first, last: range.last > previous.last ? range.last : previous.last } : range;
}

/**
 * The rollup KPIs of the remembered range (none chosen yet: 今日 when today has orders, else 近30天 when
 * those days have some, else 全部 — as useRememberedSelection), with the previous period for the deltas,
 * from one read of the rollups' day index. Null when there is no database or the data looks lost (the app
 * then says so). `settings` is read while the database opens.
 */
export async function readFirstPaintFigures(factory: IDBFactory, settingsPromise: Promise<FirstPaintSettings>, now: number): Promise<FirstPaintFigures | null> {
  const [db, settings] = await Promise.all([openExisting(factory), settingsPromise]);
  if (!db) return null;
  try {
    const days = db.transaction('rollups', 'readonly').objectStore('rollups').index('day');
    const read = (range: DayRange) => request(days.getAll(IDBKeyRange.bound(range.first, range.last))) as Promise<RollupRow[]>;
    const chosen = settings.rangeChoice ?? null;
    let range: RangeId;
    let rows: RollupRow[];
    if (chosen) {
      range = chosen.range;
      rows = await read(spanOf(dayRange(range, now, chosen.custom), previousRange(range, now, chosen.custom)));
    } else {
      // today and yesterday first (a shop with orders today: the common case), else 近30天 and the 30 days before
      const has = (candidate: RangeId) => rowsIn(rows, dayRange(candidate, now)).some((row) => row.created > 0);
      rows = await read(spanOf(dayRange('today', now), previousRange('today', now)));
      range = 'today';
      if (!has('today')) {
        rows = await read(spanOf(dayRange('last30', now), previousRange('last30', now)));
        range = has('last30') ? 'last30' : 'all';
        if (range === 'all') rows = await read(dayRange('all', now));
      }
    }
    // a database emptied under a seller who had orders: the app's check reports it, paint nothing
    if (rows.length === 0 && (settings.lastKnownOrderCount ?? 0) > 0 && (await request(db.transaction('rollups').objectStore('rollups').count())) === 0) return null;
    const before = previousRange(range, now, chosen?.custom);
    return {
      range,
      kpis: computeKpis(sumContributions(rowsIn(rows, dayRange(range, now, chosen?.custom)))),
      previous: before ? computeKpis(sumContributions(rowsIn(rows, before))) : null,
    };
  } finally {
    db.close();
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The popup as PopupApp draws it — header, filters (inert until the app takes over), rollup tiles. */
export function drawFirstPaint(target: HTMLElement, figures: FirstPaintFigures, lang: UiLang, dashboardUrl: (hash?: string) => string): void {
  const text = (key: Parameters<typeof messageIn>[1]) => messageIn(lang, key);
  const main = element('main', { class: 'popup' });
  const header = element('header');
  header.append(element('h1', {}, text('extName')), element('a', { href: dashboardUrl(), target: '_blank', rel: 'noreferrer' }, text('openDashboard')));
  const filters = element('div', { class: 'filters' });
  for (const [label, option] of [
    ['range', RANGE_LABELS[figures.range][lang]],
    ['platform', text('allPlatforms')],
  ] as const) {
    const select = element('select', { 'aria-label': label, disabled: '' });
    select.append(element('option', {}, option));
    filters.append(select);
  }
  const tiles = element('section', { class: 'tiles', 'aria-live': 'polite' });
  const previousLabel = figures.range === 'today' ? text('vsYesterday') : text('vsPrevious');
  for (const tile of KPI_TILES) {
    const fromRollups = tile.name !== 'unpaid' && tile.name !== 'exceptions';
    const value = fromRollups ? figures.kpis[tile.name] : undefined;
    const node = element('div', { class: 'tile', 'data-kpi': tile.name, title: text(tile.definition), tabindex: '0' });
    if (value !== null && value !== undefined) node.setAttribute('data-value', String(value));
    node.append(element('span', { class: 'tile-label' }, text(tile.label)));
    const shown = fromRollups ? formatKpi(value, tile.format, text('hoursUnit')) : '…';
    node.append(tile.link ? element('a', { class: 'tile-value', href: dashboardUrl(tile.link), target: '_blank', rel: 'noreferrer' }, shown) : element('span', { class: 'tile-value' }, shown));
    const previous = DELTA_KPIS.has(tile.name) ? figures.previous?.[tile.name] : undefined;
    if (value !== null && value !== undefined && previous !== null && previous !== undefined) {
      const delta = value - previous;
      node.append(element('span', { class: `tile-delta ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}` }, `${previousLabel} ${delta > 0 ? '+' : ''}${formatKpi(delta, tile.format, text('hoursUnit'))}`));
    }
    tiles.append(node);
  }
  main.append(header, filters, tiles);
  target.replaceChildren(main);
}
