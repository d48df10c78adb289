import { readFileSync } from 'node:fs';
import { extractDraft } from '../src/core/extract/index.ts';
const f = process.argv[2]!;
const text = readFileSync(f, 'utf8');
const d = extractDraft(text);
const names = new Map(d.actors.map((a) => [a.id, `${a.name} [${a.kind}]`]));
for (const q of d.articles[0]!.quotes) {
  if (process.argv[3] && !q.text.includes(process.argv[3])) continue;
  console.log(`${q.kind.padEnd(8)} ${(q as any).attribution?.rule?.padEnd(28)} ${String((q as any).attribution?.confidence).padEnd(5)} ${(names.get(q.speaker!) ?? '-').padEnd(30)} ${JSON.stringify(q.text.slice(0, 70))}`);
}
if (process.argv[4]) console.log(d.actors.map((a) => `${a.id}: ${a.name} (${a.kind}) ${a.aliases.join('|')}`).join('\n'));
