import type { SelectorEntry } from '../fast-query';
import type { PaginationDefinition } from '../../sites/pagination-types';

const SIZE = /(\d{1,4})\s*条\s*\/\s*页/;

function first(root: ParentNode, chain: readonly SelectorEntry[]): Element | null {
  for (const entry of chain) {
    for (const element of root.querySelectorAll(entry.selector)) if (!element.closest('[data-orderlens]')) return element;
  }
  return null;
}

function sizeOf(element: Element): number | undefined {
  const match = SIZE.exec(element.getAttribute('title') ?? element.textContent ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The consoles' selects (rc-select, Fusion, beast-core) open on mousedown and choose on click: both, untrusted. */
function press(element: Element): void {
  const view = element.ownerDocument.defaultView;
  if (!view) return;
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    const Event = type.startsWith('pointer') && 'PointerEvent' in view ? view.PointerEvent : view.MouseEvent;
    element.dispatchEvent(new Event(type, { bubbles: true, cancelable: true, composed: true, button: 0, view }));
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sets the console's page-size selector to its largest size (`50 条/页`) before a walk, as a seller would: opens
 * it, waits for its options, picks the largest. Resolves true when it chose a larger size (the console reloads
 * its first page), false when the selector is missing, already at its largest, or its options never showed.
 */
export async function chooseLargestPageSize(doc: Document, pagination: PaginationDefinition, waitMs = 2000): Promise<boolean> {
  const sizes = pagination.pageSize;
  const opener = sizes ? first(doc, sizes.opener) : null;
  if (!sizes || !opener) return false;
  const current = sizeOf(opener);
  press(opener);
  for (let waited = 0; waited <= waitMs; waited += 100) {
    const options = sizes.option.flatMap((entry) => [...doc.querySelectorAll(entry.selector)]).filter((option) => sizeOf(option) !== undefined);
    if (options.length > 0) {
      const largest = options.reduce((best, option) => (sizeOf(option)! > sizeOf(best)! ? option : best));
      if (current !== undefined && sizeOf(largest)! <= current) {
        press(opener); // close it again
        return false;
      }
      press(largest);
      return true;
    }
    await wait(100);
  }
  return false;
}
