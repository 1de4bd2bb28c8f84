import { recordStrategy, type ParseDiagnostics } from '../diagnostics';
import { squash } from './row-text';

/**
 * The shop's name in a console's header, without a class name (issue 11): the consoles print the logged-in
 * shop at the top of every page, before the menu and the order list —
 * - `shop-id`: the text right before the shop's id (`山野好物旗舰店` `ID：88******`, `店铺ID：78******`),
 * - `shop-suffix`: else the first header text shaped like a shop's name (`…旗舰店`, `…专营店`, `…小铺`,
 *   `…生活馆`), a sub-account after a colon cut off (千牛 `小熊家居旗舰店:小美`).
 * Only the page's first texts are read (the header), never the order list: a product title or a buyer's
 * nickname is no shop.
 */
const HEAD_PIECES = 60;
const SHOP_ID = /^(?:店铺|商家|小店)?\s*ID\s*[：:]/i;
const SHOP_SUFFIX =
  /^([\u4e00-\u9fa5A-Za-z0-9·・\-_（）() ]{2,40}?(?:旗舰店|专营店|专卖店|官方店|自营店|直营店|小铺|小店|生活馆|百货|商行|工作室|店铺|店|铺|馆|坊))(?:\s*[:：]\s*[^\s:：]{1,20})?$/;
/** The consoles' own names and menu words, which end like a shop's name. */
const NOT_A_SHOP = /^(?:抖店|快手小店|拼多多|京麦|千牛|淘宝|天猫|京东|我的|店铺|切换|进入|管理|查看)|(?:后台|管理|设置|装修|工作台|中心|首页)$/;
/** Where the list starts: nothing after it is the header. */
const LIST_START = /^(?:订单编号|订单号|主订单编号|商品|宝贝)\s*[：:]?$/;
const SHOW_TEXT = 4;

function headPieces(doc: Document): string[] {
  const pieces: string[] = [];
  const body = doc.body;
  if (!body) return pieces;
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  for (let node = walker.nextNode(); node && pieces.length < HEAD_PIECES; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style,noscript,template,[data-orderlens]')) continue;
    const text = squash(node.nodeValue);
    if (!text) continue;
    if (LIST_START.test(text)) break;
    pieces.push(text);
  }
  return pieces;
}

function shopOf(piece: string): string | undefined {
  const match = SHOP_SUFFIX.exec(piece);
  if (!match || NOT_A_SHOP.test(match[1]!)) return undefined;
  return match[1]!.trim().slice(0, 80);
}

export function shopNameIn(doc: Document): { name: string; strategy: 'shop-id' | 'shop-suffix' } | undefined {
  const pieces = headPieces(doc);
  for (let i = 1; i < pieces.length; i += 1) {
    if (!SHOP_ID.test(pieces[i]!)) continue;
    const name = pieces[i - 1]!;
    if (name.length >= 2 && name.length <= 80 && !SHOP_ID.test(name) && !NOT_A_SHOP.test(name)) {
      return { name: (name.split(/[:：]/)[0] ?? name).trim(), strategy: 'shop-id' };
    }
  }
  for (const piece of pieces) {
    const name = shopOf(piece);
    if (name) return { name, strategy: 'shop-suffix' };
  }
  return undefined;
}

/** shopNameIn, recorded in the page's diagnostics as `floor-<strategy>` (parse health shows the fallback). */
export function floorShopName(doc: Document, diag: ParseDiagnostics): string | undefined {
  const found = shopNameIn(doc);
  if (found) recordStrategy(diag, 'shop', `floor-${found.strategy}`);
  return found?.name;
}
