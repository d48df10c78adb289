/**
 * Who said a quoted passage. Each rule is a function over the shared document context and the
 * passage's site; the first rule that finds a speaker wins, strongest first:
 *
 *   speaker-verb-quote   X said: “Q”   X told Y that … “Q”  (a speech verb just before the quote)
 *   speaker-colon        X: “Q”  (headlines)
 *   quote-speaker-verb   “Q,” X said   “Q,” X, who …, told Y
 *   quote-verb-speaker   “Q,” said X
 *   document(-owner)     “Q,” the letter reads / said the ruling / per the bylaws (document-rules.ts:
 *                        the owner when written, else nobody's)
 *   according-to         “Q,” according to X   … “Q” …, according to X
 *   dash-appositive      including X -- “Q” --   (the name just before a dash)
 *   verb-in-sentence     X said … “Q”  (the sentence's first speech verb before the quote)
 *   paragraph-colon, speech-noun, characterised-as   (partial-rules.ts: fragments inside someone's words)
 *
 * Before them, term-so-called ("so-called “…”") and term-title ("a paper titled “…”") make a term.
 * When none finds one, the fallbacks decide, in order: coordinated-quote ("“A” and “B”" after an
 * attributed “A”), continues-quote (a later passage of a sentence whose earlier passage was
 * attributed), term (a short passage inside a sentence: a scare-quoted term), sentence-subject (a
 * named person opening the passage's sentence, 0.5), follows-speaker (a passage standing alone
 * after a speaker's paragraph), unattributed.
 */
import { canonical } from '../actors.js';
import { SPEECH_VERBS, STOPWORDS } from '../lexicon.js';
import { isFiller, npEndingAt, npStartingAt, speechVerbAt, tok, type NP } from '../np.js';
import type { Sentence } from '../doc.js';
import { itemKey, TERMINAL, wordCount, type Ctx, type Found, type QuoteAttr, type Seg } from './context.js';
import { accordingSource, clauseSubject, firstVerb, segments, segOf, subjectOf } from './clause.js';
import { channelAt, timeNear } from './channel.js';
import { mixedQuote } from './indirect.js';
import { accept } from './resolve.js';
import { documentSource, DOCUMENT_WORDS } from './document-rules.js';
import { characterisedAs, dashSignature, nounColon, paragraphColon, putIt, speechNounOwner, usedPhrase } from './partial-rules.js';

/** prepositions whose object is not the speaker of a colon after it ("a lesson from X:", "an interview with X:" are) */
const POST_MODIFIER_PREPS = new Set(['in', 'of', 'at', 'from', 'for', 'with', 'on']);

const KIN_DETERMINERS = new Set(['my', 'his', 'her', 'our', 'their', 'your']);

const PREPOSITIONS = new Set(['of', 'for', 'to', 'in', 'on', 'at', 'about', 'into', 'over', 'against', 'toward', 'towards', 'than', 'like']);

const SCARE_MARKERS = new Set(['so-called', 'self-styled', 'self-proclaimed', 'quote-unquote']);

/** Where a quoted passage stands: its sentence and item, its clause, and where it closes. */
export interface QuoteSite {
  qi: number;
  s: Sentence;
  p: number;
  seg: Seg;
  /** the sentence and item where the passage closes (a multi-sentence quote closes later) */
  closeSent: Sentence;
  closeItem: number;
}

/** A rule that looks for the speaker of a passage. */
export type SpeakerRule = (ctx: Ctx, site: QuoteSite) => Found | null;

/** The speaker rules, strongest first (speaker-colon is part of the first). */
export const SPEAKER_RULES: ReadonlyArray<SpeakerRule> = [
  (ctx, q) => speakerVerbQuote(ctx, q.s, q.p, q.seg),
  (ctx, q) => quoteThenSpeaker(ctx, q.closeSent, q.closeItem),
  (ctx, q) => quoteTailSpeaker(ctx, q),
  (ctx, q) => documentSource(ctx, q),
  (ctx, q) => dashAppositive(ctx, q),
  (ctx, q) => sentenceTail(ctx, q),
  (ctx, q) => verbInSentence(ctx, q.s, q.p, q.seg),
  (ctx, q) => accordingTo(ctx, q.s, q.seg),
  (ctx, q) => dashSignature(ctx, q.closeSent, q.closeItem),
  (ctx, q) => paragraphColon(ctx, q.s, q.p),
  (ctx, q) => nounColon(ctx, q.s, q.p, q.seg),
  (ctx, q) => usedPhrase(ctx, q.s, q.p, q.seg),
  (ctx, q) => putIt(ctx, q.s, q.p, q.seg),
  (ctx, q) => speechNounOwner(ctx, q.s, q.p, q.seg),
  (ctx, q) => characterisedAs(ctx, q.s, q.p, q.seg),
  (ctx, q) => paragraphSubject(ctx, q),
];

