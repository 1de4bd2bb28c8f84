import { useEffect, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import { rejectedMessagesItem } from '@/utils/background/settings-items';
import { formatBeijing } from '@/utils/model/time';

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
    <section className="parse-health">
      {records.status === 'ready' && records.value.length === 0 && <p className="empty">尚无解析记录。</p>}
      {records.status === 'ready' &&
        records.value.map((record) => (
          <article key={record.key} data-diagnostics={record.key} className={record.rowsParsed === 0 ? 'unhealthy' : ''}>
            <h3>
              {platformName(record.platform)} · {record.pageKind} · {record.layout === 'none' ? '未识别布局' : record.layout}
            </h3>
            <p>
              页面 {record.pages} · 行 {record.rowsSeen} · 解析成功 {record.rowsParsed} · 最近 {formatBeijing(record.lastAt)}
            </p>
            {Object.keys(record.skipped).length > 0 && <p>跳过：{describeCounts(record.skipped)}</p>}
            <table className="orders">
              <thead>
                <tr>
                  <th>字段</th>
                  <th>命中策略</th>
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
      {Object.keys(rejected).length > 0 && <p data-rejected-messages>已拒绝的消息：{describeCounts(rejected)}</p>}
    </section>
  );
}
