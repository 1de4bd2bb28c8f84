import { useEffect, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { DailyNotifySetting } from '@/components/daily/DailyNotifySetting';
import { d } from '@/components/daily/daily-strings';
import { downloadDailyPng, downloadDailyXlsx } from '@/components/daily/daily-downloads';
import { lang, s } from '@/components/dashboard/strings';
import { useExceptionRules } from '@/components/dashboard/use-exception-rules';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import { nextBeijingHour } from '@/utils/background/daily-notify-settings';
import { readDailyReport } from '@/utils/db/read-daily-report';
import { METRIC_FORMAT, NOW_METRICS, REPORT_METRICS, type DailyReport, type Delta, type ReportMetric, type ReportRow } from '@/utils/kpi/daily-report';
import { METRIC_LABEL, formatDelta, formatReportDay, formatValue, shopLabel } from '@/utils/kpi/daily-report-format';
import { dailyReportText } from '@/utils/kpi/daily-report-text';
import { paymentWindowsItem } from '@/utils/remind/payment-window-settings';
import { ViewHeading } from './ViewHeading';

const deltaClass = (delta: Delta | null) => (!delta || Math.abs(delta.diff) < 1e-9 ? '' : delta.diff > 0 ? 'up' : 'down');
const rawValue = (value: number | null) => (value === null ? {} : { 'data-value': String(value) });

function DeltaCell({ delta, metric }: { delta: Delta | null; metric: ReportMetric }) {
  return <td className={`num delta ${deltaClass(delta)}`}>{formatDelta(delta, METRIC_FORMAT[metric], lang)}</td>;
}

/** 全部平台: every metric with yesterday, the day before, the same weekday last week and the changes. */
function TotalTable({ report }: { report: DailyReport }) {
  const { total, days } = report;
  return (
    <table className="orders daily-total" data-report-row="total">
      <thead>
        <tr>
          <th scope="col">{d('colMetric')}</th>
          <th scope="col" className="num">{`${d('colYesterday')} ${days.yesterday.slice(5)}`}</th>
          <th scope="col" className="num">{`${d('colDayBefore')} ${days.dayBefore.slice(5)}`}</th>
          <th scope="col" className="num">{d('colVsDayBefore')}</th>
          <th scope="col" className="num">{`${d('colLastWeek')} ${days.lastWeek.slice(5)}`}</th>
          <th scope="col" className="num">{d('colVsLastWeek')}</th>
        </tr>
      </thead>
      <tbody>
        {REPORT_METRICS.map((metric) => {
          const figures = total.metrics[metric];
          const format = METRIC_FORMAT[metric];
          const now = NOW_METRICS.has(metric);
          return (
            <tr key={metric} data-metric={metric}>
              <th scope="row">{METRIC_LABEL[lang][metric]}</th>
              <td className="num" data-day="yesterday" {...rawValue(figures.value)}>
                {formatValue(figures.value, format, lang)}
              </td>
              <td className="num" data-day="day-before" {...rawValue(figures.dayBefore)}>
                {now ? '' : formatValue(figures.dayBefore, format, lang)}
              </td>
              {now ? <td /> : <DeltaCell delta={figures.vsDayBefore} metric={metric} />}
              <td className="num" data-day="last-week" {...rawValue(figures.lastWeek)}>
                {now ? '' : formatValue(figures.lastWeek, format, lang)}
              </td>
              {now ? <td /> : <DeltaCell delta={figures.vsLastWeek} metric={metric} />}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ScopeRow({ row, label, rowKey, indent }: { row: ReportRow; label: string; rowKey: string; indent: boolean }) {
  return (
    <tr data-report-row={rowKey} className={indent ? 'shop-row' : 'platform-row'}>
      <th scope="row">{label}</th>
      {REPORT_METRICS.map((metric) => {
        const figures = row.metrics[metric];
        const format = METRIC_FORMAT[metric];
        const compared = !NOW_METRICS.has(metric) && figures.value !== null;
        return (
          <td
            key={metric}
            className="num"
            data-metric={metric}
            {...rawValue(figures.value)}
            title={compared ? `${d('colLastWeek')} ${formatValue(figures.lastWeek, format, lang)} (${formatDelta(figures.vsLastWeek, format, lang)})` : undefined}
          >
            {formatValue(figures.value, format, lang)}
            {compared && <span className={`cell-delta ${deltaClass(figures.vsDayBefore)}`}>{formatDelta(figures.vsDayBefore, format, lang)}</span>}
          </td>
        );
      })}
    </tr>
  );
}

/** Each platform, and under it each of its shops: yesterday's figures with the change against the day before. */
function ScopeTable({ report }: { report: DailyReport }) {
  return (
    <div className="table-wrap">
      <table className="orders daily-scopes">
        <thead>
          <tr>
            <th scope="col">{d('colScope')}</th>
            {REPORT_METRICS.map((metric) => (
              <th key={metric} scope="col" className="num">
                {METRIC_LABEL[lang][metric]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.platforms.flatMap((platform) => [
            <ScopeRow key={platform.platform} row={platform} label={platformName(platform.platform!, lang)} rowKey={platform.platform!} indent={false} />,
            ...platform.shops.map((shop) => (
              <ScopeRow key={`${platform.platform}|${shop.shop}`} row={shop} label={shopLabel(shop.shop!, lang)} rowKey={`${platform.platform}|${shop.shop}`} indent />
            )),
          ])}
        </tbody>
      </table>
    </div>
  );
}

type CopyState = { state: 'idle' } | { state: 'done' } | { state: 'failed'; error: string };

function Actions({ report }: { report: DailyReport }) {
  const [copy, setCopy] = useState<CopyState>({ state: 'idle' });
  const [busy, setBusy] = useState(false);
  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(dailyReportText(report, lang, (platform) => platformName(platform, lang)));
      setCopy({ state: 'done' });
    } catch (error) {
      setCopy({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
  const png = async () => {
    setBusy(true);
    try {
      await downloadDailyPng(report, lang);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar">
      <button type="button" className="primary" data-action="daily-copy" onClick={() => void copyText()}>
        {d('copyText')}
      </button>
      <button type="button" data-action="daily-png" disabled={busy} onClick={() => void png()}>
        {d('downloadImage')}
      </button>
      <button type="button" data-action="daily-xlsx" onClick={() => downloadDailyXlsx(report)}>
        {d('exportExcel')}
      </button>
      <span aria-live="polite" data-copy-state={copy.state} className={copy.state === 'done' ? 'ok' : undefined}>
        {copy.state === 'done' ? d('copied') : copy.state === 'failed' ? d('copyFailed', { error: copy.error }) : ''}
      </span>
    </div>
  );
}

/** Changes at Beijing midnight, so a dashboard left open moves on to the new yesterday. */
function useBeijingDayStart(): number {
  const [start, setStart] = useState(() => nextBeijingHour(Date.now(), 0));
  useEffect(() => {
    const timer = setTimeout(() => setStart(nextBeijingHour(Date.now(), 0)), start - Date.now() + 1000);
    return () => clearTimeout(timer);
  }, [start]);
  return start;
}

/** 日报: yesterday against the day before and the same weekday last week; copy, image, Excel, notification. */
export function DailyView() {
  const db = useDatabase();
  const rules = useExceptionRules();
  const today = useBeijingDayStart();
  const report = useLiveQuery(async () => (rules ? readDailyReport(db, Date.now(), rules, await paymentWindowsItem.getValue()) : null), [db, rules, today]);
  const value = report.status === 'ready' ? report.value : null;
  const created = value?.total.created;
  return (
    <section data-view="daily" aria-labelledby="view-heading">
      <ViewHeading label={d('heading')} />
      <p className="note">{d('intro')}</p>
      {report.status === 'error' && <p role="alert">{s('loadFailed', { error: String(report.error) })}</p>}
      {!value ? (
        report.status !== 'error' && <p aria-busy="true">{s('loading')}</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="daily-total-heading" data-report-days={`${value.days.yesterday} ${value.days.dayBefore} ${value.days.lastWeek}`}>
            <h3 id="daily-total-heading">
              {d('allPlatforms')} · {formatReportDay(value.days.yesterday, lang)}
            </h3>
            <Actions report={value} />
            {created!.yesterday === 0 && (
              <p className="empty" data-report-empty>
                {created!.dayBefore + created!.lastWeek === 0 ? d('noData') : d('noOrdersYesterday', { dayBefore: created!.dayBefore, lastWeek: created!.lastWeek })}
              </p>
            )}
            <TotalTable report={value} />
          </section>
          {value.platforms.length > 0 && (
            <section className="panel">
              <ScopeTable report={value} />
            </section>
          )}
        </>
      )}
      <DailyNotifySetting />
    </section>
  );
}
