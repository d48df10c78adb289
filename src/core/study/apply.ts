/**
 * Applying a study to its sources: the Corpus every pane and command already uses, with the
 * study's actors, merges, alignments, narratives, questions, corrections, codings and positions
 * laid over the sources' data (which is never changed: changed articles and quotes are copies).
 * Annotations that cannot be found again are listed as orphans, with why; nothing is dropped.
 */
import type { Actor, Article, Axis, Narrative, Position, Quote } from '../corpus/schema.js';
import { articleOffsets, makeCorpus, type Corpus } from '../corpus/corpus.js';
import { sliceSpan } from '../corpus/text.js';
import { articleHash, locate, quoteAt, type Located } from './anchor.js';
import type { Anchor, Memo, Study, StudyNarrative } from './schema.js';

export interface Orphan {
  /** what could not be attached: a coding, a position's evidence, a memo, a correction */
  what: 'coding' | 'evidence' | 'memo' | 'correction';
  /** the study item's id (for evidence: the position's id) */
  id: string;
  /** the text it was anchored to (for a coding to a lost narrative: the narrative id) */
  text: string;
  /** the article it was anchored in, as recorded */
  article: string;
  reason: string;
}

export interface ResolvedMemo {
  memo: Memo;
  /** the quote's current id, or the article/actor/narrative/position id ('' for a memo on the whole study) */
  target: string;
}

export interface NarrativeExtras {
  colour: string | null;
  /** true when the study defines the narrative (false: it comes from the sources) */
  fromStudy: boolean;
}

export interface StudyView {
  study: Study;
  /** the sources as loaded, before the study */
  sources: Corpus;
  /** the sources with the study applied: what the shells show */
  corpus: Corpus;
  orphans: Orphan[];
  memos: ResolvedMemo[];
  narrativeExtras: Map<string, NarrativeExtras>;
  /** quote id → the narratives the study codes it to (not those the sources already give) */
  codedByStudy: Map<string, Set<string>>;
  /** coding id → the id of the quote it is attached to now */
  codingQuote: Map<string, string>;
  /** references in the study to things that do not exist (e.g. a hand edit): shown, never fatal */
  problems: string[];
}

