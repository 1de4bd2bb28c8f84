import type { TapEndpoint } from '../api-types';

// reference/network-capture.md §3.3: the legacy list and the new 千牛 page (myseller.taobao.com) both call
// trade.taobao.com (the new page cross-origin, with credentials).
export const apiEndpoints: readonly TapEndpoint[] = [
  { id: 'taobao.asyncSold', origins: ['https://trade.taobao.com'], path: /^\/trade\/itemlist\/asyncSold\.htm$/ },
];
