import { useEffect, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { lang, s } from '@/components/dashboard/strings';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import type { OrderRecord } from '@/utils/db/database';
import { unpaidNotReminded } from '@/utils/db/order-queries';
import { countAwaitingReminder } from '@/utils/db/read-kpis';
import { dayRange } from '@/utils/kpi/date-ranges';
import { PaymentWindowsEditor } from '@/components/dashboard/PaymentWindowsEditor';
import { paymentWindowsItem } from '@/utils/remind/payment-window-settings';
import { isPastPayDeadline, payDeadlineOf } from '@/utils/remind/payment-windows';
import { formatYuan } from '@/utils/model/money';
import { formatBeijing } from '@/utils/model/time';
import { remindOrder, type RemindOutcome } from '@/utils/remind/remind-order';
import { remindSettingsItem } from '@/utils/remind/remind-settings';
import { ts } from '@/components/sync/sync-strings';
import { sendSync, useTeamSyncStatus } from '@/components/sync/use-team-sync';
import { ViewHeading } from './ViewHeading';

const PAGE = 100;

/**
 * 待催付: unpaid orders never reminded, oldest first, with one-click 催付: the guarded reminder is recorded,
 * its text copied and the platform's buyer chat opened; the seller sends it.
 */
export function UnpaidView() {
  const db = useDatabase();
  const [pages, setPages] = useState(1);
  const [results, setResults] = useState<Record<string, { text: string; reason?: string; uncoordinated?: boolean }>>({});
  // orders reminded here leave the queue; they stay listed first with their message until the view is left
  const [recent, setRecent] = useState<OrderRecord[]>([]);
  // team sync on: the reminder goes through the background, which claims it on the team's server first
  const syncStatus = useTeamSyncStatus();
  const remind = async (order: OrderRecord) => {
    const outcome = syncStatus?.enabled
      ? await sendSync<RemindOutcome | undefined>({ type: 'orderlens-sync/remind', platform: order.platform, orderId: order.orderId }).catch(() => undefined)
      : await remindOrder(db, order.platform, order.orderId, Date.now(), await remindSettingsItem.getValue(), await paymentWindowsItem.getValue());
    if (!outcome) {
      // the worker did not answer (it was updated or stopped mid-call): nothing was recorded, try again
      setResults((all) => ({ ...all, [order.key]: { text: ts('remindNoAnswer') } }));
      return;
    }
    if (!outcome.ok) {
      const text =
        outcome.reason === 'claimed'
          ? ts('claimed', { name: outcome.by, time: formatBeijing(outcome.at).slice(5, 16) })
          : s(outcome.reason === 'cooldown' ? 'remindCooldown' : outcome.reason === 'expired' ? 'remindExpired' : 'remindNotUnpaid');
      setResults((all) => ({ ...all, [order.key]: { text, reason: outcome.reason } }));
      return;
    }
    setRecent((all) => [order, ...all.filter((known) => known.key !== order.key)]);
    await navigator.clipboard?.writeText(outcome.text).catch(() => undefined);
    // server unreachable: allowed, recorded as not coordinated with teammates
    const uncoordinated = !!(outcome as { uncoordinated?: boolean }).uncoordinated;
    setResults((all) => ({ ...all, [order.key]: { text: `${s('remindCopied')} ${outcome.text}${uncoordinated ? ` ${ts('remindOffline')}` : ''}`, uncoordinated } }));
    if (outcome.chatUrl) window.open(outcome.chatUrl, '_blank', 'noopener');
  };
  const [windowsVersion, setWindowsVersion] = useState(0);
  useEffect(() => paymentWindowsItem.watch(() => setWindowsVersion((version) => version + 1)), []);
  const list = useLiveQuery(async () => {
    const now = Date.now();
    const windows = await paymentWindowsItem.getValue();
    const orders: OrderRecord[] = [];
    let after: { createdAt: number; key: string } | undefined;
    for (let page = 0; page < pages; page++) {
      const result = await unpaidNotReminded(db, { after, size: PAGE, now, windows });
      orders.push(...result.orders);
      after = result.next;
      if (!after) break;
    }
    return { orders, more: !!after, windows };
  }, [db, pages, windowsVersion]);
  const total = useLiveQuery(async () => {
    const now = Date.now();
    const windows = await paymentWindowsItem.getValue();
    const all = { range: dayRange('all', now) };
    const open = await countAwaitingReminder(db, all, now, windows);
    const expired = await db.orders
      .where('[status+createdAt]')
      .between(['unpaid', -Infinity], ['unpaid', Infinity])
      .filter((order) => isPastPayDeadline(order, now, windows))
      .count();
    return { open, expired };
  }, [db, windowsVersion]);
  return (
    <section data-view="unpaid" aria-labelledby="view-heading">
      <ViewHeading label={s('unpaidHeading')} />
      <p className="note">
        {s('unpaidIntro')} {s('unpaidIntroWindow')}{' '}
        {total.status === 'ready' && <strong data-unpaid-total={total.value.open}>{s('unpaidTotal', { n: total.value.open })}</strong>}{' '}
        {total.status === 'ready' && total.value.expired > 0 && <span data-unpaid-expired={total.value.expired}>{s('unpaidExpired', { n: total.value.expired })}</span>}
      </p>
      <PaymentWindowsEditor />
      {list.status === 'ready' &&
        (list.value.orders.length + recent.length === 0 ? (
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
                {[...recent, ...list.value.orders.filter((order) => !recent.some((known) => known.key === order.key))].map((order) => (
                  <tr key={order.key} data-order-key={order.key}>
                    <td>{platformName(order.platform, lang)}</td>
                    <td>{order.shop ?? ''}</td>
                    <td className="mono">{order.orderId}</td>
                    <td className="nowrap">{order.createdAt !== undefined ? formatBeijing(order.createdAt) : ''}</td>
                    <td className="nowrap" data-pay-deadline>
                      {(() => {
                        const deadline = payDeadlineOf(order, list.value.windows);
                        if (!deadline) return '';
                        return `${deadline.estimated ? `${s('estimatedMark')} ` : ''}${formatBeijing(deadline.at).slice(0, 16)}`;
                      })()}
                    </td>
                    <td className="num">{order.amountCents !== undefined ? formatYuan(order.amountCents) : ''}</td>
                    <td className="buyer">{order.buyer ?? ''}</td>
                    <td className="items">{order.items.map((item) => item.title).join('；')}</td>
                    <td>
                      {results[order.key] ? (
                        <span
                          data-remind-result
                          data-remind-reason={results[order.key]!.reason}
                          data-uncoordinated={results[order.key]!.uncoordinated ? 'true' : undefined}
                          className={results[order.key]!.reason === 'claimed' ? 'storage-error' : undefined}
                        >
                          {results[order.key]!.text}
                        </span>
                      ) : (
                        <button type="button" data-action="remind" data-order-key={order.key} aria-describedby="remind-hint" onClick={() => void remind(order)}>
                          {s('remind')}
                        </button>
                      )}
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
