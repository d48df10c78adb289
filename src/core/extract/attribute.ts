/**
 * Who said what: attributes each quoted passage to a speaker (or classifies it as a scare-quoted
 * term), and finds indirect quotes (a speech verb with a named or collective speaker and the
 * span of what was reported). Rules, strongest first:
 *
 *   speaker-verb-quote   X said: “Q”   X told Y that … “Q”  (a speech verb just before the quote)
 *   quote-speaker-verb   “Q,” X said   “Q,” X, who …, told Y
 *   quote-verb-speaker   “Q,” said X
 *   verb-in-sentence     X said … “Q”  (the sentence's first speech verb before the quote)
 *   according-to         … “Q” …, according to X
 *   speaker-colon        X: “Q”  (headlines)
 *   continues-quote      a later passage in a sentence whose earlier passage was attributed
 *   nested               a sentence quoted inside another quotation
 *   follows-speaker      a passage standing alone after a named speaker's paragraph
 *   term                 a short passage with no speaker: a scare-quoted term
 */
import type { Doc, Sentence } from './doc.js';
import { canonical, Registry, type ActorRec } from './actors.js';
import { ORG_WORDS, CHANNEL_PLACES, PRONOUNS, SPEECH_VERBS, STOPWORDS, DETERMINERS, TOLD_AUDIENCES, WEEKDAYS, MONTHS } from './lexicon.js';
import { isFiller, isNameTok, npEndingAt, npStartingAt, npText, roleNoun, speechVerbAt, tok, type NP } from './np.js';
import { findTimes, type TimeExpr } from './when.js';

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

interface Found {
  np: NP;
  /** item index of the speech verb, or -1 */
  v: number;
  sent: Sentence;
  rule: string;
  confidence: number;
}

const TERMINAL = new Set(['.', '!', '?', '…']);
const CONJ_SPLIT = new Set(['but', 'while', 'whereas', 'yet', 'although', 'though']);
const COORD = new Set(['and', 'or', 'but', 'then', 'nor']);
const CONTENT_NOT_START = new Set(['on', 'in', 'at', 'for', 'with', 'from', 'via', 'during', 'through', 'and', 'or', 'but']);
const FRONTED = new Set(['however', 'similarly', 'meanwhile', 'still', 'but', 'and', 'yet', 'indeed', 'instead', 'likewise', 'moreover', 'nevertheless', 'nonetheless', 'so', 'thus', 'also']);
const DOCUMENT_NOUNS = new Set([
  'statement', 'survey', 'report', 'poll', 'study', 'data', 'figures', 'estimate', 'estimates', 'document', 'documents',
  'filing', 'analysis', 'tally', 'count', 'records', 'record', 'census', 'letter', 'memo', 'transcript', 'post', 'release',
]);
const SCARE_MARKERS = new Set(['so-called', 'self-styled', 'self-proclaimed', 'quote-unquote']);
const NEGATION = new Set(['not', 'never', "n't", 'declined', 'refused']);

type Seg = [number, number];

function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

export class Attributor {
  readonly recent: ActorRec[] = [];
  private last: { actor: ActorRec; para: number } | null = null;
  private readonly cache = new Map<string, ActorRec | null>();
  private lastDirect: QuoteAttr | null = null;
  private readonly timesCache = new Map<number, TimeExpr[]>();
  private readonly verbCache = new Map<string, NP | null>();
  readonly attrs: QuoteAttr[] = [];
  readonly indirect: IndirectAttr[] = [];

  constructor(
    private readonly doc: Doc,
    private readonly reg: Registry,
  ) {}

  // ---------------------------------------------------------------- discovery

