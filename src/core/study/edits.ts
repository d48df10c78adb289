/**
 * The analyst's edits: one function per edit, used by the dashboard and the commands alike.
 * Each checks its arguments against the study as applied to its sources (a StudyView) and
 * returns an Edit: a pure function of the study (history.ts runs and records it). Refusals are
 * StudyEditErrors whose messages say what is wrong and what would work.
 *
 * Ids of what an edit creates are derived from what it is about (`code:<narrative>:<quote>`,
 * `n-<label>`), so the same edit made from the dashboard or a script gives the same study.
 */
import type { ActorKind, Article, QuoteKind } from '../corpus/schema.js';
import { articleOffsets, type QuoteRef } from '../corpus/corpus.js';
import { ActorKind as ActorKindSchema, QuoteKind as QuoteKindSchema } from '../corpus/schema.js';
import { articleHash, makeAnchor, quoteAnchor } from './anchor.js';
import type { StudyView } from './apply.js';
import { count } from '../count.js';
import { shortHash, StudyEditError, type Edit, type Stamp } from './history.js';
import type { TechniqueTag } from '../corpus/schema.js';
import { DisarmId, type Correction, type MemoTarget, type Study, type StudyNarrative, type StudyPosition } from './schema.js';

/** Ids as the corpus format allows: lower case, digits, - . : */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

/** Colour names an analyst may type, as #rrggbb (Okabe & Ito's colours, told apart with any colour vision). */
const COLOURS: Record<string, string> = {
  orange: '#E69F00',
  sky: '#56B4E9',
  cyan: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  red: '#D55E00',
  vermillion: '#D55E00',
  magenta: '#CC79A7',
  purple: '#CC79A7',
  grey: '#999999',
  gray: '#999999',
  black: '#000000',
  white: '#FFFFFF',
};