/**
 * "Sen. Bernie Sanders … identified young voters' exhaustion as a reason. “The younger people are …”":
 * a passage standing as its own sentence after a sentence of its paragraph whose subject is a
 * named person is that person's, rather than the last speaker's.
 */
function paragraphSubject(ctx: Ctx, { s, p, closeSent, closeItem }: QuoteSite): Found | null {
  const { doc } = ctx;
  if (p !== 0 || s.idx === 0) return null;
  const rest = closeSent.items.slice(closeItem + 1);
  if (rest.some((it) => it < 0 || !TERMINAL.has(doc.toks[it]!.t))) return null;
  const prev = doc.sents[s.idx - 1]!;
  if (prev.para !== s.para) return null;
  const np = clauseSubject(ctx, prev, segments(ctx, prev)[0]!);
  if (!np || np.kind !== 'name') return null;
  const a = ctx.reg.at(doc.toks[np.name[0] ?? np.toks[0]!]!.s);
  if (!a || a.kind !== 'person') return null;
  return { np, v: -1, sent: prev, rule: 'paragraph-subject', confidence: 0.6 };
}

const DASH = new Set(['—', '–', '-']);

/**
 * "A cashier who “steals a handful of $20s” is held accountable, Warren said.": the sentence ends
 * with ", X said" (a plain verb of saying, then at most a few words of time or place); the passage
 * inside it is X's.
 */
function sentenceTail(ctx: Ctx, { s, closeSent, closeItem }: QuoteSite): Found | null {
  const { doc } = ctx;
  if (closeSent !== s) return null;
  let end = s.items.length - 1;
  if (TERMINAL.has(tok(doc, s, end)?.t ?? '')) end--;
  for (let k = end; k > closeItem + 1 && k >= end - 6; k--) {
    const t = tok(doc, s, k);
    if (!t || (!t.word && t.t !== '.')) return null;
    if (!speechVerbAt(doc, s, k) || !REPORTING.has(SPEECH_VERBS.get(t.t)?.lemma ?? '')) continue;
    let j = k - 1;
    while (isFiller(tok(doc, s, j))) j--;
    const np = npEndingAt(doc, s, j);
    if (!np || np.kind === 'role' && !np.role) return null;
    const from = doc.itemOf[np.toks[0]!]!;
    if (from <= closeItem + 1 || tok(doc, s, from - 1)?.t !== ',') return null;
    return { np, v: k, sent: s, rule: 'sentence-tail', confidence: 0.7 };
  }
  return null;
}

/**
 * "including the former presidential candidate Mitt Romney -- ''…'' -- and Fred Goldberg": a
 * quotation set off by dashes right after a person's name is that person's.
 */
function dashAppositive(ctx: Ctx, { s, p, closeSent, closeItem }: QuoteSite): Found | null {
  const { doc } = ctx;
  let k = p - 1;
  if (!DASH.has(tok(doc, s, k)?.t ?? '')) return null;
  while (DASH.has(tok(doc, s, k)?.t ?? '')) k--;
  const after = tok(doc, closeSent, closeItem + 1);
  if (closeSent !== s || !(after === null || DASH.has(after.t) || TERMINAL.has(after.t))) return null;
  const np = npEndingAt(doc, s, k);
  if (!np || np.kind !== 'name') return null;
  // the name stands on its own ("including X --", ", X --"), not as an object ("supportive of Mr. Trump -- ''…''")
  const from = doc.itemOf[np.toks[0]!]!;
  const before = tok(doc, s, from - 1);
  if (from > 0 && !(before && [',', ':', ';', 'including', 'and', 'like'].includes(before.lower))) return null;
  const a = ctx.reg.at(doc.toks[np.name[0]!]!.s);
  if (!a || a.kind !== 'person') return null;
  return { np, v: -1, sent: s, rule: 'dash-appositive', confidence: 0.7 };
}

/** A rule that decides a passage no speaker rule could attribute; null to pass it on. */
export type FallbackRule = (ctx: Ctx, site: QuoteSite) => QuoteAttr | null;

/** "so-called “…”": a term, whoever uses it. (Runs before the speaker rules.) */
const soCalled: FallbackRule = (ctx, { qi, s, p }) => {
  const before = tok(ctx.doc, s, p - 1);
  if (!before || !SCARE_MARKERS.has(before.lower)) return null;
  return { quote: qi, kind: 'term', speaker: null, rule: 'term-so-called', confidence: 0.85, channel: null, when: null };
};

