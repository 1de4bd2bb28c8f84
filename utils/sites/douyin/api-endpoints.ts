import type { TapEndpoint } from '../api-types';

// reference/network-capture.md §3.1; both hosts serve the same back-office (see site.ts).
const ORIGINS = ['https://fxg.jinritemai.com', 'https://dmall.jinritemai.com'];

export const apiEndpoints: readonly TapEndpoint[] = [
  { id: 'douyin.searchlist', origins: ORIGINS, path: /^\/api\/order\/searchlist\/?$/ },
  // Detail: two names one tool tries (M-L); the body shape is INFERRED (see api.ts).
  { id: 'douyin.detail', origins: ORIGINS, path: /^\/api\/order\/(?:detail|orderDetail)\/?$/ },
];
