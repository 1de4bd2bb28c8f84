// The bench's own copy of the built extension: .output/chrome-mv3 copied to a private folder (so a build
// by someone else mid-run cannot change what is measured) plus one page of the bench only, the popup's
// baseline, served from the extension origin like popup.html. The product's bundles never contain it.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_PATH, ROOT } from '../lib/browser.mjs';
import { bundleIife } from './bundle.mjs';

export const PAINT_BASELINE_PAGE = 'bench-paint-baseline.html';

const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>OrderLens bench: bare page</title></head>
  <body><script src="bench-paint-baseline.js"></script></body>
</html>
`;

export async function prepareBenchExtension(source = EXTENSION_PATH) {
  if (!existsSync(join(source, 'manifest.json'))) throw new Error(`No built extension at ${source}: run \`npx wxt build\` first.`);
  const folder = mkdtempSync(join(tmpdir(), 'orderlens-bench-extension-'));
  cpSync(source, folder, { recursive: true });
  writeFileSync(join(folder, 'bench-paint-baseline.js'), await bundleIife(join(ROOT, 'scripts/bench/page/paint-baseline.ts'), '__olPaintBaseline'));
  writeFileSync(join(folder, PAINT_BASELINE_PAGE), PAGE);
  return { path: folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