/** "A," she said, "B.": an earlier passage of this sentence was attributed. */
const continuesQuote: FallbackRule = (ctx, { qi, s, seg }) => {
  const { doc } = ctx;
  const prev = ctx.lastDirect && doc.quotes[ctx.lastDirect.quote]!.sent === s.idx ? ctx.lastDirect : undefined;
  const q = doc.quotes[qi]!;
  if (!prev || wordCount(doc.text.slice(q.start, q.end)) <= 2) return null;
  // "“You winning?” she said, but Kevin was drifting off, and as Trump went on about “…”": not
  // across a clause with a subject of its own
  const pq = doc.quotes[prev.quote]!;
  if (pq.lastSent === s.idx && pq.lastItem < seg[0]) return null;
  return { ...prev, quote: qi, rule: 'continues-quote', confidence: 0.7 };
};

/** "… as “Miss Piggy” and “Miss Housekeeping”": a passage coordinated with the attributed one before it. */
const coordinatedQuote: FallbackRule = (ctx, { qi, s, p }) => {
  const { doc } = ctx;
  const prev = ctx.lastDirect && doc.quotes[ctx.lastDirect.quote]!.sent === s.idx ? ctx.lastDirect : undefined;
  if (!prev) return null;
  let k = p - 1;
  if (['a', 'an', 'the'].includes(tok(doc, s, k)?.lower ?? '')) k--;
  const c = tok(doc, s, k);
  if (!c || !['and', 'or', ','].includes(c.lower)) return null;
  const before = s.items[k - 1];
  if (before === undefined || before >= 0 || -before - 1 !== prev.quote) return null;
  return { ...prev, quote: qi, rule: 'coordinated-quote', confidence: Math.min(prev.confidence, 0.7) };
};

/** A short passage inside a sentence, nobody's words: a scare-quoted term. */
const shortTerm: FallbackRule = (ctx, { qi, s }) => {
  const { doc } = ctx;
  const q = doc.quotes[qi]!;
  const alone = s.items.length <= 4 && s.items.every((it) => it < 0 || TERMINAL.has(doc.toks[it]!.t) || doc.toks[it]!.t === ',');
  if (wordCount(doc.text.slice(q.start, q.end)) > 4 || alone) return null;
  return { quote: qi, kind: 'term', speaker: null, rule: 'term', confidence: 0.7, channel: null, when: null };
};

/** A passage standing alone within two paragraphs of the last speaker's. */
const followsSpeaker: FallbackRule = (ctx, { qi, s, p, closeSent, closeItem }) => {
  const q = ctx.doc.quotes[qi]!;
  if (!ctx.last || q.para - ctx.last.para > 2) return null;
  // right after a word of the narrator's sentence ("… criticized as a “use it or lose it” approach",
  // "… went on about “…”"), not standing alone: nobody's rather than the last speaker's
  const before = p > 0 ? tok(ctx.doc, s, p - 1) : null;
  if (before && before.word && !SPEECH_VERBS.has(before.lower)) return null;
  if (someoneElseSpeaks(ctx, closeSent, closeItem)) return null;
  const conf = q.para - ctx.last.para <= 1 ? 0.6 : 0.45;
  ctx.last.actor.speakerParas.add(q.para);
  return { quote: qi, kind: 'direct', speaker: canonical(ctx.last.actor), rule: 'follows-speaker', confidence: conf, channel: null, when: null };
};

/**
 * "House Speaker Paul Ryan, R-Wis., despite admitting that he had his concerns about “…”, the
 * victims “…”": no verb of saying reaches the passage, but its sentence opens with a named person
 * other than the last speaker; that person is likelier than the last speaker, and still a guess (0.5).
 */
const sentenceSubject: FallbackRule = (ctx, { qi, s, p, seg }) => {
  const { doc } = ctx;
  const np = clauseSubject(ctx, s, segments(ctx, s)[0]!);
  if (!np || np.kind !== 'name' || seg[0] !== segments(ctx, s)[0]![0]) return null;
  if (doc.itemOf[np.toks[np.toks.length - 1]!]! >= p) return null;
  const a = ctx.reg.at(doc.toks[np.name[0] ?? np.toks[0]!]!.s);
  if (!a || a.kind !== 'person' || (ctx.last && canonical(ctx.last.actor) === a)) return null;
  a.speakerParas.add(doc.quotes[qi]!.para);
  return { quote: qi, kind: 'direct', speaker: a, rule: 'sentence-subject', confidence: 0.5, channel: null, when: null };
};

