/**
 * Text to copy out of the dashboard: a quote with its citation, and a comparison as Markdown.
 * Faithful: direct quotes and terms keep their quotation marks, reported speech gets none and
 * says it is reported; nothing is shortened. Data text is made inert (a clipboard is pasted
 * into terminals too). Pure.
 */
import type { Corpus, QuoteRef } from '../../core/corpus/corpus.js';
import type { Comparison } from '../../core/compare.js';
import { articleParagraphs } from '../../core/corpus/corpus.js';
import { paragraphAt } from '../../core/corpus/text.js';
import { inert } from '../../core/sanitize.js';
import { formatWhen, quoteMarks } from './format.js';

/** “Quote” — Speaker, role (channel, when). Outlet, “Title”, date, ¶n, url. */
export function citeQuote(corpus: Corpus, { quote, article }: QuoteRef): string {
  const [open, close] = quoteMarks(quote.kind);
  const text = quote.kind === 'indirect' ? `Reported: ${inert(quote.text)}` : `${open}${inert(quote.text)}${close}`;
  const speaker = quote.speaker ? corpus.actorById.get(quote.speaker) : undefined;
  const who = speaker ? [speaker.name, speaker.role].filter(Boolean).map((s) => inert(s!)).join(', ') : 'a term nobody is quoted as saying';
  const how = [quote.channel, formatWhen(quote.when)].filter(Boolean).map((s) => inert(s!)).join(', ');
  const para = paragraphAt(articleParagraphs(article), quote.span.start)?.number;
  const date = article.published ? formatWhen(article.published) : '';
  const source = [
    article.outlet ? inert(article.outlet) : null,
    `“${inert(article.title)}”${article.titleInferred ? ' (title inferred)' : ''}`,
    date ? inert(date) : null,
    para ? `¶${para}` : null,
    article.url ? inert(article.url) : null,
  ].filter(Boolean);
  return `${text} — ${who}${how ? ` (${how})` : ''}. ${source.join(', ')}.`;
}

const cell = (s: string) => inert(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const columns = (list: readonly number[]) => list.map((i) => i + 1).join(', ');

/** The comparison as a Markdown table: a column per narrative, a row per question shown. */
export function comparisonMarkdown(cmp: Comparison, diffOnly: boolean): string {
  const rows = diffOnly ? cmp.rows.filter((r) => r.cells.some((c) => c.conflictWith.length > 0)) : cmp.rows;
  const head = ['question', ...cmp.narratives.map((n, i) => `${i + 1} ${cell(n.label)}`)];
  const out = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const cells = row.cells.map((c) => {
      const p = c.position;
      if (!p) return 'silent';
      const parts: string[] = [];
      const marks = [c.agreeWith.length ? `agrees with ${columns(c.agreeWith)}` : '', c.conflictWith.length ? `conflicts with ${columns(c.conflictWith)}` : ''].filter(Boolean);
      if (marks.length) parts.push(`*${marks.join('; ')}*`);
      if (p.status !== 'supported') parts.push(`**${p.status}**${c.statusBy.length ? ` by ${c.statusBy.map((a) => cell(a.name)).join(', ')}` : ''}`);
      parts.push(cell(p.summary));
      if (c.strongest) {
        const q = c.strongest.quote;
        const [open, close] = quoteMarks(q.kind);
        const text = q.kind === 'indirect' ? `reported: ${cell(q.text)}` : `${open}${cell(q.text)}${close}`;
        parts.push(`${text} — ${cell(c.speaker?.name ?? 'a term')}`);
      }
      return parts.join('<br>');
    });
    out.push(`| ${[cell(row.axis.question), ...cells].join(' | ')} |`);
  }
  if (diffOnly) out.push('', `Differences only: ${rows.length} of ${cmp.rows.length} questions.`);
  return out.join('\n') + '\n';
}
