/** The actor list and one actor's profile, in every format. */
import type { ActorRecord as CoreActorRecord, Corpus } from '../../core/corpus/corpus.js';
import { inert } from '../../core/sanitize.js';
import type { Actor } from '../../core/corpus/schema.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output } from './output.js';
import { quotesPrinted } from './quotes.js';
import { ACTOR_CSV_HEADER, actorCsvRow, actorRecord, paragraphOf, quoteRecord } from './records.js';

export function renderActorList(corpus: Corpus, actors: readonly Actor[], quoteCount: (a: Actor) => number, out: Output): Promise<void> {
  const recs = actors.map((a) => actorRecord(a, quoteCount(a)));
  return emit(out, {
    json: () => recs,
    csv: () => ({ header: ACTOR_CSV_HEADER, rows: recs.map(actorCsvRow) }),
    markdown: () =>
      mdTable(
        ['Actor', 'Kind', 'Role', 'Alignment', 'Quotes'],
        recs.map((r) => [`${md(r.name)} \`${md(r.id)}\``, md(r.kind), md(r.role), md(alignmentText(r.alignment)), String(r.quotes)]),
      ),
    text: async () => {
      const { table } = await import('./text.js');
      const { style } = out;
      const header = [style.dim('NAME'), style.dim('KIND'), style.dim('QUOTES'), style.dim('ROLE · ALIGNMENT')];
      const rows = recs.map((r) => [
        style.bold(inert(r.name)),
        r.kind,
        String(r.quotes),
        inert([r.role, alignmentText(r.alignment)].filter(Boolean).join(' · ')),
      ]);
      return table([header, ...rows], [{ max: 30 }, { max: 12 }, { max: 6, align: 'right' }, {}], out.width);
    },
  });
}

function alignmentText(al: Actor['alignment']): string {
  if (!al) return '';
  return al.inferred ? `${al.label} (inferred)` : al.label;
}

export function renderActorProfile(corpus: Corpus, rec: CoreActorRecord, out: Output): Promise<void> {
  const { actor, quotes, mentions, silences, narratives } = rec;
  const full = {
    ...actorRecord(actor, quotes.length),
    narratives: narratives.map((n) => ({ id: n.id, label: n.label })),
    quotes: quotes.map((r) => quoteRecord(corpus, r)),
    mentions: mentions.map(({ mention, article }) => ({
      text: mention.text,
      article: article.id,
      paragraph: paragraphOf({ article }, mention.span.start),
      span: mention.span,
    })),
    silences: silences.map(({ silence, article }) => ({
      id: silence.id,
      about: silence.about,
      text: silence.text,
      article: article.id,
      paragraph: paragraphOf({ article }, silence.span.start),
      span: silence.span,
    })),
  };
  const quoteList = (hideSpeaker = false) => quotesPrinted({ corpus, items: quotes, hideSpeaker }, out);
  return emit(out, {
    json: () => full,
    // A profile as a sheet is its quotes: one row each, as `search` prints them.
    csv: () => quoteList().csv(),
    markdown: async () => {
      const lines = [`## ${md(actor.name)}`, ''];
      const facts: [string, string][] = [
        ['Id', `\`${md(actor.id)}\``],
        ['Also called', md(actor.aliases.join(', '))],
        ['Kind', md(actor.kind)],
        ['Role', md(actor.role)],
        ['Affiliation', md(actor.affiliation)],
        ['Country', md(actor.country)],
        ['Alignment', actor.alignment ? `${md(alignmentText(actor.alignment))}: ${md(actor.alignment.reason)}` : ''],
        ['Narratives', narratives.map((n) => md(n.label)).join('; ')],
        ['Mentions', String(mentions.length)],
      ];
      for (const [k, v] of facts) if (v) lines.push(`- **${k}:** ${v}`);
      if (actor.profile) lines.push('', md(actor.profile));
      // the article's words about a silence, not a quote: no quotation marks
      for (const { silence } of silences) lines.push('', `> Silence on ${md(silence.about)}: ${md(silence.text)}`);
      lines.push('', `### Quotes (${quotes.length})`, '');
      return lines.join('\n') + '\n' + (quotes.length ? await quoteList().markdown() : '');
    },
    text: async () => {
      const { paragraph, table, wrap } = await import('./text.js');
      const { style, width } = out;
      const w = width === Infinity ? Infinity : Math.max(20, width);
      let s = wrap(`${style.head(inert(actor.name))}  ${style.dim(inert(`${actor.kind} · ${actor.id}`))}`, w).join('\n') + '\n';
      const facts: [string, string][] = [
        ['also called', actor.aliases.join(', ')],
        ['role', actor.role ?? ''],
        ['affiliation', actor.affiliation ?? ''],
        ['country', actor.country ?? ''],
        ['alignment', actor.alignment ? `${alignmentText(actor.alignment)}: ${actor.alignment.reason}` : ''],
        ['narratives', narratives.map((n) => n.label).join('; ')],
        ['mentions', mentions.length ? `${mentions.length} in the text` : ''],
        ...silences.map(({ silence }): [string, string] => [`silent on`, `${silence.about}: ${silence.text}`]),
      ];
      const rows = facts.filter(([, v]) => v).map(([k, v]) => ['  ' + style.dim(k), inert(v)]);
      s += table(rows, [{ max: 14 }, {}], w);
      if (actor.profile) s += '\n' + paragraph(inert(actor.profile), w);
      s += `\n${style.bold(`Quotes (${quotes.length})`)}\n`;
      if (quotes.length) s += await quoteList(true).text();
      return s;
    },
  });
}
