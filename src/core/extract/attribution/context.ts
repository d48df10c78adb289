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
  readonly cache: Map<string, ActorRec | null>;
  readonly timesCache: Map<number, TimeExpr[]>;
  readonly verbCache: Map<string, NP | null>;
  readonly segsCache: Map<number, Seg[]>;
  readonly firstVerbCache: Map<string, number>;
  readonly accordingCache: Map<string, Found | null>;
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
