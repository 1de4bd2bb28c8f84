// @ts-expect-error plain ESM shared with scripts/demo.mjs
import { listFixtures, readFixtureJson } from '../../scripts/lib/browser.mjs';

export interface FixtureInfo {
  platform: string;
  name: string;
  file: string;
  url: string;
  kind: 'list' | 'detail' | 'logistics';
  layout: string;
  expected: string;
}

export interface SpaScript {
  list: string;
  nextPage?: { click: string; expectOrderIds: string[] };
  tab?: { click: string; expectOrderIds: string[] };
  detail?: { fixture: string; orderId: string; expectWaybills?: string[] };
}

export const fixtures: FixtureInfo[] = listFixtures();

export function expectedOrderIds(fixture: FixtureInfo): string[] {
  const expected = readFixtureJson(fixture.platform, fixture.expected) as { orders: { orderId: string }[] };
  return expected.orders.map((order) => order.orderId);
}

export function expectedOrders(fixture: FixtureInfo): Record<string, unknown>[] {
  return (readFixtureJson(fixture.platform, fixture.expected) as { orders: Record<string, unknown>[] }).orders;
}

export function spaScript(platform: string): SpaScript | undefined {
  try {
    return readFixtureJson(platform, 'spa.json') as SpaScript;
  } catch {
    return undefined;
  }
}

export const platforms: string[] = [...new Set(fixtures.map((fixture) => fixture.platform))];
