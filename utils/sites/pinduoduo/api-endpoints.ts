import type { TapEndpoint } from '../api-types';

// reference/network-capture.md §3.5. Temu serves its own `recentOrderList` on other hosts: the origin decides.
const ORIGINS = ['https://mms.pinduoduo.com'];

export const apiEndpoints: readonly TapEndpoint[] = [
  { id: 'pinduoduo.recentOrderList', origins: ORIGINS, path: /^\/mangkhut\/mms\/recentOrderList\/?$/ },
  { id: 'pinduoduo.historyOrderList', origins: ORIGINS, path: /^\/mangkhut\/mms\/historyOrderList\/?$/ },
  { id: 'pinduoduo.orderDetail', origins: ORIGINS, path: /^\/mangkhut\/mms\/orderDetail\/?$/ },
];
