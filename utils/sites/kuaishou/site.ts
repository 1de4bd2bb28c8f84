import type { PageKind } from '../../model/order';
import type { SiteDefinition } from '../types';

const HOST = 's.kwaixiaodian.com';

/** 快手小店 (reference/consoles.md §4). */
export const site: SiteDefinition = {
  platform: 'kuaishou',
  nameZh: '快手小店',
  nameEn: 'Kuaishou Shop',
  origins: [`https://${HOST}`],
  matches: [`https://${HOST}/*`],
  detectPage(url: URL): PageKind | null {
    if (url.hostname !== HOST) return null;
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/zone/order/list') return 'list';
    // INFERRED: no public source shows the order detail URL (consoles.md §4.1 "not found"). `/zone/order/detail`
    // follows the console's `/zone/goods/detail?id=` pattern; if the real page lives elsewhere this simply
    // never matches, and if it does match, the detail reader reads only labelled values it can verify.
    if (path === '/zone/order/detail') return 'detail';
    return null;
  },
  // Open-platform doc example oids have 15 digits; current web oids are probably 16 (consoles.md §4.2).
  orderIdPattern: /^\d{15,19}$/,
};
