import { API_DIAGNOSTICS_KIND } from '@/utils/capture/diagnostics';
import type { DiagnosticsRecord } from '@/utils/db/database';

export type Verdict = 'ok' | 'partial' | 'broken';

/** Fields a seller cares about, in their words; the diagnostics' field names are the readers' own. */
const FIELD_WORDS: Record<string, { zh: string; en: string }> = {
  orderId: { zh: '订单号', en: 'order number' },
  createdAt: { zh: '下单时间', en: 'order time' },
  paidAt: { zh: '付款时间', en: 'payment time' },
  amount: { zh: '金额', en: 'amount' },
  status: { zh: '订单状态', en: 'status' },
  buyer: { zh: '买家', en: 'buyer' },
  receiverRegion: { zh: '收货地区', en: 'region' },
  itemTitle: { zh: '商品', en: 'items' },
  items: { zh: '商品', en: 'items' },
  waybills: { zh: '运单号', en: 'waybills' },
  shipments: { zh: '运单号', en: 'waybills' },
};

const SKIP_WORDS: Record<string, { zh: string; en: string }> = {
  'no-order-id': { zh: '没有订单号', en: 'no order number' },
  'bad-order-id': { zh: '订单号格式不对', en: 'malformed order number' },
  'bad-time': { zh: '时间无法识别', en: 'unreadable time' },
  'bad-amount': { zh: '金额无法识别', en: 'unreadable amount' },
  'invalid-order': { zh: '信息不完整', en: 'incomplete' },
  'read-error': { zh: '读取出错', en: 'read error' },
  'unsafe-id': { zh: '订单号被截断', en: 'truncated order number' },
  'bad-row': { zh: '数据格式不对', en: 'malformed row' },
  'error:sign-failed': { zh: '后台签名校验失败', en: 'signature rejected' },
  'error:rate-limit-54001': { zh: '后台提示操作太频繁', en: 'rate limited' },
  'error:captcha': { zh: '后台要求验证码', en: 'captcha' },
};

/** Reasons that describe the two sources disagreeing, not rows: shown as notes instead. */
const SOURCE_NOTES = new Set(['api-orders-dom-reader-found-no-rows', 'dom-rows-no-api-response']);

export interface ConsoleVerdict {
  verdict: Verdict;
  /** The newest record: where and when. */
  last: DiagnosticsRecord;
  /** Fields some rows had to do without (seller words), most often first. */
  missing: string[];
  /** Skipped rows by reason (seller words) with counts. */
  skipped: [string, number][];
}

function words(table: Record<string, { zh: string; en: string }>, key: string, lang: 'zh' | 'en'): string {
  return table[key]?.[lang] ?? (key.startsWith('error:') ? (lang === 'zh' ? '后台返回错误' : 'error answer') : key);
}

/**
 * One plain verdict per console from its parse records: 页面无法识别 when its newest order-page read found
 * no layout at all; 部分字段读不到 when rows were skipped, a key field fell through every strategy, or its
 * order data came back as errors or unknown shapes; otherwise 正常.
 */
export function consoleVerdict(records: readonly DiagnosticsRecord[], lang: 'zh' | 'en'): ConsoleVerdict | null {
  if (records.length === 0) return null;
  const last = records.reduce((newest, record) => (record.lastAt > newest.lastAt ? record : newest));
  const dom = records.filter((record) => record.pageKind !== API_DIAGNOSTICS_KIND);
  const newestDom = dom.reduce<DiagnosticsRecord | undefined>((newest, record) => (!newest || record.lastAt > newest.lastAt ? record : newest), undefined);
  const missingCounts = new Map<string, number>();
  const skippedCounts = new Map<string, number>();
  for (const record of records) {
    for (const [field, counts] of Object.entries(record.strategies)) {
      const none = counts.none ?? 0;
      if (none > 0 && FIELD_WORDS[field]) missingCounts.set(words(FIELD_WORDS, field, lang), (missingCounts.get(words(FIELD_WORDS, field, lang)) ?? 0) + none);
    }
    for (const [reason, count] of Object.entries(record.skipped)) {
      if (SOURCE_NOTES.has(reason)) continue;
      const label = words(SKIP_WORDS, reason.replace(/^unknown-shape:.*/, 'unknown-shape'), lang);
      skippedCounts.set(label, (skippedCounts.get(label) ?? 0) + count);
    }
  }
  const broken = !!newestDom && newestDom.layout === 'none' && newestDom.rowsParsed === 0 && newestDom.pageKind === 'list';
  const partial = missingCounts.size > 0 || skippedCounts.size > 0;
  return {
    verdict: broken ? 'broken' : partial ? 'partial' : 'ok',
    last,
    missing: [...missingCounts].sort((a, b) => b[1] - a[1]).map(([field]) => field),
    skipped: [...skippedCounts].sort((a, b) => b[1] - a[1]),
  };
}
