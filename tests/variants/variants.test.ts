// @vitest-environment jsdom
/**
 * Metamorphic layout-variant tier (issue 11 item 3): every list and detail fixture, redesigned by seeded
 * transforms that keep every printed value, must still yield its expected orders. What the readers do not
 * survive yet is listed in known-failures.json; everything else must pass, and listed entries must still fail.
 *
 *   VARIANT_UPDATE=1 npx vitest run tests/variants/variants.test.ts   rewrites known-failures.json from this run
 */
import { afterAll, describe, expect, it } from 'vitest';
import { derive, judge, loadKnownFailures, writeKnownFailures, type KnownFailures } from './known-failures';
import { describeFailure, loadCases, runBaseline, runFixture, type VariantResult } from './run';
import { formatComparison } from './compare';
import { VARIANTS_PER_FIXTURE } from './variant';

const update = process.env.VARIANT_UPDATE === '1';
const cases = loadCases();
const known = loadKnownFailures();
const derived: KnownFailures = {};
const totals = { variants: 0, passed: 0, excused: 0, ms: 0, cpuMs: 0 };
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

afterAll(() => {
  if (update) writeKnownFailures(derived);
  console.log(
    `layout variants: ${totals.variants} over ${cases.length} fixtures (${VARIANTS_PER_FIXTURE} each), ` +
      `${totals.passed} pass, ${totals.excused} known failures, ${(totals.ms / 1000).toFixed(1)} s ` +
      `(${(totals.cpuMs / 1000).toFixed(1)} s of CPU)` +
      (update ? ' — known-failures.json rewritten' : ''),
  );
});

describe.each([...new Set(cases.map((c) => c.platform))])('layout variants: %s', (platform) => {
  it.each(cases.filter((c) => c.platform === platform).map((c) => [c.entry.name, c] as const))(
    '%s: every variant yields the expected orders',
    (_name, c) => {
      const baseline = runBaseline(c);
      expect(
        baseline.error ?? (baseline.comparison.exact ? '' : formatComparison(baseline.comparison)),
        `${c.key} untransformed (harness check: parsed like tests/replay) must equal its expected file`,
      ).toBe('');

      const started = performance.now();
      const cpuStarted = cpuMs();
      const results: VariantResult[] = runFixture(c);
      totals.ms += performance.now() - started;
      totals.cpuMs += cpuMs() - cpuStarted;
      totals.variants += results.length;
      totals.passed += results.filter((r) => r.pass).length;

      if (update) {
        derived[c.key] = derive(results);
        return;
      }
      const verdict = judge(results, known[c.key] ?? []);
      totals.excused += verdict.excused.length;
      const problems = [
        ...verdict.unexpected.map((r) => describeFailure(c, r)),
        ...verdict.stale.map(
          (entry) => `${c.key}: "${entry}" now passes on every variant it was listed for — remove it from known-failures.json`,
        ),
      ];
      expect(problems.join('\n\n'), `${c.key}: ${verdict.unexpected.length} failing variant(s), ${verdict.stale.length} stale entr(y/ies)`).toBe('');
    },
    60_000,
  );
});

it('known-failures.json names only fixtures of this tier', () => {
  const keys = new Set(cases.map((c) => c.key));
  expect(Object.keys(known).filter((key) => !keys.has(key))).toEqual([]);
});
