import { describe, expect, it } from 'vitest';
import { consoleVerdict } from '@/components/dashboard/parse-verdict';
import type { DiagnosticsRecord } from '@/utils/db/database';

const record = (overrides: Partial<DiagnosticsRecord>): DiagnosticsRecord => ({
  key: 'douyin:list:douyin-2024',
  platform: 'douyin',
  pageKind: 'list',
  layout: 'douyin-2024',
  pages: 3,
  rowsSeen: 30,
  rowsParsed: 30,
  skipped: {},
  strategies: { orderId: { 'label-订单编号': 30 } },
  lastAt: 1_000,
  ...overrides,
});

describe('consoleVerdict (解析健康 in the seller’s words)', () => {
  it('正常 when every row and field was read', () => {
    expect(consoleVerdict([record({})], 'zh')).toMatchObject({ verdict: 'ok', missing: [], skipped: [] });
  });

  it('部分字段读不到, naming the fields and skip reasons in Chinese', () => {
    const verdict = consoleVerdict([record({ skipped: { 'no-order-id': 2 }, strategies: { amount: { 'douyin-2024': 28, none: 2 }, status: { none: 1 } } })], 'zh');
    expect(verdict).toMatchObject({ verdict: 'partial', missing: ['金额', '订单状态'], skipped: [['没有订单号', 2]] });
  });

  it('页面无法识别 when the newest order-list read recognised no layout, even after good ones', () => {
    const good = record({ lastAt: 1_000 });
    const none = record({ key: 'douyin:list:none', layout: 'none', rowsSeen: 0, rowsParsed: 0, strategies: {}, lastAt: 2_000 });
    expect(consoleVerdict([good, none], 'zh')?.verdict).toBe('broken');
    expect(consoleVerdict([{ ...none, lastAt: 500 }, good], 'zh')?.verdict).toBe('ok');
  });

  it('API errors make it partial; the sources-disagree notes do not count as skipped rows', () => {
    const api = record({ key: 'douyin:api:douyin.searchlist', pageKind: 'api', layout: 'douyin.searchlist', skipped: { 'error:sign-failed': 1 }, strategies: {} });
    expect(consoleVerdict([record({}), api], 'zh')).toMatchObject({ verdict: 'partial', skipped: [['后台签名校验失败', 1]] });
    const note = record({ skipped: { 'dom-rows-no-api-response': 1 } });
    expect(consoleVerdict([note], 'en')?.verdict).toBe('ok');
  });
});
