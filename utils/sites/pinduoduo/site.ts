import type { PageKind } from '../../model/order';
import type { SiteDefinition } from '../types';

const HOST = 'mms.pinduoduo.com';

/** 拼多多商家后台 (reference/consoles.md §5). The order pages live in the `#mf-mms-orders-container` micro-app. */
export const site: SiteDefinition = {
  platform: 'pinduoduo',
  nameZh: '拼多多商家后台',
  nameEn: 'Pinduoduo Merchant Backend',
  origins: [`https://${HOST}`],
  matches: [`https://${HOST}/*`],
  detectPage(url: URL): PageKind | null {
    if (url.hostname !== HOST) return null;
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/orders/list') return 'list';
    // `/orders/detail?type=4399&sn=<sn>` (also seen with `?sn=` alone)
    if (path === '/orders/detail') return 'detail';
    return null;
  },
  // `YYMMDD-` + 15 digits, e.g. 220216-179332719430230
  orderIdPattern: /^\d{6}-\d{15}$/,
};
