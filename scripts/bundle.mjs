// Bundles the command line after tsc has checked and emitted it: one ESM file per entry (the CLI,
// the search worker and the ingest worker) plus shared chunks, written over dist/cli/main.js. Why: loading ~150
// small modules (yargs, zod, the core) costs Node more than running them, and a flag search
// should start about as fast as Node itself. Ink and React are bundled too, in chunks imported
// only when the dashboard opens.
import { build } from 'esbuild';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

// Ink, wrap-ansi and cli-truncate measure every line of every frame with string-width. Hand them
// our drop-in (src/tui/lib/string-width.ts: the same answers, checked by test/tui/string-width
// tests, with a fast path for one-cell text and a memo) — except inside the drop-in itself, which
// wraps the real one.
const dropIn = path.resolve('src/tui/lib/string-width.ts');
const stringWidthDropIn = {
  name: 'string-width-drop-in',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) => (path.resolve(args.importer) === dropIn ? undefined : { path: dropIn }));
  },
};

// Ink builds every frame with @alcalzone/ansi-tokenize: hand it our drop-in
// (src/tui/lib/ansi-tokenize.ts: the same answers, checked by test/tui/lib/ansi-tokenize tests,
// without diffing the styles of every pair of equal cells) — except inside the drop-in itself.
const ansiDropIn = path.resolve('src/tui/lib/ansi-tokenize.ts');
const ansiTokenizeDropIn = {
  name: 'ansi-tokenize-drop-in',
  setup(b) {
    b.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) => (path.resolve(args.importer) === ansiDropIn ? undefined : { path: ansiDropIn }));
  },
};

// Chunk names carry content hashes: drop the previous build's so they do not pile up.
for (const name of await readdir('dist/cli').catch(() => [])) {
  if (name.startsWith('chunk-')) await rm(`dist/cli/${name}`);
}

await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/core/search/worker.ts', 'disk-index-worker': 'src/core/search/disk-index-worker.ts', 'ingest-worker': 'src/core/extract/ingest/ingest-worker.ts', 'draft-worker': 'src/core/extract/draft-worker.ts' },
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
  plugins: [stringWidthDropIn, ansiTokenizeDropIn],
  // React's production build, chosen at build time: the development build is dropped from the
  // bundle (less to compile at start) and never chosen at run time. src/tui/run.ts still sets
  // NODE_ENV for the unbundled sources (tests, tsx).
  define: { 'process.env.NODE_ENV': '"production"' },
  // Node 20 has RegExp's v flag: keep string-width's regex literals instead of new RegExp(...)
  supported: { 'regexp-set-notation': true },
  allowOverwrite: true,
  logLevel: 'warning',
  legalComments: 'none',
  // less for V8 to scan at start (React's reconciler alone is 400 KB as shipped); identifiers
  // are kept, so NARRATIVE_LENS_DEBUG stack traces still name functions
  minifyWhitespace: true,
  minifySyntax: true,
});