export function applyStudy(study: Study, sources: Corpus): StudyView {
  const orphans: Orphan[] = [];
  const problems: string[] = [];

  // ---- actors: created ones, alignments, merges ----
  const actors = new Map<string, Actor>(sources.actors.map((a) => [a.id, a]));
  for (const a of study.actors) actors.set(a.id, a);
  for (const e of study.actorEdits) {
    const a = actors.get(e.actor);
    if (a) actors.set(a.id, { ...a, alignment: e.alignment });
    else problems.push(`alignment edit ${e.id}: unknown actor "${e.actor}"`);
  }
  const mergedInto = new Map<string, string>();
  const canonical = (id: string): string => {
    for (let seen = 0; mergedInto.has(id) && seen < 100; seen++) id = mergedInto.get(id)!;
    return id;
  };
  for (const m of study.actorMerges) {
    const from = actors.get(canonical(m.from));
    const into = actors.get(canonical(m.into));
    if (!from || !into || from === into) {
      problems.push(`actor merge ${m.id}: ${!from ? `unknown actor "${m.from}"` : !into ? `unknown actor "${m.into}"` : 'an actor merged into itself'}`);
      continue;
    }
    const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter((x) => x !== into.name);
    actors.set(into.id, { ...into, aliases, role: into.role ?? from.role, affiliation: into.affiliation ?? from.affiliation, country: into.country ?? from.country, profile: into.profile || from.profile, alignment: into.alignment ?? from.alignment });
    actors.delete(from.id);
    mergedInto.set(from.id, into.id);
  }
  const remapActors = mergedInto.size > 0;
  const actorIds = (ids: string[]) => (remapActors ? [...new Set(ids.map(canonical))] : ids);

  // ---- narratives and questions ----
  const narrativeExtras = new Map<string, NarrativeExtras>();
  const narratives = new Map<string, Narrative>();
  for (const n of sources.narratives) {
    narratives.set(n.id, { ...n, proponents: actorIds(n.proponents) });
    narrativeExtras.set(n.id, { colour: null, fromStudy: false });
  }
  for (const n of study.narratives) {
    narratives.set(n.id, toNarrative(n, actorIds));
    narrativeExtras.set(n.id, { colour: n.colour, fromStudy: true });
  }
  const axes = new Map<string, Axis>(sources.axes.map((x) => [x.id, x]));
  for (const q of study.questions) axes.set(q.id, { id: q.id, question: q.question });

  // ---- articles: copied only where something changes ----
  const articles = sources.articles.map((a) => ({ ...a, quotes: a.quotes.map((q) => (remapActors && q.speaker ? { ...q, speaker: canonical(q.speaker) } : q)) }));
  if (remapActors) {
    for (const a of articles) {
      a.mentions = a.mentions.map((m) => ({ ...m, actor: canonical(m.actor) }));
      a.silences = a.silences.map((s) => ({ ...s, actor: canonical(s.actor) }));
      a.events = a.events.map((e) => ({ ...e, actors: actorIds(e.actors) }));
    }
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const where = (anchor: Anchor): Located | undefined => locate(anchor, articles, byId);
  /** the quote an anchor points at now; a copy the study may change */
  const findQuote = (anchor: Anchor): { article: Article; quote: Quote } | string => {
    const found = where(anchor);
    if (!found) return 'its text is no longer in any source article';
    const quote = quoteAt(found.article, found.span, anchor.quote);
    if (!quote) return `its text was found (${found.article.id}) but no quote is there now`;
    return { article: found.article, quote };
  };
  const replaceQuote = (article: Article, quote: Quote, next: Quote | null) => {
    const i = article.quotes.indexOf(quote);
    if (next) article.quotes[i] = next;
    else article.quotes.splice(i, 1);
  };
  const orphan = (what: Orphan['what'], id: string, anchor: Anchor, reason: string) =>
    orphans.push({ what, id, text: anchor.selector.exact, article: anchor.article, reason });

  // ---- corrections: added quotes first (codings may point at them), then the rest ----
  for (const c of study.corrections) {
    if (c.kind !== 'add-quote') continue;
    const found = where(c.anchor);
    if (!found) {
      orphan('correction', c.id, c.anchor, 'the added quote\'s words are no longer in any source article');
      continue;
    }
    const same = found.article.quotes.find((q) => q.span.start === found.span.start && q.span.end === found.span.end);
    if (same) continue; // the sources now have it themselves
    const speaker = c.speaker === null ? null : canonical(c.speaker);
    found.article.quotes.push({
      id: c.quote,
      kind: c.quoteKind,
      text: sliceOf(found),
      span: found.span,
      speaker,
      channel: c.channel,
      when: null,
      narratives: [],
      topics: [],
      note: `added by ${c.by} (${c.at.slice(0, 10)})`,
    });
    found.article.quotes.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }
  for (const c of study.corrections) {
    if (c.kind === 'add-quote') continue;
    if (c.kind === 'reviewed') {
      const a = byId.get(c.article) ?? articles.find((x) => articleHash(x) === c.articleHash);
      if (a) a.draft = false;
      else orphans.push({ what: 'correction', id: c.id, text: '(article reviewed)', article: c.article, reason: 'the article is no longer among the sources' });
      continue;
    }
    const hit = findQuote(c.target);
    if (typeof hit === 'string') {
      orphan('correction', c.id, c.target, hit);
      continue;
    }
    const { article, quote } = hit;
    if (c.kind === 'reject') replaceQuote(article, quote, null);
    else if (c.kind === 'speaker') {
      const speaker = canonical(c.speaker);
      if (!actors.has(speaker)) problems.push(`correction ${c.id}: unknown actor "${c.speaker}"`);
      else replaceQuote(article, quote, { ...quote, speaker, attribution: undefined });
    } else if (c.kind === 'quote-kind') {
      replaceQuote(article, quote, { ...quote, kind: c.quoteKind });
    }
  }

  // ---- codings ----
  const codedByStudy = new Map<string, Set<string>>();
  const codingQuote = new Map<string, string>();
  for (const c of study.codings) {
    if (!narratives.has(c.narrative)) {
      orphans.push({ what: 'coding', id: c.id, text: c.target.selector.exact, article: c.target.article, reason: `narrative "${c.narrative}" no longer exists` });
      continue;
    }
    const hit = findQuote(c.target);
    if (typeof hit === 'string') {
      orphan('coding', c.id, c.target, hit);
      continue;
    }
    const { article, quote } = hit;
    if (!quote.narratives.includes(c.narrative)) replaceQuote(article, quote, { ...quote, narratives: [...quote.narratives, c.narrative] });
    let set = codedByStudy.get(quote.id);
    if (!set) codedByStudy.set(quote.id, (set = new Set()));
    set.add(c.narrative);
    codingQuote.set(c.id, quote.id);
  }

  // ---- positions: the study's replace the sources' on the same narrative and axis ----
  const positions = new Map<string, Position>();
  const cell = (p: { narrative: string; axis: string }) => `${p.narrative}\u0000${p.axis}`;
  for (const p of sources.positions) positions.set(cell(p), { ...p, statusBy: actorIds(p.statusBy) });
  for (const p of study.positions) {
    if (!narratives.has(p.narrative) || !axes.has(p.axis)) {
      problems.push(`position ${p.id}: unknown ${!narratives.has(p.narrative) ? `narrative "${p.narrative}"` : `question "${p.axis}"`}`);
      continue;
    }
    const evidence: string[] = [];
    for (const anchor of p.evidence) {
      const hit = findQuote(anchor);
      if (typeof hit === 'string') orphan('evidence', p.id, anchor, hit);
      else if (!evidence.includes(hit.quote.id)) evidence.push(hit.quote.id);
    }
    const statusBy = actorIds(p.statusBy).filter((id) => actors.has(id) || (problems.push(`position ${p.id}: unknown actor "${id}"`), false));
    positions.set(cell(p), {
      id: p.id,
      narrative: p.narrative,
      axis: p.axis,
      stance: p.stance,
      summary: p.summary,
      evidence,
      status: p.status,
      statusBy,
      ...(p.statusNote ? { statusNote: p.statusNote } : {}),
    });
  }

  // ---- memos ----
  const memos: ResolvedMemo[] = [];
  const positionIds = new Set([...positions.values()].map((p) => p.id));
  for (const memo of study.memos) {
    const on = memo.on;
    if (on.kind === 'quote') {
      const hit = findQuote(on.anchor);
      if (typeof hit === 'string') orphan('memo', memo.id, on.anchor, hit);
      else memos.push({ memo, target: hit.quote.id });
      continue;
    }
    if (on.kind === 'study') {
      memos.push({ memo, target: '' });
      continue;
    }
    if (on.kind === 'article') {
      const article = byId.get(on.id) ?? articles.find((a) => articleHash(a) === on.articleHash);
      if (article) memos.push({ memo, target: article.id });
      else orphans.push({ what: 'memo', id: memo.id, text: memo.text, article: on.id, reason: 'the article is no longer among the sources' });
      continue;
    }
    const id = on.kind === 'actor' ? canonical(on.id) : on.id;
    const exists = on.kind === 'actor' ? actors.has(id) : on.kind === 'narrative' ? narratives.has(id) : positionIds.has(id);
    if (exists) memos.push({ memo, target: id });
    else orphans.push({ what: 'memo', id: memo.id, text: memo.text, article: '', reason: `the ${on.kind} "${on.id}" no longer exists` });
  }

  // a quote whose speaker is gone (a hand edit of the study) would break every pane: say so
  for (const a of articles) for (const q of a.quotes) if (q.speaker && !actors.has(q.speaker)) problems.push(`quote ${q.id}: unknown speaker "${q.speaker}"`);

  const corpus = makeCorpus({
    articles,
    actors: [...actors.values()],
    narratives: [...narratives.values()],
    axes: [...axes.values()],
    positions: [...positions.values()],
    files: sources.files,
  });
  return { study, sources, corpus, orphans, memos, narrativeExtras, codedByStudy, codingQuote, problems };
}

function toNarrative(n: StudyNarrative, actorIds: (ids: string[]) => string[]): Narrative {
  return {
    id: n.id,
    label: n.label,
    // the corpus format needs a summary; an analyst may not have written one yet
    summary: n.summary || '(no summary yet)',
    proponents: actorIds(n.proponents),
    keyTerms: n.keyTerms,
    techniques: n.techniques,
  };
}

function sliceOf(found: Located): string {
  return sliceSpan(found.article.text, found.span, articleOffsets(found.article));
}