/**
 * "“…,” said one docker, who …" / "“…,” a docker said": a person described in words the role
 * lists do not know (an indefinite article, up to three modifiers, a lower-case noun) before a
 * comma, a full stop or "who". A made-up role: someone, not nobody.
 */
function someoneDescribed(ctx: Ctx, s: Sentence, i: number): { np: NP; next: number } | null {
  const { doc } = ctx;
  const det = tok(doc, s, i);
  if (!det || !['a', 'an', 'one', 'another'].includes(det.lower)) return null;
  const desc: number[] = [];
  // "said one of them, Ola, 21": one of a group named before
  if (det.lower === 'one' && tok(doc, s, i + 1)?.lower === 'of' && ['them', 'those'].includes(tok(doc, s, i + 2)?.lower ?? '')) {
    const toks = s.items.slice(i, i + 3).filter((x) => x >= 0);
    return { np: { kind: 'role', toks, name: [], desc: [], role: { kind: 'person', base: 'person', word: 'one' }, indefinite: true }, next: i + 3 };
  }
  for (let k = i + 1; k <= i + 4; k++) {
    const t = tok(doc, s, k);
    if (!t || !t.word || t.cap || STOPWORDS.has(t.lower) || SPEECH_VERBS.has(t.lower)) return null;
    const next = tok(doc, s, k + 1);
    const ends = next === null || [',', '.', ';', 'who', 'from', 'in', 'at', 'with', 'of'].includes(next.lower) || speechVerbAt(doc, s, k + 1);
    if (ends) {
      if (!/^[a-z]{3,}$/.test(t.lower) || /(?:ly|ing)$/.test(t.lower) || NOT_SOMEONE.has(t.lower) || DOCUMENT_WORDS.has(t.lower)) return null;
      if (desc.some((x) => NOT_SOMEONE.has(doc.toks[x]!.lower))) return null;
      const toks = s.items.slice(i, k + 1).filter((x) => x >= 0);
      return { np: { kind: 'role', toks, name: [], desc, role: { kind: 'person', base: t.lower, word: t.lower }, indefinite: true }, next: k + 1 };
    }
    desc.push(s.items[k]!);
  }
  return null;
}
/** Nouns after "a" that are no one: "a day later said", "a statement said" (documents: document-rules.ts). */
const NOT_SOMEONE = new Set(['day', 'week', 'month', 'year', 'minute', 'hour', 'moment', 'time', 'while', 'later', 'earlier', 'ago', 'bit', 'lot', 'few', 'number', 'source']);

/** "“…,” said one docker" with no speaker found: someone else speaks, not the last speaker. */
function someoneElseSpeaks(ctx: Ctx, s: Sentence, closeItem: number): boolean {
  const { doc } = ctx;
  let i = closeItem + 1;
  if (![',', '—', '–'].includes(tok(doc, s, i)?.t ?? '')) return false;
  i++;
  if (speechVerbAt(doc, s, i)) return true;
  for (let k = i; k < s.items.length && k <= i + 5; k++) {
    const t = tok(doc, s, k);
    if (!t || TERMINAL.has(t.t) || t.t === ',') return false;
    if (speechVerbAt(doc, s, k)) return REPORTING.has(SPEECH_VERBS.get(t.t)?.lemma ?? '');
  }
  return false;
}

/**
 * Nobody in the text is said to say it. A direct quote needs a speaker (the corpus format refuses
 * one without: the article could not be opened), so the passage is kept as quoted words nobody is
 * quoted as saying, a term, with the rule saying it was not attributed; the analyst can give it a
 * speaker and make it direct.
 */
const unattributed: FallbackRule = (_ctx, { qi }) => ({ quote: qi, kind: 'term', speaker: null, rule: 'unattributed', confidence: 0.1, channel: null, when: null });

/** "a paper titled ''How to Foster …'' by X": a title, nobody's words. (Runs before the speaker rules.) */
const titled: FallbackRule = (ctx, { qi, s, p }) => {
  const before = tok(ctx.doc, s, p - 1);
  if (!before || !['titled', 'entitled', 'headlined', 'headed'].includes(before.lower)) return null;
  return { quote: qi, kind: 'term', speaker: null, rule: 'term-title', confidence: 0.8, channel: null, when: null };
};

export const BEFORE_RULES: ReadonlyArray<FallbackRule> = [soCalled, titled];
export const FALLBACK_RULES: ReadonlyArray<FallbackRule> = [coordinatedQuote, continuesQuote, shortTerm, sentenceSubject, followsSpeaker, unattributed];

