import type { ParseDiagnostics } from './diagnostics';
import type { SelectorEntry } from './fast-query';

/**
 * Which strategy of a field's fallback chain won, counted per row in plain integers and written into the
 * page's diagnostics once (`flush`): recording into the diagnostics' string-keyed maps for every field
 * of every row cost more than reading the field. The counts are the same as `recordStrategy` per row.
 *
 * (Shared by the 抖店 and 京东 readers, like fast-query.ts.)
 */
export class Tally {
  private readonly counts: number[];
  private noneCount = 0;

  constructor(
    readonly field: string,
    readonly names: readonly string[],
  ) {
    this.counts = names.map(() => 0);
  }

  /** Strategy `index` (of `names`) won for one row. */
  win(index: number): void {
    this.counts[index]! += 1;
  }

  /** Every strategy failed for one row. */
  none(): void {
    this.noneCount += 1;
  }

  /** Adds the counts to `diag.strategies[field]` (strategies that never won are left out). */
  flush(diag: ParseDiagnostics): void {
    let byField: Record<string, number> | undefined;
    const add = (name: string, count: number) => {
      if (count === 0) return;
      byField ??= diag.strategies[this.field] ??= {};
      byField[name] = (byField[name] ?? 0) + count;
    };
    this.names.forEach((name, i) => add(name, this.counts[i]!));
    add('none', this.noneCount);
  }
}

/** Strategy names of a selector chain: its entries' layouts. */
export const layoutsOf = (chain: readonly SelectorEntry[]): string[] => chain.map((entry) => entry.layout);
