/**
 * The dashboard's editing flows: what to ask, in which order, and which edit of the core
 * (core/study/edits.ts, through the StudySession) the answers make. Never a second
 * implementation of an edit: a flow only collects arguments.
 *
 * A flow is a pure script: given the study's view, what it is about (the selected quote, actor,
 * narrative, cell) and the answers so far, it returns the next step — a question (a text
 * prompt, a fuzzy picker, a confirmation) or the edits to run. The dialog keeps the answers and
 * asks the script again after each one, so each flow reads top to bottom.
 */
import type { Corpus } from '../../core/corpus/corpus.js';
import type { ActorKind, QuoteKind } from '../../core/corpus/schema.js';
import type { Edit, MemoOn, StudyView } from '../../core/study/index.js';
import { studyCore } from './core.js';
import { count } from '../../core/count.js';
import type { PickItem } from '../components/picker/state.js';

/** What a flow is about: taken from the selection when the flow starts. */
export interface FlowTarget {
  quote?: string;
  /** several quotes (every result of the current search) */
  quotes?: string[];
  actor?: string;
  narrative?: string;
  /** a question (an axis of the comparison) */
  axis?: string;
  article?: string;
  /** the search the quotes came from, for the confirmation */
  query?: string;
}

export type Answer = string | string[];

/** One edit to run through the session; `make` is called with the view current when it runs. */
export interface EditRequest {
  kind: 'edit';
  make: (view: StudyView) => Edit;
}
export type Effect = EditRequest | { kind: 'undo' } | { kind: 'redo' };

export type Ask =
  | { ask: 'text'; title: string; about: string[]; initial?: string; placeholder?: string; optional?: boolean }
  | { ask: 'pick'; title: string; about: string[]; items: PickItem[]; multi?: boolean; empty?: string; optional?: boolean }
  | { ask: 'confirm'; title: string; about: string[] };

export type Step =
  | Ask
  /** run these edits; `stay`: keep the picker open for the next (suggestions), without the item just taken */
  | { done: EditRequest[]; stay?: boolean }
  | { fail: string };

export interface FlowContext {
  view: StudyView;
  target: FlowTarget;
}

const edit = (make: (view: StudyView) => Edit): EditRequest => ({ kind: 'edit', make });
const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const one = (a: Answer | undefined): string => (Array.isArray(a) ? (a[0] ?? '') : (a ?? ''));
const many = (a: Answer | undefined): string[] => (Array.isArray(a) ? a : a ? [a] : []);
/** Key terms as typed: comma-separated. */
export const splitTerms = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

function quoteAbout(corpus: Corpus, id: string | undefined): string[] {
  const ref = id ? corpus.quoteById.get(id) : undefined;
  if (!ref) return [];
  const who = ref.quote.speaker ? (corpus.actorById.get(ref.quote.speaker)?.name ?? ref.quote.speaker) : 'no speaker';
  return [`“${clip(ref.quote.text)}”`, `${who} · ${ref.quote.kind} · ${ref.article.title}`];
}

function narrativeItems(corpus: Corpus, skip: (id: string) => boolean = () => false): PickItem[] {
  return corpus.narratives.filter((n) => !skip(n.id)).map((n) => ({ id: n.id, label: n.label, detail: n.id }));
}

function actorItems(corpus: Corpus, skip: (id: string) => boolean = () => false): PickItem[] {
  return corpus.actors.filter((a) => !skip(a.id)).map((a) => ({ id: a.id, label: a.name, detail: [a.role, a.affiliation].filter(Boolean).join(', ') || a.kind }));
}

const QUOTE_KINDS: PickItem[] = [
  { id: 'direct', label: 'direct', detail: 'in quotation marks, said by its speaker' },
  { id: 'indirect', label: 'indirect', detail: 'reported speech' },
  { id: 'term', label: 'term', detail: 'a scare-quoted term nobody is quoted as saying' },
];
const ACTOR_KINDS: PickItem[] = ['person', 'organisation', 'state', 'outlet', 'group'].map((k) => ({ id: k, label: k }));
const STATUSES: PickItem[] = [
  { id: 'supported', label: 'supported', detail: 'the narrative holds it; nobody here disputes it' },
  { id: 'contested', label: 'contested', detail: 'someone disputes it' },
  { id: 'unverified', label: 'unverified', detail: 'it cannot be checked (e.g. a death toll)' },
];
const NEW_ACTOR = '+new';

