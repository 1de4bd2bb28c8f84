/**
 * Vitest side of the variant tier: the fixtures the replay test reads (same index.json, same expected files,
 * same readers), each variant built, read and compared. Needs a DOM environment (vitest jsdom).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import type { SiteReader } from '@/utils/sites/types';
import { expectedOrders, type FixtureEntry, type FixtureExpectation } from '../replay/expected';
import { compareOrders, formatComparison, type Comparison } from './compare';
import type { Applied } from './transforms';
import { buildVariant, describeApplied, reproduceCommand, staticHtml, variantSpec, VARIANTS_PER_FIXTURE, type VariantSpec } from './variant';

const readers = import.meta.glob<{ reader: SiteReader }>('/utils/sites/*/reader.ts', { eager: true });
const fixturesRoot = join(__dirname, '..', 'fixtures');

export interface FixtureCase {
  /** `<platform>/<name>` */
  key: string;
  platform: string;
  entry: FixtureEntry;
  html: string;
  expected: CapturedOrder[];
  reader: SiteReader | undefined;
}

export function loadCases(): FixtureCase[] {
  const platforms = readdirSync(fixturesRoot).filter((name) => existsSync(join(fixturesRoot, name, 'index.json'))).sort();
  return platforms.flatMap((platform) => {
    const entries = (JSON.parse(readFileSync(join(fixturesRoot, platform, 'index.json'), 'utf8')) as FixtureEntry[]).filter(
      (entry) => entry.replay !== false && (entry.kind === 'list' || entry.kind === 'detail'),
    );
    return entries.map((entry) => {
      const expectation: FixtureExpectation = JSON.parse(readFileSync(join(fixturesRoot, platform, entry.expected), 'utf8'));
      return {
        key: `${platform}/${entry.name}`,
        platform,
        entry,
        html: staticHtml(readFileSync(join(fixturesRoot, platform, entry.file), 'utf8')),
        expected: expectedOrders(expectation),
        reader: readers[`/utils/sites/${platform}/reader.ts`]?.reader,
      };
    });
  });
}

export interface VariantResult {
  spec: VariantSpec;
  applied: Applied[];
  /** Names of the transforms that changed something. */
  effective: string[];
  expected: CapturedOrder[];
  comparison: Comparison;
  /** The reader threw, or did not recognise the page / its kind. */
  error?: string;
  pass: boolean;
  ms: number;
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/**
 * A fresh copy of the fixture's page: parsed once, then imported into a new document per variant (a third
 * cheaper than parsing again; the same tree as scripts/variant.mjs parses).
 */
const parsed = new WeakMap<FixtureCase, Document>();
function freshDocument(c: FixtureCase): Document {
  let base = parsed.get(c);
  if (!base) parsed.set(c, (base = parse(c.html)));
  const doc = document.implementation.createHTMLDocument('');
  doc.replaceChild(doc.importNode(base.documentElement, true), doc.documentElement);
  return doc;
}

function readOrders(c: FixtureCase, doc: Document): { got: CapturedOrder[]; error?: string } {
  if (!c.reader) return { got: [], error: `utils/sites/${c.platform}/reader.ts exports no reader` };
  try {
    const read = c.reader.read(doc, new URL(c.entry.url));
    if (!read) return { got: [], error: 'the page is not recognised (read returned null)' };
    if (read.kind !== c.entry.kind) return { got: [], error: `read as a ${read.kind} page, not ${c.entry.kind}` };
    const got: CapturedOrder[] = [];
    for (const row of read.rows) {
      const parsed = CapturedOrderSchema.safeParse(row.order);
      if (parsed.success) got.push(parsed.data);
      else return { got, error: `a row does not pass CapturedOrderSchema: ${parsed.error.message.slice(0, 300)}` };
    }
    return { got };
  } catch (error) {
    return { got: [], error: `the reader threw: ${String((error as Error)?.stack ?? error).slice(0, 400)}` };
  }
}

/** The untransformed page through the same path (a harness check: it must equal the expected file). */
export function runBaseline(c: FixtureCase): { comparison: Comparison; error?: string } {
  const { got, error } = readOrders(c, parse(c.html));
  return { comparison: compareOrders(c.expected, got), error };
}

export function runVariant(c: FixtureCase, n: number): VariantResult {
  const started = performance.now();
  const spec = variantSpec(c.key, n);
  const built = buildVariant(spec, freshDocument(c), { platform: c.platform, kind: c.entry.kind, expected: c.expected });
  const { got, error } = readOrders(c, built.doc);
  const comparison = compareOrders(built.expected, got);
  return {
    spec,
    applied: built.applied,
    effective: built.applied.filter((a) => a.edits > 0).map((a) => a.name),
    expected: built.expected,
    comparison,
    error,
    pass: !error && comparison.exact,
    ms: performance.now() - started,
  };
}

export function runFixture(c: FixtureCase): VariantResult[] {
  return Array.from({ length: VARIANTS_PER_FIXTURE }, (_, n) => runVariant(c, n));
}

export function describeFailure(c: FixtureCase, r: VariantResult): string {
  return [
    `${c.key} variant #${r.spec.n} — seed ${r.spec.seed}`,
    `  transforms: ${describeApplied(r.applied)}`,
    `  reproduce: ${reproduceCommand(r.spec)}`,
    ...(r.error ? [`  ${r.error}`] : []),
    formatComparison(r.comparison),
  ].join('\n');
}
