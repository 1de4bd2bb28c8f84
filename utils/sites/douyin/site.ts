import type { PageKind } from '../../model/order';
import type { SiteDefinition } from '../types';

const LIST_PATH = '/ffa/morder/order/list';
// The order detail URL is INFERRED: reference/consoles.md §1.1 only says the row's "订单详情" link opens a
// popup/new tab; the exact URL was not found. This path follows the console's /ffa/morder/order/* scheme.
const DETAIL_PATH = '/ffa/morder/order/detail';
const LOGISTICS_PATH = '/ffa/morder/logistics/delivery';

// dmall.jinritemai.com serves the same order list under a variant host (consoles.md §1.1, low confidence).
const ORIGINS = ['https://fxg.jinritemai.com', 'https://dmall.jinritemai.com'];

function underPath(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

export const site: SiteDefinition = {
  platform: 'douyin',
  nameZh: '抖店',
  nameEn: 'Douyin Shop',
  origins: ORIGINS,
  matches: ORIGINS.map((origin) => `${origin}/*`),
  detectPage(url: URL): PageKind | null {
    if (!ORIGINS.includes(url.origin)) return null;
    const path = url.pathname.replace(/\/+$/, '');
    if (underPath(path, LIST_PATH)) return 'list';
    if (underPath(path, DETAIL_PATH)) return 'detail';
    if (underPath(path, LOGISTICS_PATH)) return 'logistics';
    return null;
  },
  // 19 digits; 49… since ~2022, 6x… before (consoles.md §1.2).
  orderIdPattern: /^\d{19}$/,
};

/** The inferred detail URL of an order (see DETAIL_PATH). */
export function douyinDetailUrl(orderId: string): string {
  return `https://fxg.jinritemai.com${DETAIL_PATH}?id=${encodeURIComponent(orderId)}`;
}
