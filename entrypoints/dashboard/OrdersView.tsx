import { useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { OrderTable } from '@/components/OrderTable';

const PAGE_SIZE = 100;

export function OrdersView() {
  const db = useDatabase();
  const [search, setSearch] = useState('');
  const orders = useLiveQuery(async () => {
    const term = search.trim();
    if (!term) return db.orders.orderBy('updatedAt').reverse().limit(PAGE_SIZE).toArray();
    const byWaybill = await db.orders.where('waybillNos').equals(term).toArray();
    const byId = await db.orders.filter((order) => order.orderId.includes(term) || (order.buyer ?? '').includes(term)).limit(PAGE_SIZE).toArray();
    const seen = new Set<string>();
    return [...byWaybill, ...byId].filter((order) => !seen.has(order.key) && seen.add(order.key));
  }, [db, search]);
  const total = useLiveQuery(() => db.orders.count(), [db]);
  return (
    <section>
      <div className="toolbar">
        <input
          type="search"
          placeholder="订单编号 / 买家 / 运单号"
          aria-label="搜索订单"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {total.status === 'ready' && <span data-total-orders={total.value}>共 {total.value} 单</span>}
      </div>
      {orders.status === 'ready' && <OrderTable orders={orders.value} />}
    </section>
  );
}
