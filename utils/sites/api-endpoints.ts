import type { TapEndpoint } from './api-types';
import { apiEndpoints as douyin } from './douyin/api-endpoints';
import { apiEndpoints as jd } from './jd/api-endpoints';
import { apiEndpoints as kuaishou } from './kuaishou/api-endpoints';
import { apiEndpoints as pinduoduo } from './pinduoduo/api-endpoints';
import { apiEndpoints as taobao } from './taobao/api-endpoints';

// Ships in the page (the tap, MAIN world): data and one small function, nothing else.
export const TAP_ENDPOINTS: readonly TapEndpoint[] = [...douyin, ...jd, ...taobao, ...kuaishou, ...pinduoduo];

/** The id of the allow-listed endpoint a request URL names, or null. Never throws. */
export function matchTapEndpoint(url: string): string | null {
  try {
    const u = new URL(url);
    for (const endpoint of TAP_ENDPOINTS) {
      if (!endpoint.origins.includes(u.origin) || !endpoint.path.test(u.pathname)) continue;
      if (endpoint.search && !endpoint.search.test(u.search)) continue;
      return endpoint.id;
    }
  } catch {
    // not a URL
  }
  return null;
}
