// Bundles a TypeScript entry of the project (with the `@/` alias and import.meta.glob) into one IIFE
// string that the benchmark evaluates inside a page. Uses Vite's build API (already a dependency).
import { build } from 'vite';
import { ROOT } from '../lib/browser.mjs';

export async function bundleIife(entry, globalName) {
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { alias: [{ find: /^@\//, replacement: `${ROOT}/` }] },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry, formats: ['iife'], name: globalName, fileName: () => `${globalName}.js` },
      rollupOptions: { output: { extend: true } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  const chunk = results.flatMap((result) => result.output).find((item) => item.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} produced no chunk`);
  return chunk.code;
}
