import { useLayoutEffect } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { handOffFirstPaint } from '@/components/popup/first-paint-handoff';
import { useRememberedSelection } from '@/components/range-choice';
import { browser } from 'wxt/browser';
import { KpiTile } from '@/components/kpi/KpiTile';
import { DELTA_KPIS, KPI_TILES } from '@/components/kpi/kpi-meta';
import { TrendChart } from '@/components/kpi/TrendChart';
import { useKpis, useRangeTrend, type KpiSelection } from '@/components/kpi/use-kpis';
import { platformName } from '@/components/platform-names';
import { ExportButtons } from '@/components/export/ExportButtons';
import { addDays, beijingDay } from '@/utils/kpi/beijing-day';
import { RANGE_LABELS, type RangeId } from '@/utils/kpi/date-ranges';
import { t, uiLang } from '@/utils/i18n/t';
import { SITES } from '@/utils/sites/registry';

const POPUP_RANGES: RangeId[] = ['today', 'yesterday', 'last7', 'last30', 'last90', 'all'];
const TREND_DAYS = 14;

export function PopupApp() {
  const lang = uiLang();
  const db = useDatabase();
  // the range the seller last chose here or on the dashboard (first time: one that shows their data)
  const [remembered, setSelection] = useRememberedSelection(db);
  const selection: KpiSelection = remembered ?? { range: 'today' };
  const { main, exceptions } = useKpis(selection);
  const trend = useRangeTrend(selection);
  const tilesReady = main.status === 'ready' && remembered !== null;
  // the first paint (popup-first-paint.js) stays until these tiles replace it, in the same frame
  useLayoutEffect(() => {
    if (tilesReady || main.status === 'error') handOffFirstPaint();
  }, [tilesReady, main.status]);
  const dashboard = (hash = '') => browser.runtime.getURL(`/dashboard.html${hash ? `#${hash}` : ''}`);
  return (
    <main className="popup">
      <header>
        <h1>{t('extName')}</h1>
        <a href={dashboard()} target="_blank" rel="noreferrer">
          {t('openDashboard')}
        </a>
      </header>
      <div className="filters">
        <select
          aria-label="range"
          data-filter="range"
          value={selection.range}
          onChange={(event) => setSelection({ ...selection, range: event.target.value as RangeId })}
        >
          {[...POPUP_RANGES, ...(selection.range === 'custom' ? (['custom'] as RangeId[]) : [])].map((range) => (
            <option key={range} value={range}>
              {RANGE_LABELS[range][lang]}
            </option>
          ))}
        </select>
        <select
          aria-label="platform"
          data-filter="platform"
          value={selection.platform ?? ''}
          onChange={(event) => setSelection({ ...selection, platform: event.target.value || undefined })}
        >
          <option value="">{t('allPlatforms')}</option>
          {SITES.map((site) => (
            <option key={site.platform} value={site.platform}>
              {platformName(site.platform, lang)}
            </option>
          ))}
        </select>
      </div>
      {tilesReady && (
        <section className="tiles" aria-live="polite">
          {KPI_TILES.map((tile) => (
            <KpiTile
              key={tile.name}
              tile={tile}
              value={tile.name === 'exceptions' ? (exceptions.status === 'ready' ? exceptions.value : undefined) : main.value.kpis[tile.name]}
              previous={DELTA_KPIS.has(tile.name) ? main.value.previous?.[tile.name] : undefined}
              previousLabel={selection.range === 'today' ? t('vsYesterday') : t('vsPrevious')}
              href={tile.link ? dashboard(tile.link) : undefined}
            />
          ))}
        </section>
      )}
      {trend.status === 'ready' && remembered && <TrendChart buckets={trend.value.buckets} unit={trend.value.unit} title={t('trendTitle')} />}
      <ExportButtons />
    </main>
  );
}
