import { useEffect, useId, useRef, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { platformName } from '@/components/platform-names';
import { ImportSession } from '@/components/dashboard/file-worker-client';
import { is, problemText } from '@/components/dashboard/import-strings';
import { lang, s, statusLabel } from '@/components/dashboard/strings';
import { tableFileErrorText } from '@/components/dashboard/table-file-messages';
import { useFileDrop } from '@/components/dashboard/use-file-drop';
import { useShops } from '@/components/dashboard/use-shops';
import { ImportCancelledError, importOrders, type ImportOrdersResult } from '@/utils/db/import-orders';
import { recordOrderCount } from '@/utils/db/backup';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ColumnMapping, type ImportField } from '@/utils/import/import-fields';
import { LISTED_PROBLEMS, type MappedSummary, type OpenedFile } from '@/utils/import/import-protocol';
import type { CapturedOrder } from '@/utils/model/order';
import { formatYuan } from '@/utils/model/money';
import { formatBeijing } from '@/utils/model/time';
import { SITES } from '@/utils/sites/registry';
import { ViewHeading } from './ViewHeading';

interface ImportChoices {
  platform: string;
  shop: string;
  mapping: ColumnMapping;
}

/** A file read by the worker, with the time its figures were true: the file's own time (its download), else now. */
interface Opened {
  file: OpenedFile & { detected: NonNullable<OpenedFile['detected']> };
  observedAt: number;
}

function observedAtOf(file: File, now = Date.now()): number {
  const time = file.lastModified;
  return Number.isFinite(time) && time > Date.UTC(2000, 0, 1) && time <= now ? time : now;
}

type Outcome = { ok: true; result: ImportOrdersResult } | { ok: false; text: string };

