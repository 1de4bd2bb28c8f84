import { useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { lang, s } from '@/components/dashboard/strings';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import type { OrderRecord } from '@/utils/db/database';
import { unpaidNotReminded } from '@/utils/db/order-queries';
import { readRollups } from '@/utils/db/read-kpis';
import { computeKpis, sumContributions } from '@/utils/kpi/compute-kpis';
import { dayRange } from '@/utils/kpi/date-ranges';
import { formatYuan } from '@/utils/model/money';
import { formatBeijing } from '@/utils/model/time';
import { ViewHeading } from './ViewHeading';

const PAGE = 100;

/**
 * 待催付: unpaid orders never reminded, oldest first. The 催付 button is a placeholder: reminders are sent
 * from the order row in the seller console (the queue itself is built by the reminder feature).
 */
export function UnpaidView() {
  const db = useDatabase();
  const [pages, setPages] = useState(1);
  const list = useLiveQuery(async () => {
    const orders: OrderRecord[] = [];
    let after: { createdAt: number; key: string } | undefined;
    for (let page = 0; page < pages; page++) {
      const result = await unpaidNotReminded(db, { after, size: PAGE });
      orders.push(...result.orders);
      after = result.next;
      if (!after) break;
    }
    return { orders, more: !!after };
  }, [db, pages]);
  const total = useLiveQuery(async () => computeKpis(sumContributions(await readRollups(db, { range: dayRange('all', Date.now()) }))).unpaid, [db]);
  return (
    <section data-view="unpaid" aria-labelledby="view-heading">
      <ViewHeading label={s('unpaidHeading')} />
      <p className="note">
        {s('unpaidIntro')} {total.status === 'ready' && <strong data-unpaid-total={total.value}>{s('unpaidTotal', { n: total.value })}</strong>}
      </p>
      {list.status === 'ready' &&
        (list.value.orders.length === 0 ? (
          <p className="empty">{s('noUnpaid')}</p>
        ) : (
          <div className="table-wrap">
            <table className="orders">
              <thead>
                <tr>
                  <th scope="col">{s('colPlatform')}</th>
                  <th scope="col">{s('colShop')}</th>
                  <th scope="col">{s('colOrderId')}</th>
                  <th scope="col">{s('colCreatedAt')}</th>
                  <th scope="col">{s('colPayDeadline')}</th>
                  <th scope="col" className="num">
                    {s('colAmount')}
                  </th>
                  <th scope="col">{s('colBuyer')}</th>
                  <th scope="col">{s('colItems')}</th>
                  <th scope="col">
                    <span className="sr-only">{s('remind')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.value.orders.map((order) => (
                  <tr key={order.key} data-order-key={order.key}>
                    <td>{platformName(order.platform, lang)}</td>
                    <td>{order.shop ?? ''}</td>
                    <td className="mono">{order.orderId}</td>
                    <td className="nowrap">{order.createdAt !== undefined ? formatBeijing(order.createdAt) : ''}</td>
                    <td className="nowrap">{order.payDeadlineAt !== undefined ? formatBeijing(order.payDeadlineAt) : ''}</td>
                    <td className="num">{order.amountCents !== undefined ? formatYuan(order.amountCents) : ''}</td>
                    <td className="buyer">{order.buyer ?? ''}</td>
                    <td className="items">{order.items.map((item) => item.title).join('；')}</td>
                    <td>
                      {/* a disabled button shows no tooltip of its own in Chromium: the wrapper carries it */}
                      <span title={s('remindHint')}>
                        <button type="button" data-action="remind" data-order-key={order.key} disabled aria-describedby="remind-hint">
                          {s('remind')}
                        </button>
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p id="remind-hint" className="note">
              {s('remindHint')}
            </p>
          </div>
        ))}
      {list.status === 'ready' && list.value.more && (
        <button type="button" data-action="load-more" onClick={() => setPages(pages + 1)}>
          {s('loadMore')}
        </button>
      )}
    </section>
  );
}
