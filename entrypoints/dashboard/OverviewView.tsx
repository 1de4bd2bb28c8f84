import { BarList } from '@/components/dashboard/BarList';
import { DailyChart } from '@/components/dashboard/DailyChart';
import { FilterBar } from '@/components/dashboard/FilterBar';
import { OrderRows } from '@/components/dashboard/OrderRows';
import type { Selection } from '@/components/dashboard/selection';
import { lang, s, statusLabel } from '@/components/dashboard/strings';
import {
  PROVINCE_SAMPLE,
  useOverviewKpis,
  useOverviewTrend,
  usePlatformComparison,
  useProvinces,
  useOrderSources,
  useRecentOrders,
  useStatusBreakdown,
} from '@/components/dashboard/use-overview';
import { useExceptionRules } from '@/components/dashboard/use-exception-rules';
import { KpiTile } from '@/components/kpi/KpiTile';
import { DELTA_KPIS, KPI_TILES, formatKpi } from '@/components/kpi/kpi-meta';
import { t } from '@/utils/i18n/t';
import { platformName } from '@/components/platform-names';
import { ORDER_STATUSES } from '@/utils/model/status';
import { ViewHeading } from './ViewHeading';

const yuan = (value: number) => formatKpi(value, 'money', '');
const count = (value: number) => value.toLocaleString('zh-CN');

function KpiSection({ selection }: { selection: Selection }) {
  const rules = useExceptionRules();
  const { main, exceptions } = useOverviewKpis(selection, rules);
  return (
    <section className="panel" aria-labelledby="kpi-heading">
      <h3 id="kpi-heading">{s('kpiHeading')}</h3>
      {main.status === 'ready' ? (
        <div className="tiles" aria-live="polite">
          {KPI_TILES.map((tile) => (
            <KpiTile
              key={tile.name}
              tile={tile}
              value={tile.name === 'exceptions' ? (exceptions.status === 'ready' ? exceptions.value : undefined) : main.value.kpis[tile.name]}
              previous={DELTA_KPIS.has(tile.name) ? main.value.previous?.[tile.name] : undefined}
              previousLabel={selection.range === 'today' ? t('vsYesterday') : t('vsPrevious')}
            />
          ))}
        </div>
      ) : (
        <p aria-busy="true">{s('loading')}</p>
      )}
      <p className="links-row">
        <a href="#unpaid">{s('viewUnpaid')} →</a>
        <a href="#exceptions">{s('viewExceptions')} →</a>
      </p>
    </section>
  );
}

function TrendSection({ selection }: { selection: Selection }) {
  const trend = useOverviewTrend(selection);
  if (trend.status !== 'ready') return null;
  return (
    <section className="panel two-charts">
      <DailyChart kind="orders" title={`${s('trendOrders')}${UNIT_SUFFIX[trend.value.unit]}`} days={trend.value.days} values={trend.value.orders} format={count} />
      <DailyChart kind="gmv" title={`${s('trendGmv')}${UNIT_SUFFIX[trend.value.unit]}`} days={trend.value.days} values={trend.value.gmv} format={yuan} />
    </section>
  );
}

const UNIT_SUFFIX = { day: '', week: lang === 'zh' ? '（按周）' : ' (by week)', month: lang === 'zh' ? '（按月）' : ' (by month)' } as const;

function StatusSection({ selection }: { selection: Selection }) {
  const counts = useStatusBreakdown(selection);
  return (
    <section className="panel" data-panel="status">
      {counts.status === 'ready' && (
        <BarList
          kind="status"
          title={s('statusHeading')}
          bars={ORDER_STATUSES.map((status) => ({ key: status, label: statusLabel(status), value: counts.value[status] }))}
        />
      )}
    </section>
  );
}

function ProvinceSection({ selection }: { selection: Selection }) {
  const provinces = useProvinces(selection);
  return (
    <section className="panel" data-panel="provinces">
      {provinces.status === 'ready' && (
        <>
          {provinces.value.top.length > 0 ? (
            <BarList kind="provinces" title={s('provinceHeading')} bars={provinces.value.top.map(([province, value]) => ({ key: province, label: province, value }))} />
          ) : (
            <>
              <h3>{s('provinceHeading')}</h3>
              <p className="empty">{s('noDataInRange')}</p>
            </>
          )}
          <p className="note">
            {s('provinceNote')} {provinces.value.capped && s('provinceCapped', { n: PROVINCE_SAMPLE })}{' '}
            {provinces.value.unknown > 0 && s('provinceUnknown', { n: provinces.value.unknown })}
          </p>
        </>
      )}
    </section>
  );
}

