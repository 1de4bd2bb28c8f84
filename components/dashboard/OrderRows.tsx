import type { ReactNode } from 'react';
import { platformName } from '@/components/platform-names';
import type { OrderRecord } from '@/utils/db/database';
import { formatYuan } from '@/utils/model/money';
import { formatBeijing } from '@/utils/model/time';
import { lang, s, statusLabel } from './strings';

/** A column added after the others (team sync's who captured / who reminded); `cell` renders the whole `<td>`. */
export interface ExtraColumn {
  header: string;
  cell: (order: OrderRecord) => ReactNode;
}

/** Orders as a table (`data-order-key` per row); every cell is plain text (React escapes it). */
export function OrderRows({ orders, caption, extra }: { orders: readonly OrderRecord[]; caption?: string; extra?: ExtraColumn }) {
  return (
    <div className="table-wrap">
      <table className="orders">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{s('colPlatform')}</th>
            <th scope="col">{s('colShop')}</th>
            <th scope="col">{s('colOrderId')}</th>
            <th scope="col">{s('colCreatedAt')}</th>
            <th scope="col">{s('colStatus')}</th>
            <th scope="col" className="num">
              {s('colAmount')}
            </th>
            <th scope="col">{s('colBuyer')}</th>
            <th scope="col">{s('colRegion')}</th>
            <th scope="col">{s('colItems')}</th>
            <th scope="col">{s('colWaybills')}</th>
            {extra && <th scope="col">{extra.header}</th>}
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.key} data-order-key={order.key}>
              <td className="nowrap">{platformName(order.platform, lang)}</td>
              <td className="shop">{order.shop ?? ''}</td>
              <td className="mono">{order.orderId}</td>
              <td className="nowrap">{order.createdAt !== undefined ? formatBeijing(order.createdAt) : ''}</td>
              <td className="nowrap" title={order.statusText}>{order.status ? statusLabel(order.status) : (order.statusText ?? '')}</td>
              <td className="num">{order.amountCents !== undefined ? formatYuan(order.amountCents) : ''}</td>
              <td className="buyer">{order.buyer ?? ''}</td>
              <td className="nowrap">{order.receiverRegion ?? ''}</td>
              <td className="items">{order.items.map((item) => (item.quantity && item.quantity > 1 ? `${item.title} ×${item.quantity}` : item.title)).join('；')}</td>
              <td className="mono">{order.waybillNos.join('；')}</td>
              {extra?.cell(order)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
