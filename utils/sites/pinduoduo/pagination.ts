import type { PaginationDefinition } from '../pagination-types';

// 拼多多 beast-core pagination: the stable `data-testid` hook, then the hashed PGT_ classes
// (reference/consoles.md §5.1: `PGT_sizeSelect_4-103-1`, `PGT_pagerItem_4-103-1`; last size option 50).
export const pagination: PaginationDefinition = {
  next: [
    { selector: '[data-testid="beast-core-pagination-next"]', layout: 'pdd-beast-core-pagination' },
    { selector: '[class*="PGT_next_"]', layout: 'pdd-beast-core-pagination (classes)' },
  ],
  pageSize: {
    opener: [{ selector: '[class*="PGT_sizeSelect_"]', layout: 'pdd-beast-core-pagination' }],
    option: [{ selector: '[class*="ST_dropdownPanel_"] li', layout: 'pdd-beast-core-pagination' }],
  },
};
