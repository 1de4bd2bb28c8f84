import { ensurePageStyle } from './page-style';

/**
 * A visible, dismissible in-page notice that OrderLens found no order rows on an order page: in the
 * seller's words (后台, not 控制台), what it means and what to do. Styled on its own: on such a page no row
 * was found, so nothing else has added OrderLens' stylesheet yet.
 */
export function showLayoutNotice(doc: Document, platformName: string): void {
  if (doc.querySelector('[data-orderlens="notice"]')) return;
  ensurePageStyle(doc);
  const notice = doc.createElement('div');
  notice.setAttribute('data-orderlens', 'notice');
  notice.setAttribute('role', 'status');
  const title = doc.createElement('strong');
  title.textContent = `OrderLens 没有在这个${platformName}后台页面上找到订单`;
  const what = doc.createElement('p');
  what.textContent = '可能是后台页面改版了。已经记录的订单不受影响；后台自己加载的订单数据仍会照常记录。';
  const todo = doc.createElement('p');
  todo.textContent = '请刷新页面再试；仍然出现此提示时，打开 OrderLens 仪表盘的「解析健康」查看详情。';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', '关闭提示');
  close.addEventListener('click', () => notice.remove());
  notice.append(close, title, what, todo);
  (doc.body ?? doc.documentElement).append(notice);
}

export function hideLayoutNotice(doc: Document): void {
  doc.querySelector('[data-orderlens="notice"]')?.remove();
}
