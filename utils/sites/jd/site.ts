import type { PageKind } from '../../model/order';
import type { SiteDefinition } from '../types';

// 京东商家后台 spreads orders over several hosts (reference/consoles.md §2.1): the 2024+ Vue list on shop.jd.com
// (variants on trade-order-jdm.jd.com), the older list on porder.shop.jd.com and the detail on neworder.shop.jd.com.
const ORIGINS = [
  'https://shop.jd.com',
  'https://trade-order-jdm.jd.com',
  'https://porder.shop.jd.com',
  'https://neworder.shop.jd.com',
];

const LIST_PATHS: Readonly<Record<string, readonly string[]>> = {
  'shop.jd.com': ['/jdm/trade/orders/order-list', '/jdm/trade/order/orderList'],
  'trade-order-jdm.jd.com': ['/orderList'],
  'porder.shop.jd.com': ['/order/orderlist'],
};
const DETAIL_PATHS: Readonly<Record<string, readonly string[]>> = {
  'neworder.shop.jd.com': ['/order/orderDetail'],
};

function underAny(pathname: string, prefixes: readonly string[] | undefined): boolean {
  return (prefixes ?? []).some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export const site: SiteDefinition = {
  platform: 'jd',
  nameZh: '京东商家后台',
  nameEn: 'JD Merchant Console',
  origins: ORIGINS,
  matches: ORIGINS.map((origin) => `${origin}/*`),
  detectPage(url: URL): PageKind | null {
    if (!ORIGINS.includes(url.origin)) return null;
    const path = url.pathname.replace(/\/+$/, '');
    if (underAny(path, LIST_PATHS[url.hostname])) return 'list';
    if (underAny(path, DETAIL_PATHS[url.hostname])) return 'detail';
    return null;
  },
  // 11–13 digits (81500013740 in 2019, 12–13 digits now; consoles.md §2.2).
  orderIdPattern: /^\d{11,13}$/,
};

/** The order detail page of an order. */
export function jdDetailUrl(orderId: string): string {
  return `https://neworder.shop.jd.com/order/orderDetail?orderId=${encodeURIComponent(orderId)}`;
}
