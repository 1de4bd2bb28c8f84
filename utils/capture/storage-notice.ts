import { ensurePageStyle } from './page-style';

/**
 * A notice on the console page while OrderLens cannot save what it captured (disk full…): the background's
 * words, and that the page keeps the orders and saves them by itself once it can. Removed on the next save.
 */
export function showStorageNotice(doc: Document, message: string): void {
  ensurePageStyle(doc);
  let notice = doc.querySelector('[data-orderlens="storage-notice"]');
  if (!notice) {
    notice = doc.createElement('div');
    notice.setAttribute('data-orderlens', 'storage-notice');
    notice.setAttribute('role', 'alert');
    (doc.body ?? doc.documentElement).append(notice);
  }
  const title = doc.createElement('strong');
  title.textContent = 'OrderLens 暂时无法保存订单';
  const what = doc.createElement('p');
  what.textContent = message || '保存订单时出错。';
  const todo = doc.createElement('p');
  todo.textContent = '本页采集到的订单会保留在页面中，能保存时自动补存；请先不要关闭此页面。';
  notice.replaceChildren(title, what, todo);
}

export function hideStorageNotice(doc: Document): void {
  doc.querySelector('[data-orderlens="storage-notice"]')?.remove();
}