/** Attributes the passage qi that opens at item p of sentence s. */
export function attributeQuote(ctx: Ctx, qi: number, s: Sentence, p: number, segs: Seg[]): void {
  const { doc } = ctx;
  const q = doc.quotes[qi]!;
  const site: QuoteSite = {
    qi,
    s,
    p,
    seg: segOf(ctx, segs, p),
    closeSent: doc.sents[q.lastSent]!,
    closeItem: q.lastSent === s.idx ? p : q.lastItem,
  };
  for (const rule of BEFORE_RULES) {
    const attr = rule(ctx, site);
    if (attr) return void ctx.attrs.push(attr);
  }
  for (const rule of SPEAKER_RULES) {
    const f = rule(ctx, site);
    if (!f) continue;
    const owner = f.rule === 'document-owner' ? accept(ctx, f, q.para) : null;
    if (f.document || (f.rule === 'document-owner' && !owner)) {
      // words of a document nobody is named as writing: nobody's, and the last speaker does not
      // take the passages after it either
      ctx.last = null;
      return void ctx.attrs.push({ quote: qi, kind: 'term', speaker: null, rule: 'document', confidence: 0.5, channel: null, when: null });
    }
    const a = owner ?? accept(ctx, f, q.para);
    if (!a) continue;
    let conf = f.confidence;
    let name = f.rule;
    if (f.np.kind === 'pronoun') {
      conf -= 0.1;
      name += ':pronoun';
    } else if (f.np.kind === 'role') {
      conf -= 0.1;
      name += ':description';
    }
    if ((f.rule === 'quote-speaker-verb' || f.rule === 'quote-verb-speaker') && q.lastSent === s.idx) mixedQuote(ctx, s, p, site.seg, a, f);
    const attr: QuoteAttr = {
      quote: qi,
      kind: 'direct',
      speaker: a,
      rule: name,
      confidence: Math.round(conf * 100) / 100,
      channel: f.v >= 0 ? channelAt(ctx, f.sent, f.v) : null,
      when: timeNear(ctx, f.sent, f.v >= 0 ? f.v : p),
    };
    ctx.attrs.push(attr);
    ctx.lastDirect = attr;
    return;
  }
  for (const rule of FALLBACK_RULES) {
    const attr = rule(ctx, site);
    if (attr) return void ctx.attrs.push(attr);
  }
}

/** X said: “Q” — a speech verb within a few words before the quotation. */
function speakerVerbQuote(ctx: Ctx, s: Sentence, p: number, seg: Seg): Found | null {
  const { doc } = ctx;
  for (let k = p - 1, dist = 0; k >= seg[0] && dist <= 8; k--, dist++) {
    const t = tok(doc, s, k);
    if (t && TERMINAL.has(t.t)) break;
    if (t && (speechVerbAt(doc, s, k) || headlineVerb(ctx, s, k))) {
      const agent = passiveAgent(ctx, s, k, p, seg);
      if (agent) return { np: agent, v: k, sent: s, rule: 'passive-by', confidence: 0.85 };
      // "Hale was described as “a liar”": a passive with no agent; the subject is who was described
      if (isPassive(ctx, s, k)) break;
      const np = subjectOf(ctx, s, k, seg);
      if (!np) break;
      const outer = outerSpeaker(ctx, s, k, np, seg);
      if (outer) return outer;
      return { np, v: k, sent: s, rule: 'speaker-verb-quote', confidence: 0.9 };
    }
  }
  const colon = tok(doc, s, p - 1);
  if (colon?.t === ':') {
    const np = npEndingAt(doc, s, p - 2);
    // "the quality for the job of president: “…”": a phrase after a preposition is no speaker
    const before = np ? tok(doc, s, doc.itemOf[np.toks[0]!]! - 1) : null;
    const governed = before !== null && before.word && !before.cap && PREPOSITIONS.has(before.lower);
    if (np && np.kind !== 'pronoun' && !governed) return { np, v: -1, sent: s, rule: 'speaker-colon', confidence: 0.75 };
  }
  return null;
}

/** Verbs that report what someone said, whose complement clause is that speech. */
const REPORTING = new Set(['say', 'tell', 'add', 'state', 'write', 'note', 'argue', 'insist', 'explain', 'claim', 'assert', 'contend']);
const SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'because', 'as', 'since', 'if', 'although', 'though', 'until', 'unless', 'whereas', 'where']);

const BE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

