// Size of each built content script, gzipped with node's zlib, and a check that none bundles the heavy
// extension-page libraries (DESIGN.md: no Dexie, papaparse or charting in content scripts; the charts are
// React components, so React counts as charting here).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_PATH } from '../lib/browser.mjs';

// Strings that survive minification in each library's bundle (checked against background.js, which
// holds Dexie, and the popup chunk, which holds papaparse).
const HEAVY_LIBRARIES = {
  dexie: /DatabaseClosedError|dbcore/,
  papaparse: /BAD_DELIMITERS|RECORD_SEP/,
  'react (charts)': /__SECRET_INTERNALS|react\.element|react\.transitional\.element/,
};

export function measureContentScripts(extensionPath = EXTENSION_PATH) {
  const dir = join(extensionPath, 'content-scripts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file));
      const text = source.toString('utf8');
      return {
        script: file.replace(/\.js$/, ''),
        rawKb: source.length / 1024,
        gzipKb: gzipSync(source).length / 1024,
        heavyLibraries: Object.entries(HEAVY_LIBRARIES).filter(([, marker]) => marker.test(text)).map(([name]) => name),
      };
    });
}
