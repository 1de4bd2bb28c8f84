import type { TapEndpoint } from '../api-types';

// reference/network-capture.md §3.4.
export const apiEndpoints: readonly TapEndpoint[] = [
  { id: 'kuaishou.orderQuery', origins: ['https://s.kwaixiaodian.com'], path: /^\/rest\/app\/tts\/ks\/seller\/order\/query\/v2\/?$/ },
];