/** In a headline written in title case, "Obama Sees ‘Personal Insult’": a capitalised speech verb after a name. */
function headlineVerb(ctx: Ctx, s: Sentence, k: number): boolean {
  const { doc } = ctx;
  const t = tok(doc, s, k);
  if (!t || !t.cap || s.para !== 0 || k === 0 || !SPEECH_VERBS.has(t.lower) || !/s$/.test(t.lower)) return false;
  return tok(doc, s, k - 1)?.cap === true;
}

/** A past participle after a form of "be": "was described", "has been branded". */
function isPassive(ctx: Ctx, s: Sentence, k: number): boolean {
  const { doc } = ctx;
  const v = tok(doc, s, k)!;
  if (!/(?:ed|en|wn)$/.test(v.lower) && !['said', 'told', 'quoted', 'heard', 'thought'].includes(v.lower)) return false;
  let j = k - 1;
  while (isFiller(tok(doc, s, j)) && !BE.has(tok(doc, s, j)!.lower)) j--;
  return BE.has(tok(doc, s, j)?.lower ?? '');
}

/** "hailed as a “hero” by the President of Gabon": a passive speech verb's agent speaks. */
function passiveAgent(ctx: Ctx, s: Sentence, k: number, p: number, seg: Seg): NP | null {
  const { doc } = ctx;
  let j = k - 1;
  while (isFiller(tok(doc, s, j)) && !BE.has(tok(doc, s, j)!.lower)) j--;
  if (!BE.has(tok(doc, s, j)?.lower ?? '')) return null;
  for (let m = p + 1; m < seg[1] && m <= p + 4; m++) {
    const x = tok(doc, s, m);
    if (!x || x.t === ',' || TERMINAL.has(x.t)) return null;
    if (x.lower === 'by') return npStartingAt(doc, s, m + 1)?.np ?? null;
  }
  return null;
}

/**
 * "He said Russia had claimed Crimea “as an act of force”": a speech verb inside what an earlier
 * speaker of the clause said; the words quoted are the earlier (reporting) speaker's.
 */
function outerSpeaker(ctx: Ctx, s: Sentence, k: number, inner: NP, seg: Seg): Found | null {
  const { doc } = ctx;
  const v0 = firstVerb(ctx, s, seg);
  if (v0 < 0 || v0 >= k) return null;
  if (!REPORTING.has(SPEECH_VERBS.get(doc.toks[s.items[v0]!]!.t)?.lemma ?? '')) return null;
  const innerAt = doc.itemOf[inner.toks[0]!]!;
  if (innerAt <= v0) return null; // the same subject, or one before the first verb
  // the inner clause must be what v0 reports: no comma or subordinator in between ("…, after Brown called for …")
  for (let m = v0 + 1; m < innerAt; m++) {
    const x = tok(doc, s, m);
    if (!x || x.t === ',' || x.t === ';' || SUBORDINATORS.has(x.lower)) return null;
  }
  const np = subjectOf(ctx, s, v0, seg);
  if (!np) return null;
  return { np, v: v0, sent: s, rule: 'reported-within', confidence: 0.75 };
}

const OWN_OBJECT = new Set(['yes', 'no', 'nothing', 'something', 'goodbye', 'hello', 'grace', 'amen']);

