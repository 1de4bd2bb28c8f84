#!/usr/bin/env node
// Prints one layout variant of a fixture page (tests/variants), exactly as the variant test reads it:
//
//   node scripts/variant.mjs <platform>/<fixture> <seed> [transform,transform…] > variant.html
//
// A failing variant prints this command with its seed and transforms. Without transforms, the seed picks them
// (each with probability ½, as the test's combined variants do). The page is the static render the replay test
// reads (no <script>, <template> or <style>); what was applied, and the orders the variant must yield, go to
// stderr (`--expected` prints those orders in full).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { createServer } from 'vite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const showExpected = process.argv.includes('--expected');
const [fixture, seedText, names] = args;
if (!fixture || !seedText || !/^\d+$/.test(seedText)) {
  console.error('usage: node scripts/variant.mjs <platform>/<fixture> <seed> [transform,transform…] [--expected]');
  process.exit(2);
}
const [platform, name] = fixture.split('/');
const entries = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures', platform, 'index.json'), 'utf8'));
const entry = entries.find((e) => e.name === name);
if (!entry) {
  console.error(`no fixture ${fixture}; ${platform} has: ${entries.map((e) => e.name).join(', ')}`);
  process.exit(2);
}

const server = await createServer({
  root: ROOT,
  configFile: false,
  logLevel: 'silent',
  appType: 'custom',
  resolve: { alias: [{ find: /^@\//, replacement: `${ROOT}/` }] },
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const variant = await server.ssrLoadModule('/tests/variants/variant.ts');
  const transforms = await server.ssrLoadModule('/tests/variants/transforms.ts');
  const { expectedOrders } = await server.ssrLoadModule('/tests/replay/expected.ts');
  const seed = Number(seedText);
  const chosen = names ? names.split(',').filter(Boolean) : variant.transformsForSeed(seed);
  const unknown = chosen.filter((t) => !transforms.TRANSFORM_NAMES.includes(t));
  if (unknown.length) throw new Error(`unknown transform(s) ${unknown.join(', ')}; known: ${transforms.TRANSFORM_NAMES.join(', ')}`);

  const html = variant.staticHtml(readFileSync(join(ROOT, 'tests/fixtures', platform, entry.file), 'utf8'));
  const expectation = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures', platform, entry.expected), 'utf8'));
  const { window } = new JSDOM('', { url: entry.url });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const built = variant.buildVariant({ fixture, n: -1, seed, transforms: chosen }, doc, {
    platform,
    kind: entry.kind,
    expected: expectedOrders(expectation),
  });
  process.stdout.write(`<!DOCTYPE html>\n${doc.documentElement.outerHTML}\n`);
  console.error(`${fixture} seed ${seed} (${entry.url})\ntransforms: ${variant.describeApplied(built.applied)}`);
  console.error(
    showExpected
      ? JSON.stringify(built.expected, null, 2)
      : `expected: ${built.expected.length} order(s) — ${built.expected.map((o) => o.orderId).join(', ')} (--expected for all fields)`,
  );
} finally {
  await server.close();
}
