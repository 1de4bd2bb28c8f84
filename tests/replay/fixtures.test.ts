// @vitest-environment jsdom
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CapturedOrderSchema } from '@/utils/model/order';
import type { SiteReader } from '@/utils/sites/types';
import { expectedOrders, type FixtureEntry, type FixtureExpectation } from './expected';

const readers = import.meta.glob<{ reader: SiteReader }>('/utils/sites/*/reader.ts', { eager: true });
const fixturesRoot = join(__dirname, '..', 'fixtures');
const platforms = readdirSync(fixturesRoot).filter((name) => existsSync(join(fixturesRoot, name, 'index.json')));

describe.each(platforms)('fixture replay: %s', (platform) => {
  // `replay: false`: a page that renders its rows from the console's JSON at run time (api-list.html); its
  // static HTML has no rows, so it is checked end to end only (tests/e2e/api-capture.spec.ts).
  const entries: FixtureEntry[] = (JSON.parse(readFileSync(join(fixturesRoot, platform, 'index.json'), 'utf8')) as FixtureEntry[]).filter(
    (entry) => entry.replay !== false,
  );
  const reader = readers[`/utils/sites/${platform}/reader.ts`]?.reader;

  it.each(entries.map((entry) => [entry.name, entry] as const))('%s yields exactly the expected orders', (_name, entry) => {
    expect(reader, `utils/sites/${platform}/reader.ts exports reader`).toBeDefined();
    const html = readFileSync(join(fixturesRoot, platform, entry.file), 'utf8');
    const dom = new JSDOM(html, { url: entry.url });
    const expectation: FixtureExpectation = JSON.parse(
      readFileSync(join(fixturesRoot, platform, entry.expected), 'utf8'),
    );
    const read = reader!.read(dom.window.document, new URL(entry.url));
    expect(read, 'the page is recognised').not.toBeNull();
    expect(read!.kind).toBe(entry.kind);
    const got = read!.rows.map((row) => CapturedOrderSchema.parse(row.order));
    expect(got).toEqual(expectedOrders(expectation));
    expect(read!.diagnostics.skipped).toEqual(expectation.skipped ?? {});
    if (expectation.rowsSeen !== undefined) expect(read!.diagnostics.rowsSeen).toBe(expectation.rowsSeen);
    // every row element is distinct: one set of row controls per order
    expect(new Set(read!.rows.map((row) => row.element)).size).toBe(read!.rows.length);
  });
});
