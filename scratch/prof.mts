import { readdirSync, readFileSync } from 'node:fs';
import { extractOne } from '../src/core/extract/ingest/extract-one.ts';
import { resolveIdentity } from '../src/core/extract/ingest/identity.ts';
const dir = process.argv[2]!;
const files = readdirSync(dir).slice(0, 30);
const acts: any[] = [];
for (const f of [...files, ...files, ...files]) {
  const t0 = performance.now();
  const r = extractOne({ file: `${dir}/${f}`, id: f, source: f, bytes: readFileSync(`${dir}/${f}`), sidecar: {} });
  const ms = performance.now() - t0;
  if (r.ok) acts.push({ article: f, actors: r.counts.actors });
  console.log(f, ms.toFixed(1), 'ms', r.ok ? r.counts.direct : r.reason);
}
const t0 = performance.now();
const id = resolveIdentity(acts);
console.log('identity', (performance.now() - t0).toFixed(1), 'ms', id.names.size);
