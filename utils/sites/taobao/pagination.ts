import type { PaginationDefinition } from '../pagination-types';

// 千牛 sold list: Alibaba Fusion `next-pagination` (`button.next-next`, `disabled` when on the last page);
// the legacy React list_sold_items had `li.pagination-next` / `pagination-disabled` (reference/consoles.md §3.1).
export const pagination: PaginationDefinition = {
  next: [
    { selector: '.next-pagination button.next-next', layout: 'taobao-qn-2023 fusion' },
    { selector: 'button.next-pagination-item.next-next', layout: 'taobao-qn-2023 fusion (outside the list)' },
    { selector: 'li.pagination-next', layout: 'taobao-legacy-sold' },
  ],
  pageSize: {
    opener: [{ selector: '.next-pagination-size-selector .next-select', layout: 'taobao-qn-2023 fusion' }],
    option: [{ selector: '.next-menu-item', layout: 'taobao-qn-2023 fusion' }],
  },
};
