import type { PaginationDefinition } from '../../sites/pagination-types';

/** Words and glyphs a next-page control prints or is labelled with, on every console. */
const NEXT_WORDS = new Set(['下一页', '下页', '›', '>', '»', 'next', 'next page']);

function own(element: Element): boolean {
  return !element.closest('[data-orderlens]');
}

/** Class-free fallback: a button-like element whose text, aria-label or title says 下一页 (or ›). */
function nextByWords(root: ParentNode): Element | null {
  for (const candidate of root.querySelectorAll('button, a, li, [role="button"]')) {
    if (!own(candidate)) continue;
    const text = (candidate.textContent ?? '').trim().toLowerCase();
    const label = (candidate.getAttribute('aria-label') ?? candidate.getAttribute('title') ?? '').trim().toLowerCase();
    if (NEXT_WORDS.has(label) || (text.length <= 4 && NEXT_WORDS.has(text))) return candidate;
  }
  return null;
}

/** The console's next-page control: its own selectors first (newest layout first), then the class-free fallback. */
export function findNextControl(root: ParentNode, pagination: PaginationDefinition): { element: Element; layout: string } | null {
  for (const entry of pagination.next) {
    for (const element of root.querySelectorAll(entry.selector)) if (own(element)) return { element, layout: entry.layout };
  }
  const element = nextByWords(root);
  return element ? { element, layout: 'fallback: 下一页 text/label' } : null;
}

/** Disabled by attribute, ARIA or any class naming it (`auxo-pagination-disabled`, `is-disabled`, `PGT_disabled_…`). */
export function isDisabledControl(element: Element): boolean {
  const marked = (node: Element) =>
    node.hasAttribute('disabled') || node.getAttribute('aria-disabled') === 'true' || /disabled/i.test(node.getAttribute('class') ?? '');
  if (marked(element)) return true;
  // the console listens on the li and disables the button inside it (auxo, antd)
  const inner = element.querySelector('button');
  return !!inner && inner.hasAttribute('disabled');
}

/** The pagination block around the next control, to put 采集全部 beside it. */
export function paginationBlock(next: Element): Element {
  const parent = next.parentElement;
  return parent?.closest('ul, nav, [class*="pagination" i], [class*="pager" i]') ?? parent ?? next;
}

/** A page-number control showing `page` (1-based), to resume a walk where it ended. */
export function findPageNumber(next: Element, page: number): Element | null {
  const block = paginationBlock(next);
  const wanted = String(page);
  for (const candidate of block.querySelectorAll('li, a, button')) {
    if (!own(candidate) || candidate === next) continue;
    if ((candidate.getAttribute('title') ?? '').trim() === wanted || (candidate.children.length <= 1 && (candidate.textContent ?? '').trim() === wanted)) {
      return candidate;
    }
  }
  return null;
}

const numberOf = (element: Element): number | undefined => {
  const text = (element.getAttribute('title') ?? element.textContent ?? '').trim();
  return /^\d{1,4}$/.test(text) ? Number(text) : undefined;
};

/** The page the console marks as current (`*-active`, `*current*`, aria-current), 1-based. */
export function currentPageNumber(next: Element): number | undefined {
  for (const candidate of paginationBlock(next).querySelectorAll('li, a, button')) {
    const marked = candidate.getAttribute('aria-current') === 'page' || /(^|[\s_-])(active|current)|Active_|is-active/i.test(candidate.getAttribute('class') ?? '');
    const page = marked ? numberOf(candidate) : undefined;
    if (page !== undefined) return page;
  }
  return undefined;
}

/** The highest page number the pagination prints (its last page, where it shows one). */
export function lastPageNumber(next: Element): number | undefined {
  let last: number | undefined;
  for (const candidate of paginationBlock(next).querySelectorAll('li, a, button')) {
    if (candidate.children.length > 1) continue;
    const page = numberOf(candidate);
    if (page !== undefined && (last === undefined || page > last)) last = page;
  }
  return last;
}
