import type { ParseDiagnostics } from '../../capture/diagnostics';
import { pick, type SelectorEntry } from '../../capture/fast-query';
import { SHOP } from './selectors';
import { bounded } from './text';

const SUB_ACCOUNT = /[:：]/;
// `主账号:子账号`, as the console header prints the logged-in account; the main part is a nick (no digits-only
// value, no label word such as 订单号 / 创建时间 before the colon).
const ACCOUNT = /^([^\s:：<>{}"]{2,40})[:：]([^\s:：<>{}"]{1,20})$/;
const LABEL_LIKE = /(?:时间|编号|号|状态|金额|款|费|方式|地址|电话|信息|备注|类|分类|码|期|规格|尺寸|颜色)$/;
const ORDERS_BEGIN = /订单(?:号|编号)|创建时间|下单时间/;

/**
 * The account without class names: the first text before the orders that reads `主账号:子账号`. Unknown
 * when the header prints no sub-account (a bare nick cannot be told from other header texts).
 */
function accountByText(doc: Document): string | undefined {
  const body = doc.body;
  if (!body) return undefined;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < 600; node = walker.nextNode(), seen++) {
    const text = (node as Text).data.trim();
    if (text === '') continue;
    if (ORDERS_BEGIN.test(text)) return undefined;
    const tag = node.parentElement?.localName;
    if (tag === 'script' || tag === 'style' || tag === 'textarea') continue;
    const match = ACCOUNT.exec(text);
    if (!match || LABEL_LIKE.test(match[1]!) || /^\d+$/.test(match[2]!) || /^\d/.test(match[1]!)) continue;
    return text;
  }
  return undefined;
}

/**
 * The shop as the console header shows it. Qianniu prints the logged-in account, `主账号:子账号` for
 * sub-accounts (customer-service staff); the main account (the shop's nick) is the part before the colon.
 */
export function readShop(doc: Document, diag: ParseDiagnostics, chain: readonly SelectorEntry[] = SHOP): string | undefined {
  const el = pick(doc, chain, diag, 'shop');
  const text = el?.textContent ?? accountByText(doc) ?? '';
  const main = text.split(SUB_ACCOUNT)[0] ?? '';
  return bounded(main, 80);
}
