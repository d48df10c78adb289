/** The narrative list (and one narrative with its positions), in every format. */
import type { Corpus } from '../../core/corpus/corpus.js';
import { inert } from '../../core/sanitize.js';
import type { Narrative } from '../../core/corpus/schema.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output } from './output.js';
import { NARRATIVE_CSV_HEADER, narrativeCsvRow, narrativeRecord } from './records.js';

export function renderNarratives(corpus: Corpus, narratives: readonly Narrative[], out: Output, detail = false): Promise<void> {
  const recs = narratives.map((n) => narrativeRecord(corpus, n));
  return emit(out, {
    json: () => (detail ? recs[0] : recs),
    ndjson: () => recs,
    csv: () => ({ header: NARRATIVE_CSV_HEADER, rows: recs.map(narrativeCsvRow) }),
    markdown: () => {
      if (detail) {
        const r = recs[0]!;
        const lines = [`## ${md(r.label)}`, '', md(r.summary), ''];
        lines.push(`- **Id:** \`${md(r.id)}\``);
        if (r.proponents.length) lines.push(`- **Proponents:** ${r.proponents.map((p) => md(p.name)).join(', ')}`);
        if (r.keyTerms.length) lines.push(`- **Key terms:** ${r.keyTerms.map(md).join(', ')}`);
        lines.push(`- **Quotes:** ${r.quotes}`, '');
        return (
          lines.join('\n') +
          '\n' +
          mdTable(
            ['Question', 'Stance', 'Position', 'Status'],
            r.positions.map((p) => [md(p.question), `**${md(p.stance)}**`, md(p.summary), md(p.status)]),
          )
        );
      }
      return mdTable(
        ['Narrative', 'Summary', 'Proponents', 'Key terms', 'Quotes'],
        recs.map((r) => [
          `**${md(r.label)}** \`${md(r.id)}\``,
          md(r.summary),
          r.proponents.map((p) => md(p.name)).join(', '),
          r.keyTerms.map(md).join(', '),
          String(r.quotes),
        ]),
      );
    },
    text: async () => {
      const { paragraph, table, wrap } = await import('./text.js');
      const { style, width } = out;
      const blocks = recs.map((r) => {
        let s = wrap(`${style.head(inert(r.label))}  ${style.dim(inert(r.id))}`, width).join('\n') + '\n';
        s += paragraph(inert(r.summary), width);
        const facts: [string, string][] = [
          ['proponents', r.proponents.map((p) => p.name).join(', ')],
          ['key terms', r.keyTerms.join(', ')],
          ['evidence', `${r.quotes} quotes, positions on ${r.positions.length} of ${corpus.axes.length} questions`],
        ];
        s += table(facts.filter(([, v]) => v).map(([k, v]) => ['  ' + style.dim(k), inert(v)]), [{ max: 14 }, {}], width);
        if (detail && r.positions.length) {
          s +=
            '\n' +
            table(
              r.positions.map((p) => [
                '  ' + inert(p.question),
                `${style.bold(inert(p.stance))}${p.status === 'supported' ? '' : style.mark(` [${p.status}]`, 'warn')} — ${inert(p.summary)}`,
              ]),
              [{ max: 36 }, {}],
              width,
            );
        }
        return s;
      });
      return blocks.join('\n');
    },
  });
}
