import { useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import type { ExportFilter } from '@/utils/db/export-source';
import { t } from '@/utils/i18n/t';

// The export code (papaparse, the column contract) loads on the click, not with the popup's first paint.
const loadOrdersExport = () => import('./export-orders');
const loadTrackingExport = () => import('./export-tracking');

/** One-click exports with progress; `[data-action]` names are the test contract of DESIGN.md. */
export function ExportButtons({ filter = {} }: { filter?: ExportFilter }) {
  const db = useDatabase();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (job: () => Promise<unknown>) => {
    setError(null);
    setProgress({ done: 0, total: 0 });
    try {
      await job();
    } catch (failure) {
      setError(String((failure as Error)?.message ?? failure));
    } finally {
      setProgress(null);
    }
  };
  const onProgress = (done: number, total: number) => setProgress({ done, total });
  return (
    <div className="exports">
      <button type="button" data-action="export-orders" disabled={!!progress} onClick={() => run(async () => (await loadOrdersExport()).exportOrdersCsv(db, { filter, onProgress }))}>
        {t('exportOrders')}
      </button>
      <button type="button" data-action="export-tracking" disabled={!!progress} onClick={() => run(async () => (await loadTrackingExport()).exportTrackingCsv(db, { filter, onProgress }))}>
        {t('exportTracking')}
      </button>
      {progress && (
        <progress max={progress.total || 1} value={progress.done} aria-label={t('exporting')} data-export-progress>
          {t('exporting')}
        </progress>
      )}
      {error && (
        <p role="alert" className="storage-error">
          {error}
        </p>
      )}
    </div>
  );
}
