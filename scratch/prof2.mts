import { readFileSync } from 'node:fs';
import { readArticle } from '../src/core/extract/ingest/read.ts';
import { extractDraft } from '../src/core/extract/index.ts';
for (const f of ['article-0003.md', 'article-0004.html', 'article-0000.txt']) {
  const b = readFileSync(`/tmp/ingest-work/gen/${f}`);
  const ts: number[] = [], te: number[] = [];
  for (let i = 0; i < 20; i++) {
    const c0 = process.cpuUsage();
    const r = readArticle(f, b);
    const c1 = process.cpuUsage(c0);
    extractDraft(r.text);
    const c2 = process.cpuUsage(c0);
    ts.push((c1.user + c1.system) / 1000); te.push((c2.user + c2.system - c1.user - c1.system) / 1000);
  }
  ts.sort((a, b) => a - b); te.sort((a, b) => a - b);
  console.log(f, 'read', ts[10]!.toFixed(1), 'extract', te[10]!.toFixed(1), 'ms CPU median');
}
