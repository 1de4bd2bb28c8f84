import { WAYBILL_HINT } from '../../capture/floor-fill';
import { floorShopName } from '../../capture/floor/shop-name';
import { emptyDiagnostics } from '../../capture/diagnostics';
import { pick } from '../../capture/fast-query';
import { beginFloorRead, FLOOR_STRATEGIES, floorStrategyIndex, readRowFloor, type FloorField } from '../../capture/floor/read-row-floor';
import { readGenericTable } from '../../capture/generic-table';
import { clip, textOf } from '../../capture/row-values';
import { Tally } from '../../capture/tally';
import type { Shipment } from '../../model/order';
import type { PageRead } from '../types';
import { selectors } from './selectors';
import { site } from './site';

/**
 * 快手小店 order list (`/zone/order/list`). Its DOM is not publicly known, so the generic reader is this
 * console's primary strategy: it finds the table whose headers name an order id (订单号) and maps the other
 * columns by their header text. This reader adds the shop name from the console header, and asks the
 * class-free floor (utils/capture/floor) for what the columns do not give: waybills printed in the row
 * (`中通快递 7843…` in the status cell or a logistics cell of their own) and a status the status column
 * did not yield (its cell also printing a waybill).
 */
export function readKuaishouList(doc: Document): PageRead {
  const read = readGenericTable(doc, site, 'list');
  if (!read) return { kind: 'list', rows: [], diagnostics: emptyDiagnostics(site.platform, 'list') };
  const shop = readKuaishouShop(doc, read.diagnostics);
  beginFloorRead();
  const shipmentsTally = new Tally('shipments', FLOOR_STRATEGIES);
  const statusTally = new Tally('status', FLOOR_STRATEGIES);
  for (const row of read.rows) {
    const order = row.order;
    if (shop) order.shop = shop;
    const want: FloorField[] = [];
    // cheap prefilter, as on 抖店: most rows without a waybill column hold none (unpaid, to ship)
    if ((!order.shipments || order.shipments.length === 0) && WAYBILL_HINT.test(row.element.textContent ?? '')) want.push('shipments');
    if (!order.status) want.push('status');
    if (want.length === 0) continue;
    const floor = readRowFloor(row.element, { orderIdPattern: site.orderIdPattern, want });
    if (floor.shipments) {
      shipmentsTally.win(floorStrategyIndex(floor.shipments.strategy));
      order.shipments = floor.shipments.value.map((s) => {
        const shipment: Shipment = { waybillNo: s.waybillNo, events: [] };
        if (s.carrierName) shipment.carrierName = s.carrierName;
        return shipment;
      });
    }
    if (floor.status) {
      statusTally.win(floorStrategyIndex(floor.status.strategy));
      order.status = floor.status.value;
      order.statusText = floor.status.statusText;
      if (floor.status.afterSale) order.afterSale = true;
    }
  }
  shipmentsTally.flush(read.diagnostics);
  statusTally.flush(read.diagnostics);
  return read;
}

/** The shop name in the console header: by its (inferred) class, else the name printed beside the shop avatar. */
export function readKuaishouShop(doc: Document, diag: PageRead['diagnostics']): string | undefined {
  const shop = clip(textOf(pick(doc, selectors.shopName, diag, 'shop')), 80);
  if (shop) return shop;
  return floorShopName(doc, diag);
}
