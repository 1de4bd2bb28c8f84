import { useId, useRef, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { s, type StringKey } from '@/components/dashboard/strings';
import { downloadParts } from '@/components/export/download';
import {
  BackupError,
  backupFileName,
  buildBackupParts,
  deleteAllData,
  parseBackup,
  RestoreCancelledError,
  readSettingsSnapshot,
  recordOrderCount,
  restoreBackup,
  restoreSettingsSnapshot,
} from '@/utils/db/backup';
import { checkRollups, type RollupCheck } from '@/utils/db/check-rollups';
import { recomputeRollups } from '@/utils/db/rollup-updates';
import { ViewHeading } from './ViewHeading';

type Job = 'backup' | 'restore' | 'check' | 'rebuild' | 'delete';

/** 备份与恢复: full JSON backup, restore with validation, 删除全部数据 (typed confirmation). */
export function BackupView() {
  const db = useDatabase();
  const id = useId();
  const [job, setJob] = useState<Job | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ job: Job; text: string; ok: boolean } | null>(null);
  const [confirmText, setConfirmText] = useState('');
  const [check, setCheck] = useState<RollupCheck | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (which: Job, work: () => Promise<string>) => {
    setJob(which);
    setResult(null);
    setProgress(null);
    try {
      setResult({ job: which, text: await work(), ok: true });
    } catch (error) {
      const text =
        error instanceof BackupError
          ? s(`backup-${error.problem}` as StringKey)
          : error instanceof RestoreCancelledError
            ? s('cancelled')
            : s('loadFailed', { error: String((error as Error)?.message ?? error) });
      setResult({ job: which, text, ok: false });
    } finally {
      setJob(null);
      setProgress(null);
    }
  };

  const backup = () =>
    run('backup', async () => {
      const settings = await readSettingsSnapshot();
      const { parts, counts } = await buildBackupParts(db, { settings, onProgress: (done, total) => setProgress({ done, total }) });
      downloadParts(parts, backupFileName(), 'application/json');
      return s('backupDone', { orders: counts.orders, reminders: counts.reminders, settings: counts.settings });
    });

  const restore = (file: File) =>
    run('restore', async () => {
      const parsed = parseBackup(await file.text());
      const controller = new AbortController();
      abort.current = controller;
      const restored = await restoreBackup(db, parsed, { signal: controller.signal, onProgress: (done, total) => setProgress({ done, total }) });
      const settings = await restoreSettingsSnapshot(parsed.settings);
      await recordOrderCount(db);
      return s('restoreDone', {
        orders: restored.orders.restored,
        invalid: restored.orders.invalid,
        kept: restored.orders.keptNewer,
        reminders: restored.reminders.restored,
        settings,
      });
    });

  const checkNow = () =>
    run('check', async () => {
      const found = await checkRollups(db);
      setCheck(found);
      const first = found.mismatches[0];
      return first
        ? s('checkDrift', { n: found.mismatches.length, key: first.key, field: first.field, stored: first.stored, recounted: first.recounted })
        : s('checkOk', { orders: found.orders, rows: found.rollupRows });
    });

  const rebuild = () =>
    run('rebuild', async () => {
      await recomputeRollups(db);
      setCheck(null);
      return s('rebuildDone');
    });

  const deleteAll = () =>
    run('delete', async () => {
      await deleteAllData(db);
      await recordOrderCount(db);
      setConfirmText('');
      return s('deleteDone');
    });

  const status = (which: Job) =>
    result?.job === which && (
      <p role={result.ok ? 'status' : 'alert'} data-result={which} data-ok={result.ok ? 'true' : 'false'} className={result.ok ? 'ok' : 'storage-error'}>
        {result.text}
      </p>
    );
  const progressBar = (which: Job) =>
    job === which && (
      <p className="progress-row">
        {progress ? <progress max={progress.total || 1} value={progress.done} aria-label={s('working')} /> : null}
        <span>{s('working')}</span>
        {which === 'restore' && (
          <button type="button" data-action="restore-cancel" onClick={() => abort.current?.abort()}>
            {s('cancel')}
          </button>
        )}
      </p>
    );

  return (
    <section data-view="backup" aria-labelledby="view-heading">
      <ViewHeading label={s('navBackup')} />
      <section className="panel" aria-labelledby={`${id}-backup`}>
        <h3 id={`${id}-backup`}>{s('backupHeading')}</h3>
        <p className="note">{s('backupIntro')}</p>
        <button type="button" className="primary" data-action="backup" disabled={job !== null} onClick={() => void backup()}>
          {s('backupButton')}
        </button>
        {progressBar('backup')}
        {status('backup')}
      </section>
      <section className="panel" aria-labelledby={`${id}-restore`}>
        <h3 id={`${id}-restore`}>{s('restoreHeading')}</h3>
        <p className="note">{s('restoreIntro')}</p>
        <label className="file-button">
          {s('restoreFile')}
          <input
            type="file"
            accept=".json,application/json"
            data-action="restore"
            disabled={job !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void restore(file);
            }}
          />
        </label>
        {progressBar('restore')}
        {status('restore')}
      </section>
      <section className="panel" aria-labelledby={`${id}-check`}>
        <h3 id={`${id}-check`}>{s('checkHeading')}</h3>
        <p className="note">{s('checkIntro')}</p>
        <div className="toolbar">
          <button type="button" data-action="check-rollups" disabled={job !== null} onClick={() => void checkNow()}>
            {s('checkButton')}
          </button>
          {check && check.mismatches.length > 0 && (
            <button type="button" data-action="rebuild-rollups" disabled={job !== null} onClick={() => void rebuild()}>
              {s('rebuildButton')}
            </button>
          )}
        </div>
        {result?.job === 'check' && (
          <p role="status" data-result="check" data-mismatches={check?.mismatches.length ?? ''} className={check && check.mismatches.length === 0 ? 'ok' : 'storage-error'}>
            {result.text}
          </p>
        )}
        {status('rebuild')}
      </section>
      <section className="panel danger" aria-labelledby={`${id}-delete`}>
        <h3 id={`${id}-delete`}>{s('deleteHeading')}</h3>
        <p className="note">{s('deleteIntro')}</p>
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirmText.trim() === s('deleteWord')) void deleteAll();
          }}
        >
          <label htmlFor={`${id}-confirm`}>{s('deleteConfirm')}</label>
          <input
            id={`${id}-confirm`}
            data-confirm="delete-all"
            autoComplete="off"
            value={confirmText}
            onChange={(event) => setConfirmText(event.target.value)}
          />
          <button type="submit" className="danger" data-action="delete-all" disabled={job !== null || confirmText.trim() !== s('deleteWord')}>
            {s('deleteButton')}
          </button>
        </form>
        {progressBar('delete')}
        {status('delete')}
      </section>
    </section>
  );
}
