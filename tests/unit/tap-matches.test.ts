import { describe, expect, it } from 'vitest';
import { SITES } from '@/utils/sites/registry';
import { TAP_ENDPOINTS } from '@/utils/sites/api-endpoints';
import { TAP_MATCHES } from '@/utils/tap/console-matches';

describe('the tap runs where the consoles are, and only there', () => {
  it('TAP_MATCHES equals the union of every site’s content-script matches', () => {
    expect([...TAP_MATCHES].sort()).toEqual([...new Set(SITES.flatMap((site) => site.matches))].sort());
  });

  it('every endpoint id names its console and every console has a list endpoint', () => {
    for (const endpoint of TAP_ENDPOINTS) expect(SITES.map((site) => site.platform)).toContain(endpoint.id.split('.')[0]);
    for (const site of SITES) expect(TAP_ENDPOINTS.some((endpoint) => endpoint.id.startsWith(`${site.platform}.`))).toBe(true);
  });
});