/** “Q,” X said / “Q,” said X / “Q,” X, who …, told Y / “Q,” according to X. */
function quoteThenSpeaker(ctx: Ctx, s: Sentence, p: number): Found | null {
  const { doc } = ctx;
  let i = p + 1;
  for (let n = 0; n < 2 && ['.', ',', '—', '–', '-'].includes(tok(doc, s, i)?.t ?? ''); n++) {
    if (tok(doc, s, i)?.t === '.') return null;
    i++;
  }
  const t = tok(doc, s, i);
  if (!t) return null;
  if (speechVerbAt(doc, s, i)) {
    // "said 9/11 widow Terry Strada": a figure that qualifies the description is not its start
    let j = i + 1;
    while (j <= i + 4 && /^(?:\d+|\/)$/.test(tok(doc, s, j)?.t ?? '')) j++;
    const r = npStartingAt(doc, s, i + 1) ?? (j > i + 1 ? npStartingAt(doc, s, j) : null);
    // "said one of them, Ola, 21": the name in apposition
    if (r) return { np: appositiveName(ctx, s, r) ?? r.np, v: i, sent: s, rule: 'quote-verb-speaker', confidence: 0.9 };
    const g = someoneDescribed(ctx, s, i + 1);
    if (g) return { np: appositiveName(ctx, s, g) ?? g.np, v: i, sent: s, rule: 'quote-verb-speaker', confidence: 0.8 };
    return null;
  }
  if (t.lower === 'according' && tok(doc, s, i + 1)?.lower === 'to') {
    const r = accordingSource(ctx, s, i + 2);
    if (r) return { np: r.np, v: -1, sent: s, rule: 'according-to', confidence: 0.85 };
    return null;
  }
  // "“…,” my father often said": a kin or role word after a possessive determiner
  const r = npStartingAt(doc, s, i) ?? (KIN_DETERMINERS.has(t.lower) ? npStartingAt(doc, s, i + 1) : someoneDescribed(ctx, s, i));
  if (!r) return null;
  let k = r.next;
  if (tok(doc, s, k)?.t === '(') {
    // "Rep. Gwen Moore (D-Wis.) said": a party and state in brackets
    for (let m = k + 1; m < s.items.length && m <= k + 8; m++) {
      const x = tok(doc, s, m);
      if (!x) break;
      if (x.t === ')') {
        k = m + 1;
        break;
      }
    }
  }
  if (tok(doc, s, k)?.t === ',') {
    for (let m = k + 1; m < s.items.length && m < k + 30; m++) {
      const x = tok(doc, s, m);
      // a full stop inside the sentence belongs to an abbreviation ("McConnell, R-Ky., said")
      if (!x || (TERMINAL.has(x.t) && (x.t !== '.' || m === s.items.length - 1))) break;
      if (speechVerbAt(doc, s, m)) {
        let j = m - 1;
        while (isFiller(tok(doc, s, j))) j--;
        if (tok(doc, s, j)?.t === ',') k = m;
        break;
      }
    }
  }
  while (isFiller(tok(doc, s, k))) k++;
  if (!speechVerbAt(doc, s, k) && r.np.kind === 'role' && POST_MODIFIER_PREPS.has(tok(doc, s, k)?.lower ?? '')) {
    // "“…?” a narrator in the Clinton ad asks": a description with a phrase after it
    for (let m = k + 1; m < s.items.length && m <= k + 6; m++) {
      const x = tok(doc, s, m);
      if (!x || x.t === ',' || TERMINAL.has(x.t)) break;
      if (speechVerbAt(doc, s, m)) {
        k = m;
        break;
      }
    }
  }
  // "“…,” Melanie said yes, yes, yes": the verb has words of its own; the passage is not what it says
  if (speechVerbAt(doc, s, k) && OWN_OBJECT.has(tok(doc, s, k + 1)?.lower ?? '')) return null;
  if (speechVerbAt(doc, s, k)) {
    // “… is the answer.” Birchers viewed …: a quotation closed by a full stop ends its sentence;
    // only a plain verb of saying still reaches back to it ("“Go.” he said", a common slip)
    const q = doc.quotes[-s.items[p]! - 1];
    const closed = q !== undefined && /[.!?]\s*$/.test(doc.text.slice(q.start, q.end)) && !/[!?]\s*$/.test(doc.text.slice(q.start, q.end));
    if (closed && !REPORTING.has(SPEECH_VERBS.get(doc.toks[s.items[k]!]!.t)?.lemma ?? '')) return null;
    return citing(ctx, s, k) ?? { np: r.np, v: k, sent: s, rule: 'quote-speaker-verb', confidence: 0.9 };
  }
  // "“…,” the official, Ali Salehi, was quoted as saying by Tasnim": the one quoted
  const named = appositiveName(ctx, s, r);
  const kq = named ? doc.itemOf[named.toks[named.toks.length - 1]!]! + 2 : k;
  if (BE.has(tok(doc, s, kq)?.lower ?? '') && tok(doc, s, kq + 1)?.lower === 'quoted') {
    return { np: named ?? r.np, v: kq + 1, sent: s, rule: 'quote-speaker-verb', confidence: 0.85 };
  }
  return null;
}

/** "“…,” the agency reported, citing a local official": the words are the one cited, relayed by the outlet. */
function citing(ctx: Ctx, s: Sentence, v: number): Found | null {
  const { doc } = ctx;
  let k = v + 1;
  for (let n = 0; n < 4 && tok(doc, s, k) && tok(doc, s, k)!.t !== ','; n++) k++; // "reported on Thursday,"
  if (tok(doc, s, k)?.t !== ',' || tok(doc, s, k + 1)?.lower !== 'citing') return null;
  const r = npStartingAt(doc, s, k + 2);
  return r && r.np.kind !== 'pronoun' ? { np: r.np, v, sent: s, rule: 'citing', confidence: 0.75 } : null;
}

