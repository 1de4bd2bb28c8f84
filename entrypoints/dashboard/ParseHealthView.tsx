import { useEffect, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { lang, s } from '@/components/dashboard/strings';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import { API_DIAGNOSTICS_KIND } from '@/utils/capture/diagnostics';
import { rejectedMessagesItem } from '@/utils/background/settings-items';
import type { DiagnosticsRecord } from '@/utils/db/database';
import { formatBeijing } from '@/utils/model/time';
import { consoleVerdict, type ConsoleVerdict } from '@/components/dashboard/parse-verdict';
import { ViewHeading } from './ViewHeading';

const VERDICT_TEXT = { ok: ['verdictOk', 'verdictOkHelp'], partial: ['verdictPartial', 'verdictPartialHelp'], broken: ['verdictBroken', 'verdictBrokenHelp'] } as const;

function VerdictLine({ verdict }: { verdict: ConsoleVerdict }) {
  const [label, help] = VERDICT_TEXT[verdict.verdict];
  const where = s(`pageKind_${verdict.last.pageKind}` as 'pageKind_list') || verdict.last.pageKind;
  return (
    <div className={`verdict verdict-${verdict.verdict}`} data-diagnostics-verdict={verdict.verdict}>
      <p>
        <strong>{s(label)}</strong> · {s('verdictLast', { where, at: formatBeijing(verdict.last.lastAt) })}
      </p>
      <p>{s(help)}</p>
      {verdict.missing.length > 0 && <p>{s('verdictMissing', { list: verdict.missing.join('、') })}</p>}
      {verdict.skipped.length > 0 && <p>{s('verdictSkipped', { list: verdict.skipped.map(([reason, count]) => `${reason} ×${count}`).join('，') })}</p>}
    </div>
  );
}

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ×${count}`)
    .join('，');
}

const countWhere = (counts: Record<string, number>, test: (reason: string) => boolean) =>
  Object.entries(counts).reduce((sum, [reason, count]) => (test(reason) ? sum + count : sum), 0);

/** What the two capture sources say about one console, in the seller's words. */
function sourceNotes(records: DiagnosticsRecord[]): string[] {
  const notes: string[] = [];
  const dom = records.filter((record) => record.pageKind !== API_DIAGNOSTICS_KIND);
  const api = records.filter((record) => record.pageKind === API_DIAGNOSTICS_KIND);
  if (dom.some((record) => record.skipped['api-orders-dom-reader-found-no-rows'])) notes.push(s('diagApiOrdersNoDomRows'));
  if (dom.some((record) => record.skipped['dom-rows-no-api-response'])) notes.push(s('diagDomRowsNoApi'));
  const errors = api.reduce((sum, record) => sum + countWhere(record.skipped, (reason) => reason.startsWith('error:') || reason.startsWith('http-')), 0);
  if (errors > 0) notes.push(s('diagApiErrors', { n: errors }));
  const unknown = api.reduce((sum, record) => sum + countWhere(record.skipped, (reason) => reason.startsWith('unknown-shape') || reason === 'not-json'), 0);
  if (unknown > 0) notes.push(s('diagApiUnknownShape', { n: unknown }));
  return notes;
}

function DiagnosticsCard({ record }: { record: DiagnosticsRecord }) {
  const isApi = record.pageKind === API_DIAGNOSTICS_KIND;
  const summary = isApi ? 'diagApiSummary' : 'diagSummary';
  return (
    <article data-diagnostics={record.key} data-source={isApi ? 'api' : 'dom'} className={record.rowsParsed === 0 ? 'unhealthy' : ''}>
      <h4>
        {isApi ? s('diagSourceApi') : s('diagSourceDom')} · {isApi ? record.layout : `${record.pageKind} · ${record.layout === 'none' ? s('unknownLayout') : record.layout}`}
      </h4>
      <p>{s(summary, { pages: record.pages, seen: record.rowsSeen, parsed: record.rowsParsed, at: formatBeijing(record.lastAt) })}</p>
      {Object.keys(record.skipped).length > 0 && <p>{s('diagSkipped', { list: describeCounts(record.skipped) })}</p>}
      {Object.keys(record.strategies).length > 0 && (
        <table className="orders">
          <thead>
            <tr>
              <th scope="col">{s('diagField')}</th>
              <th scope="col">{s('diagStrategy')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(record.strategies).map(([field, counts]) => (
              <tr key={field}>
                <td>{field}</td>
                <td>{describeCounts(counts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

/**
 * Per console, both capture sources side by side: page layouts (rows read, skipped and why, which strategy
 * won for each field) and JSON endpoints (responses, orders taken, rows rejected, error and unknown
 * answers), with a plain-words note when the two disagree — so a changed page or API shows the day it changes.
 */
export function ParseHealthView() {
  const db = useDatabase();
  const records = useLiveQuery(() => db.diagnostics.toArray(), [db]);
  const [rejected, setRejected] = useState<Record<string, number>>({});
  useEffect(() => {
    void rejectedMessagesItem.getValue().then(setRejected);
    return rejectedMessagesItem.watch((value) => setRejected(value ?? {}));
  }, []);
  const byPlatform = new Map<string, DiagnosticsRecord[]>();
  if (records.status === 'ready') {
    for (const record of records.value) byPlatform.set(record.platform, [...(byPlatform.get(record.platform) ?? []), record]);
  }
  return (
    <section className="parse-health" data-view="parse-health" aria-labelledby="view-heading">
      <ViewHeading label={s('parseHealthHeading')} />
      {records.status === 'ready' && records.value.length === 0 && <p className="empty">{s('noDiagnostics')}</p>}
      {[...byPlatform].map(([platform, list]) => {
        const verdict = consoleVerdict(list, lang);
        return (
          <section key={platform} className="panel" data-diagnostics-platform={platform}>
            <h3>{platformName(platform, lang)}</h3>
            {verdict && <VerdictLine verdict={verdict} />}
            {sourceNotes(list).map((note) => (
              <p key={note} className="notice" data-diagnostics-note>
                {note}
              </p>
            ))}
            <details data-diagnostics-detail>
              <summary>{s('devDetail')}</summary>
              {list
                .sort((a, b) => Number(a.pageKind === API_DIAGNOSTICS_KIND) - Number(b.pageKind === API_DIAGNOSTICS_KIND) || a.key.localeCompare(b.key))
                .map((record) => (
                  <DiagnosticsCard key={record.key} record={record} />
                ))}
            </details>
          </section>
        );
      })}
      {Object.keys(rejected).length > 0 && <p data-rejected-messages>{s('rejectedMessages', { list: describeCounts(rejected) })}</p>}
    </section>
  );
}
