import type { PaginationDefinition } from '../pagination-types';

// 快手小店: the 2025 list's own pager (CSS-module `_pagerNext_<hash>` button, `disabled` on the last page) and
// the antd Pagination of the older list (reference/consoles.md §4.1, inferred).
export const pagination: PaginationDefinition = {
  next: [
    { selector: 'button[class*="_pagerNext_"]', layout: 'kuaishou-2025 pager' },
    { selector: 'li.ant-pagination-next', layout: 'kuaishou-antd-pagination-inferred' },
  ],
  pageSize: {
    opener: [{ selector: '.ant-pagination-options-size-changer', layout: 'kuaishou-antd-pagination-inferred' }],
    option: [{ selector: '.ant-select-item-option', layout: 'kuaishou-antd-pagination-inferred' }],
  },
};
