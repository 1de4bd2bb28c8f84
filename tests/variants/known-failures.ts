/**
 * `known-failures.json`: what the readers do not survive yet, per fixture — transform names (every variant
 * applying that transform is excused) or `seed:<n>` (one variant). The list may only shrink honestly: a listed
 * entry that no longer fails is itself a failure ("remove it from known-failures.json").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRANSFORM_NAMES } from './transforms';
import type { VariantResult } from './run';

export const KNOWN_FAILURES_PATH = join(__dirname, 'known-failures.json');

export type KnownFailures = Record<string, string[]>;

const COMMENT =
  'Layout variants the readers do not survive yet (tests/variants). Per fixture: a transform name excuses every variant ' +
  'that applies it; "seed:<n>" excuses one variant. Entries that pass again must be removed (the test says so). ' +
  'Regenerate with VARIANT_UPDATE=1 npx vitest run tests/variants/variants.test.ts.';

export function loadKnownFailures(): KnownFailures {
  const raw = JSON.parse(readFileSync(KNOWN_FAILURES_PATH, 'utf8')) as Record<string, unknown>;
  const out: KnownFailures = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('$')) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new Error(`known-failures.json: ${key} must list strings`);
    for (const v of value as string[]) {
      if (!v.startsWith('seed:') && !(TRANSFORM_NAMES as readonly string[]).includes(v)) {
        throw new Error(`known-failures.json: ${key} lists "${v}", which is neither a transform (${TRANSFORM_NAMES.join(', ')}) nor seed:<n>`);
      }
    }
    out[key] = value as string[];
  }
  return out;
}

export interface Verdict {
  /** Failing variants that nothing in the list excuses. */
  unexpected: VariantResult[];
  /** Listed entries that no longer fail. */
  stale: string[];
  /** Failing variants the list excuses. */
  excused: VariantResult[];
}

export function judge(results: readonly VariantResult[], listed: readonly string[]): Verdict {
  const transforms = new Set(listed.filter((v) => !v.startsWith('seed:')));
  const seeds = new Set(listed.filter((v) => v.startsWith('seed:')));
  const seedOf = (r: VariantResult) => `seed:${r.spec.seed}`;
  const listedIn = (r: VariantResult) => r.effective.filter((name) => transforms.has(name));
  const unexpected: VariantResult[] = [];
  const excused: VariantResult[] = [];
  for (const r of results) {
    if (r.pass) continue;
    if (listedIn(r).length > 0 || seeds.has(seedOf(r))) excused.push(r);
    else unexpected.push(r);
  }
  const stale: string[] = [];
  for (const name of transforms) {
    // judged on the variants where this is the only listed transform, so another listed one cannot hide a pass
    const alone = results.filter((r) => r.effective.includes(name) && listedIn(r).length === 1 && !seeds.has(seedOf(r)));
    if (!alone.some((r) => !r.pass)) stale.push(name);
  }
  for (const seed of seeds) {
    const r = results.find((x) => seedOf(x) === seed);
    if (!r || r.pass || listedIn(r).length > 0) stale.push(seed);
  }
  return { unexpected, stale, excused };
}

/** The list a run implies: a transform whose variant alone fails, then each other failing variant by seed. */
export function derive(results: readonly VariantResult[]): string[] {
  const transforms = new Set<string>();
  for (const r of results) {
    if (!r.pass && r.spec.transforms.length === 1 && r.effective.length === 1) transforms.add(r.effective[0]!);
  }
  const seeds = results
    .filter((r) => !r.pass && !r.effective.some((name) => transforms.has(name)))
    .map((r) => `seed:${r.spec.seed}`);
  return [...TRANSFORM_NAMES.filter((name) => transforms.has(name)), ...seeds];
}

export function writeKnownFailures(list: KnownFailures): void {
  const sorted: Record<string, unknown> = { $comment: COMMENT };
  for (const key of Object.keys(list).sort()) if (list[key]!.length > 0) sorted[key] = list[key];
  writeFileSync(KNOWN_FAILURES_PATH, `${JSON.stringify(sorted, null, 2)}\n`);
}
