import type { CapturedOrder } from '../model/order';
import type { RowStateReply } from '../background/handle-content-message';
import type { SiteDefinition } from '../sites/types';
import { ensurePageStyle } from './page-style';
import { sendToBackground } from './send-to-background';

interface WaybillView {
  waybillNo: string;
  carrierName?: string;
}

export function closeTrackingPanel(doc: Document): void {
  doc.querySelector('[data-orderlens="panel"]')?.remove();
}

function kuaidi100Url(waybillNo: string): string {
  return `https://www.kuaidi100.com/chaxun?com=&nu=${encodeURIComponent(waybillNo)}`;
}

/** Waybills of the row plus those the database knows from detail pages (only this order's). */
async function knownWaybills(order: CapturedOrder, site: SiteDefinition): Promise<WaybillView[]> {
  const reply = await sendToBackground<RowStateReply>({
    type: 'orderlens/row-state',
    v: 1,
    platform: site.platform,
    orderIds: [order.orderId],
  });
  const stored = reply?.ok ? (reply.states[order.orderId]?.waybills ?? []) : [];
  const all = new Map<string, WaybillView>();
  for (const item of [...order.shipments, ...stored]) {
    all.set(item.waybillNo, { waybillNo: item.waybillNo, carrierName: item.carrierName ?? all.get(item.waybillNo)?.carrierName });
  }
  return [...all.values()];
}

/** The 查物流 panel: every waybill of the order, copy, and a link that opens the tracking page in a tab. */
export async function openTrackingPanel(button: Element, order: CapturedOrder, site: SiteDefinition): Promise<void> {
  const doc = button.ownerDocument;
  closeTrackingPanel(doc);
  ensurePageStyle(doc);
  const waybills = await knownWaybills(order, site);
  const panel = doc.createElement('div');
  panel.setAttribute('data-orderlens', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', `订单 ${order.orderId} 物流`);
  const title = doc.createElement('div');
  title.textContent = `订单 ${order.orderId} · ${order.statusText ?? ''}`;
  title.style.fontWeight = '600';
  panel.append(title);
  if (waybills.length === 0) {
    const none = doc.createElement('div');
    none.textContent = '暂无运单号（已打单未发货，或请打开订单详情页让 OrderLens 读取运单）';
    panel.append(none);
  }
  for (const waybill of waybills) {
    const line = doc.createElement('div');
    line.setAttribute('data-orderlens-waybill', waybill.waybillNo);
    const label = doc.createElement('span');
    label.textContent = `${waybill.carrierName ?? '快递'} ${waybill.waybillNo} `;
    const copy = doc.createElement('button');
    copy.type = 'button';
    copy.textContent = '复制';
    copy.addEventListener('click', () => void navigator.clipboard?.writeText(waybill.waybillNo).catch(() => undefined));
    const link = doc.createElement('a');
    link.href = kuaidi100Url(waybill.waybillNo);
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = '快递100 查询';
    line.append(label, copy, link);
    panel.append(line);
  }
  const view = doc.defaultView;
  const box = button.getBoundingClientRect();
  panel.style.left = `${Math.round(box.left + (view?.scrollX ?? 0))}px`;
  panel.style.top = `${Math.round(box.bottom + (view?.scrollY ?? 0) + 4)}px`;
  (doc.body ?? doc.documentElement).append(panel);
}
