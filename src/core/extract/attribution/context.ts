/**
 * The one document context every attribution rule reads and writes: the analysed document, the
 * actor registry, who spoke last and who was mentioned recently (for pronouns and surnames), the
 * attributions found so far, and per-sentence caches (clause segments, the subject of a speech
 * verb, the first speech verb of a clause) so that the rules, which ask the same questions of a
 * sentence, stay linear in the text.
 */
import type { Doc } from '../doc.js';
import type { ActorRec, Registry } from '../actors.js';
import type { NP } from '../np.js';
import type { TimeExpr } from '../when.js';
import type { Sentence } from '../doc.js';

export interface QuoteAttr {
  quote: number;
  kind: 'direct' | 'term';
  speaker: ActorRec | null;
  rule: string;
  confidence: number;
  channel: string | null;
  when: TimeExpr | null;
  note?: string;
}

export interface IndirectAttr {
  /** UTF-16 span of the reported content */
  s: number;
  e: number;
  speaker: ActorRec;
  rule: string;
  confidence: number;
  channel: string | null;
  when: TimeExpr | null;
}

/** A speaker candidate found by a rule: the phrase, its speech verb and how sure the rule is. */
export interface Found {
  np: NP;
  /** item index of the speech verb, or -1 */
  v: number;
  sent: Sentence;
  rule: string;
  confidence: number;
  /** the passage is quoted from a document nobody is named as writing (document-rules.ts): nobody's */
  document?: true;
}

/** A clause segment of a sentence: [first item, end item). */
export type Seg = [number, number];

export interface Ctx {
  readonly doc: Doc;
  readonly reg: Registry;
  /** actors mentioned recently, most recent last (pronouns and descriptions resolve against it) */
  readonly recent: ActorRec[];
  /** the last speaker a quotation was given to, and the paragraph */
  last: { actor: ActorRec; para: number } | null;
  /** the last direct quotation attributed */
  lastDirect: QuoteAttr | null;
  readonly attrs: QuoteAttr[];
  readonly indirect: IndirectAttr[];
  // caches, keyed by sentence (and item or segment)
  readonly cache: Map<number | string, ActorRec | null>;
  readonly timesCache: Map<number, TimeExpr[]>;
  readonly verbCache: Map<number | string, NP | null>;
  readonly segsCache: Map<number, Seg[]>;
  readonly firstVerbCache: Map<number | string, number>;
  readonly accordingCache: Map<number | string, Found | null>;
}

/**
 * A cache key for item i of sentence s: one number when it fits (always, but in a sentence of
 * millions of words), else text. Numbers and strings never collide as Map keys; no string is made
 * per question asked (these caches are asked millions of times on a long article).
 */
export function itemKey(s: Sentence, i: number): number | string {
  return i >= 0 && i < 2 ** 23 && s.idx < 2 ** 30 ? s.idx * 2 ** 23 + i : `${s.idx}:${i}`;
}

/**
 * A cache key for a phrase's tokens: a run of consecutive tokens (nearly every phrase) as one
 * number, any other list as its text, as before.
 */
export function phraseKey(toks: readonly number[]): number | string {
  const n = toks.length;
  if (n > 0 && n < 1024 && toks[n - 1]! - toks[0]! === n - 1 && toks[0]! < 2 ** 40) {
    let run = true;
    for (let i = 1; i < n && run; i++) run = toks[i] === toks[i - 1]! + 1;
    if (run) return toks[0]! * 1024 + n;
  }
  return toks.join(',');
}

export function createContext(doc: Doc, reg: Registry): Ctx {
  return {
    doc,
    reg,
    recent: [],
    last: null,
    lastDirect: null,
    attrs: [],
    indirect: [],
    cache: new Map(),
    timesCache: new Map(),
    verbCache: new Map(),
    segsCache: new Map(),
    firstVerbCache: new Map(),
    accordingCache: new Map(),
  };
}

export const TERMINAL = new Set(['.', '!', '?', '…']);

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
