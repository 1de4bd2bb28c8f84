import type { OrderRecord } from '@/utils/db/database';
import { formatYuan } from '@/utils/model/money';
import { STATUS_LABEL_ZH } from '@/utils/model/status';
import { formatBeijing } from '@/utils/model/time';
import { platformName } from './platform-names';

/** Orders as a table; every cell is plain text (React escapes it), never page markup. */
export function OrderTable({ orders }: { orders: OrderRecord[] }) {
  if (orders.length === 0) return <p className="empty">还没有订单。打开任一商家后台的订单列表，OrderLens 会自动记录。</p>;
  return (
    <table className="orders">
      <thead>
        <tr>
          <th>平台</th>
          <th>店铺</th>
          <th>订单编号</th>
          <th>下单时间</th>
          <th>订单状态</th>
          <th>实付金额</th>
          <th>买家</th>
          <th>商品</th>
          <th>运单号</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.key} data-order-key={order.key}>
            <td>{platformName(order.platform)}</td>
            <td>{order.shop ?? ''}</td>
            <td className="mono">{order.orderId}</td>
            <td>{order.createdAt ? formatBeijing(order.createdAt) : ''}</td>
            <td title={order.statusText}>{order.status ? STATUS_LABEL_ZH[order.status] : ''}</td>
            <td className="num">{order.amountCents !== undefined ? formatYuan(order.amountCents) : ''}</td>
            <td>{order.buyer ?? ''}</td>
            <td>{order.items.map((item) => item.title).join('；')}</td>
            <td className="mono">{order.waybillNos.join('；')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
