import type { RowStateReply, RowStateShipment } from '../background/handle-content-message';
import { recognizeCarrier } from '../carriers/recognize';
import { trackingLinks } from '../carriers/tracking-links';
import type { ExceptionKind } from '../kpi/logistics-exceptions';
import type { CapturedOrder } from '../model/order';
import { formatBeijing } from '../model/time';
import type { SiteDefinition } from '../sites/types';
import { ensurePageStyle } from './page-style';
import { sendToBackground } from './send-to-background';

const EXCEPTION_TEXT: Record<ExceptionKind, string> = {
  stalled: '物流异常：超过设定时长（默认 48 小时）没有新轨迹',
  delivery_failed: '物流异常：派送失败',
  returned: '物流异常：包裹退回',
  late_shipment: '已超过承诺发货时间，尚未发货',
};

export function closeTrackingPanel(doc: Document): void {
  doc.querySelector('[data-orderlens="panel"]')?.remove();
}

/** The row's waybills united with what the database knows from detail/logistics pages (this order only). */
async function panelData(order: CapturedOrder, site: SiteDefinition) {
  const reply = await sendToBackground<RowStateReply>({ type: 'orderlens/row-state', v: 1, platform: site.platform, orderIds: [order.orderId] });
  const state = reply?.ok ? reply.states[order.orderId] : undefined;
  const byNo = new Map<string, RowStateShipment>();
  for (const shipment of order.shipments) {
    byNo.set(shipment.waybillNo, {
      waybillNo: shipment.waybillNo,
      carrierName: shipment.carrierName,
      lastEventAt: shipment.lastEventAt,
      events: [...shipment.events].reverse(),
    });
  }
  for (const stored of state?.waybills ?? []) {
    const known = byNo.get(stored.waybillNo);
    byNo.set(stored.waybillNo, {
      ...stored,
      carrierName: stored.carrierName ?? known?.carrierName,
      events: stored.events.length > 0 ? stored.events : (known?.events ?? []),
    });
  }
  return { waybills: [...byNo.values()], exception: state?.exception ?? null, statusText: state?.statusText ?? order.statusText };
}

function line(doc: Document, text: string, className?: string): HTMLElement {
  const div = doc.createElement('div');
  div.textContent = text;
  if (className) div.className = className;
  return div;
}

function waybillBlock(doc: Document, shipment: RowStateShipment): HTMLElement {
  const block = doc.createElement('div');
  block.setAttribute('data-orderlens-waybill', shipment.waybillNo);
  block.style.cssText = 'border-top:1px solid #f0f0f0;padding-top:6px;margin-top:6px';
  const recognised = recognizeCarrier({ carrierName: shipment.carrierName, waybillNo: shipment.waybillNo });
  const carrier =
    shipment.carrierName ??
    recognised.carrier?.nameZh ??
    (recognised.candidates.length > 0 ? `快递公司未确定（可能是 ${recognised.candidates.map((c) => c.nameZh).join('/')}）` : '快递公司未知');
  const head = doc.createElement('div');
  const name = doc.createElement('strong');
  name.textContent = `${carrier} `;
  const number = doc.createElement('span');
  number.textContent = shipment.waybillNo;
  number.style.fontFamily = 'ui-monospace,Menlo,monospace';
  const copy = doc.createElement('button');
  copy.type = 'button';
  copy.setAttribute('data-orderlens-copy', shipment.waybillNo);
  copy.textContent = '复制';
  copy.style.marginLeft = '8px';
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(shipment.waybillNo).then(
      () => (copy.textContent = '已复制'),
      () => (copy.textContent = '复制失败'),
    );
  });
  head.append(name, number, copy);
  block.append(head);
  const latest = shipment.events[0];
  block.append(
    line(doc, latest ? `最新：${formatBeijing(latest.at)} ${latest.text}` : '已发货，暂未看到物流轨迹（打开订单详情页，OrderLens 会读取轨迹）'),
  );
  for (const event of shipment.events.slice(1, 5)) block.append(line(doc, `${formatBeijing(event.at)} ${event.text}`));
  const links = doc.createElement('div');
  for (const link of trackingLinks(shipment.waybillNo, recognised.carrier)) {
    const anchor = doc.createElement('a');
    anchor.href = link.url;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    anchor.textContent = link.label;
    anchor.setAttribute('data-orderlens-link', link.kind);
    links.append(anchor);
  }
  block.append(links);
  return block;
}

/**
 * The 查物流 panel: every waybill of the order (one order can have several), carrier, copy, newest events
 * and links that open the carrier's or kuaidi100's page in a tab. OrderLens itself requests nothing.
 */
export async function openTrackingPanel(button: Element, order: CapturedOrder, site: SiteDefinition): Promise<void> {
  const doc = button.ownerDocument;
  closeTrackingPanel(doc);
  ensurePageStyle(doc);
  const data = await panelData(order, site);
  const panel = doc.createElement('div');
  panel.setAttribute('data-orderlens', 'panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', `订单 ${order.orderId} 物流`);
  const title = line(doc, `订单 ${order.orderId}${data.statusText ? ` · ${data.statusText}` : ''}`);
  title.style.fontWeight = '600';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', '关闭');
  close.style.cssText = 'float:right;font-size:14px';
  close.addEventListener('click', () => panel.remove());
  title.prepend(close);
  panel.append(title);
  if (data.exception) {
    const warning = line(doc, EXCEPTION_TEXT[data.exception]);
    warning.setAttribute('data-orderlens-exception', data.exception);
    warning.style.color = '#d4380d';
    panel.append(warning);
  }
  if (data.waybills.length === 0) {
    panel.append(line(doc, order.status === 'paid' ? '尚无运单号：已付款，可能已打单但未发货' : '尚无运单号（打开订单详情页，OrderLens 会读取运单）'));
  }
  for (const shipment of data.waybills) panel.append(waybillBlock(doc, shipment));
  const view = doc.defaultView;
  const box = button.getBoundingClientRect();
  panel.style.left = `${Math.round(Math.min(box.left, (view?.innerWidth ?? 1200) - 440) + (view?.scrollX ?? 0))}px`;
  panel.style.top = `${Math.round(box.bottom + (view?.scrollY ?? 0) + 4)}px`;
  (doc.body ?? doc.documentElement).append(panel);
  close.focus();
}
