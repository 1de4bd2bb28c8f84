// Team sync stays out of content scripts: no content-script entrypoint reaches PouchDB or the sync engine
// through its imports (static or dynamic). Read from the sources, so it needs no build; `npm run bench --
// --only=size` shows the built chunks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

function resolveLocal(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/') || spec.startsWith('~/')) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && !candidate.endsWith('/') && readdirSafe(candidate) === undefined) return candidate;
  }
  return undefined;
}

function readdirSafe(path: string): string[] | undefined {
  try {
    return readdirSync(path);
  } catch {
    return undefined;
  }
}

/** Every local file and bare package an entrypoint reaches. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      // type-only imports vanish from the bundle
      if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
      const local = resolveLocal(file, spec);
      if (local) queue.push(local);
      else if (!spec.startsWith('.') && !spec.startsWith('@/') && !spec.startsWith('~/')) packages.add(spec);
    }
  }
  return { files, packages };
}

const contentEntrypoints = readdirSync(join(ROOT, 'entrypoints')).filter((name) => name.endsWith('.content.ts'));

describe('content scripts carry no team sync', () => {
  it('finds the content entrypoints', () => {
    expect(contentEntrypoints.length).toBeGreaterThanOrEqual(5);
  });
  it.each(contentEntrypoints)('%s reaches no PouchDB and no sync engine', (name) => {
    const { files, packages } = reach(join(ROOT, 'entrypoints', name));
    expect([...packages].filter((spec) => spec.startsWith('pouchdb'))).toEqual([]);
    const syncFiles = [...files].map((file) => file.slice(ROOT.length + 1)).filter((file) => /^utils\/sync\/(?!sync-protocol\.ts$)/.test(file) || file.startsWith('utils/background/sync-'));
    expect(syncFiles).toEqual([]);
  });
  it('the background does reach the engine (the check follows imports)', () => {
    const { files, packages } = reach(join(ROOT, 'entrypoints', 'background.ts'));
    expect([...files].some((file) => file.endsWith('utils/sync/sync-engine.ts'))).toBe(true);
    expect([...packages]).toContain('pouchdb-core');
  });
});