  /** First pass: named people and organisations, so that later surnames resolve. */
  discover(): void {
    const { doc, reg } = this;
    for (const s of doc.sents) {
      const n = s.items.length;
      for (let i = 0; i < n; i++) {
        const t = tok(doc, s, i);
        if (!t || !isNameTok(t)) continue;
        const nx = tok(doc, s, i + 1);
        const continues =
          !t.poss &&
          (isNameTok(nx) ||
            (nx !== null && !nx.cap && ['al', 'bin', 'ibn', 'van', 'von', 'de', 'da'].includes(nx.lower) && isNameTok(tok(doc, s, i + 2))) ||
            (nx !== null && (nx.lower === 'of' || nx.lower === 'for') && ORG_WORDS.has(t.lower) && isNameTok(tok(doc, s, i + 2))));
        if (continues) continue;
        const np = npEndingAt(doc, s, i, true);
        if (!np || np.kind !== 'name') continue;
        // a sentence-initial common word is no name ("Protests erupted …")
        const firstName = doc.toks[np.name[0]!]!;
        if (s.items[0] === np.name[0] && np.name.length === 1 && (doc.lowerVocab.has(firstName.lower) || roleNoun(firstName))) continue;
        const prev = tok(doc, s, doc.itemOf[np.toks[0]!]! - 1);
        const afterName = i + 1;
        const person = np.role?.kind === 'person' || this.personAppositive(s, afterName);
        const startItem = doc.itemOf[np.toks[0]!]!;
        const before = startItem > 0 ? s.items[startItem - 1]! : null;
        const subjectPosition =
          before === null || before < 0 || [',', ';', ':', '—', 'and', 'but', 'that', 'while'].includes(doc.toks[before]!.lower);
        const speaker = subjectPosition && this.verbFollows(s, afterName);
        const words = npText(doc, np, 'name').toLowerCase();
        const orgish = /\b(?:ministry|department|office|agency|council|committee|commission|court|parliament|party|union|army|police|service|bank|institute|university|foundation|association|organi[sz]ation|embassy|government|administration|kremlin|house|news|times|post|journal|television|tv|radio|press|guard|corps|forces)\b/.test(words);
        const acronym = np.name.length === 1 && /^[A-Z]{2,6}$/.test(firstName.base);
        if (prev && (prev.lower === 'told' || prev.lower === 'tells') && !person) continue; // second pass
        if (prev && prev.lower === 'on' && !person) continue; // "wrote on Telegram"
        // "The health secretary, Margaret Ellison," — a description in apposition before the name
        let roleBefore: NP | null = null;
        if (before !== null && before >= 0 && doc.toks[before]!.t === ',' && tok(doc, s, afterName)?.t === ',') {
          const r = npEndingAt(doc, s, startItem - 2);
          if (r && r.kind === 'role' && r.role?.kind === 'person' && !r.indefinite) roleBefore = r;
        }
        if (person || speaker || orgish || acronym || roleBefore) {
          const a = reg.resolveName(np, { person: person || roleBefore !== null, speaker });
          if (a && roleBefore) {
            const t0 = doc.toks[roleBefore.toks.find((x) => !['a', 'an', 'the'].includes(doc.toks[x]!.lower))!]!;
            const t1 = doc.toks[roleBefore.toks[roleBefore.toks.length - 1]!]!;
            reg.setRole(a, doc.text.slice(t0.s, t1.e), roleBefore.role!.base, roleBefore.role!.gender);
          }
          if (a && !roleBefore) {
            const ap = this.appositiveRole(s, afterName);
            if (ap) reg.setRole(a, ap.text, ap.base, ap.gender);
          }
        } else {
          const known = reg.findByWords(npText(doc, np, 'name').toLowerCase().replace(/['’]s\b/g, '').split(/\s+/), null);
          if (known) reg.touch(known, firstName.s, doc.toks[np.name[np.name.length - 1]!]!.e - (doc.toks[np.name[np.name.length - 1]!]!.poss ? 2 : 0));
        }
      }
    }
    // "told Al Jazeera": the listener is a media outlet unless it is a known person
    for (const s of doc.sents) {
      for (let i = 0; i < s.items.length; i++) {
        const t = tok(doc, s, i);
        if (!t || (t.lower !== 'told' && t.lower !== 'tells' && t.lower !== 'telling')) continue;
        const r = npStartingAt(doc, s, i + 1);
        if (!r || r.np.kind !== 'name') continue;
        const words = npText(doc, r.np, 'name').toLowerCase().split(/\s+/);
        const known = reg.findByWords(words, null);
        if (known && known.kind === 'person') {
          reg.touch(known, doc.toks[r.np.name[0]!]!.s, doc.toks[r.np.name[r.np.name.length - 1]!]!.e);
          continue;
        }
        if (r.np.role?.kind === 'person') continue;
        reg.resolveName(r.np, { outlet: true });
      }
    }
  }

  /** ", the union’s general secretary," after a name: its text (without the article) and head. */
  private appositiveRole(s: Sentence, i: number): { text: string; base: string; gender?: 'm' | 'f' } | null {
    const { doc } = this;
    if (tok(doc, s, i)?.t !== ',') return null;
    let k = i + 1;
    const first = tok(doc, s, k);
    if (!first || first.lower === 'who' || first.lower === 'which' || /^\d/.test(first.t)) return null;
    // a clause ("…, Moscow became …") is no appositive: it opens with an article, a possessive, a role or a lower-case word
    if (first.cap && !first.poss && !roleNoun(first) && !['a', 'an', 'the'].includes(first.lower)) return null;
    if (['a', 'an', 'the'].includes(first.lower)) k++;
    let head: ReturnType<typeof roleNoun> = null;
    let end = -1;
    for (let m = k; m < s.items.length && m < k + 10; m++) {
      const t = tok(doc, s, m);
      if (!t || t.t === ',' || TERMINAL.has(t.t) || t.t === ';' || t.t === '—') break;
      if (!t.word && t.t !== '-') break;
      const r = roleNoun(t);
      if (r && r.kind === 'person' && !head) head = r;
      end = m;
    }
    if (!head || end < k) return null;
    const a = tok(doc, s, k)!;
    const b = tok(doc, s, end)!;
    return { text: doc.text.slice(a.s, b.e), base: head.base, ...(head.gender ? { gender: head.gender } : {}) };
  }

  /** ", who …" / ", a mother of two …," after a name: a person. */
  private personAppositive(s: Sentence, i: number): boolean {
    const { doc } = this;
    if (tok(doc, s, i)?.t !== ',') return false;
    const a = tok(doc, s, i + 1);
    if (!a) return false;
    if (a.lower === 'who' || a.lower === 'whose') return true;
    if (a.lower === 'a' || a.lower === 'an' || a.lower === 'the' || a.lower === 'his' || a.lower === 'her') {
      for (let k = i + 2; k < i + 8; k++) {
        const t = tok(doc, s, k);
        if (!t || t.t === ',') break;
        const r = roleNoun(t);
        if (r && r.kind === 'person') return true;
      }
    }
    return false;
  }

  /** A speech verb right after a name (allowing fillers and one appositive). */
  private verbFollows(s: Sentence, i: number): boolean {
    const { doc } = this;
    let k = i;
    while (isFiller(tok(doc, s, k))) k++;
    if (speechVerbAt(doc, s, k)) return true;
    if (tok(doc, s, k)?.t === ',') {
      const a = tok(doc, s, k + 1);
      if (!a || !(['who', 'whose', 'a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(a.lower) || roleNoun(a) || a.poss)) return false;
      for (let m = k + 1; m < s.items.length && m < k + 30; m++) {
        const t = tok(doc, s, m);
        if (!t || TERMINAL.has(t.t)) return false;
        if (speechVerbAt(doc, s, m)) {
          let j = m - 1;
          while (isFiller(tok(doc, s, j))) j--;
          return tok(doc, s, j)?.t === ',';
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- attribution

  run(): void {
    const { doc } = this;
    for (const s of doc.sents) {
      const segs = this.segments(s);
      // the sentence subject, for pronouns that follow
      const subj = this.clauseSubject(s, segs[0]!);
      if (subj && subj.kind === 'name') {
        const words = npText(doc, subj, 'name').toLowerCase().replace(/['’]s\b/g, '').split(/\s+/);
        const known = this.reg.findByWords(words, null);
        if (known && (known.kind === 'person' || known.kind === 'group')) this.pushRecent(known);
      }
      for (const seg of segs) {
        const k = this.firstVerb(s, seg);
        if (k < 0) continue;
        if (s.items.slice(seg[0], k).some((x) => x < 0)) continue; // a quotation comes first
        const np = this.subjectOf(s, k, seg);
        if (np && np.kind !== 'pronoun') {
          const a = this.resolve(np);
          if (a) this.pushRecent(a);
        }
      }
      for (let p = 0; p < s.items.length; p++) {
        const v = s.items[p]!;
        if (v >= 0) continue;
        const q = doc.quotes[-v - 1]!;
        if (q.sent !== s.idx) continue; // a multi-paragraph quote is attributed where it opens
        this.attributeQuote(q.idx, s, p, segs);
      }
      this.findIndirect(s, segs);
    }
    // nested passages, once their outer passage is attributed
    const byQuote = new Map(this.attrs.map((a) => [a.quote, a]));
    for (const q of doc.quotes) {
      if (q.depth === 0) continue;
      const outer = byQuote.get(q.parent);
      const text = doc.text.slice(q.start, q.end);
      const short = wordCount(text) <= 4 && !/[.!?]$/.test(text.trim());
      const attr: QuoteAttr = short
        ? { quote: q.idx, kind: 'term', speaker: outer?.speaker ?? null, rule: 'term-nested', confidence: 0.6, channel: null, when: null, note: 'nested' }
        : {
            quote: q.idx,
            kind: 'direct',
            speaker: outer?.speaker ?? null,
            rule: 'nested',
            confidence: 0.4,
            channel: outer?.channel ?? null,
            when: outer?.when ?? null,
            note: 'nested',
          };
      this.attrs.push(attr);
      byQuote.set(q.idx, attr);
    }
    this.attrs.sort((a, b) => doc.quotes[a.quote]!.start - doc.quotes[b.quote]!.start);
  }

  private pushRecent(a: ActorRec): void {
    a = canonical(a);
    const i = this.recent.lastIndexOf(a);
    if (i >= 0) this.recent.splice(i, 1);
    this.recent.push(a);
    if (this.recent.length > 40) this.recent.shift();
  }

  /** Clause segments: split at ";" and at ", but|while …" that opens a new clause with its own subject. */
  private readonly segsCache = new Map<number, Seg[]>();
  segments(s: Sentence): Seg[] {
    const hit = this.segsCache.get(s.idx);
    if (hit) return hit;
    const segs = this.segmentsUncached(s);
    this.segsCache.set(s.idx, segs);
    return segs;
  }

  private segmentsUncached(s: Sentence): Seg[] {
    const { doc } = this;
    const segs: Seg[] = [];
    let a = 0;
    for (let i = 0; i < s.items.length; i++) {
      const t = tok(doc, s, i);
      if (!t) continue;
      if (t.t === ';') {
        segs.push([a, i]);
        a = i + 1;
      } else if (t.t === ',') {
        const c = tok(doc, s, i + 1);
        if (c && CONJ_SPLIT.has(c.lower) && tok(doc, s, i + 2)?.lower !== 'that' && npStartingAt(doc, s, i + 2)) {
          segs.push([a, i]);
          a = i + 1;
        }
      }
    }
    segs.push([a, s.items.length]);
    return segs;
  }

  private segOf(segs: Seg[], p: number): Seg {
    if (segs.length === 1) return segs[0]!;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]![0] <= p) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo]!;
  }

  private clauseSubject(s: Sentence, seg: Seg): NP | null {
    const { doc } = this;
    let i = seg[0];
    while (i < seg[1]) {
      const t = tok(doc, s, i);
      if (t && (t.t === ',' || t.t === ';' || CONJ_SPLIT.has(t.lower) || t.lower === 'and')) i++;
      else break;
    }
    const t = tok(doc, s, i);
    if (!t) return null;
    const fronted =
      (STOPWORDS.has(t.lower) && !PRONOUNS.has(t.lower) && !DETERMINERS.has(t.lower)) ||
      WEEKDAYS.includes(t.lower) ||
      MONTHS.includes(t.lower) ||
      /^[a-z]+ly$/i.test(t.t);
    if (fronted) {
      for (let k = i + 1; k < seg[1] && k < i + 15; k++) {
        const c = tok(doc, s, k);
        if (s.items[k]! < 0) break;
        if (c?.t === ',') {
          i = k + 1;
          break;
        }
      }
    }
    const r = npStartingAt(doc, s, i);
    if (r && r.np.kind === 'role' && tok(doc, s, r.next)?.t === ',') {
      // "The mayor of Paris, Claire Dubois, …": the name in apposition
      const n2 = npStartingAt(doc, s, r.next + 1);
      if (n2 && n2.np.kind === 'name' && tok(doc, s, n2.next)?.t === ',') return n2.np;
    }
    return r?.np ?? null;
  }

  /** The subject of the speech verb at item v (cached: the same verb is asked about often). */
  private subjectOf(s: Sentence, v: number, seg: Seg): NP | null {
    const key = `${s.idx}:${v}`;
    if (this.verbCache.has(key)) return this.verbCache.get(key)!;
    const np = this.subjectOfUncached(s, v, seg);
    this.verbCache.set(key, np);
    return np;
  }

  private subjectOfUncached(s: Sentence, v: number, seg: Seg): NP | null {
    const { doc } = this;
    let j = v - 1;
    while (j >= seg[0] && isFiller(tok(doc, s, j))) j--;
    if (j < seg[0]) {
      // verb opens its clause: "Said the minister: …" or a participle
      return npStartingAt(doc, s, v + 1)?.np ?? this.clauseSubject(s, seg);
    }
    const t = tok(doc, s, j);
    if (!t) {
      // a quotation right before the verb: “…” said X
      const r = npStartingAt(doc, s, v + 1);
      return r?.np ?? null;
    }
    if (t.t === ',') {
      // appositives: "Smagin, who fled …, said", "Irina, a mother of two …, told"
      let end = j;
      for (let round = 0; round < 3; round++) {
        let c = -1;
        for (let k = end - 1; k >= seg[0] && k > end - 30; k--) {
          const x = tok(doc, s, k);
          if (!x) break;
          if (x.t === ',') {
            c = k;
            break;
          }
        }
        if (c < 0) break;
        const first = tok(doc, s, c + 1);
        const appositive =
          first &&
          (['who', 'whose', 'which', 'a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(first.lower) ||
            first.poss ||
            !first.cap ||
            roleNoun(first) !== null);
        if (!appositive) {
          // "The health secretary, Margaret Ellison, said": the name between the commas
          const named = npEndingAt(doc, s, end - 1);
          if (named && named.kind === 'name' && doc.itemOf[named.toks[0]!] === c + 1) return named;
          break;
        }
        const np = npEndingAt(doc, s, c - 1);
        if (np) {
          // "…, a mother of two from Yekaterinburg, a city …, told": a name inside the previous
          // appositive (after a preposition) is not the subject; look one comma further back
          const b = tok(doc, s, doc.itemOf[np.toks[0]!]! - 1);
          if (!(b && b.word && !b.cap && !COORD.has(b.lower))) return np;
        }
        end = c;
      }
      if (/ing$/.test(doc.toks[s.items[v]!]!.lower)) {
        // "“…,” he said, adding that …": the participle shares the subject of the verb before it
        for (let k = j - 1; k >= seg[0] && k > j - 12; k--) if (speechVerbAt(doc, s, k)) return this.subjectOf(s, k, seg);
        return this.clauseSubject(s, seg);
      }
      if (j - 1 >= seg[0] && s.items[j - 1]! < 0) return npStartingAt(doc, s, v + 1)?.np ?? null; // “…,” said X
      return null;
    }
    if (COORD.has(t.lower)) return this.clauseSubject(s, seg);
    if (t.lower === 'who') {
      let k = j - 1;
      if (tok(doc, s, k)?.t === ',') k--;
      return npEndingAt(doc, s, k);
    }
    if (t.lower === 'as' && this.quotedAs(s, v, seg) >= 0) return this.clauseSubject(s, seg); // "X was quoted … as saying"
    if (t.lower === 'that' || t.lower === 'which' || t.lower === 'to') return null;
    if (t.t === ')') {
      // "The Economic Community of West African States (ECOWAS) had threatened"
      for (let k = j - 1; k >= seg[0] && k > j - 8; k--) {
        const x = tok(doc, s, k);
        if (!x) break;
        if (x.t === '(') return npEndingAt(doc, s, k - 1);
      }
      return null;
    }
    return this.coordinated(s, npEndingAt(doc, s, j), seg);
  }

  /** "Iran, Russia and China said": names joined by commas and "and", opening their clause. */
  private coordinated(s: Sentence, np: NP | null, seg: Seg): NP | null {
    const { doc } = this;
    if (!np || np.kind !== 'name') return np;
    const members: NP[] = [np];
    let start = doc.itemOf[np.toks[0]!]!;
    let sawAnd = false;
    for (let n = 0; n < 6; n++) {
      const sep = tok(doc, s, start - 1);
      if (!sep || !(sep.lower === 'and' || sep.t === ',')) break;
      let k = start - 2;
      if (sep.lower === 'and' && tok(doc, s, k)?.t === ',') k--; // Oxford comma
      const prev = npEndingAt(doc, s, k);
      if (!prev || prev.kind !== 'name' || prev.toks.length > 6) break;
      if (sep.lower === 'and') sawAnd = true;
      else if (!sawAnd) break; // "X, Y said" is an appositive, not a list
      members.unshift(prev);
      start = doc.itemOf[prev.toks[0]!]!;
    }
    if (members.length < 2 || !sawAnd) return np;
    // the list must open its clause ("… visited Moscow and Putin said" is no list)
    const before = tok(doc, s, start - 1);
    const opens = start <= seg[0] || s.items[start - 1]! < 0 || (before !== null && [',', ';', ':', '—', 'that', 'but', 'while'].includes(before.lower));
    if (!opens) return np;
    const toks = s.items.slice(start, doc.itemOf[np.toks[np.toks.length - 1]!]! + 1).filter((x) => x >= 0);
    return { kind: 'name', toks, name: toks, desc: [], indefinite: false, coord: members };
  }

  /** "was quoted by the state news agency TASS as saying": the item of "quoted", or -1. */
  private quotedAs(s: Sentence, v: number, seg: Seg): number {
    const { doc } = this;
    if (tok(doc, s, v - 1)?.lower !== 'as') return -1;
    for (let k = v - 2; k >= seg[0] && k >= v - 12; k--) {
      const x = tok(doc, s, k);
      if (!x) return -1;
      if (x.lower === 'quoted' || x.lower === 'cited') return k;
    }
    return -1;
  }

  /** Turns a phrase into an actor (cached per phrase so both passes agree). */
  private resolve(np: NP): ActorRec | null {
    const key = np.toks.join(',');
    if (this.cache.has(key)) return this.cache.get(key)!;
    let a: ActorRec | null = null;
    if (np.coord) {
      for (const m of np.coord) this.reg.resolveName(m, { speaker: true });
      const first = this.doc.toks[np.toks[0]!]!;
      const last = this.doc.toks[np.toks[np.toks.length - 1]!]!;
      a = this.reg.resolveGroup(this.doc.text.slice(first.s, last.e), first.s, last.e, first.para);
    } else if (np.kind === 'pronoun') a = this.resolvePronoun(np.pronoun!);
    else if (np.kind === 'name') a = this.reg.resolveName(np, { speaker: true });
    else a = this.reg.resolveRole(np, this.recent);
    if (a) a = canonical(a);
    this.cache.set(key, a);
    return a;
  }

  private resolvePronoun(p: string): ActorRec | null {
    const info = PRONOUNS.get(p);
    if (!info) return null;
    for (let i = this.recent.length - 1, n = 0; i >= 0 && n < 12; i--, n++) {
      const a = canonical(this.recent[i]!);
      if (info.kind === 'person') {
        if (a.kind !== 'person') continue;
        if (a.gender && info.gender && a.gender !== info.gender) continue;
        if (!a.gender && info.gender) a.gender = info.gender;
        return a;
      }
      if (info.kind === 'group' && a.kind !== 'person') return a;
      if (info.kind === 'thing' && (a.kind === 'organisation' || a.kind === 'outlet' || a.kind === 'state')) return a;
    }
    return null;
  }

  private accept(f: Found, para: number): ActorRec | null {
    const a = this.resolve(f.np);
    if (!a) return null;
    a.speakerParas.add(para);
    this.pushRecent(a);
    this.last = { actor: a, para };
    return a;
  }

  private attributeQuote(qi: number, s: Sentence, p: number, segs: Seg[]): void {
    const { doc } = this;
    const q = doc.quotes[qi]!;
    const seg = this.segOf(segs, p);
    const closeSent = doc.sents[q.lastSent]!;
    const p2 = q.lastSent === s.idx ? p : q.lastItem;
    const candidates: Array<() => Found | null> = [
      () => this.adjacentPre(s, p, seg),
      () => this.postTail(closeSent, p2),
      () => this.leftmostPre(s, p, seg),
      () => this.accordingTo(s, seg),
    ];
    const before = tok(doc, s, p - 1);
    if (before && SCARE_MARKERS.has(before.lower)) {
      this.attrs.push({ quote: qi, kind: 'term', speaker: null, rule: 'term-so-called', confidence: 0.85, channel: null, when: null });
      return;
    }
    for (const c of candidates) {
      const f = c();
      if (!f) continue;
      const a = this.accept(f, q.para);
      if (!a) continue;
      let conf = f.confidence;
      let rule = f.rule;
      if (f.np.kind === 'pronoun') {
        conf -= 0.1;
        rule += ':pronoun';
      } else if (f.np.kind === 'role') {
        conf -= 0.1;
        rule += ':description';
      }
      if ((f.rule === 'quote-speaker-verb' || f.rule === 'quote-verb-speaker') && q.lastSent === s.idx) this.mixedQuote(s, p, seg, a, f);
      const attr: QuoteAttr = {
        quote: qi,
        kind: 'direct',
        speaker: a,
        rule,
        confidence: Math.round(conf * 100) / 100,
        channel: f.v >= 0 ? this.channelAt(f.sent, f.v) : null,
        when: this.timeNear(f.sent, f.v >= 0 ? f.v : p),
      };
      this.attrs.push(attr);
      this.lastDirect = attr;
      return;
    }
    // an earlier passage of this sentence was attributed: "A," she said, "B."
    const prevInSentence = this.lastDirect && doc.quotes[this.lastDirect.quote]!.sent === s.idx ? this.lastDirect : undefined;
    const text = doc.text.slice(q.start, q.end);
    const words = wordCount(text);
    const alone = s.items.length <= 4 && s.items.every((it) => it < 0 || TERMINAL.has(doc.toks[it]!.t) || doc.toks[it]!.t === ',');
    if (prevInSentence && words > 2) {
      this.attrs.push({ ...prevInSentence, quote: qi, rule: 'continues-quote', confidence: 0.7 });
      return;
    }
    if (words <= 4 && !alone) {
      this.attrs.push({ quote: qi, kind: 'term', speaker: null, rule: 'term', confidence: 0.7, channel: null, when: null });
      return;
    }
    if (this.last && q.para - this.last.para <= 2) {
      const conf = q.para - this.last.para <= 1 ? 0.6 : 0.45;
      this.last.actor.speakerParas.add(q.para);
      this.attrs.push({ quote: qi, kind: 'direct', speaker: canonical(this.last.actor), rule: 'follows-speaker', confidence: conf, channel: null, when: null });
      return;
    }
    this.attrs.push({ quote: qi, kind: 'direct', speaker: null, rule: 'unattributed', confidence: 0.1, channel: null, when: null });
  }

  /** X said: “Q” — a speech verb within a few words before the quotation. */
  private adjacentPre(s: Sentence, p: number, seg: Seg): Found | null {
    const { doc } = this;
    for (let k = p - 1, dist = 0; k >= seg[0] && dist <= 8; k--, dist++) {
      const t = tok(doc, s, k);
      if (t && TERMINAL.has(t.t)) break;
      if (t && speechVerbAt(doc, s, k)) {
        const np = this.subjectOf(s, k, seg);
        if (np) return { np, v: k, sent: s, rule: 'speaker-verb-quote', confidence: 0.9 };
        break;
      }
    }
    const colon = tok(doc, s, p - 1);
    if (colon?.t === ':') {
      const np = npEndingAt(doc, s, p - 2);
      if (np && np.kind !== 'pronoun') return { np, v: -1, sent: s, rule: 'speaker-colon', confidence: 0.75 };
    }
    return null;
  }

  /** “Q,” X said / “Q,” said X / “Q,” X, who …, told Y / “Q,” according to X. */
  private postTail(s: Sentence, p: number): Found | null {
    const { doc } = this;
    let i = p + 1;
    for (let n = 0; n < 2 && ['.', ',', '—', '–', '-'].includes(tok(doc, s, i)?.t ?? ''); n++) {
      if (tok(doc, s, i)?.t === '.') return null;
      i++;
    }
    const t = tok(doc, s, i);
    if (!t) return null;
    if (speechVerbAt(doc, s, i)) {
      const r = npStartingAt(doc, s, i + 1);
      if (r) return { np: r.np, v: i, sent: s, rule: 'quote-verb-speaker', confidence: 0.9 };
      return null;
    }
    if (t.lower === 'according' && tok(doc, s, i + 1)?.lower === 'to') {
      const r = this.accordingSource(s, i + 2);
      if (r) return { np: r.np, v: -1, sent: s, rule: 'according-to', confidence: 0.85 };
      return null;
    }
    const r = npStartingAt(doc, s, i);
    if (!r) return null;
    let k = r.next;
    if (tok(doc, s, k)?.t === ',') {
      for (let m = k + 1; m < s.items.length && m < k + 30; m++) {
        const x = tok(doc, s, m);
        if (!x || TERMINAL.has(x.t)) break;
        if (speechVerbAt(doc, s, m)) {
          let j = m - 1;
          while (isFiller(tok(doc, s, j))) j--;
          if (tok(doc, s, j)?.t === ',') k = m;
          break;
        }
      }
    }
    while (isFiller(tok(doc, s, k))) k++;
    if (speechVerbAt(doc, s, k)) return { np: r.np, v: k, sent: s, rule: 'quote-speaker-verb', confidence: 0.9 };
    return null;
  }

  /** X told Y that … “Q”: the first speech verb of the clause with a subject. */
  private leftmostPre(s: Sentence, p: number, seg: Seg): Found | null {
    const k = this.firstVerb(s, seg);
    if (k < 0 || k >= p) return null;
    const np = this.subjectOf(s, k, seg)!;
    return { np, v: k, sent: s, rule: 'verb-in-sentence', confidence: 0.8 };
  }

  /** The segment's first speech verb that has a subject (-1 if none); computed once per segment. */
  private readonly firstVerbCache = new Map<string, number>();
  private firstVerb(s: Sentence, seg: Seg): number {
    const key = `${s.idx}:${seg[0]}`;
    const hit = this.firstVerbCache.get(key);
    if (hit !== undefined) return hit;
    let found = -1;
    for (let k = seg[0]; k < seg[1]; k++) {
      if (!speechVerbAt(this.doc, s, k) || this.negated(s, k)) continue;
      if (this.subjectOf(s, k, seg)) {
        found = k;
        break;
      }
    }
    this.firstVerbCache.set(key, found);
    return found;
  }

  private readonly accordingCache = new Map<string, Found | null>();
  private accordingTo(s: Sentence, seg: Seg): Found | null {
    const key = `${s.idx}:${seg[0]}`;
    if (this.accordingCache.has(key)) return this.accordingCache.get(key)!;
    const { doc } = this;
    let found: Found | null = null;
    for (let k = seg[0]; k < seg[1] - 1; k++) {
      if (tok(doc, s, k)?.lower === 'according' && tok(doc, s, k + 1)?.lower === 'to') {
        const r = this.accordingSource(s, k + 2);
        if (r) {
          found = { np: r.np, v: -1, sent: s, rule: 'according-to', confidence: 0.8 };
          break;
        }
      }
    }
    this.accordingCache.set(key, found);
    return found;
  }

  /**
   * Who is behind "according to …": a speaker ("according to one of Russia’s leading experts") or
   * the author of a document ("according to a statement released by the central bank", "a survey by Ifop").
   */
  private accordingSource(s: Sentence, i: number): { np: NP; next: number } | null {
    const { doc } = this;
    let k = i;
    const det = tok(doc, s, k);
    if (det && ['a', 'an', 'the', 'its', 'their', 'his', 'her', 'new', 'official', 'latest'].includes(det.lower)) k++;
    while (tok(doc, s, k) && ['new', 'official', 'latest', 'recent', 'preliminary', 'joint', 'written', 'separate'].includes(tok(doc, s, k)!.lower)) k++;
    const doc1 = tok(doc, s, k);
    if (doc1 && DOCUMENT_NOUNS.has(doc1.lower)) {
      let m = k + 1;
      if (tok(doc, s, m) && ['released', 'published', 'issued', 'compiled', 'conducted', 'commissioned', 'posted', 'seen'].includes(tok(doc, s, m)!.lower)) m++;
      if (tok(doc, s, m) && ['by', 'from', 'of'].includes(tok(doc, s, m)!.lower)) {
        const r = npStartingAt(doc, s, m + 1);
        if (r) return r;
      }
      return null;
    }
    return npStartingAt(doc, s, i);
  }

  private negated(s: Sentence, v: number): boolean {
    const { doc } = this;
    for (let j = v - 1; j >= 0 && j >= v - 3; j--) {
      const t = tok(doc, s, j);
      if (!t) return false;
      if (NEGATION.has(t.lower) || t.lower.endsWith("n't") || t.lower.endsWith('n’t')) return true;
      if (!isFiller(t) && t.lower !== 'to') return false;
    }
    return false;
  }

  /**
   * "… the Russian government “can do little about it,” Smagin said": the words before the
   * quotation belong to the reported statement, an indirect quote that contains the direct one.
   */
  private mixedQuote(s: Sentence, p: number, seg: Seg, a: ActorRec, f: Found): void {
    const { doc } = this;
    let c = seg[0];
    const t0 = tok(doc, s, c);
    if (t0 && (FRONTED.has(t0.lower) || /^[a-z]+ly$/i.test(t0.t)) && tok(doc, s, c + 1)?.t === ',') c += 2;
    if (p - c > 80) return;
    let words = 0;
    for (let k = c; k < p; k++) {
      const t = tok(doc, s, k);
      if (!t) return; // another quotation before it: leave it
      if (t.word) words++;
    }
    if (words < 2) return;
    const st = doc.toks[s.items[c]!]!.s;
    const q = doc.quotes[-s.items[p]! - 1]!;
    this.push(a, st, q.close + 1, 'quote-in-statement', f.confidence - 0.1, f.np, this.channelAt(f.sent, f.v), this.timeNear(s, f.v));
  }

  // ---------------------------------------------------------------- channel and time

  private channelAt(s: Sentence, v: number): string | null {
    const { doc } = this;
    const verb = tok(doc, s, v);
    if (!verb) return null;
    const lemma = SPEECH_VERBS.get(verb.t)?.lemma;
    const span = (a: number, b: number) => {
      const x = tok(doc, s, a);
      const y = tok(doc, s, b);
      return x && y ? doc.text.slice(x.s, y.poss ? y.e - 2 : y.e) : null;
    };
    const seg = this.segOf(this.segments(s), v);
    const q = this.quotedAs(s, v, seg);
    if (q >= 0 && tok(doc, s, q + 1)?.lower === 'by') return span(q, v - 2); // "quoted by the state news agency TASS"
    if (lemma === 'tell') {
      const r = npStartingAt(doc, s, v + 1);
      if (r) {
        if (r.np.kind === 'name') {
          const words = npText(doc, r.np, 'name').toLowerCase().split(/\s+/);
          const a = this.reg.findByWords(words, null);
          if (a && a.kind === 'person') return null;
          return span(v, doc.itemOf[r.np.toks[r.np.toks.length - 1]!]!);
        }
        if (r.np.kind === 'role' && r.np.role && r.np.role.kind !== 'person') return span(v, r.next - 1);
        if (r.np.kind === 'role' && r.np.role && ['reporters', 'journalists'].includes(r.np.role.word)) return span(v, r.next - 1);
      }
      const nx = tok(doc, s, v + 1);
      if (nx && TOLD_AUDIENCES.has(nx.lower) && !['the', 'a', 'this', 'me', 'us', 'him', 'her', 'them'].includes(nx.lower)) return span(v, v + 1);
      return null;
    }
    // "wrote on Telegram", "said in a statement", "told … in an interview with X", "posted on X"
    for (let k = v + 1; k < s.items.length && k <= v + 12; k++) {
      const t = tok(doc, s, k);
      if (!t) continue; // the quotation itself: look past it
      if (t.lower === 'on' && isNameTok(tok(doc, s, k + 1)) && !WEEKDAYS.includes(tok(doc, s, k + 1)!.lower) && !MONTHS.includes(tok(doc, s, k + 1)!.lower)) {
        let e = k + 1;
        while (isNameTok(tok(doc, s, e + 1))) e++;
        return `${verb.t} ${span(k, e)}`;
      }
      if ((t.lower === 'in' || t.lower === 'at' || t.lower === 'during') && ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(tok(doc, s, k + 1)?.lower ?? '')) {
        for (let e = k + 2; e <= k + 4; e++) {
          const h = tok(doc, s, e);
          if (!h) break;
          if (CHANNEL_PLACES.has(h.lower)) {
            let end = e;
            if (['on', 'with', 'to'].includes(tok(doc, s, e + 1)?.lower ?? '') && isNameTok(tok(doc, s, e + 2))) {
              end = e + 2;
              while (isNameTok(tok(doc, s, end + 1))) end++;
            }
            return `${verb.t} ${span(k, end)}`;
          }
        }
      }
      if (t.t === ';' || TERMINAL.has(t.t) || t.lower === 'that' || t.lower === 'and') return null;
    }
    return null;
  }

  private timeNear(s: Sentence, v: number): TimeExpr | null {
    let times = this.timesCache.get(s.idx);
    if (!times) {
      times = findTimes(this.doc, s);
      this.timesCache.set(s.idx, times);
    }
    let best: TimeExpr | null = null;
    let bestD = Infinity;
    for (const t of times) {
      const d = t.a > v ? t.a - v : v - t.b;
      if (d < bestD) {
        best = t;
        bestD = d;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- indirect quotes

  private findIndirect(s: Sentence, segs: Seg[]): void {
    const { doc } = this;
    let takenUntil = -1;
    // prefix counts of words and quotations, so a content check is O(1)
    const n = s.items.length;
    const wordsBefore = new Int32Array(n + 1);
    const quotesBefore = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) {
      const v = s.items[k]!;
      wordsBefore[k + 1] = wordsBefore[k]! + (v >= 0 && doc.toks[v]!.word ? 1 : 0);
      quotesBefore[k + 1] = quotesBefore[k]! + (v < 0 ? 1 : 0);
    }
    // the next ", adding …" / ", according to …" that ends a reported clause, from each position
    const nextBreak = new Int32Array(n + 1).fill(n);
    for (let k = n - 2; k >= 0; k--) {
      nextBreak[k] = nextBreak[k + 1]!;
      const x = tok(doc, s, k);
      if (x?.t === ',' && ((speechVerbAt(doc, s, k + 1) && /ing$/.test(tok(doc, s, k + 1)!.lower)) || tok(doc, s, k + 1)?.lower === 'according')) nextBreak[k] = k;
    }
    const itemStart = (k: number) => {
      const v = s.items[k]!;
      return v < 0 ? doc.quotes[-v - 1]!.open : doc.toks[v]!.s;
    };
    const itemEnd = (k: number) => {
      const v = s.items[k]!;
      return v < 0 ? doc.quotes[-v - 1]!.close + 1 : doc.toks[v]!.e;
    };
    const contentOk = (c: number, e: number) => {
      const words = wordsBefore[e + 1]! - wordsBefore[c]!;
      const quotes = quotesBefore[e + 1]! - quotesBefore[c]!;
      if (quotes > 0) return words >= 1;
      return words >= 3;
    };
    const trimEnd = (c: number, e: number) => {
      while (e >= c) {
        const t = tok(doc, s, e);
        if (t && (TERMINAL.has(t.t) || t.t === ',' || t.t === ')' || t.t === ';' || t.t === ':')) e--;
        else break;
      }
      return e;
    };
    for (const seg of segs) {
      for (let v = seg[0]; v < seg[1]; v++) {
        if (v <= takenUntil) continue;
        const t = tok(doc, s, v);
        if (t && t.lower === 'according' && tok(doc, s, v + 1)?.lower === 'to') {
          const r = this.accordingSource(s, v + 2);
          if (!r) continue;
          let c: number;
          let e: number;
          if (v > seg[0]) {
            c = seg[0];
            e = trimEnd(c, v - 1);
          } else {
            c = r.next;
            if (tok(doc, s, c)?.t === ',') c++;
            e = trimEnd(c, seg[1] - 1);
          }
          if (e < c || !contentOk(c, e)) continue;
          if (e === c && s.items[c]! < 0) continue;
          const a = this.resolve(r.np);
          if (!a) continue;
          a.speakerParas.add(s.para);
          this.pushRecent(a);
          this.push(a, itemStart(c), itemEnd(e), 'according-to', 0.75, r.np, null, this.timeNear(s, v));
          takenUntil = Math.max(takenUntil, e);
          continue;
        }
        if (!t || !speechVerbAt(doc, s, v)) continue;
        const sv = SPEECH_VERBS.get(t.t)!;
        if (!sv.clausal || this.negated(s, v)) continue;
        // “Q,” X said — the verb attributes a quotation that came before it
        let j = v - 1;
        while (j >= seg[0] && isFiller(tok(doc, s, j))) j--;
        if (j >= seg[0] && s.items[j]! < 0) continue;
        let c = v + 1;
        let thatAt = -1;
        for (let k = c; k < seg[1] && k < c + 12; k++) {
          const x = tok(doc, s, k);
          if (!x) break;
          if (x.lower === 'that') {
            thatAt = k;
            break;
          }
          if (x.t === ',' || x.t === ':' || x.t === ';' || TERMINAL.has(x.t) || speechVerbAt(doc, s, k)) break;
        }
        if (thatAt >= 0) c = thatAt + 1;
        else if (sv.lemma === 'tell' || sv.lemma === 'inform' || sv.lemma === 'assure') {
          const r = npStartingAt(doc, s, c);
          if (!r) continue;
          c = r.next;
        }
        const first = tok(doc, s, c);
        if (first && (first.t === ':' || first.t === ',' || TERMINAL.has(first.t))) continue;
        // "wrote on Telegram on Sunday" reports no clause; "said at least 27 people …" does
        if (first && CONTENT_NOT_START.has(first.lower) && !(first.lower === 'at' && ['least', 'most'].includes(tok(doc, s, c + 1)?.lower ?? ''))) continue;
        if (c >= seg[1]) continue;
        let e = seg[1] - 1;
        const br = nextBreak[c]!;
        if (br < seg[1] - 1) e = br - 1;
        e = trimEnd(c, e);
        if (e < c || !contentOk(c, e)) continue;
        const np = this.subjectOf(s, v, seg);
        if (!np) continue;
        // “Q,” X, who …, said — the verb attributes a quotation that came before its subject
        const at = doc.itemOf[np.toks[0]!]!;
        const participle = /ing$/.test(t.lower) && tok(doc, s, v - 1)?.t === ',';
        if (at > 0 && !participle) {
          const b1 = s.items[at - 1]!;
          const b2 = s.items[at - 2];
          if (b1 < 0 || (doc.toks[b1]!.t === ',' && b2 !== undefined && b2 < 0)) continue;
        }
        const a = this.resolve(np);
        if (!a) continue;
        a.speakerParas.add(s.para);
        this.pushRecent(a);
        this.last = { actor: a, para: s.para };
        this.push(a, itemStart(c), itemEnd(e), 'speech-verb-clause', 0.8, np, this.channelAt(s, v), this.timeNear(s, v));
        takenUntil = Math.max(takenUntil, e);
      }
    }
  }

  private push(a: ActorRec, st: number, en: number, rule: string, conf: number, np: NP, channel: string | null, when: TimeExpr | null): void {
    if (np.kind === 'pronoun') {
      conf -= 0.1;
      rule += ':pronoun';
    } else if (np.kind === 'role') {
      conf -= 0.1;
      rule += ':description';
    }
    this.indirect.push({ s: st, e: en, speaker: a, rule, confidence: Math.round(conf * 100) / 100, channel, when });
  }
}

