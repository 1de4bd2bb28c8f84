import type { TapEndpoint } from '../api-types';

// reference/network-capture.md §3.2. sff.jd.com/api is one gateway for many APIs: the `api` query names it
// (older name `dsm.order.manage.orderlist.queryOrderPage`, consoles.md §2.3).
export const apiEndpoints: readonly TapEndpoint[] = [
  {
    id: 'jd.queryOrderPage',
    origins: ['https://sff.jd.com'],
    path: /^\/api\/?$/,
    search: /[?&]api=dsm\.order\.(?:bff\.orderListBffService|manage\.orderlist)\.queryOrderPage(?:&|$)/,
  },
  { id: 'jd.porderList', origins: ['https://porder.shop.jd.com'], path: /^\/order\/orderlist\/?$/ },
];
