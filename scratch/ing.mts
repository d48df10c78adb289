import { ingest } from '../src/core/extract/ingest/ingest.ts';
const t0 = performance.now();
const s = await ingest({ inputs: process.argv.slice(3), outDir: process.argv[2]!, onProgress: (p) => process.stderr.write(`\r${p.done}/${p.total} failed ${p.failed}`) });
console.log('\n', JSON.stringify({ ...s, merges: s.merges.length, proposals: s.proposals.length }, null, 1), (performance.now() - t0).toFixed(0), 'ms');
console.log(s.merges.map((m) => `${m.id}: ${m.members.map((x) => x.name).join(' | ')} — ${m.evidence.join('; ')}`).join('\n'));
console.log(s.proposals.map((p) => `${p.a.name} ~ ${p.b.name}: ${p.reason}`).join('\n'));
