/** What `ingest` prints at the end: articles, quotes by kind, actors, merges, failures with reasons. */
import path from 'node:path';
import type { IngestSummary } from '../../core/extract/ingest/ingest.js';
import { inert } from '../../core/sanitize.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output } from './output.js';
import { PROG } from '../spec.js';

const rel = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
};

function rows(s: IngestSummary): [string, number][] {
  return [
    ['articles', s.articles],
    ['extracted', s.extracted],
    ['unchanged', s.unchanged],
    ['removed', s.removed.length],
    ['direct quotes', s.quotes.direct],
    ['indirect quotes', s.quotes.indirect],
    ['terms', s.quotes.term],
    ['actors', s.actors],
    ['actors merged across articles', s.merges.length],
    ['merges proposed', s.proposals.length],
    ['failures', s.failures.length],
  ];
}

export function renderIngest(s: IngestSummary, out: Output): Promise<void> {
  const plural = (n: number, w: string) => `${n.toLocaleString('en-US')} ${w}${n === 1 ? '' : 's'}`;
  return emit(out, {
    json: () => ({ ...s, outDir: s.outDir, failures: s.failures }),
    ndjson: () => [{ ...s }],
    csv: () => ({ header: ['item', 'count'], rows: rows(s) }),
    markdown: () =>
      mdTable(['Item', 'Count'], rows(s).map(([k, v]) => [k, String(v)])) +
      (s.failures.length ? `\n**Failures**\n\n${s.failures.map((f) => `- \`${md(rel(f.file))}\`: ${md(f.reason)}`).join('\n')}\n` : ''),
    text: () => {
      const b = out.style.bold;
      const lines = [
        `${b(s.interrupted ? 'interrupted' : 'ingested')}: ${plural(s.articles, 'article')} in ${inert(rel(s.outDir))} ` +
          `(${s.extracted.toLocaleString('en-US')} extracted, ${s.unchanged.toLocaleString('en-US')} unchanged, ${s.removed.length.toLocaleString('en-US')} removed)`,
        `quotes: ${s.quotes.direct.toLocaleString('en-US')} direct, ${s.quotes.indirect.toLocaleString('en-US')} indirect, ${plural(s.quotes.term, 'term')}`,
        `actors: ${s.actors.toLocaleString('en-US')} (${s.merges.length.toLocaleString('en-US')} found in several articles or spellings and merged, ${plural(s.proposals.length, 'merge')} proposed; evidence in ${inert(rel(s.manifest))})`,
      ];
      for (const r of s.removed.slice(0, 20)) lines.push(`removed: ${inert(rel(r))} (the file is gone)`);
      if (s.removed.length > 20) lines.push(`removed: … and ${s.removed.length - 20} more`);
      if (s.failures.length) {
        lines.push(`${b('failures')}: ${s.failures.length.toLocaleString('en-US')}`);
        for (const f of s.failures.slice(0, 50)) lines.push(`  ${inert(rel(f.file))}: ${inert(f.reason)}`);
        if (s.failures.length > 50) lines.push(`  … and ${s.failures.length - 50} more (all in ${inert(rel(s.manifest))})`);
      }
      if (s.articles > 0) lines.push(`open it: ${PROG} --data ${inert(rel(s.outDir))}`);
      return `${lines.join('\n')}\n`;
    },
  });
}