/** 导入订单: a console's own export file → preview with column mapping → one all-or-nothing import. */
export function ImportView() {
  const db = useDatabase();
  const id = useId();
  const shops = useShops();
  const [reading, setReading] = useState<string | null>(null);
  const [plan, setPlan] = useState<Opened | null>(null);
  const [choices, setChoices] = useState<ImportChoices | null>(null);
  const [mapped, setMapped] = useState<MappedSummary | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const session = useRef<ImportSession | null>(null);
  const abort = useRef<AbortController | null>(null);
  const importing = progress !== null;
  useEffect(() => () => session.current?.close(), []);

  const open = async (file: File) => {
    session.current?.close();
    const current = new ImportSession();
    session.current = current;
    setReading(file.name);
    setPlan(null);
    setChoices(null);
    setMapped(null);
    setFileError(null);
    setOutcome(null);
    try {
      const opened = await current.open(file);
      if (session.current !== current) return;
      if (!opened.detected) {
        setFileError(is('importNoIdColumn'));
        return;
      }
      setPlan({ file: { ...opened, detected: opened.detected }, observedAt: observedAtOf(file) });
      setChoices({ platform: opened.detected.platforms[0] ?? SITES[0]!.platform, shop: '', mapping: opened.detected.mapping });
    } catch (error) {
      if (session.current === current) setFileError(tableFileErrorText(error));
    } finally {
      if (session.current === current) setReading(null);
    }
  };
  const drop = useFileDrop((file) => void open(file));

  const rowPerItem = plan && choices ? (plan.file.detected.layout?.rowPerItem ?? choices.mapping.subOrderId !== undefined) : false;
  useEffect(() => {
    const current = session.current;
    if (!plan || !choices || !current) return;
    let stale = false;
    setMapped(null);
    current.map({ platform: choices.platform, shop: choices.shop.trim() || undefined, mapping: choices.mapping, rowPerItem }).then(
      (summary) => !stale && setMapped(summary),
      (error: unknown) => !stale && setFileError(tableFileErrorText(error)),
    );
    return () => {
      stale = true;
    };
  }, [plan, choices, rowPerItem]);
  const knownShops = choices ? (shops.status === 'ready' ? (shops.value.get(choices.platform) ?? []).filter(Boolean) : []) : [];

  const start = async () => {
    const current = session.current;
    if (!plan || !mapped || mapped.orders === 0 || !current) return;
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(null);
    setProgress({ done: 0, total: mapped.orders });
    try {
      const orders = await current.orders();
      const result = await importOrders(db, orders, {
        observedAt: plan.observedAt,
        itemsComplete: rowPerItem,
        signal: controller.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      await recordOrderCount(db);
      setOutcome({ ok: true, result });
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof ImportCancelledError ? is('importCancelled') : is('importFailed', { error: String((error as Error)?.message ?? error) }) });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const setMapping = (field: ImportField, column: number | undefined) => {
    if (!choices || !plan) return;
    const mapping = { ...choices.mapping };
    if (column === undefined) delete mapping[field];
    else mapping[field] = column;
    const fits = field === 'orderId' && column !== undefined ? (plan.file.platformsByColumn[column] ?? []) : [];
    setChoices({ ...choices, mapping, platform: fits.length > 0 && !fits.includes(choices.platform) ? fits[0]! : choices.platform });
  };

  const detected = plan?.file.detected;
  return (
    <section data-view="import" aria-labelledby="view-heading">
      <ViewHeading label={is('navImport')} />
      <section className="panel" aria-labelledby={`${id}-file`}>
        <h3 id={`${id}-file`}>{is('importHeading')}</h3>
        <p className="note">{is('importIntro')}</p>
        <div className="drop-zone" data-drop="import" data-dragging={drop.dragging ? 'true' : undefined} {...drop.handlers}>
          <span>{is('importDrop')}</span>
          <label className="file-button">
            {is('importChoose')}
            <input
              type="file"
              accept=".xlsx,.xls,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv,text/plain"
              data-action="import-orders-file"
              disabled={importing || reading !== null}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void open(file);
              }}
            />
          </label>
        </div>
        {reading && <p role="status">{is('importReading', { file: reading })}</p>}
        {fileError && (
          <p role="alert" className="storage-error" data-result="import-file" data-ok="false">
            {fileError}
          </p>
        )}
      </section>

      {plan && detected && choices && (
        <section className="panel" aria-labelledby={`${id}-plan`}>
          <h3 id={`${id}-plan`}>{plan.file.fileName}</h3>
          <p className="note" data-import-layout={detected.layout?.id ?? 'unknown'}>
            {detected.layout ? is('importKnown', { layout: detected.layout.label[lang], rows: plan.file.rows }) : is('importUnknown', { rows: plan.file.rows })}
          </p>
          <div className="toolbar">
            <label>
              {is('importPlatform')}{' '}
              <select data-import="platform" value={choices.platform} disabled={importing} onChange={(event) => setChoices({ ...choices, platform: event.target.value })}>
                {SITES.map((site) => (
                  <option key={site.platform} value={site.platform}>
                    {platformName(site.platform, lang)}
                  </option>
                ))}
              </select>
            </label>
            {choices.mapping.shop === undefined && (
              <label title={is('importShopHint')}>
                {is('importShop')}{' '}
                <input data-import="shop" list={`${id}-shops`} value={choices.shop} placeholder={is('importShopNone')} disabled={importing} onChange={(event) => setChoices({ ...choices, shop: event.target.value })} />
                <datalist id={`${id}-shops`}>
                  {knownShops.map((shop) => (
                    <option key={shop} value={shop} />
                  ))}
                </datalist>
              </label>
            )}
          </div>
          <details open={detected.layout === null}>
            <summary>{is('importMappingHeading')}</summary>
            <div className="mapping-grid">
              {IMPORT_FIELDS.map((field) => (
                <label key={field}>
                  <span>{IMPORT_FIELD_LABELS[field][lang]}</span>
                  <select
                    data-import-field={field}
                    value={choices.mapping[field] ?? ''}
                    disabled={importing}
                    onChange={(event) => setMapping(field, event.target.value === '' ? undefined : Number(event.target.value))}
                  >
                    <option value="">{is('importMappingNone')}</option>
                    {detected.headers.map((header, column) => (
                      <option key={column} value={column}>
                        {header || `#${column + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
          </details>

          {!mapped && <p role="status">{is('importChecking')}</p>}
          {mapped && (
            <p data-import-orders={mapped.orders} data-import-problems={mapped.problemCount} role="status">
              {is('importSummary', { orders: mapped.orders, rows: mapped.rows, problems: mapped.problemCount })}
            </p>
          )}
          {mapped?.unknownStatuses.map(([text, n]) => (
            <p key={text} className="note">
              {is('importUnknownStatus', { text, n })}
            </p>
          ))}
          {mapped && <Preview orders={mapped.preview} />}
          {mapped && mapped.problemCount > 0 && (
            <details open>
              <summary>{is('importProblemsHeading')}</summary>
              <div className="table-wrap">
                <table className="orders" data-import-problem-list>
                  <thead>
                    <tr>
                      <th scope="col">{is('colRow')}</th>
                      <th scope="col">{is('colProblem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {mapped.problems.map((problem, at) => (
                      <tr key={at} data-problem-row={problem.row} data-problem-kind={problem.kind}>
                        <td>{problem.row}</td>
                        <td>{problemText(problem.kind, { shown: problem.shown, field: problem.field && IMPORT_FIELD_LABELS[problem.field][lang] })}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {mapped.problemCount > LISTED_PROBLEMS && <p className="note">{is('importMoreProblems', { n: mapped.problemCount - LISTED_PROBLEMS })}</p>}
            </details>
          )}

          <div className="toolbar">
            <button type="button" className="primary" data-action="import-orders-start" disabled={importing || !mapped || mapped.orders === 0} onClick={() => void start()}>
              {is('importStart', { n: mapped?.orders ?? 0 })}
            </button>
            {importing && (
              <>
                <progress max={progress.total || 1} value={progress.done} aria-label={is('importWorking')} />
                <span>{is('importWorking')}</span>
                <button type="button" data-action="import-orders-cancel" onClick={() => abort.current?.abort()}>
                  {is('importCancel')}
                </button>
              </>
            )}
          </div>
          {outcome && (
            <p
              role={outcome.ok ? 'status' : 'alert'}
              className={outcome.ok ? 'ok' : 'storage-error'}
              data-result="import"
              data-ok={outcome.ok ? 'true' : 'false'}
              data-inserted={outcome.ok ? outcome.result.inserted : undefined}
              data-updated={outcome.ok ? outcome.result.updated : undefined}
              data-unchanged={outcome.ok ? outcome.result.unchanged : undefined}
            >
              {outcome.ok ? is('importDone', { ...outcome.result }) : outcome.text}
              {outcome.ok && outcome.result.keptLaterStatus > 0 ? ` ${is('importKeptStatus', { n: outcome.result.keptLaterStatus })}` : ''}
            </p>
          )}
        </section>
      )}
    </section>
  );
}

function Preview({ orders }: { orders: CapturedOrder[] }) {
  if (orders.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="orders" data-import-preview>
        <caption>{is('importPreviewHeading', { n: orders.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{is('colOrderId')}</th>
            <th scope="col">{is('colCreated')}</th>
            <th scope="col">{is('colStatus')}</th>
            <th scope="col" className="num">{is('colAmount')}</th>
            <th scope="col">{is('colItems')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderId} data-preview-order={order.orderId}>
              <td>{order.orderId}</td>
              <td>{order.createdAt === undefined ? '—' : formatBeijing(order.createdAt)}</td>
              <td>{order.status ? statusLabel(order.status) : (order.statusText ?? '—')}</td>
              <td className="num">{order.amountCents === undefined ? '—' : `¥${formatYuan(order.amountCents)}`}</td>
              <td className="items">{order.items.map((item) => `${item.title}${item.quantity ? ` ×${item.quantity}` : ''}`).join('；') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