/** #rrggbb from a colour name or #rrggbb; undefined for anything else. */
export function colourValue(colour: string): string | undefined {
  if (/^#[0-9a-f]{6}$/i.test(colour)) return colour.toUpperCase();
  return COLOURS[colour.toLowerCase()];
}

function quoteRef(view: StudyView, quoteId: string): QuoteRef {
  const ref = view.corpus.quoteById.get(quoteId);
  if (!ref) throw new StudyEditError(`no quote "${quoteId}" in the study's sources`);
  return ref;
}

function narrativeLabel(view: StudyView, id: string): string {
  const n = view.corpus.narrativeById.get(id);
  if (!n) throw new StudyEditError(`no narrative "${id}"${known(view.corpus.narratives.map((x) => x.id))}`);
  return n.label;
}

function actorName(view: StudyView, id: string): string {
  const a = view.corpus.actorById.get(id);
  if (!a) throw new StudyEditError(`no actor "${id}"`);
  return a.name;
}

function known(ids: string[]): string {
  return ids.length ? ` (the study has: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''})` : '';
}

const clip = (s: string, n = 50) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

// ---------------------------------------------------------------- narratives

export interface NarrativeFields {
  label?: string;
  summary?: string;
  keyTerms?: string[];
  colour?: string | null;
  /** DISARM technique ids, the whole list (the analyst names each: they are the analyst's own, not inferred) */
  techniques?: string[];
}

const tags = (ids: string[]) => ids.map((id) => ({ id, inferred: false }));
/** Exactly these techniques, each as the analyst's own (see retag). */
const setTags = (current: readonly TechniqueTag[], ids: readonly string[]) => retag(current, { add: ids, remove: current.map((t) => t.id).filter((id) => !ids.includes(id)) });

/** What a tag edit does: technique ids the analyst adds (or confirms) and takes off. */
export interface TagChange {
  add?: readonly string[];
  remove?: readonly string[];
}

/**
 * A tag list after the analyst adds and removes techniques. Each tag keeps its provenance: a tag
 * the analyst did not name stays exactly as it was (an inferred one stays inferred, with its
 * reason); one the analyst names becomes the analyst's own (inferred: false), keeping the reason
 * it had; a new one is the analyst's. The order is kept, new tags at the end.
 */
export function retag(current: readonly TechniqueTag[], change: TagChange): TechniqueTag[] {
  const add = new Set(change.add ?? []);
  const remove = new Set(change.remove ?? []);
  const kept = current.filter((t) => !remove.has(t.id)).map((t) => (add.has(t.id) && t.inferred ? { ...t, inferred: false } : t));
  const have = new Set(kept.map((t) => t.id));
  return [...kept, ...[...add].filter((id) => !have.has(id) && !remove.has(id)).map((id) => ({ id, inferred: false }))];
}

function tagSummary(current: readonly TechniqueTag[], change: TagChange, on: string): string {
  const had = new Map(current.map((t) => [t.id, t]));
  const added = (change.add ?? []).filter((id) => !had.has(id));
  const confirmed = (change.add ?? []).filter((id) => had.get(id)?.inferred);
  const removed = (change.remove ?? []).filter((id) => had.has(id));
  const parts = [added.length ? `tag ${on} with ${added.join(', ')}` : '', confirmed.length ? `confirm the inferred ${confirmed.join(', ')} on ${on}` : '', removed.length ? `take ${removed.join(', ')} off ${on}` : ''];
  return parts.filter(Boolean).join('; ') || `tags of ${on} as they are`;
}

function checkTechniqueIds(ids: readonly string[]): void {
  for (const t of ids) if (!DisarmId.safeParse(t).success) throw new StudyEditError(`technique "${t}": a DISARM technique id is like T0049 or T0049.001`);
}

/**
 * Adds and takes off DISARM techniques on a narrative, or with `narrative` undefined on the study
 * as a whole; every other tag keeps its provenance (see retag). A narrative from the sources is
 * overridden in the study, as by updateNarrative.
 */
export function tagTechniques(view: StudyView, narrative: string | undefined, change: TagChange): Edit {
  checkTechniqueIds([...(change.add ?? []), ...(change.remove ?? [])]);
  if (!change.add?.length && !change.remove?.length) throw new StudyEditError('nothing to change: give technique ids to add or take off');
  if (narrative === undefined) {
    return {
      op: 'study-tags',
      summary: tagSummary(view.study.techniques, change, 'the study'),
      apply: (s) => ({ ...s, techniques: retag(s.techniques, change) }),
    };
  }
  const current = view.corpus.narrativeById.get(narrative);
  if (!current) narrativeLabel(view, narrative);
  return {
    op: 'narrative-tags',
    summary: tagSummary(current!.techniques, change, `narrative “${clip(current!.label)}”`),
    apply: (s, stamp) => {
      const own = s.narratives.find((n) => n.id === narrative);
      const base = own ?? narrativeFromSources(view, narrative, stamp);
      const next: StudyNarrative = { ...base, techniques: retag(base.techniques, change) };
      return { ...s, narratives: own ? s.narratives.map((n) => (n.id === narrative ? next : n)) : [...s.narratives, next] };
    },
  };
}

/** A narrative of the sources as the study's own (to override it; the source file is never touched). */
function narrativeFromSources(view: StudyView, id: string, stamp: Stamp): StudyNarrative {
  const current = view.corpus.narrativeById.get(id)!;
  return {
    id,
    label: current.label,
    summary: current.summary,
    keyTerms: current.keyTerms,
    proponents: current.proponents,
    colour: view.narrativeExtras.get(id)?.colour ?? null,
    techniques: current.techniques,
    ...stamp,
  };
}

function checkFields(f: NarrativeFields): void {
  if (f.label !== undefined && f.label.trim() === '') throw new StudyEditError('a narrative needs a label');
  if (f.colour && !colourValue(f.colour)) throw new StudyEditError(`colour "${f.colour}": use ${Object.keys(COLOURS).join(', ')} or #rrggbb`);
  checkTechniqueIds(f.techniques ?? []);
}

export function createNarrative(view: StudyView, f: NarrativeFields & { label: string; id?: string }): Edit {
  checkFields(f);
  const id = f.id ?? uniqueId(`n-${slug(f.label) || 'narrative'}`, (x) => view.corpus.narrativeById.has(x));
  if (view.corpus.narrativeById.has(id)) throw new StudyEditError(`a narrative "${id}" exists already`);
  return {
    op: 'narrative-create',
    summary: `create narrative “${clip(f.label)}” (${id})`,
    apply: (s, stamp) => ({
      ...s,
      narratives: [
        ...s.narratives,
        { id, label: f.label.trim(), summary: f.summary ?? '', keyTerms: f.keyTerms ?? [], proponents: [], colour: f.colour ? colourValue(f.colour)! : null, techniques: tags(f.techniques ?? []), ...stamp },
      ],
    }),
  };
}

/** Renames or edits a narrative; one from the sources is overridden in the study (the source file is never touched). */
export function updateNarrative(view: StudyView, id: string, f: NarrativeFields): Edit {
  checkFields(f);
  const current = view.corpus.narrativeById.get(id);
  if (!current) narrativeLabel(view, id);
  const what = Object.keys(f).filter((k) => f[k as keyof NarrativeFields] !== undefined);
  if (what.length === 0) throw new StudyEditError('nothing to change: give a label, summary, key terms, colour or techniques');
  return {
    op: f.label !== undefined && what.length === 1 ? 'narrative-rename' : 'narrative-edit',
    summary: f.label !== undefined && what.length === 1 ? `rename narrative “${clip(current!.label)}” to “${clip(f.label)}”` : `edit ${what.join(', ')} of narrative “${clip(current!.label)}”`,
    apply: (s, stamp) => {
      const own = s.narratives.find((n) => n.id === id);
      const base: StudyNarrative = own ?? narrativeFromSources(view, id, stamp);
      const next: StudyNarrative = {
        ...base,
        ...(f.label !== undefined ? { label: f.label.trim() } : {}),
        ...(f.summary !== undefined ? { summary: f.summary } : {}),
        ...(f.keyTerms !== undefined ? { keyTerms: f.keyTerms } : {}),
        ...(f.colour !== undefined ? { colour: f.colour ? colourValue(f.colour)! : null } : {}),
        // the whole list, each tag named by the analyst: theirs now, with any reason it had
        ...(f.techniques !== undefined ? { techniques: setTags(base.techniques, f.techniques) } : {}),
      };
      return { ...s, narratives: own ? s.narratives.map((n) => (n.id === id ? next : n)) : [...s.narratives, next] };
    },
  };
}

/** Deletes a study's narrative with its codings, positions and memos (all back with undo). */
export function deleteNarrative(view: StudyView, id: string): Edit {
  const label = narrativeLabel(view, id);
  if (!view.study.narratives.some((n) => n.id === id)) throw new StudyEditError(`narrative “${label}” comes from the sources (${view.corpus.files.join(', ')}); a study never changes its sources`);
  const codings = view.study.codings.filter((c) => c.narrative === id).length;
  return {
    op: 'narrative-delete',
    summary: `delete narrative “${clip(label)}”${codings ? ` and its ${count(codings, 'coding')}` : ''}`,
    apply: (s) => {
      const positions = new Set(s.positions.filter((p) => p.narrative === id).map((p) => p.id));
      return {
        ...s,
        narratives: s.narratives.filter((n) => n.id !== id),
        codings: s.codings.filter((c) => c.narrative !== id),
        positions: s.positions.filter((p) => !positions.has(p.id)),
        memos: s.memos.filter((m) => !((m.on.kind === 'narrative' && m.on.id === id) || (m.on.kind === 'position' && positions.has(m.on.id)))),
      };
    },
  };
}

// ---------------------------------------------------------------- coding

/** Codes quotes to a narrative; quotes already coded to it are left as they are (and counted). */
export function codeQuotes(view: StudyView, narrative: string, quoteIds: readonly string[]): Edit & { coded: string[]; already: string[] } {
  const label = narrativeLabel(view, narrative);
  // in the corpus's order, whatever order a search ranked them in (the same study either way)
  const order = new Map(view.corpus.quotes.map((r, i) => [r.quote.id, i]));
  const refs = [...new Set(quoteIds)].map((id) => quoteRef(view, id)).sort((a, b) => order.get(a.quote.id)! - order.get(b.quote.id)!);
  const todo = refs.filter((r) => !r.quote.narratives.includes(narrative));
  const already = refs.filter((r) => r.quote.narratives.includes(narrative)).map((r) => r.quote.id);
  return {
    op: 'code',
    summary: `code ${todo.length === 1 ? `“${clip(todo[0]!.quote.text, 40)}”` : `${todo.length} quotes`} to “${clip(label)}”`,
    coded: todo.map((r) => r.quote.id),
    already,
    apply: (s, stamp) => {
      // a coding of the same quote made before (and orphaned, or taken over by the sources) keeps its place
      const have = new Set(s.codings.map((c) => c.id));
      const added = todo.map((r) => ({ id: `code:${narrative}:${r.quote.id}`, narrative, target: quoteAnchor(r.article, r.quote), ...stamp })).filter((c) => !have.has(c.id));
      return { ...s, codings: [...s.codings, ...added] };
    },
  };
}

/** Takes quotes off a narrative (only codings this study made: the sources' own stay). */
export function uncodeQuotes(view: StudyView, narrative: string, quoteIds: readonly string[]): Edit {
  const label = narrativeLabel(view, narrative);
  const drop = new Set<string>();
  for (const q of new Set(quoteIds)) {
    const ref = quoteRef(view, q);
    const ids = view.study.codings.filter((c) => c.narrative === narrative && view.codingQuote.get(c.id) === q).map((c) => c.id);
    if (ids.length === 0) {
      throw new StudyEditError(
        ref.quote.narratives.includes(narrative)
          ? `quote ${q} is coded to “${label}” in the sources, not by this study; a study never changes its sources`
          : `quote ${q} is not coded to “${label}”`,
      );
    }
    ids.forEach((id) => drop.add(id));
  }
  return {
    op: 'uncode',
    summary: `take ${quoteIds.length === 1 ? `“${clip(quoteRef(view, quoteIds[0]!).quote.text, 40)}”` : `${quoteIds.length} quotes`} off “${clip(label)}”`,
    apply: (s) => ({ ...s, codings: s.codings.filter((c) => !drop.has(c.id)) }),
  };
}

// ---------------------------------------------------------------- memos

export type MemoOn = { study: true } | { article: string } | { quote: string } | { actor: string } | { narrative: string } | { position: string };

export function addMemo(view: StudyView, on: MemoOn, text: string): Edit {
  if (text.trim() === '') throw new StudyEditError('a memo needs some text');
  let target: MemoTarget;
  let what: string;
  if ('study' in on) {
    target = { kind: 'study' };
    what = 'the study';
  } else if ('article' in on) {
    const article = view.corpus.articleById.get(on.article);
    if (!article) throw new StudyEditError(`no article "${on.article}"${known(view.corpus.articles.map((a) => a.id))}`);
    target = { kind: 'article', id: article.id, articleHash: articleHash(article) };
    what = `article “${clip(article.title, 30)}”`;
  } else if ('quote' in on) {
    const r = quoteRef(view, on.quote);
    target = { kind: 'quote', anchor: quoteAnchor(r.article, r.quote) };
    what = `quote “${clip(r.quote.text, 30)}”`;
  } else if ('actor' in on) {
    target = { kind: 'actor', id: on.actor };
    what = actorName(view, on.actor);
  } else if ('narrative' in on) {
    target = { kind: 'narrative', id: on.narrative };
    what = `narrative “${clip(narrativeLabel(view, on.narrative))}”`;
  } else {
    if (!view.corpus.positions.some((p) => p.id === on.position)) throw new StudyEditError(`no position "${on.position}"`);
    target = { kind: 'position', id: on.position };
    what = `position ${on.position}`;
  }
  return {
    op: 'memo',
    summary: `memo on ${what}: “${clip(text, 40)}”`,
    apply: (s, stamp) => ({ ...s, memos: [...s.memos, { id: `memo-${shortHash(stamp.by, stamp.at, text, JSON.stringify(target))}`, on: target, text, ...stamp }] }),
  };
}

export function editMemo(view: StudyView, id: string, text: string): Edit {
  if (!view.study.memos.some((m) => m.id === id)) throw new StudyEditError(`no memo "${id}"`);
  if (text.trim() === '') throw new StudyEditError('a memo needs some text (to remove it, delete it)');
  return { op: 'memo-edit', summary: `edit memo ${id}: “${clip(text, 40)}”`, apply: (s, stamp) => ({ ...s, memos: s.memos.map((m) => (m.id === id ? { ...m, text, ...stamp } : m)) }) };
}

export function deleteMemo(view: StudyView, id: string): Edit {
  if (!view.study.memos.some((m) => m.id === id)) throw new StudyEditError(`no memo "${id}"`);
  return { op: 'memo-delete', summary: `delete memo ${id}`, apply: (s) => ({ ...s, memos: s.memos.filter((m) => m.id !== id) }) };
}

// ---------------------------------------------------------------- corrections

function putCorrection(s: Study, c: Correction): Study {
  const at = s.corrections.findIndex((x) => x.id === c.id);
  return { ...s, corrections: at >= 0 ? s.corrections.map((x, i) => (i === at ? c : x)) : [...s.corrections, c] };
}

export function correctSpeaker(view: StudyView, quoteId: string, speaker: string): Edit {
  const r = quoteRef(view, quoteId);
  const name = actorName(view, speaker);
  if (r.quote.speaker === speaker) throw new StudyEditError(`${name} is already the speaker of ${quoteId}`);
  return {
    op: 'correct-speaker',
    summary: `speaker of “${clip(r.quote.text, 40)}”: ${r.quote.speaker ? (view.corpus.actorById.get(r.quote.speaker)?.name ?? r.quote.speaker) : 'nobody'} → ${name}`,
    apply: (s, stamp) => putCorrection(s, { id: `fix:speaker:${quoteId}`, kind: 'speaker', target: quoteAnchor(r.article, r.quote), speaker, ...stamp }),
  };
}

export function correctKind(view: StudyView, quoteId: string, kind: QuoteKind): Edit {
  if (!QuoteKindSchema.safeParse(kind).success) throw new StudyEditError(`kind "${kind}": use direct, indirect or term`);
  const r = quoteRef(view, quoteId);
  if (r.quote.kind === kind) throw new StudyEditError(`${quoteId} is already ${kind}`);
  if (kind !== 'term' && r.quote.speaker === null) throw new StudyEditError(`a ${kind} quote needs a speaker: correct the speaker of ${quoteId} first`);
  return {
    op: 'correct-kind',
    summary: `kind of “${clip(r.quote.text, 40)}”: ${r.quote.kind} → ${kind}`,
    apply: (s, stamp) => putCorrection(s, { id: `fix:kind:${quoteId}`, kind: 'quote-kind', target: quoteAnchor(r.article, r.quote), quoteKind: kind, ...stamp }),
  };
}

export function rejectQuote(view: StudyView, quoteId: string, reason?: string): Edit {
  const r = quoteRef(view, quoteId);
  return {
    op: 'reject',
    summary: `reject “${clip(r.quote.text, 40)}”${reason ? ` (${clip(reason, 40)})` : ''}`,
    apply: (s, stamp) => putCorrection(s, { id: `fix:reject:${quoteId}`, kind: 'reject', target: quoteAnchor(r.article, r.quote), ...(reason ? { reason } : {}), ...stamp }),
  };
}

/** Typographic variants folded to one character each, so offsets stay the same length. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[“”„‟«»"]/g, '"').replace(/[‘’‚‛']/g, "'").replace(/[‐‑‒–—]/g, '-');
}

export interface AddQuoteOptions {
  kind: QuoteKind;
  speaker: string | null;
  channel?: string | null;
  /** which occurrence when the words occur more than once (1-based) */
  occurrence?: number;
}

