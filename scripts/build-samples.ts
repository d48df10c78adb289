/**
 * npm run samples — rebuilds the bundled Wikinews sample corpus (samples/wikinews/) from its
 * source texts (samples/sources/wikinews/: the twelve articles, their articles.json metadata and
 * SOURCES.md with the attribution) through the same ingest a user runs, then drops the ingest's
 * working files (.ingest/), which a shipped corpus does not need. Run it after the extractor
 * changes; test/samples checks that every quote is verbatim at its offsets.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/core/extract/ingest/ingest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'samples', 'sources', 'wikinews');
const out = path.join(root, 'samples', 'wikinews');
rmSync(out, { recursive: true, force: true });
const s = await ingest({ inputs: [src], outDir: out, workers: 1 });
rmSync(path.join(out, '.ingest'), { recursive: true, force: true });
if (s.failures.length) {
  for (const f of s.failures) process.stderr.write(`samples: ${f.file}: ${f.reason}\n`);
  process.exit(2);
}
console.log(`samples/wikinews: ${s.articles} articles, ${s.quotes.direct} direct, ${s.quotes.indirect} indirect, ${s.quotes.term} term quotes, ${s.actors} actors (${s.merges.length} merged across articles, ${s.proposals.length} proposed)`);