/** 订单来源: only shown once some console told where its orders came from (抖店's JSON does). */
function OrderSourceSection({ selection }: { selection: Selection }) {
  const sources = useOrderSources(selection);
  if (sources.status !== 'ready' || sources.value.sources.length === 0) return null;
  const bars = sources.value.sources.map(([source, value]) => ({ key: source, label: source, value }));
  if (sources.value.unknown > 0) bars.push({ key: '', label: s('orderSourceUnknown'), value: sources.value.unknown });
  return (
    <section className="panel" data-panel="order-sources">
      <BarList kind="order-sources" title={s('orderSourceHeading')} bars={bars} />
      <p className="note">{s('orderSourceNote')}</p>
    </section>
  );
}

function PlatformSection({ selection }: { selection: Selection }) {
  const rows = usePlatformComparison(selection);
  if (rows.status !== 'ready') return null;
  const maxGmv = Math.max(1, ...rows.value.map((row) => row.kpis.gmv));
  return (
    <section className="panel" data-panel="platforms" aria-labelledby="platform-heading">
      <h3 id="platform-heading">{s('platformHeading')}</h3>
      {rows.value.length === 0 ? (
        <p className="empty">{s('noDataInRange')}</p>
      ) : (
        <table className="orders compare">
          <thead>
            <tr>
              <th scope="col">{s('colPlatform')}</th>
              <th scope="col" className="num">
                {s('colOrders')}
              </th>
              <th scope="col" className="num">
                {s('colPaid')}
              </th>
              <th scope="col" className="num">
                {s('colGmv')}
              </th>
              <th scope="col" className="num">
                {s('colAov')}
              </th>
              <th scope="col" className="num">
                {s('colConversion')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.value.map((row) => (
              <tr key={row.platform} data-platform={row.platform}>
                <th scope="row">{platformName(row.platform, lang)}</th>
                <td className="num" data-value={row.kpis.orders}>
                  {count(row.kpis.orders)}
                </td>
                <td className="num">{count(row.paid)}</td>
                <td className="num gmv-cell" data-value={row.kpis.gmv}>
                  <svg width="60" height="10" aria-hidden="true" className="inline-bar">
                    <rect width={Math.max(1, (row.kpis.gmv / maxGmv) * 60)} height="10" rx="2" />
                  </svg>
                  {yuan(row.kpis.gmv)}
                </td>
                <td className="num">{formatKpi(row.kpis.aov, 'money', '')}</td>
                <td className="num">{formatKpi(row.kpis.conversion, 'rate', '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="note">{s('platformNote')}</p>
    </section>
  );
}

function RecentSection() {
  const recent = useRecentOrders();
  if (recent.status !== 'ready') return null;
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h3 id="recent-heading">{s('recentHeading')}</h3>
      {recent.value.length === 0 ? <p className="empty">{s('noOrdersYet')}</p> : <OrderRows orders={recent.value} />}
    </section>
  );
}

/** 概览: KPI tiles, daily trends, status breakdown, provinces, platforms, recently updated orders. */
export function OverviewView({ selection, onSelection }: { selection: Selection; onSelection: (next: Selection) => void }) {
  return (
    <section data-view="overview" aria-labelledby="view-heading">
      <ViewHeading label={s('navOverview')} />
      <FilterBar value={selection} onChange={onSelection} />
      <KpiSection selection={selection} />
      <TrendSection selection={selection} />
      {/* status and order sources stacked beside the (taller) provinces: no half-empty card */}
      <div className="grid-2 fit">
        <div className="stack">
          <StatusSection selection={selection} />
          <OrderSourceSection selection={selection} />
        </div>
        <ProvinceSection selection={selection} />
      </div>
      <PlatformSection selection={selection} />
      <RecentSection />
    </section>
  );
}