/** Adds a quote the draft missed, located by finding its words in the article (never typed as offsets). */
export function addQuote(view: StudyView, articleId: string, words: string, o: AddQuoteOptions): Edit & { quoteId: string } {
  const article: Article | undefined = view.corpus.articleById.get(articleId);
  if (!article) throw new StudyEditError(`no article "${articleId}"${known(view.corpus.articles.map((a) => a.id))}`);
  const needle = words.trim();
  if (needle === '') throw new StudyEditError('give the words of the quote as they stand in the article');
  if (o.speaker === null && o.kind !== 'term') throw new StudyEditError(`a ${o.kind} quote needs a speaker (--speaker ACTOR)`);
  if (o.speaker !== null) actorName(view, o.speaker);
  let hits = occurrences(article.text, needle);
  if (hits.length === 0) hits = occurrences(fold(article.text), fold(needle));
  if (hits.length === 0) throw new StudyEditError(`the words “${clip(needle, 40)}” are not in article ${articleId}`);
  if (hits.length > 1 && o.occurrence === undefined) throw new StudyEditError(`the words “${clip(needle, 40)}” occur ${hits.length} times in ${articleId}: say which (occurrence 1–${hits.length}) or give more words`);
  const n = o.occurrence ?? 1;
  if (n < 1 || n > hits.length) throw new StudyEditError(`occurrence ${n}: the words occur ${count(hits.length, 'time')}`);
  const at = hits[n - 1]!;
  const map = articleOffsets(article);
  const span = { start: map.toCodePoint(at), end: map.toCodePoint(at + needle.length) };
  const existing = article.quotes.find((q) => q.span.start === span.start && q.span.end === span.end);
  if (existing) throw new StudyEditError(`that passage is already quote ${existing.id}`);
  const quoteId = `${article.id}.added-${shortHash(String(span.start), String(span.end))}`.slice(0, 120);
  return {
    op: 'add-quote',
    summary: `add quote “${clip(needle, 40)}” (${o.kind}${o.speaker ? `, ${actorName(view, o.speaker)}` : ''}) to ${articleId}`,
    quoteId,
    apply: (s, stamp) =>
      putCorrection(s, { id: `fix:add:${quoteId}`, kind: 'add-quote', quote: quoteId, anchor: makeAnchor(article, span), quoteKind: o.kind, speaker: o.speaker, channel: o.channel ?? null, ...stamp }),
  };
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Marks an article reviewed: its draft flag is cleared in the study's view. */
export function markReviewed(view: StudyView, articleId: string): Edit {
  const article = view.corpus.articleById.get(articleId);
  if (!article) throw new StudyEditError(`no article "${articleId}"${known(view.corpus.articles.map((a) => a.id))}`);
  if (!article.draft) throw new StudyEditError(`article ${articleId} is not a draft (already reviewed)`);
  return {
    op: 'review',
    summary: `mark “${clip(article.title, 40)}” reviewed`,
    apply: (s, stamp) => putCorrection(s, { id: `fix:reviewed:${articleId}`, kind: 'reviewed', article: articleId, articleHash: articleHash(article), ...stamp }),
  };
}

// ---------------------------------------------------------------- actors

export interface NewActor {
  name: string;
  kind: ActorKind;
  role?: string | null;
  affiliation?: string | null;
  country?: string | null;
  aliases?: string[];
}

export function createActor(view: StudyView, a: NewActor): Edit & { actorId: string } {
  if (a.name.trim() === '') throw new StudyEditError('an actor needs a name');
  if (!ActorKindSchema.safeParse(a.kind).success) throw new StudyEditError(`kind "${a.kind}": use person, organisation, state, outlet or group`);
  const actorId = uniqueId(slug(a.name) || 'actor', (x) => view.corpus.actorById.has(x) || !/^[a-z0-9]/.test(x));
  return {
    op: 'actor-create',
    summary: `create actor ${a.name.trim()} (${a.kind})`,
    actorId,
    apply: (s) => ({
      ...s,
      actors: [...s.actors, { id: actorId, name: a.name.trim(), aliases: a.aliases ?? [], kind: a.kind, role: a.role ?? null, affiliation: a.affiliation ?? null, country: a.country ?? null, profile: '', alignment: null }],
    }),
  };
}

export function mergeActors(view: StudyView, from: string, into: string): Edit {
  const a = actorName(view, from);
  const b = actorName(view, into);
  if (from === into) throw new StudyEditError('an actor cannot be merged into itself');
  const moved = view.corpus.quotes.filter((r) => r.quote.speaker === from).length;
  return {
    op: 'actor-merge',
    summary: `merge ${a} into ${b} (${count(moved, 'quote')} moved)`,
    apply: (s, stamp) => ({ ...s, actorMerges: [...s.actorMerges, { id: `merge:${from}:${into}`, from, into, ...stamp }].filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i) }),
  };
}

