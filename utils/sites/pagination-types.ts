import type { SelectorEntry } from '../capture/fast-query';

/**
 * A console's pagination as data (`utils/sites/<platform>/pagination.ts`), for 采集全部: the walk clicks the
 * console's own controls and nothing else. Selectors newest layout first; the class-free fallbacks (a control
 * whose text, aria-label or title is 下一页/›) are shared and tried after them (capture-all/find-pagination.ts).
 */
export interface PaginationDefinition {
  /** The next-page control (the element the console listens on: an `li`, a `button`). */
  next: readonly SelectorEntry[];
  /** The page-size selector: its opener, and the options it lists once opened (`50 条/页`). */
  pageSize?: { opener: readonly SelectorEntry[]; option: readonly SelectorEntry[] };
}
