// Every console JSON body in tests/fixtures/<platform>/api → the endpoint the tap would match for its real URL
// → that endpoint's reader → exactly its `.expected.json`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConsoleJson } from '@/utils/capture/parse-console-json';
import { CapturedOrderSchema } from '@/utils/model/order';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import type { ApiEndpointReader, ApiRead } from '@/utils/sites/api-types';
import { apiReaders as douyin } from '@/utils/sites/douyin/api';
import { apiReaders as jd } from '@/utils/sites/jd/api';
import { apiReaders as kuaishou } from '@/utils/sites/kuaishou/api';
import { apiReaders as pinduoduo } from '@/utils/sites/pinduoduo/api';
import { apiReaders as taobao } from '@/utils/sites/taobao/api';
import { decodeBody } from '@/utils/tap/decode-body';
import { expectedOrders, type FixtureExpectation } from './expected';
import { expectNoPrivateData } from '../unit/api-helpers';

const READERS: Record<string, readonly ApiEndpointReader[]> = { douyin, jd, kuaishou, pinduoduo, taobao };
const ROOT = join(__dirname, '..', 'fixtures');

interface Body {
  platform: string;
  file: string;
  /** The URL the console requests it at (what the tap sees). */
  url: string;
  contentType?: string;
}

const DY = 'https://fxg.jinritemai.com/api/order/searchlist?page=0&pageSize=10&tab=all&order_by=create_time&order=desc&appid=1&aid=4272&_bid=ffa_order&a_bogus=x';
const JD = 'https://sff.jd.com/api?v=1.0&appId=COCX0HBWR4BA7RDVDBIQ&api=dsm.order.bff.orderListBffService.queryOrderPage';
const TB = 'https://trade.taobao.com/trade/itemlist/asyncSold.htm?event_submit_do_query=1&_input_charset=utf8';
const KS = 'https://s.kwaixiaodian.com/rest/app/tts/ks/seller/order/query/v2';
const PDD = 'https://mms.pinduoduo.com/mangkhut/mms/recentOrderList';

const BODIES: Body[] = [
  { platform: 'douyin', file: 'searchlist-all-p0.json', url: DY },
  { platform: 'douyin', file: 'searchlist-all-p1.json', url: DY.replace('page=0', 'page=1') },
  { platform: 'douyin', file: 'searchlist-error.json', url: DY },
  { platform: 'jd', file: 'queryOrderPage-p1.json', url: JD },
  { platform: 'jd', file: 'queryOrderPage-p2.json', url: JD },
  { platform: 'jd', file: 'porder-orderlist.json', url: 'https://porder.shop.jd.com/order/orderlist' },
  { platform: 'taobao', file: 'asyncSold-p1.utf8.json', url: TB, contentType: 'application/json;charset=UTF-8' },
  { platform: 'taobao', file: 'asyncSold-p1.gbk.json', url: TB, contentType: 'text/html;charset=GBK' },
  { platform: 'kuaishou', file: 'order-query-p1.json', url: KS },
  { platform: 'pinduoduo', file: 'recentOrderList-p1.json', url: PDD },
  { platform: 'pinduoduo', file: 'recentOrderList-p2.json', url: PDD },
  { platform: 'pinduoduo', file: 'recentOrderList-ratelimit.json', url: PDD },
];

type Expected = FixtureExpectation & { kind: ApiRead['kind']; reason?: string; pageKind?: string; total?: number };

const bytesOf = (body: Body) => readFileSync(join(ROOT, body.platform, 'api', body.file));
const expectationOf = (body: Body): Expected =>
  JSON.parse(readFileSync(join(ROOT, body.platform, 'api', body.file.replace(/\.json$/, '.expected.json')), 'utf8'));

function readAsCaptured(body: Body): { read: ApiRead; parsed: unknown } {
  const endpoint = matchTapEndpoint(body.url);
  expect(endpoint, `${body.url} is allow-listed`).not.toBeNull();
  const reader = READERS[body.platform]!.find((r) => r.id === endpoint);
  expect(reader, `${body.platform} has a reader for ${endpoint}`).toBeDefined();
  const parsed = parseConsoleJson(decodeBody(new Uint8Array(bytesOf(body)), body.contentType));
  const read = reader!.read(parsed, { url: new URL(body.url), status: 200, receivedAt: Date.now() });
  return { read, parsed };
}