/** Sets (or with null clears) an actor's alignment, as the analyst's judgement with its reason. */
export function setAlignment(view: StudyView, actor: string, alignment: { label: string; reason: string } | null): Edit {
  const name = actorName(view, actor);
  if (alignment && (!alignment.label.trim() || !alignment.reason.trim())) throw new StudyEditError('an alignment needs a label and the reason for it');
  const value = alignment ? { label: alignment.label.trim(), inferred: false, reason: alignment.reason.trim() } : null;
  return {
    op: 'alignment',
    summary: alignment ? `alignment of ${name}: ${value!.label}` : `clear the alignment of ${name}`,
    apply: (s, stamp) => {
      const id = `align:${actor}`;
      const edit = { id, actor, alignment: value, ...stamp };
      const at = s.actorEdits.findIndex((e) => e.id === id);
      return { ...s, actorEdits: at >= 0 ? s.actorEdits.map((e, i) => (i === at ? edit : e)) : [...s.actorEdits, edit] };
    },
  };
}

// ---------------------------------------------------------------- questions and positions

export function addQuestion(view: StudyView, question: string, id?: string): Edit & { axisId: string } {
  if (question.trim() === '') throw new StudyEditError('a question needs its text');
  const axisId = id ?? uniqueId(`x-${slug(question) || 'question'}`, (x) => view.corpus.axisById.has(x));
  if (view.corpus.axisById.has(axisId)) throw new StudyEditError(`a question "${axisId}" exists already`);
  return { op: 'question-add', summary: `add question “${clip(question)}”`, axisId, apply: (s, stamp) => ({ ...s, questions: [...s.questions, { id: axisId, question: question.trim(), ...stamp }] }) };
}

