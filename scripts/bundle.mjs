// Bundles the command line after tsc has checked and emitted it: one ESM file per entry (the CLI
// and the search worker) plus shared chunks, written over dist/cli/main.js. Why: loading ~150
// small modules (yargs, zod, the core) costs Node more than running them, and a flag search
// should start about as fast as Node itself. The dashboard's Ink and React stay external and are
// imported only when the dashboard opens.
import { build } from 'esbuild';
import { readdir, rm } from 'node:fs/promises';

// Chunk names carry content hashes: drop the previous build's so they do not pile up.
for (const name of await readdir('dist/cli').catch(() => [])) {
  if (name.startsWith('chunk-')) await rm(`dist/cli/${name}`);
}

await build({
  entryPoints: { main: 'src/cli/main.ts', 'search-worker': 'src/core/search-worker.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[name]-[hash]',
  external: ['tsx', 'tsx/*', 'react-devtools-core'],
  // CommonJS inside the bundle (React, some of Ink's dependencies) calls require() for Node's
  // built-ins; give every output file a real one.
  banner: { js: "import { createRequire as __nlRequire } from 'node:module'; const require = __nlRequire(import.meta.url);" },
  // prefer packages' ESM builds (jsonc-parser's main is UMD with dynamic requires)
  mainFields: ['module', 'main'],
  allowOverwrite: true,
  logLevel: 'warning',
  legalComments: 'none',
});
