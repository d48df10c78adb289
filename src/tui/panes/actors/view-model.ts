/**
 * The Actors pane's view model: filtering, a list row, the brief under the list, and the full
 * profile (whose quotes and narratives are items the cursor moves over). Pure.
 */
import type { Actor, Article } from '../../../core/corpus/schema.js';
import { actorNames, rankByName, resolveName } from '../../../core/search/names.js';
import type { ActorRecord, Corpus } from '../../../core/corpus/corpus.js';
import { articleParagraphs } from '../../../core/corpus/corpus.js';
import { paragraphAt } from '../../../core/corpus/text.js';
import { data, fit, pad, rule, ui, wrap, type Line } from '../../lib/text.js';
import { count, field, formatWhen, joined, quoteMarks, spanSnippet } from '../../lib/format.js';
import { DocBuilder, type DocView } from '../../lib/doc.js';
import { nestBy } from '../quotes/nesting.js';

export interface FilteredActors {
  actors: Actor[];
  /** nothing fits what was typed but loosely: these are the closest names (as `--actor` offers them) */
  closest: boolean;
}

/**
 * The Actors list for a filter, in the command line's order and with its name lookup:
 * - no filter: every actor, most quoted first, then by name (`actors`, core actorsInOrder);
 * - a filter: the actors whose names fit it best first, as `--actor` and `speaker:` rank them
 *   (core rankByName: the id or a whole name, a name starting with it, whole words before
 *   prefixes, then typos forgiven: `smagn` → Smagin), then the others whose role, affiliation,
 *   country, kind or alignment hold every word (`spokeswoman`, `kremlin critic`);
 * - when neither: the closest names `--actor` would offer (core resolveName), said as such.
 * `ordered` is the list without a filter (ties keep its order).
 */
export function filterActors(ordered: readonly Actor[], filter: string): FilteredActors {
  if (!filter.trim()) return { actors: [...ordered], closest: false };
  const ranked = rankByName(ordered, filter, actorNames);
  const seen = new Set(ranked.map((m) => m.item.id));
  const holding = actorsHolding(ordered, filter).filter((a) => !seen.has(a.id));
  const actors = [...ranked.map((m) => m.item), ...holding];
  if (actors.length) return { actors, closest: holding.length === 0 && ranked.every((m) => m.fit === 'typo') };
  return { actors: resolveName(ordered, filter, actorNames).closest, closest: true };
}

