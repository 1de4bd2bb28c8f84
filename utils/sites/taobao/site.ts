import type { PageKind } from '../../model/order';
import type { SiteDefinition } from '../types';

// reference/consoles.md §3.1. The Qianniu web workbench (both hosts) puts the micro-app route in the
// PATH after `home.htm/` (not in a hash): `/home.htm/trade-platform/tp/sold`.
const QIANNIU_HOSTS = ['myseller.taobao.com', 'qn.taobao.com'];
const QN_SOLD = '/home.htm/trade-platform/tp/sold';
const QN_DETAIL = '/home.htm/trade-platform/tp/detail';

// Legacy pages (React 2016–2021 list; server-rendered details that embed `var data = …`).
const LEGACY_SOLD = '/trade/itemlist/list_sold_items.htm';
const LEGACY_DETAIL = '/detail/orderDetail.htm';
// 302-redirects to the new detail page; kept so a capture is attempted if the redirect ever stops.
const LEGACY_ITEM_DETAIL = '/trade/detail/trade_item_detail.htm';

const ORIGINS = [
  'https://myseller.taobao.com',
  'https://qn.taobao.com',
  'https://trade.taobao.com',
  'https://trade.tmall.com',
];

function underPath(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export const site: SiteDefinition = {
  platform: 'taobao',
  nameZh: '千牛/淘宝',
  nameEn: 'Taobao / Tmall (Qianniu)',
  origins: ORIGINS,
  matches: ORIGINS.map((origin) => `${origin}/*`),
  detectPage(url: URL): PageKind | null {
    if (!ORIGINS.includes(url.origin)) return null;
    const path = url.pathname.replace(/\/+$/, '');
    if (QIANNIU_HOSTS.includes(url.hostname)) {
      if (underPath(path, QN_SOLD)) return 'list';
      if (underPath(path, QN_DETAIL)) return 'detail';
      return null;
    }
    if (url.hostname === 'trade.taobao.com') {
      if (path === LEGACY_SOLD) return 'list';
      if (path === LEGACY_DETAIL || path === LEGACY_ITEM_DETAIL) return 'detail';
      return null;
    }
    if (url.hostname === 'trade.tmall.com' && path === LEGACY_DETAIL) return 'detail';
    return null;
  },
  // 19 digits in recent years, 16–18 before; what the sellers' own tools accept (consoles.md §3.2).
  orderIdPattern: /^\d{16,20}$/,
};

/** The new Qianniu detail page of an order. */
export function taobaoDetailUrl(orderId: string): string {
  return `https://qn.taobao.com${QN_DETAIL}?bizOrderId=${encodeURIComponent(orderId)}`;
}
