const NOTICE_TEXT =
  'OrderLens：此页面应有订单列表，但未识别到任何订单（控制台页面布局可能已更新）。请在仪表盘「解析健康」中查看。';

/** A visible, dismissible in-page notice that the console's layout was not recognised. */
export function showLayoutNotice(doc: Document, platformName: string): void {
  if (doc.querySelector('[data-orderlens="notice"]')) return;
  const notice = doc.createElement('div');
  notice.setAttribute('data-orderlens', 'notice');
  notice.setAttribute('role', 'status');
  notice.textContent = `${NOTICE_TEXT}（${platformName}）`;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', '关闭');
  close.style.cssText = 'all:unset;cursor:pointer;margin-left:8px;font-weight:bold';
  close.addEventListener('click', () => notice.remove());
  notice.append(close);
  (doc.body ?? doc.documentElement).append(notice);
}

export function hideLayoutNotice(doc: Document): void {
  doc.querySelector('[data-orderlens="notice"]')?.remove();
}
