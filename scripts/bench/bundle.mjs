// Bundles a TypeScript entry of the project (with the `@/` alias and import.meta.glob) into one IIFE
// string that the benchmark evaluates inside a page. Uses Vite's build API (already a dependency).
import { build } from 'vite';
import { ROOT } from '../lib/browser.mjs';

/**
 * `aliases`: more Vite aliases after `@/`; `external`: packages left out (the page must provide them as
 * globals of the same name).
 */
export async function bundleIife(entry, globalName, { aliases = [], external = [] } = {}) {
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { alias: [{ find: /^@\//, replacement: `${ROOT}/` }, ...aliases] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry, formats: ['iife'], name: globalName, fileName: () => `${globalName}.js` },
      rollupOptions: { external, output: { extend: true, globals: Object.fromEntries(external.map((name) => [name, name])) } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((result) => result.output).find((item) => item.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} produced no chunk`);
  return chunk.code;
}
