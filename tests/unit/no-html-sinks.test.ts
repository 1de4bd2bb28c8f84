import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A lint rule kept as a test: page data (buyer names, titles) must never reach an HTML parser. Product code
// builds DOM with createElement/textContent, and React escapes text; none of these sinks may appear.
const ROOT = join(__dirname, '..', '..');
const PRODUCT_DIRS = ['entrypoints', 'components', 'utils'];
const SINKS = [/\.innerHTML\b/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /dangerouslySetInnerHTML/, /document\.write/, /\bnew Function\(/, /\beval\(/, /createContextualFragment/, /DOMParser\(\)\.parseFromString/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('no HTML-string sinks in product code', () => {
  const files = PRODUCT_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));
  it('finds the product sources', () => expect(files.length).toBeGreaterThan(50));
  it.each(SINKS.map((sink) => [sink.source, sink] as const))('%s appears nowhere', (_name, sink) => {
    const hits = files.filter((file) => sink.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(hits).toEqual([]);
  });
});
