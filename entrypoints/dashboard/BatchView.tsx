import { useId, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { BATCH_FILE_ACCEPT, readBatchFileWith, type BatchFileNumbers, type BatchFileProblem } from '@/components/dashboard/batch-file-numbers';
import { BatchFileReport } from '@/components/dashboard/BatchFileReport';
import { batchFileOutcomeInWorker } from '@/components/dashboard/file-worker-client';
import { batchTrackingRows } from '@/components/dashboard/batch-rows';
import { MAX_BATCH_NUMBERS, splitOrderNumbers } from '@/components/dashboard/parse-order-numbers';
import { s } from '@/components/dashboard/strings';
import { tableFileProblemText } from '@/components/dashboard/table-file-messages';
import { TrackingTable } from '@/components/dashboard/TrackingTable';
import { useExceptionRules } from '@/components/dashboard/use-exception-rules';
import { useFileDrop } from '@/components/dashboard/use-file-drop';
import { exportTrackingCsv } from '@/components/export/export-tracking';
import { exportTrackingXlsx } from '@/components/export/export-tracking-xlsx';
import { lookupNumbers } from '@/utils/db/order-queries';
import type { TrackingRow } from '@/utils/tracking/tracking-rows';
import { SITES } from '@/utils/sites/registry';
import { ViewHeading } from './ViewHeading';

const PLATFORMS = SITES.map((site) => site.platform);

interface BatchResult {
  rows: TrackingRow[];
  numbers: number;
  found: number;
  truncated: boolean;
}

function fileProblemText(fileName: string, problem: BatchFileProblem): string {
  if (problem === 'no-id-column') return s('batchNoIdColumn', { file: fileName });
  return s('batchFileProblem', { file: fileName, problem: tableFileProblemText(problem) });
}

/** 批量查物流: paste order/waybill numbers or drop a spreadsheet of them → tracking table → tracking CSV / Excel. */
export function BatchView() {
  const db = useDatabase();
  const id = useId();
  const rules = useExceptionRules();
  const [text, setText] = useState('');
  const [result, setResult] = useState<BatchResult | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [fileRead, setFileRead] = useState<BatchFileNumbers | null>(null);

  const lookUp = async (numbers: string[]) => {
    setMessage('');
    if (numbers.length === 0) {
      setResult(null);
      setMessage(s('batchNothing'));
      return;
    }
    setBusy(true);
    try {
      const queries = numbers.slice(0, MAX_BATCH_NUMBERS);
      const lookups = await lookupNumbers(db, PLATFORMS, queries);
      setResult({
        rows: batchTrackingRows(lookups, Date.now(), rules ?? undefined),
        numbers: queries.length,
        found: lookups.filter((lookup) => lookup.orders.length > 0).length,
        truncated: numbers.length > MAX_BATCH_NUMBERS,
      });
    } catch (error) {
      setMessage(s('loadFailed', { error: String((error as Error)?.message ?? error) }));
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    if (busy) return;
    setBusy(true);
    setResult(null);
    setFileRead(null);
    setMessage(s('batchReadingFile', { file: file.name }));
    const read = await readBatchFileWith(file, batchFileOutcomeInWorker);
    setBusy(false);
    if (read.kind === 'file-problem') {
      setMessage(fileProblemText(read.fileName, read.problem));
      return;
    }
    setFileRead(read);
    setText(read.numbers.join('\n'));
    await lookUp(read.numbers);
  };
  const drop = useFileDrop((file) => void importFile(file));

  const exportRows = async () => {
    if (!result) return;
    setBusy(true);
    try {
      await exportTrackingCsv(db, { filter: {}, rows: result.rows });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section data-view="batch" aria-labelledby="view-heading" {...drop.handlers}>
      <ViewHeading label={s('batchHeading')} />
      <p className="note">{s('batchIntro')}</p>
      <form
        className="batch-form"
        onSubmit={(event) => {
          event.preventDefault();
          setFileRead(null);
          void lookUp(splitOrderNumbers(text));
        }}
      >
        <label htmlFor={`${id}-numbers`} className="sr-only">
          {s('batchInput')}
        </label>
        <textarea
          id={`${id}-numbers`}
          data-batch-input
          rows={8}
          placeholder={s('batchInput')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl/⌘+Enter looks up without leaving the keyboard
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              setFileRead(null);
              void lookUp(splitOrderNumbers(text));
            }
          }}
        />
        <div className="toolbar">
          <button type="submit" data-action="batch-lookup" disabled={busy}>
            {s('lookup')}
          </button>
          <button
            type="button"
            onClick={() => {
              setText('');
              setResult(null);
              setFileRead(null);
              setMessage('');
            }}
          >
            {s('clear')}
          </button>
        </div>
      </form>
      <div className="drop-zone" data-drop-zone data-dragging={drop.dragging ? 'true' : undefined}>
        <p>
          {s('batchDropZone')}{' '}
          <label className="file-button">
            {s('importFile')}
            <input
              type="file"
              data-action="batch-import"
              accept={BATCH_FILE_ACCEPT}
              disabled={busy}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
        </p>
        <p className="note">{s('batchDropHint')}</p>
      </div>
      {message && <p role="status">{message}</p>}
      {fileRead && <BatchFileReport read={fileRead} />}
      {result && (
        <>
          <div className="toolbar">
            <p aria-live="polite" data-batch-summary data-found={result.found} data-missing={result.numbers - result.found}>
              {s('batchSummary', { n: result.numbers, found: result.found, missing: result.numbers - result.found })}
              {result.truncated && ` ${s('batchTooMany', { n: MAX_BATCH_NUMBERS })}`}
            </p>
            <button type="button" data-action="export-tracking" disabled={busy} onClick={() => void exportRows()}>
              {s('exportTracking')}
            </button>
            <button type="button" data-action="export-tracking-xlsx" disabled={busy} onClick={() => exportTrackingXlsx(result.rows)}>
              {s('exportTrackingXlsx')}
            </button>
          </div>
          <TrackingTable rows={result.rows} showQuery showException />
        </>
      )}
    </section>
  );
}
