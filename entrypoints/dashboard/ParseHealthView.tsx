import { useEffect, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { lang, s } from '@/components/dashboard/strings';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import { rejectedMessagesItem } from '@/utils/background/settings-items';
import { formatBeijing } from '@/utils/model/time';
import { ViewHeading } from './ViewHeading';

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ×${count}`)
    .join('，');
}

/** Per console and layout: rows read, rows skipped and why, and which strategy won for each field. */
export function ParseHealthView() {
  const db = useDatabase();
  const records = useLiveQuery(() => db.diagnostics.toArray(), [db]);
  const [rejected, setRejected] = useState<Record<string, number>>({});
  useEffect(() => {
    void rejectedMessagesItem.getValue().then(setRejected);
    return rejectedMessagesItem.watch((value) => setRejected(value ?? {}));
  }, []);
  return (
    <section className="parse-health" data-view="parse-health" aria-labelledby="view-heading">
      <ViewHeading label={s('parseHealthHeading')} />
      {records.status === 'ready' && records.value.length === 0 && <p className="empty">{s('noDiagnostics')}</p>}
      {records.status === 'ready' &&
        records.value.map((record) => (
          <article key={record.key} data-diagnostics={record.key} className={record.rowsParsed === 0 ? 'unhealthy' : ''}>
            <h3>
              {platformName(record.platform, lang)} · {record.pageKind} · {record.layout === 'none' ? s('unknownLayout') : record.layout}
            </h3>
            <p>{s('diagSummary', { pages: record.pages, seen: record.rowsSeen, parsed: record.rowsParsed, at: formatBeijing(record.lastAt) })}</p>
            {Object.keys(record.skipped).length > 0 && <p>{s('diagSkipped', { list: describeCounts(record.skipped) })}</p>}
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
          </article>
        ))}
      {Object.keys(rejected).length > 0 && <p data-rejected-messages>{s('rejectedMessages', { list: describeCounts(rejected) })}</p>}
    </section>
  );
}