export interface PositionFields {
  narrative: string;
  axis: string;
  stance: string;
  summary: string;
  status?: 'supported' | 'contested' | 'unverified';
  statusBy?: string[];
  statusNote?: string;
  /** quote ids, strongest first: chosen from the narrative's coded quotes */
  evidence?: string[];
}

/** Sets a narrative's position on a question (replacing the one it had there). */
export function setPosition(view: StudyView, p: PositionFields): Edit {
  const label = narrativeLabel(view, p.narrative);
  const axis = view.corpus.axisById.get(p.axis);
  if (!axis) throw new StudyEditError(`no question "${p.axis}"${known(view.corpus.axes.map((x) => x.id))}`);
  if (!p.stance.trim() || !p.summary.trim()) throw new StudyEditError('a position needs a stance (a short answer that agreeing narratives share) and a summary');
  for (const a of p.statusBy ?? []) actorName(view, a);
  if ((p.statusBy?.length || p.statusNote) && (p.status ?? 'supported') === 'supported') throw new StudyEditError('who contests it or cannot verify it goes with status contested or unverified');
  const evidence = (p.evidence ?? []).map((q) => {
    const r = quoteRef(view, q);
    if (!r.quote.narratives.includes(p.narrative)) throw new StudyEditError(`quote ${q} is not coded to “${label}”: evidence comes from the narrative's coded quotes (code it first)`);
    return quoteAnchor(r.article, r.quote);
  });
  return {
    op: 'position-set',
    summary: `position of “${clip(label, 30)}” on “${clip(axis.question, 40)}”: ${p.stance}${p.status && p.status !== 'supported' ? ` (${p.status})` : ''}`,
    apply: (s, stamp) => {
      const existing = s.positions.find((x) => x.narrative === p.narrative && x.axis === p.axis);
      const sourceId = view.sources.positions.find((x) => x.narrative === p.narrative && x.axis === p.axis)?.id;
      const id = existing?.id ?? sourceId ?? `p-${shortHash(p.narrative, p.axis)}`;
      const next: StudyPosition = {
        id,
        narrative: p.narrative,
        axis: p.axis,
        stance: p.stance.trim(),
        summary: p.summary.trim(),
        status: p.status ?? 'supported',
        statusBy: p.statusBy ?? [],
        ...(p.statusNote ? { statusNote: p.statusNote } : {}),
        evidence,
        ...stamp,
      };
      return { ...s, positions: existing ? s.positions.map((x) => (x === existing ? next : x)) : [...s.positions, next] };
    },
  };
}

