import type { PaginationDefinition } from '../pagination-types';

// reference/consoles.md §2.1: `button.jd-pagination__button-next` (disabled by attribute or class), sizes in
// `.jd-pagination__sizes` (Element-UI-like `jd-*` kit).
export const pagination: PaginationDefinition = {
  next: [{ selector: 'button.jd-pagination__button-next', layout: 'jd-2026 jd-pagination' }],
  pageSize: {
    opener: [{ selector: '.jd-pagination__sizes .jd-select', layout: 'jd-2026 jd-pagination' }],
    option: [{ selector: '.jd-select-dropdown__item', layout: 'jd-2026 jd-pagination' }],
  },
};
