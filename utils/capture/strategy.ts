import { type ParseDiagnostics, recordStrategy } from './diagnostics';

/** One way of finding a field. `run` returns null/undefined/'' (or throws) when it does not apply. */
export interface Strategy<T> {
  name: string;
  run: () => T | null | undefined;
}

/**
 * Runs strategies in order and returns the first usable value, recording which one won (or `none`).
 * Exceptions count as failure: a console's odd markup must never throw into the page.
 */
export function firstMatch<T>(
  diag: ParseDiagnostics | undefined,
  field: string,
  strategies: readonly Strategy<T>[],
): T | undefined {
  for (const strategy of strategies) {
    let value: T | null | undefined;
    try {
      value = strategy.run();
    } catch {
      value = undefined;
    }
    if (value !== null && value !== undefined && value !== '' && !(typeof value === 'number' && Number.isNaN(value))) {
      if (diag) recordStrategy(diag, field, strategy.name);
      return value;
    }
  }
  if (diag) recordStrategy(diag, field, 'none');
  return undefined;
}

/** A CSS selector with the console layout it was seen in. Chains are ordered newest layout first. */
export interface SelectorEntry {
  selector: string;
  layout: string;
}

/** First element matched by a selector chain under `root`, with the winning layout recorded for `field`. */
export function queryChain(
  root: ParentNode,
  chain: readonly SelectorEntry[],
  diag?: ParseDiagnostics,
  field?: string,
): Element | null {
  for (const entry of chain) {
    const found = root.querySelector(entry.selector);
    if (found) {
      if (diag && field) recordStrategy(diag, field, entry.layout);
      return found;
    }
  }
  if (diag && field) recordStrategy(diag, field, 'none');
  return null;
}

/** All elements matched by the first selector of the chain that matches anything. */
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

/** Whitespace-collapsed text of an element (textContent: no layout cost, unlike innerText). */
export function textOf(el: Element | null | undefined): string {
  return el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