export function removePosition(view: StudyView, narrative: string, axis: string): Edit {
  const own = view.study.positions.find((x) => x.narrative === narrative && x.axis === axis);
  if (!own) throw new StudyEditError(`the study sets no position of "${narrative}" on "${axis}"`);
  return { op: 'position-remove', summary: `remove the position of “${clip(narrativeLabel(view, narrative), 30)}” on ${axis}`, apply: (s) => ({ ...s, positions: s.positions.filter((x) => x !== own && x.id !== own.id) }) };
}

// ---------------------------------------------------------------- the study as a whole

/** Tags the whole study with DISARM techniques and marks threat actors (for the STIX export). */
export function setStudyTags(view: StudyView, t: { techniques?: string[]; threatActors?: string[] }): Edit {
  checkTechniqueIds(t.techniques ?? []);
  for (const a of t.threatActors ?? []) actorName(view, a);
  const what = [t.techniques ? `techniques ${t.techniques.join(', ') || '(none)'}` : '', t.threatActors ? `threat actors ${t.threatActors.join(', ') || '(none)'}` : ''].filter(Boolean);
  if (what.length === 0) throw new StudyEditError('nothing to change: give techniques or threat actors');
  return {
    op: 'study-tags',
    summary: `study ${what.join('; ')}`,
    apply: (s) => ({ ...s, ...(t.techniques ? { techniques: setTags(s.techniques, t.techniques) } : {}), ...(t.threatActors ? { threatActors: t.threatActors } : {}) }),
  };
}
