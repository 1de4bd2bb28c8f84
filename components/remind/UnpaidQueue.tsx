import { useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { platformName } from '@/components/platform-names';
import { formatYuan } from '@/utils/model/money';
import { formatBeijing } from '@/utils/model/time';
import { describeUnpaidAge } from '@/utils/remind/reminder-guard';
import { remindOrder } from '@/utils/remind/remind-order';
import { remindSettingsItem } from '@/utils/remind/remind-settings';

const PAGE = 200;

/** 待催付: unpaid orders never reminded, oldest first, with one-click 催付 per row. */
export function UnpaidQueue() {
  const db = useDatabase();
  const [results, setResults] = useState<Record<string, string>>({});
  const queue = useLiveQuery(async () => {
    const unpaid = await db.orders.where('[status+createdAt]').between(['unpaid', -Infinity], ['unpaid', Infinity]).limit(PAGE * 5).toArray();
    const reminded = new Set((await db.reminders.where('orderKey').anyOf(unpaid.map((order) => order.key)).toArray()).map((reminder) => reminder.orderKey));
    // orders reminded from this view stay listed with their message until the view is left
    return unpaid.filter((order) => !reminded.has(order.key) || order.key in results).slice(0, PAGE);
  }, [db, results]);
  const remind = async (platform: string, orderId: string, key: string) => {
    const outcome = await remindOrder(db, platform, orderId, Date.now(), await remindSettingsItem.getValue());
    if (!outcome.ok) {
      setResults((all) => ({ ...all, [key]: outcome.reason === 'cooldown' ? '冷却中，稍后再催' : '已不是待付款' }));
      return;
    }
    let copied = true;
    await navigator.clipboard.writeText(outcome.text).catch(() => (copied = false));
    setResults((all) => ({ ...all, [key]: copied ? `已复制：${outcome.text}` : outcome.text }));
    if (outcome.chatUrl) window.open(outcome.chatUrl, '_blank', 'noopener');
  };
  if (queue.status !== 'ready') return null;
  const now = Date.now();
  return (
    <section data-view="unpaid">
      <h2>待催付（{queue.value.length}）</h2>
      {queue.value.length === 0 ? (
        <p className="empty">没有待催付的订单。</p>
      ) : (
        <table className="orders">
          <thead>
            <tr>
              <th>平台</th>
              <th>店铺</th>
              <th>订单编号</th>
              <th>下单时间</th>
              <th>等待</th>
              <th>买家</th>
              <th>商品</th>
              <th>金额</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {queue.value.map((order) => (
              <tr key={order.key} data-order-key={order.key}>
                <td>{platformName(order.platform)}</td>
                <td>{order.shop ?? ''}</td>
                <td className="mono">{order.orderId}</td>
                <td>{order.createdAt ? formatBeijing(order.createdAt) : ''}</td>
                <td>{describeUnpaidAge(order.createdAt, order.payDeadlineAt, now)}</td>
                <td>{order.buyer ?? ''}</td>
                <td>{order.items[0]?.title ?? ''}</td>
                <td className="num">{order.amountCents !== undefined ? formatYuan(order.amountCents) : ''}</td>
                <td>
                  {results[order.key] ? (
                    <span data-remind-result>{results[order.key]}</span>
                  ) : (
                    <button type="button" data-action="remind" onClick={() => void remind(order.platform, order.orderId, order.key)}>
                      催付
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
