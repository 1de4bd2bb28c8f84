import { useRef, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { useRememberedSelection } from '@/components/range-choice';
import { FilterBar } from '@/components/dashboard/FilterBar';
import { dayRangeOf, queryOf, selectionDeps, type Selection } from '@/components/dashboard/selection';
import { lang, s } from '@/components/dashboard/strings';
import { exportOrdersCsv } from '@/components/export/export-orders';
import { exportOrdersXlsx } from '@/components/export/export-orders-xlsx';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { countOrders } from '@/utils/db/order-queries';
import { ORDER_COLUMNS, REQUIRED_COLUMN_IDS, columnHeader, type HeaderLang, type OrderColumnId } from '@/utils/export/order-columns';
import { ViewHeading } from './ViewHeading';

const ALL_COLUMN_IDS = ORDER_COLUMNS.map((column) => column.id);
const isRequired = (id: OrderColumnId) => REQUIRED_COLUMN_IDS.includes(id);

type Progress = { done: number; total: number };

/** 导出: date range (default 近90天), platform/shop, columns, header language, progress, cancel. */
export function ExportView() {
  const db = useDatabase();
  const [remembered, setSelection] = useRememberedSelection(db);
  const selection: Selection = remembered ?? { range: 'all' };
  const [columns, setColumns] = useState<ReadonlySet<OrderColumnId>>(() => new Set(ALL_COLUMN_IDS));
  const [headerLang, setHeaderLang] = useState<HeaderLang>(lang);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  const estimate = useLiveQuery(() => countOrders(db, queryOf(selection)), [db, ...selectionDeps(selection)]);
  const stored = useLiveQuery(() => db.orders.count(), [db]);
  // an empty selection offers 全部 instead of downloading a header-only file
  const empty = estimate.status === 'ready' && estimate.value === 0 && stored.status === 'ready' && stored.value > 0;

  const toggle = (id: OrderColumnId, on: boolean) => {
    const next = new Set(columns);
    if (on) next.add(id);
    else next.delete(id);
    setColumns(next);
  };

  const run = async (format: 'csv' | 'xlsx') => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage('');
    setProgress({ done: 0, total: estimate.status === 'ready' ? estimate.value : 0 });
    try {
      const exported = await (format === 'xlsx' ? exportOrdersXlsx : exportOrdersCsv)(db, {
        filter: { range: dayRangeOf(selection), platform: selection.platform, shop: selection.platform ? selection.shop : undefined },
        lang: headerLang,
        columns: ALL_COLUMN_IDS.filter((id) => columns.has(id) || isRequired(id)),
        onProgress: (done, total) => setProgress({ done, total }),
        signal: controller.signal,
      });
      setMessage(s('exportDone', { n: exported }));
    } catch (error) {
      setMessage(controller.signal.aborted ? s('cancelled') : s('loadFailed', { error: String((error as Error)?.message ?? error) }));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  if (!remembered) return <section data-view="export" aria-labelledby="view-heading"><ViewHeading label={s('exportHeading')} /></section>;
  return (
    <section data-view="export" aria-labelledby="view-heading">
      <ViewHeading label={s('exportHeading')} />
      <p className="note">{s('exportIntro')}</p>
      <FilterBar value={selection} onChange={setSelection} />
      <fieldset className="columns">
        <legend>{s('exportFields')}</legend>
        <div className="toolbar">
          <button type="button" onClick={() => setColumns(new Set(ALL_COLUMN_IDS))}>
            {s('selectAll')}
          </button>
          <button type="button" onClick={() => setColumns(new Set(REQUIRED_COLUMN_IDS))}>
            {s('selectRequired')}
          </button>
        </div>
        <div className="column-grid">
          {ORDER_COLUMNS.map((column) => {
            const required = isRequired(column.id);
            return (
              <label key={column.id} className={required ? 'required' : undefined}>
                <input
                  type="checkbox"
                  data-column={column.id}
                  checked={required || columns.has(column.id)}
                  disabled={required}
                  onChange={(event) => toggle(column.id, event.target.checked)}
                />
                {columnHeader(column, lang)}
                {required && <span className="muted">{s('exportRequired')}</span>}
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="header-lang">
        <legend>{s('headerLang')}</legend>
        {(['zh', 'en'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="header-lang" data-header-lang={value} checked={headerLang === value} onChange={() => setHeaderLang(value)} />
            {value === 'zh' ? s('headerZh') : s('headerEn')}
          </label>
        ))}
      </fieldset>
      <div className="toolbar">
        <button type="button" className="primary" data-action="export-orders" disabled={!!progress || empty} onClick={() => void run('csv')}>
          {s('exportButton')}
        </button>
        <button type="button" data-action="export-orders-xlsx" disabled={!!progress || empty} onClick={() => void run('xlsx')}>
          {s('exportXlsxButton')}
        </button>
        {estimate.status === 'ready' && <span data-export-estimate={estimate.value}>{s('exportEstimate', { n: estimate.value })}</span>}
      </div>
      {empty && stored.status === 'ready' && (
        <p className="notice" data-export-empty>
          {s('exportEmpty', { total: stored.value })}{' '}
          <button type="button" data-action="export-range-all" onClick={() => setSelection({ ...selection, range: 'all', custom: undefined })}>
            {s('exportUseAll', { total: stored.value })}
          </button>
        </p>
      )}
      {progress && (
        <div className="progress-row">
          <progress max={progress.total || 1} value={progress.done} data-export-progress aria-label={s('exportProgress', progress)} />
          <span>{s('exportProgress', progress)}</span>
          <button type="button" data-action="cancel-export" onClick={() => abort.current?.abort()}>
            {s('cancel')}
          </button>
        </div>
      )}
      {message && (
        <p role="status" data-export-result>
          {message}
        </p>
      )}
    </section>
  );
}