/** "the official, Ali Salehi," after a description: the name in apposition. */
function appositiveName(ctx: Ctx, s: Sentence, r: { np: NP; next: number }): NP | null {
  const { doc } = ctx;
  if (r.np.kind !== 'role' || r.np.role?.kind !== 'person' || tok(doc, s, r.next)?.t !== ',') return null;
  const n = npStartingAt(doc, s, r.next + 1);
  return n && n.np.kind === 'name' && [',', '.'].includes(tok(doc, s, n.next)?.t ?? '') ? n.np : null;
}

/**
 * “Q” for criminal behaviour, she said. / ''Q'' of the plan, Mr. X said.: a passage opening its
 * sentence, the few words that finish the sentence it begins, then the speaker and a plain verb of saying.
 */
function quoteTailSpeaker(ctx: Ctx, { qi, s, p, closeSent, closeItem }: QuoteSite): Found | null {
  const { doc } = ctx;
  if (p !== 0 || closeSent !== s) return null;
  const q = doc.quotes[qi]!;
  if (/[.!?]\s*$/.test(doc.text.slice(q.start, q.end))) return null;
  let comma = -1;
  for (let m = closeItem + 1; m < s.items.length && m <= closeItem + 10; m++) {
    const x = tok(doc, s, m);
    if (!x || TERMINAL.has(x.t) || x.t === ';' || x.t === ':' || speechVerbAt(doc, s, m)) return null;
    if (x.t === ',') {
      comma = m;
      break;
    }
  }
  if (comma <= closeItem + 1) return null;
  const r = npStartingAt(doc, s, comma + 1);
  if (!r) return null;
  let k = r.next;
  while (isFiller(tok(doc, s, k))) k++;
  if (!speechVerbAt(doc, s, k) || !REPORTING.has(SPEECH_VERBS.get(doc.toks[s.items[k]!]!.t)?.lemma ?? '')) return null;
  return { np: r.np, v: k, sent: s, rule: 'quote-tail-speaker', confidence: 0.8 };
}

/** X told Y that … “Q”: the first speech verb of the clause with a subject. */
function verbInSentence(ctx: Ctx, s: Sentence, p: number, seg: Seg): Found | null {
  const { doc } = ctx;
  const k = firstVerb(ctx, s, seg);
  if (k < 0) {
    // "Clinton says she hopes to win, but she knows that “…”": a clause joined by "but" or "while"
    // inside what a verb of saying opening the sentence reports
    const first = segments(ctx, s)[0]!;
    if (first === seg || first[1] > p) return null;
    const k0 = firstVerb(ctx, s, first);
    if (k0 < 0 || !REPORTING.has(SPEECH_VERBS.get(doc.toks[s.items[k0]!]!.t)?.lemma ?? '')) return null;
    const np0 = subjectOf(ctx, s, k0, first);
    return np0 ? { np: np0, v: k0, sent: s, rule: 'verb-in-sentence', confidence: 0.7 } : null;
  }
  if (k >= p || (isPassive(ctx, s, k) && tok(doc, s, k)!.lower !== 'said')) return null;
  if (!REPORTING.has(SPEECH_VERBS.get(doc.toks[s.items[k]!]!.t)?.lemma ?? '')) {
    // "Christie described Clinton as a “disgrace” after she attacked officers and blamed shootings
    // on “implicit bias”": a verb that only characterises does not reach into a later clause with its own subject
    for (let m = k + 1; m < p; m++) {
      const x = tok(doc, s, m);
      if (!x || !SUBORDINATORS.has(x.lower) || x.lower === 'as') continue;
      const r = npStartingAt(doc, s, m + 1);
      if (r && (r.np.kind === 'name' || r.np.kind === 'pronoun') && r.next < p) return { np: r.np, v: -1, sent: s, rule: 'subordinate-subject', confidence: 0.6 };
    }
  }
  const np = subjectOf(ctx, s, k, seg)!;
  return { np, v: k, sent: s, rule: 'verb-in-sentence', confidence: 0.8 };
}

function accordingTo(ctx: Ctx, s: Sentence, seg: Seg): Found | null {
  const key = itemKey(s, seg[0]);
  if (ctx.accordingCache.has(key)) return ctx.accordingCache.get(key)!;
  const { doc } = ctx;
  let found: Found | null = null;
  for (let k = seg[0]; k < seg[1] - 1; k++) {
    if (tok(doc, s, k)?.lower === 'according' && tok(doc, s, k + 1)?.lower === 'to') {
      const r = accordingSource(ctx, s, k + 2);
      if (r) {
        found = { np: r.np, v: -1, sent: s, rule: 'according-to', confidence: 0.8 };
        break;
      }
    }
  }
  ctx.accordingCache.set(key, found);
  return found;
}
