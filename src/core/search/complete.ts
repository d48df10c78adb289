/**
 * Completion of the query being typed: the filter's name (`ki` → `kind:`) or its value, taken
 * from the corpus (`kind:d` → `kind:direct`, `outlet:jaz` → `outlet:"Al Jazeera"`, `date:2026-01`
 * → the dates on which quotes fall, `article:`, `speaker:`, `narrative:`). Only the last word is
 * completed: the cursor of a search box is at its end. Pure; the dashboard's search box shows the
 * candidates and Tab takes them in turn.
 */
import type { Corpus } from '../corpus/corpus.js';
import { actorsInOrder } from '../corpus/corpus.js';
import { actorNames, narrativeNames, rankByName } from './names.js';
import { fold, KINDS, QUALIFIERS, type QualifierField } from './query.js';
import { quoteDate } from './sort.js';

/** What the last word of a query is, for completion: a filter's name being typed, or a filter's value. */
export interface CompletionTarget {
  /** where the word starts in the query */
  start: number;
  /** the word as typed */
  word: string;
  /** the filter whose value is typed; undefined: the filter's name is */
  field?: QualifierField;
  /** what the word keeps in front of the completed part: `!`, `kind:`, `!speaker:^` */
  lead: string;
  /** the value (or name) typed so far, without quotes */
  typed: string;
}

export interface Completion {
  target: CompletionTarget;
  /** whole words that may replace the target's word, best first (at most MAX_CANDIDATES) */
  candidates: string[];
}

export const MAX_CANDIDATES = 50;

const QUALIFIED = /^(!?)([a-z]+):(!?[\^='"]?)(.*)$/i;
const NAME = /^(!?)([a-z]+)$/i;

/**
 * The last word of the query when it can be completed: `field:value` for a known field (the
 * value may be empty or half-quoted), or the start of a field's name. Undefined otherwise (a
 * plain word, a query ending with a space, an unknown field).
 */
export function completionTarget(query: string): CompletionTarget | undefined {
  if (!query || /\s$/.test(query)) return undefined;
  const start = lastWordStart(query);
  const word = query.slice(start);
  const q = QUALIFIED.exec(word);
  if (q) {
    const field = q[2]!.toLowerCase() as QualifierField;
    if (!QUALIFIERS.includes(field)) return undefined;
    const typed = q[4]!.replace(/"$/, '');
    const lead = `${q[1]}${q[2]}:${q[3]!.replace('"', '')}`;
    return { start, word, field, lead, typed };
  }
  const n = NAME.exec(word);
  if (n && QUALIFIERS.some((f) => f.startsWith(n[2]!.toLowerCase()))) return { start, word, lead: n[1]!, typed: n[2]! };
  return undefined;
}

/** Where the last word begins; a double-quoted run (closed or not) is part of its word. */
function lastWordStart(query: string): number {
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i]!;
    if (ch === '"' || ch === '\u201C' || ch === '\u201D' || ch === '\u201E') inQuote = !inQuote;
    else if (!inQuote && /\s/.test(ch)) start = i + 1;
  }
  return start;
}

/** The distinct values of the corpus a filter's value is completed from, gathered once per corpus. */
interface Values {
  dates: string[];
  outlets: string[];
  titles: string[];
}
const gathered = new WeakMap<Corpus, Values>();
function valuesOf(corpus: Corpus): Values {
  let v = gathered.get(corpus);
  if (!v) {
    const dates = new Set<string>();
    for (const ref of corpus.quotes) {
      const d = quoteDate(ref);
      if (d) dates.add(d);
    }
    const outlets = new Set<string>();
    for (const a of corpus.articles) if (a.outlet) outlets.add(a.outlet);
    v = { dates: [...dates].sort(), outlets: [...outlets].sort((a, b) => a.localeCompare(b)), titles: corpus.articles.map((a) => a.title) };
    gathered.set(corpus, v);
  }
  return v;
}

/** Values holding what was typed: those starting with it first, then the others (each in their order). */
function holding(values: readonly string[], typed: string): string[] {
  const t = fold(typed);
  const starts: string[] = [];
  const inside: string[] = [];
  for (const v of values) {
    const f = fold(v);
    if (f.startsWith(t)) starts.push(v);
    else if (f.includes(t)) inside.push(v);
  }
  return [...starts, ...inside];
}

/** A value as it is typed in a query: quoted when it holds a space or a character the syntax reads. */
function asValue(v: string): string {
  return /^[^\s"|!'^=$]+$/.test(v) ? v : `"${v}"`;
}

/** The values a field may take that fit what was typed, best first. */
function valuesFor(corpus: Corpus, field: QualifierField, typed: string): string[] {
  switch (field) {
    case 'kind':
      return KINDS.filter((k) => k.startsWith(fold(typed)));
    case 'date':
      return valuesOf(corpus).dates.filter((d) => d.startsWith(typed));
    case 'outlet':
      return holding(valuesOf(corpus).outlets, typed);
    case 'article':
      return holding(valuesOf(corpus).titles, typed);
    case 'speaker':
      // the names as `--actor` ranks them (typos forgiven); with nothing typed, the most quoted first
      return typed.trim() ? rankByName(corpus.actors, typed, actorNames).map((m) => m.item.name) : actorsInOrder(corpus).actors.map((a) => a.name);
    case 'narrative':
      return typed.trim() ? rankByName(corpus.narratives, typed, narrativeNames).map((m) => m.item.label) : corpus.narratives.map((n) => n.label);
  }
}

/**
 * The completions of the query's last word; undefined when that word is not a filter's name or
 * value being typed. Candidates are whole words (`kind:direct`, `!speaker:"Nikita Smagin"`);
 * a value holding a double quote cannot be written in the syntax and is left out.
 */
export function completeQuery(corpus: Corpus, query: string): Completion | undefined {
  const target = completionTarget(query);
  if (!target) return undefined;
  let candidates: string[];
  if (target.field === undefined) {
    const typed = target.typed.toLowerCase();
    candidates = QUALIFIERS.filter((f) => f.startsWith(typed)).map((f) => `${target.lead}${f}:`); // fewer than MAX_CANDIDATES
  } else {
    const values = [...new Set(valuesFor(corpus, target.field, target.typed))].filter((v) => !v.includes('"'));
    // an operator typed before the value (^ = ') stays; a quote opened by the user is the value's own
    const lead = target.lead;
    candidates = values.slice(0, MAX_CANDIDATES).map((v) => `${lead}${/['^=]$/.test(lead) ? (/\s/.test(v) ? `"${v}"` : v) : asValue(v)}`);
  }
  return { target, candidates };
}

/** The query with its last word replaced by a candidate. */
export function applyCompletion(query: string, completion: Completion, candidate: string): string {
  return query.slice(0, completion.target.start) + candidate;
}
