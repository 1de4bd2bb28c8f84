// @vitest-environment jsdom
/**
 * `npm run variant-report` (VARIANT_REPORT=1): over every layout variant of every list and detail fixture, the
 * share of orders read exactly and, per console and field, the share recovered; which transforms alone break
 * which fixture. Prints tables and writes variant-report.json at the repository root. Skipped otherwise.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { REPORT_FIELDS, type ReportField } from './compare';
import { loadCases, runFixture, type VariantResult } from './run';
import { TRANSFORM_NAMES } from './transforms';
import { VARIANTS_PER_FIXTURE } from './variant';

interface Tally {
  ok: number;
  of: number;
}
const tally = (): Tally => ({ ok: 0, of: 0 });
const add = (t: Tally, ok: boolean) => {
  t.of++;
  if (ok) t.ok++;
};
const pct = (t: Tally | undefined) => (!t || t.of === 0 ? '—' : `${((100 * t.ok) / t.of).toFixed(t.ok === t.of ? 0 : 1)}%`);
const share = (t: Tally) => (t.of === 0 ? null : Number((t.ok / t.of).toFixed(4)));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

describe.skipIf(process.env.VARIANT_REPORT !== '1')('layout variant report', () => {
  it('writes variant-report.json', () => {
    const started = performance.now();
    const cases = loadCases();
    const consoles = [...new Set(cases.map((c) => c.platform))];
    const perConsole = new Map<string, { orders: Tally; variants: Tally; fields: Map<ReportField, Tally> }>();
    const overall = { orders: tally(), variants: tally(), fields: new Map<ReportField, Tally>() };
    const singles: Record<string, Record<string, 'pass' | 'fail' | 'n/a'>> = {};
    const failingFields: Record<string, Record<string, string[]>> = {};

    for (const c of cases) {
      const results: VariantResult[] = runFixture(c);
      const bucket =
        perConsole.get(c.platform) ??
        perConsole.set(c.platform, { orders: tally(), variants: tally(), fields: new Map() }).get(c.platform)!;
      singles[c.key] = {};
      failingFields[c.key] = {};
      for (const r of results) {
        add(bucket.variants, r.pass);
        add(overall.variants, r.pass);
        if (r.spec.transforms.length === 1) {
          const name = r.spec.transforms[0]!;
          singles[c.key]![name] = r.effective.length === 0 ? 'n/a' : r.pass ? 'pass' : 'fail';
          if (!r.pass) {
            const broken = new Set<string>();
            for (const o of r.comparison.orders) for (const [f, ok] of Object.entries(o.fields)) if (!ok) broken.add(f);
            if (r.error) broken.add(`error: ${r.error.slice(0, 80)}`);
            if (r.comparison.extra.length) broken.add('extra orders');
            failingFields[c.key]![name] = [...broken];
          }
        }
        for (const o of r.comparison.orders) {
          const exact = o.exact && !r.error;
          add(bucket.orders, exact);
          add(overall.orders, exact);
          for (const [field, ok] of Object.entries(o.fields) as [ReportField, boolean][]) {
            for (const fields of [bucket.fields, overall.fields]) {
              const t = fields.get(field) ?? fields.set(field, tally()).get(field)!;
              add(t, ok && !r.error);
            }
          }
        }
      }
    }

    const fields = REPORT_FIELDS.filter((f) => overall.fields.has(f));
    const recovery = table(
      ['field', ...consoles, 'all'],
      [
        ['orders exact', ...consoles.map((p) => pct(perConsole.get(p)?.orders)), pct(overall.orders)],
        ['variants exact', ...consoles.map((p) => pct(perConsole.get(p)?.variants)), pct(overall.variants)],
        ...fields.map((f) => [f, ...consoles.map((p) => pct(perConsole.get(p)?.fields.get(f))), pct(overall.fields.get(f))]),
      ],
    );
    const keys = Object.keys(singles);
    const transformsTable = table(
      ['fixture', ...TRANSFORM_NAMES],
      keys.map((key) => [key, ...TRANSFORM_NAMES.map((t) => ({ pass: 'ok', fail: 'FAIL', 'n/a': '·' })[singles[key]![t] ?? 'n/a'])]),
    );
    const seconds = (performance.now() - started) / 1000;
    const report = {
      generatedAt: new Date().toISOString(),
      variantsPerFixture: VARIANTS_PER_FIXTURE,
      fixtures: cases.length,
      variants: overall.variants.of,
      seconds: Number(seconds.toFixed(1)),
      ordersExact: share(overall.orders),
      variantsExact: share(overall.variants),
      perConsole: Object.fromEntries(
        consoles.map((p) => {
          const b = perConsole.get(p)!;
          return [
            p,
            {
              ordersExact: share(b.orders),
              variantsExact: share(b.variants),
              orders: b.orders.of,
              fields: Object.fromEntries([...b.fields].map(([f, t]) => [f, { recovered: share(t), of: t.of }])),
            },
          ];
        }),
      ),
      fields: Object.fromEntries([...overall.fields].map(([f, t]) => [f, { recovered: share(t), of: t.of }])),
      singleTransforms: singles,
      singleTransformFailingFields: failingFields,
    };
    writeFileSync(join(__dirname, '..', '..', 'variant-report.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      [
        `Layout variants: ${overall.variants.of} (${cases.length} fixtures × ${VARIANTS_PER_FIXTURE}) in ${seconds.toFixed(1)} s`,
        '',
        'Recovered per console and field (over all variants; orders whose expected file has the field):',
        recovery,
        '',
        'Each transform alone (ok / FAIL / · = nothing to transform on that page):',
        transformsTable,
        '',
        'variant-report.json written.',
      ].join('\n'),
    );
  }, 300_000);
});
