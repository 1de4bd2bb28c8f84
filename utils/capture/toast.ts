import { ensurePageStyle } from './page-style';

/** A short in-page message next to a row control (role=status, dismissed after a while or on click). */
export function showToast(anchor: Element, text: string, kind: 'ok' | 'refused', detail?: string): HTMLElement {
  const doc = anchor.ownerDocument;
  ensurePageStyle(doc);
  doc.querySelector('[data-orderlens="toast"]')?.remove();
  const toast = doc.createElement('div');
  toast.setAttribute('data-orderlens', 'toast');
  toast.setAttribute('data-orderlens-kind', kind);
  toast.setAttribute('role', 'status');
  toast.textContent = text;
  if (detail) {
    const pre = doc.createElement('div');
    pre.textContent = detail;
    pre.style.cssText = 'margin-top:4px;white-space:pre-wrap;color:#595959;user-select:text';
    toast.append(pre);
  }
  const view = doc.defaultView;
  const box = anchor.getBoundingClientRect();
  toast.style.left = `${Math.round(Math.min(box.left, (view?.innerWidth ?? 1200) - 380) + (view?.scrollX ?? 0))}px`;
  toast.style.top = `${Math.round(box.bottom + (view?.scrollY ?? 0) + 4)}px`;
  toast.addEventListener('click', () => toast.remove());
  (doc.body ?? doc.documentElement).append(toast);
  setTimeout(() => toast.remove(), 8000);
  return toast;
}
