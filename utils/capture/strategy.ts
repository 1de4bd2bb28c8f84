import type { SelectorEntry } from './fast-query';

// Selector chains are read with fast-query.ts (pick, pickAll, pickCounted); the type lives there and is
// re-exported here for the modules that still import it from this path.
export type { SelectorEntry };

/** All elements matched by the first selector of the chain that matches anything (generic-detail's query). */
export function queryAllChain(
  root: ParentNode,
  chain: readonly SelectorEntry[],
): { elements: Element[]; layout: string } {
  for (const entry of chain) {
    const found = root.querySelectorAll(entry.selector);
    if (found.length > 0) return { elements: Array.from(found), layout: entry.layout };
  }
  return { elements: [], layout: 'none' };
}