/** The scripts, one per flow. `a` holds the answers so far, in order. */
export const FLOWS = {
  // ---- narratives ----
  'narrative-new': ({ view }, a) => {
    if (a.length === 0) return { ask: 'text', title: 'New narrative: its label', about: [], placeholder: 'e.g. Western-orchestrated colour revolution' };
    if (a.length === 1) return { ask: 'text', title: 'Its summary (optional)', about: [one(a[0])], optional: true };
    if (a.length === 2) return { ask: 'text', title: 'Key terms, separated by commas (optional)', about: [one(a[0])], optional: true };
    return { done: [edit((v) => studyCore().createNarrative(v, { label: one(a[0]), summary: one(a[1]), keyTerms: splitTerms(one(a[2])) }))] };
  },
  'narrative-rename': ({ view, target }, a) => {
    const n = view.corpus.narrativeById.get(target.narrative ?? '');
    if (!n) return { fail: 'no narrative is selected' };
    if (a.length === 0) return { ask: 'text', title: 'Rename the narrative', about: [n.label], initial: n.label };
    return { done: [edit((v) => studyCore().updateNarrative(v, n.id, { label: one(a[0]) }))] };
  },
  'narrative-edit': ({ view, target }, a) => {
    const n = view.corpus.narrativeById.get(target.narrative ?? '');
    if (!n) return { fail: 'no narrative is selected' };
    const own = view.study.narratives.find((x) => x.id === n.id);
    if (a.length === 0) return { ask: 'text', title: 'Summary', about: [n.label], initial: own ? own.summary : n.summary, optional: true };
    if (a.length === 1) return { ask: 'text', title: 'Key terms, separated by commas', about: [n.label], initial: n.keyTerms.join(', '), optional: true };
    return { done: [edit((v) => studyCore().updateNarrative(v, n.id, { summary: one(a[0]), keyTerms: splitTerms(one(a[1])) }))] };
  },
  'narrative-delete': ({ view, target }, a) => {
    const n = view.corpus.narrativeById.get(target.narrative ?? '');
    if (!n) return { fail: 'no narrative is selected' };
    const make = (v: StudyView) => studyCore().deleteNarrative(v, n.id);
    if (a.length === 0) return { ask: 'confirm', title: 'Delete this narrative?', about: [make(view).summary, 'u undoes it'] };
    return { done: [edit(make)] };
  },

  // ---- coding ----
  code: ({ view, target }, a) => {
    const ref = view.corpus.quoteById.get(target.quote ?? '');
    if (!ref) return { fail: 'no quote is selected' };
    if (a.length === 0) {
      const items = narrativeItems(view.corpus, (id) => ref.quote.narratives.includes(id));
      if (items.length === 0) return { fail: view.corpus.narratives.length ? 'this quote is coded to every narrative already' : 'the study has no narratives yet: make one in the Narratives pane (3, then a)' };
      return { ask: 'pick', title: 'Code the quote to which narrative?', about: quoteAbout(view.corpus, ref.quote.id), items };
    }
    return { done: [edit((v) => studyCore().codeQuotes(v, one(a[0]), [ref.quote.id]))] };
  },
  uncode: ({ view, target }, a) => {
    const ref = view.corpus.quoteById.get(target.quote ?? '');
    if (!ref) return { fail: 'no quote is selected' };
    const coded = [...(view.codedByStudy.get(ref.quote.id) ?? [])];
    if (coded.length === 0) return { fail: ref.quote.narratives.length ? 'this quote is coded in the sources, not by the study: a study never changes its sources' : 'this quote is not coded to any narrative' };
    if (a.length === 0) return { ask: 'pick', title: 'Take the quote off which narrative?', about: quoteAbout(view.corpus, ref.quote.id), items: coded.map((id) => ({ id, label: view.corpus.narrativeById.get(id)?.label ?? id, detail: id })) };
    return { done: [edit((v) => studyCore().uncodeQuotes(v, one(a[0]), [ref.quote.id]))] };
  },
  'code-all': ({ view, target }, a) => {
    const ids = target.quotes ?? [];
    if (ids.length === 0) return { fail: 'no quotes to code: search first (/), then A codes every result' };
    if (a.length === 0) {
      if (view.corpus.narratives.length === 0) return { fail: 'the study has no narratives yet: make one in the Narratives pane (3, then a)' };
      return { ask: 'pick', title: `Code ${ids.length === 1 ? 'the' : 'all'} ${count(ids.length, 'result')} to which narrative?`, about: [target.query ? `search: ${target.query}` : 'every quote'], items: narrativeItems(view.corpus) };
    }
    const make = (v: StudyView) => studyCore().codeQuotes(v, one(a[0]), ids);
    if (a.length === 1) {
      const plan = make(view);
      const label = view.corpus.narrativeById.get(one(a[0]))?.label ?? one(a[0]);
      if (plan.coded.length === 0) return { fail: `${ids.length === 1 ? 'the 1 result is' : `all ${ids.length} are`} coded to “${label}” already` };
      return {
        ask: 'confirm',
        title: `Code ${count(plan.coded.length, 'quote')} to “${clip(label, 40)}”?`,
        about: [`${plan.coded.length} of the ${count(ids.length, 'result')}${target.query ? ` of “${target.query}”` : ''} will be coded${plan.already.length ? `; ${plan.already.length} ${plan.already.length === 1 ? 'is' : 'are'} already` : ''}`, 'one edit: u undoes all of it'],
      };
    }
    return { done: [edit(make)] };
  },

  suggest: ({ view, target }, a) => {
    const n = view.corpus.narrativeById.get(target.narrative ?? '');
    if (!n) return { fail: 'no narrative is selected' };
    if (a.length === 0) {
      const items = studyCore().suggestQuotes(view, n.id, 50).map((s) => ({
        id: s.ref.quote.id,
        label: `${Math.round(s.score * 100)}%  ${s.ref.quote.text}`,
        detail: `${s.ref.quote.speaker ? (view.corpus.actorById.get(s.ref.quote.speaker)?.name ?? '') : 'term'} · shares: ${s.shared.slice(0, 4).join(', ')}`,
      }));
      if (items.length === 0) return { fail: `no suggestions for “${n.label}”: code a quote to it or give it key terms (e) first` };
      return { ask: 'pick', title: `Suggested for “${clip(n.label, 40)}”: enter codes one, esc when done`, about: ['uncoded quotes most like its coded quotes and key terms, closest first'], items };
    }
    return { done: [edit((v) => studyCore().codeQuotes(v, n.id, [one(a[0])]))], stay: true };
  },

  // ---- memos ----
  memo: ({ view, target }, a) => {
    let on: MemoOn | undefined;
    let about: string[] = [];
    if (target.axis && target.narrative) {
      const p = view.corpus.positions.find((x) => x.narrative === target.narrative && x.axis === target.axis);
      if (!p) return { fail: 'this narrative takes no position on this question yet: set one first (e)' };
      on = { position: p.id };
      about = [`position of “${view.corpus.narrativeById.get(p.narrative)?.label ?? p.narrative}”: ${p.stance}`];
    } else if (target.quote) {
      on = { quote: target.quote };
      about = quoteAbout(view.corpus, target.quote);
    } else if (target.actor) {
      on = { actor: target.actor };
      about = [view.corpus.actorById.get(target.actor)?.name ?? target.actor];
    } else if (target.narrative) {
      on = { narrative: target.narrative };
      about = [view.corpus.narrativeById.get(target.narrative)?.label ?? target.narrative];
    }
    if (!on) return { fail: 'nothing selected to write a memo on' };
    if (a.length === 0) return { ask: 'text', title: 'Memo', about, placeholder: 'a note for yourself or a colleague' };
    const memoOn = on;
    return { done: [edit((v) => studyCore().addMemo(v, memoOn, one(a[0])))] };
  },

  // ---- corrections ----
  speaker: ({ view, target }, a) => {
    const ref = view.corpus.quoteById.get(target.quote ?? '');
    if (!ref) return { fail: 'no quote is selected' };
    const about = quoteAbout(view.corpus, ref.quote.id);
    if (a.length === 0) {
      const items = [{ id: NEW_ACTOR, label: '+ a new actor…', pinned: true }, ...actorItems(view.corpus, (id) => id === ref.quote.speaker)];
      return { ask: 'pick', title: 'Who said it?', about, items };
    }
    if (one(a[0]) !== NEW_ACTOR) return { done: [edit((v) => studyCore().correctSpeaker(v, ref.quote.id, one(a[0])))] };
    if (a.length === 1) return { ask: 'text', title: 'The new actor: name', about };
    if (a.length === 2) return { ask: 'pick', title: `What is ${clip(one(a[1]), 40)}?`, about, items: ACTOR_KINDS };
    const spec = { name: one(a[1]), kind: one(a[2]) as ActorKind };
    const actorId = studyCore().createActor(view, spec).actorId;
    return { done: [edit((v) => studyCore().createActor(v, spec)), edit((v) => studyCore().correctSpeaker(v, ref.quote.id, actorId))] };
  },
  kind: ({ view, target }, a) => {
    const ref = view.corpus.quoteById.get(target.quote ?? '');
    if (!ref) return { fail: 'no quote is selected' };
    if (a.length === 0) return { ask: 'pick', title: `What kind of quote is it? (now: ${ref.quote.kind})`, about: quoteAbout(view.corpus, ref.quote.id), items: QUOTE_KINDS.filter((k) => k.id !== ref.quote.kind) };
    return { done: [edit((v) => studyCore().correctKind(v, ref.quote.id, one(a[0]) as QuoteKind))] };
  },
  reject: ({ view, target }, a) => {
    const ref = view.corpus.quoteById.get(target.quote ?? '');
    if (!ref) return { fail: 'no quote is selected' };
    if (a.length === 0) return { ask: 'text', title: 'Reject this quote as false: why? (optional)', about: quoteAbout(view.corpus, ref.quote.id), optional: true };
    if (a.length === 1) return { ask: 'confirm', title: 'Reject this quote?', about: [...quoteAbout(view.corpus, ref.quote.id), 'it leaves the study’s view (the source file is untouched); u undoes it'] };
    return { done: [edit((v) => studyCore().rejectQuote(v, ref.quote.id, one(a[0]) || undefined))] };
  },
  'add-quote': ({ view, target }, a) => {
    const article = view.corpus.articleById.get(target.article ?? '') ?? (view.corpus.articles.length === 1 ? view.corpus.articles[0] : undefined);
    if (!article) return { fail: 'select a quote of the article first: the new quote is looked for in its article' };
    const about = [`in: ${article.title}`];
    if (a.length === 0) return { ask: 'text', title: 'Add a missed quote: type its words as they stand in the article', about, placeholder: 'the words are found in the text; no offsets' };
    if (a.length === 1) return { ask: 'pick', title: 'What kind of quote?', about: [...about, `“${clip(one(a[0]))}”`], items: QUOTE_KINDS };
    if (a.length === 2) {
      const items = [...(one(a[1]) === 'term' ? [{ id: '', label: '(nobody: a term)', pinned: true }] : []), ...actorItems(view.corpus)];
      return { ask: 'pick', title: 'Who said it?', about: [...about, `“${clip(one(a[0]))}”`], items };
    }
    const words = one(a[0]);
    const kind = one(a[1]) as QuoteKind;
    const speaker = one(a[2]) || null;
    return { done: [edit((v) => studyCore().addQuote(v, article.id, words, { kind, speaker }))] };
  },
  review: ({ view, target }, a) => {
    const article = view.corpus.articleById.get(target.article ?? '');
    if (!article) return { fail: 'select a quote of the article first' };
    if (!article.draft) return { fail: `“${clip(article.title, 50)}” is not a draft (reviewed already)` };
    if (a.length === 0) return { ask: 'confirm', title: 'Mark this article reviewed?', about: [article.title, 'its DRAFT mark is cleared in the study (the source is untouched)'] };
    return { done: [edit((v) => studyCore().markReviewed(v, article.id))] };
  },

  // ---- actors ----
  'actor-merge': ({ view, target }, a) => {
    const actor = view.corpus.actorById.get(target.actor ?? '');
    if (!actor) return { fail: 'no actor is selected' };
    if (a.length === 0) return { ask: 'pick', title: `Merge ${clip(actor.name, 40)} into whom?`, about: ['the same person or body: aliases are joined, every quote moves'], items: actorItems(view.corpus, (id) => id === actor.id) };
    const make = (v: StudyView) => studyCore().mergeActors(v, actor.id, one(a[0]));
    if (a.length === 1) return { ask: 'confirm', title: 'Merge these actors?', about: [make(view).summary, 'u undoes it'] };
    return { done: [edit(make)] };
  },
  alignment: ({ view, target }, a) => {
    const actor = view.corpus.actorById.get(target.actor ?? '');
    if (!actor) return { fail: 'no actor is selected' };
    const about = [actor.name, actor.alignment ? `now: ${actor.alignment.label}${actor.alignment.inferred ? ' (inferred)' : ''} — ${actor.alignment.reason}` : 'no alignment yet'];
    if (a.length === 0) return { ask: 'text', title: 'Alignment (empty clears it)', about, initial: actor.alignment?.label ?? '', optional: true };
    if (one(a[0]).trim() === '') return { done: [edit((v) => studyCore().setAlignment(v, actor.id, null))] };
    if (a.length === 1) return { ask: 'text', title: 'Why? The reason, from the text', about, initial: actor.alignment && !actor.alignment.inferred ? actor.alignment.reason : '' };
    return { done: [edit((v) => studyCore().setAlignment(v, actor.id, { label: one(a[0]), reason: one(a[1]) }))] };
  },

  // ---- questions and positions ----
  question: (_ctx, a) => {
    if (a.length === 0) return { ask: 'text', title: 'A new question the narratives answer differently', about: [], placeholder: 'e.g. Who is behind the unrest?' };
    return { done: [edit((v) => studyCore().addQuestion(v, one(a[0])))] };
  },
  position: ({ view, target }, all) => {
    const n = view.corpus.narrativeById.get(target.narrative ?? '');
    if (!n) return { fail: 'select a column of the comparison (a narrative)' };
    // the question first: the selected row's, or any other (a new question has no row until a narrative answers it)
    if (all.length === 0) {
      if (view.corpus.axes.length === 0) return { fail: 'the study has no questions yet: a adds one' };
      const first = view.corpus.axisById.get(target.axis ?? '');
      const items = [...(first ? [first] : []), ...view.corpus.axes.filter((x) => x !== first)].map((x) => ({ id: x.id, label: x.question, detail: view.corpus.positions.some((p) => p.narrative === n.id && p.axis === x.id) ? 'answered' : 'no position yet' }));
      return { ask: 'pick', title: `Position of “${clip(n.label, 40)}” on which question?`, about: ['enter takes the highlighted one (the selected row)'], items };
    }
    const axis = view.corpus.axisById.get(one(all[0]))!;
    const a = all.slice(1);
    const now = view.corpus.positions.find((p) => p.narrative === n.id && p.axis === axis.id);
    const about = [`“${clip(n.label, 40)}” on: ${axis.question}`];
    if (a.length === 0) return { ask: 'text', title: 'Stance: a short answer that agreeing narratives share', about, initial: now?.stance ?? '' };
    if (a.length === 1) return { ask: 'text', title: 'Summary: the position in a sentence', about: [...about, `stance: ${one(a[0])}`], initial: now?.summary ?? '' };
    if (a.length === 2) return { ask: 'pick', title: 'Status', about: [...about, `stance: ${one(a[0])}`], items: STATUSES };
    const status = one(a[2]) as 'supported' | 'contested' | 'unverified';
    let next = 3;
    let statusBy: string[] = [];
    if (status !== 'supported') {
      if (a.length === 3) return { ask: 'pick', title: `Who says it is ${status}? (tab marks several; enter on none: nobody named)`, about, items: [{ id: '', label: '(nobody named)', pinned: true }, ...actorItems(view.corpus)], multi: true };
      statusBy = many(a[3]).filter(Boolean);
      next = 4;
    }
    const coded = view.corpus.quotes.filter((r) => r.quote.narratives.includes(n.id));
    let evidence: string[] = [];
    if (coded.length) {
      if (a.length === next) {
        return {
          ask: 'pick',
          title: 'Evidence: its coded quotes that support it (tab marks, strongest first; enter on none: no evidence)',
          about,
          items: [{ id: '', label: '(no evidence quote)', pinned: true }, ...coded.map((r) => ({ id: r.quote.id, label: r.quote.text, detail: r.quote.speaker ? (view.corpus.actorById.get(r.quote.speaker)?.name ?? '') : 'term' }))],
          multi: true,
        };
      }
      evidence = many(a[next]).filter(Boolean);
    }
    return { done: [edit((v) => studyCore().setPosition(v, { narrative: n.id, axis: axis.id, stance: one(a[0]), summary: one(a[1]), status, statusBy, evidence }))] };
  },
} satisfies Record<string, (ctx: FlowContext, answers: readonly Answer[]) => Step>;

export type FlowId = keyof typeof FLOWS;

export function flowStep(flow: FlowId, ctx: FlowContext, answers: readonly Answer[]): Step {
  return (FLOWS[flow] as (ctx: FlowContext, answers: readonly Answer[]) => Step)(ctx, answers);
}
