import type { PaginationDefinition } from '../pagination-types';

// reference/consoles.md §1.1: auxo (antd-derived) pagination, `li.auxo-pagination-next[aria-disabled]`,
// "10 条/页" → "50 条/页"; older builds were antd.
export const pagination: PaginationDefinition = {
  next: [
    { selector: 'li.auxo-pagination-next', layout: 'douyin-2024 auxo' },
    { selector: 'li.ant-pagination-next', layout: 'douyin-2021 antd' },
  ],
  pageSize: {
    opener: [
      { selector: '.auxo-pagination-options-size-changer', layout: 'douyin-2024 auxo' },
      { selector: '.ant-pagination-options-size-changer', layout: 'douyin-2021 antd' },
    ],
    option: [
      { selector: '.auxo-select-item-option', layout: 'douyin-2024 auxo' },
      { selector: '.ant-select-item-option', layout: 'douyin-2021 antd' },
    ],
  },
};