describe.each(BODIES.map((body) => [`${body.platform}/${body.file}`, body] as const))('API body %s', (_name, body) => {
  it('reads to exactly the expected result', () => {
    const { read } = readAsCaptured(body);
    const expected = expectationOf(body);
    expect(read.kind).toBe(expected.kind);
    if (read.kind !== 'orders') {
      expect(read).toEqual({ kind: expected.kind, reason: expected.reason });
      return;
    }
    for (const order of read.orders) expect(CapturedOrderSchema.safeParse(order).success, order.orderId).toBe(true);
    expect(read.orders.map((order) => CapturedOrderSchema.parse(order))).toEqual(expectedOrders(expected));
    expect(read.pageKind).toBe(expected.pageKind);
    expect(read.skipped).toEqual(expected.skipped ?? {});
    expect(read.rowsSeen).toBe(expected.rowsSeen);
    expect(read.total).toBe(expected.total);
  });

  it('keeps no phone, street, full name or note', () => {
    const { read, parsed } = readAsCaptured(body);
    if (read.kind === 'orders') expectNoPrivateData(parsed, read);
  });
});

describe('API bodies', () => {
  it('the GBK body decodes to the same text as the UTF-8 one, declared or not', () => {
    const utf8 = readFileSync(join(ROOT, 'taobao', 'api', 'asyncSold-p1.utf8.json'), 'utf8');
    const gbk = new Uint8Array(readFileSync(join(ROOT, 'taobao', 'api', 'asyncSold-p1.gbk.json')));
    expect(Buffer.from(gbk).equals(Buffer.from(utf8, 'utf8'))).toBe(false);
    expect(decodeBody(gbk, 'text/html;charset=GBK')).toBe(utf8);
    expect(decodeBody(gbk, null)).toBe(utf8);
  });

  it('the 19-digit bare-number ids of 千牛 come out with every digit', () => {
    const text = readFileSync(join(ROOT, 'taobao', 'api', 'asyncSold-p1.utf8.json'), 'utf8');
    const bare = [...text.matchAll(/\n {6}"id": (\d{19}),/g)].map((m) => m[1]);
    expect(bare).toHaveLength(15);
    const { read } = readAsCaptured(BODIES.find((body) => body.file === 'asyncSold-p1.utf8.json')!);
    expect(read.kind === 'orders' && read.orders.map((order) => order.orderId)).toEqual(bare);
  });

  it('the tab-count body is not an allow-listed endpoint', () => {
    expect(matchTapEndpoint('https://fxg.jinritemai.com/api/order/tabcnt?tabcnt_version=v1&tab=all&appid=1')).toBeNull();
    // and read as a list anyway, it is an unknown shape, not zero orders
    const read = douyin.find((r) => r.id === 'douyin.searchlist')!.read(
      parseConsoleJson(readFileSync(join(ROOT, 'douyin', 'api', 'tabcnt.json'), 'utf8')),
      { url: new URL(DY), status: 200, receivedAt: 0 },
    );
    const expected = JSON.parse(readFileSync(join(ROOT, 'douyin', 'api', 'tabcnt.expected.json'), 'utf8'));
    expect(read).toEqual(expected);
    expect(read.kind).toBe('unknown-shape');
  });

  it('page totals agree across pages and with the rows the pages hold', () => {
    const count = (file: string) => {
      const { read } = readAsCaptured(BODIES.find((body) => body.file === file)!);
      return read.kind === 'orders' ? { n: read.orders.length, total: read.total } : { n: -1, total: -1 };
    };
    const dy = [count('searchlist-all-p0.json'), count('searchlist-all-p1.json')];
    expect(dy[0]!.n + dy[1]!.n).toBe(dy[0]!.total);
    const jdPages = [count('queryOrderPage-p1.json'), count('queryOrderPage-p2.json')];
    expect(jdPages[0]!.n + jdPages[1]!.n).toBe(jdPages[0]!.total);
    const pdd = [count('recentOrderList-p1.json'), count('recentOrderList-p2.json')];
    expect(pdd[0]!.n + pdd[1]!.n).toBe(pdd[0]!.total);
  });
});