/** Actors whose fields hold every word of `filter` (all of them for an empty filter). */
export function actorsHolding(actors: readonly Actor[], filter: string): Actor[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...actors];
  return actors.filter((a) => {
    const hay = [a.name, ...a.aliases, a.role, a.affiliation, a.country, a.kind, a.alignment?.label]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function quoteCounts(corpus: Corpus): Map<string, number> {
  const m = new Map<string, number>();
  for (const { quote } of corpus.quotes) if (quote.speaker) m.set(quote.speaker, (m.get(quote.speaker) ?? 0) + 1);
  return m;
}

function alignmentLine(actor: Actor): Line {
  if (!actor.alignment) return [ui('alignment: ', 'label'), ui('not stated', 'dim')];
  const a = actor.alignment;
  return [
    ui('alignment: ', 'label'),
    data(a.label, 'bold'),
    ui(a.inferred ? ' (inferred) ' : ' (stated) ', 'dim'),
    ui('— ', 'dim'),
    data(a.reason),
  ];
}

function identityLines(corpus: Corpus, actor: Actor, cols: number): Line[] {
  const lines: Line[] = [];
  lines.push(joined([[data(actor.name, 'title')], [ui(actor.kind, 'dim')]]));
  // wrapped, not cut: a long alias list or role is read whole in the profile
  if (actor.aliases.length) lines.push(...wrap(field('aka', actor.aliases.join(' · ')), cols));
  const role = joined([
    actor.role ? [data(actor.role)] : [],
    // an affiliation may name another actor by id
    actor.affiliation ? [data(corpus.actorById.get(actor.affiliation)?.name ?? actor.affiliation)] : [],
    actor.country ? [data(actor.country)] : [],
  ]);
  if (role.length) lines.push(...wrap(role, cols));
  lines.push(...wrap(alignmentLine(actor), cols));
  return lines;
}

export function actorRow(actor: Actor, quotes: number, cols: number): Line {
  const nw = Math.max(10, Math.min(26, Math.floor(cols * 0.3)));
  const cw = 5;
  const kw = 12;
  const rest = joined([actor.role ? [data(actor.role)] : [], actor.alignment ? [data(actor.alignment.label, 'dim')] : []]);
  return [
    ...pad([data(actor.name)], nw),
    ...pad([ui(quotes ? `${String(quotes).padStart(3)}q` : '', 'dim')], cw),
    ui(' '),
    ...pad([ui(actor.kind, 'dim')], kw),
    ui(' '),
    ...fit(rest, Math.max(1, cols - nw - cw - kw - 2)),
  ];
}

export function actorBriefLines(corpus: Corpus, record: ActorRecord | undefined, cols: number, height: number): Line[] {
  if (!record || height <= 0) return [];
  const { actor } = record;
  const lines = identityLines(corpus, actor, cols);
  const counts: Line = [
    ui(
      [
        count(record.quotes.length, 'quote'),
        count(record.mentions.length, 'mention'),
        ...(record.silences.length ? [count(record.silences.length, 'silence')] : []),
        count(record.narratives.length, 'narrative'),
      ].join(' · '),
      'dim',
    ),
    ui('  enter: full profile', 'dim'),
  ];
  const room = height - lines.length - 1;
  if (actor.profile && room > 0) lines.push(...wrap([data(actor.profile)], cols).slice(0, room));
  lines.push(counts);
  return lines.slice(0, height).map((l) => fit(l, cols));
}

export type ProfileView = DocView;

/** The number of the paragraph that holds a code-point offset. */
function paragraphNumber(article: Article, offset: number): number {
  return paragraphAt(articleParagraphs(article), offset)?.number ?? 0;
}

/**
 * The full profile as lines; quotes, mentions, silences and narratives are items the cursor
 * moves over (a mention or silence opens in the reader, where it is shown whole).
 */
export function profileView(corpus: Corpus, record: ActorRecord, cols: number, cursor: number, plain = false): ProfileView {
  const { actor } = record;
  const doc = new DocBuilder(cols, cursor);
  doc.push(...identityLines(corpus, actor, cols));
  if (actor.profile) doc.push(...wrap([data(actor.profile)], cols));

  doc.push(rule(cols, `Quotes (${record.quotes.length})`));
  if (!record.quotes.length) doc.push([ui('  none', 'dim')]);
  // a quote inside another of theirs (a direct quote in a reported statement) indented under it
  const nested = nestBy(record.quotes, (r) => r);
  nested.hits.forEach(({ quote, article }, i) => {
    const [open, close] = quoteMarks(quote.kind);
    const para = paragraphNumber(article, quote.span.start);
    const when = formatWhen(quote.when);
    doc.item({ kind: 'quote', id: quote.id }, [
      ...(nested.inner[i] ? [ui('  ↳ ', 'dim')] : []),
      ui(`¶${para} `, 'accent'),
      ...(when ? [data(when, 'dim'), ui(' ')] : []),
      ui(open),
      data(quote.text),
      ui(close),
    ]);
  });

  if (record.mentions.length) {
    doc.push(rule(cols, `Mentions (${record.mentions.length})`));
    for (const { mention, article } of record.mentions) {
      const para = paragraphNumber(article, mention.span.start);
      const lead = `¶${para} `;
      doc.item({ kind: 'span', article: article.id, ...mention.span }, [ui(lead, 'accent'), ...spanSnippet(article, mention.span, cols - lead.length - 2, plain)]);
    }
  }
  if (record.silences.length) {
    doc.push(rule(cols, 'Silences'));
    for (const { silence, article } of record.silences) {
      const para = paragraphNumber(article, silence.span.start);
      doc.item({ kind: 'span', article: article.id, ...silence.span }, [ui(`¶${para} `, 'accent'), ui('silent about ', 'dim'), data(silence.about, 'bold'), ui(': ', 'dim'), data(silence.text)]);
    }
  }
  doc.push(rule(cols, `Narratives (${record.narratives.length})`));
  if (!record.narratives.length) doc.push([ui('  none', 'dim')]);
  for (const n of record.narratives) {
    const proponent = n.proponents.includes(actor.id);
    doc.item({ kind: 'narrative', id: n.id }, [data(n.label, 'bold'), ui(proponent ? '  proponent' : '  quoted in support', 'dim')]);
  }
  return doc.done();
}
