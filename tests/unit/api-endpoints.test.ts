import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TAP_ENDPOINTS, matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { apiReaders as douyin } from '@/utils/sites/douyin/api';
import { apiReaders as jd } from '@/utils/sites/jd/api';
import { apiReaders as kuaishou } from '@/utils/sites/kuaishou/api';
import { apiReaders as pinduoduo } from '@/utils/sites/pinduoduo/api';
import { apiReaders as taobao } from '@/utils/sites/taobao/api';

describe('TAP_ENDPOINTS / matchTapEndpoint', () => {
  it('every endpoint has exactly one reader with its id, and ids are unique', () => {
    const ids = TAP_ENDPOINTS.map((endpoint) => endpoint.id);
    expect(new Set(ids).size).toBe(ids.length);
    const readerIds = [...douyin, ...jd, ...taobao, ...kuaishou, ...pinduoduo].map((reader) => reader.id);
    expect(readerIds.sort()).toEqual([...ids].sort());
  });

  it('no endpoint regex is global or sticky (test() must not keep state between URLs)', () => {
    for (const endpoint of TAP_ENDPOINTS) {
      expect(endpoint.path.global || endpoint.path.sticky, endpoint.id).toBe(false);
      if (endpoint.search) expect(endpoint.search.global || endpoint.search.sticky, endpoint.id).toBe(false);
      for (const origin of endpoint.origins) expect(new URL(origin).origin, endpoint.id).toBe(origin);
    }
  });

  it('rejects garbage without throwing', () => {
    for (const url of ['', ' ', 'javascript:alert(1)', 'data:application/json,{}', 'about:blank', '/api/order/searchlist', '//fxg.jinritemai.com/api/order/searchlist', 'not a url', 'https://', 'blob:https://fxg.jinritemai.com/uuid', '\u0000', 'x'.repeat(100_000)]) {
      expect(matchTapEndpoint(url), url.slice(0, 40)).toBeNull();
    }
    expect(matchTapEndpoint(undefined as unknown as string)).toBeNull();
    expect(matchTapEndpoint({ toString: () => { throw new Error('boom'); } } as unknown as string)).toBeNull();
  });

  it('matches each endpoint whatever the query, the hash or the host name case', () => {
    expect(matchTapEndpoint('https://FXG.jinritemai.com/api/order/searchlist?x=1#y')).toBe('douyin.searchlist');
    expect(matchTapEndpoint('https://mms.pinduoduo.com/mangkhut/mms/recentOrderList?t=1')).toBe('pinduoduo.recentOrderList');
  });

  it('stays tiny and import-free for the page (MAIN world)', () => {
    const files = ['api-endpoints.ts', 'douyin/api-endpoints.ts', 'jd/api-endpoints.ts', 'taobao/api-endpoints.ts', 'kuaishou/api-endpoints.ts', 'pinduoduo/api-endpoints.ts'];
    for (const file of files) {
      const source = readFileSync(join(__dirname, '..', '..', 'utils', 'sites', file), 'utf8');
      const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)];
      for (const [line, from] of imports) {
        if (file === 'api-endpoints.ts') expect(from, line).toMatch(/^\.\/(?:api-types|[a-z]+\/api-endpoints)$/);
        else expect(line, file).toMatch(/^import type .* from '\.\.\/api-types';$/);
      }
      expect(source.length, file).toBeLessThan(2500);
    }
  });
});
