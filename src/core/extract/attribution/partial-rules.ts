/**
 * Speaker rules for quoted fragments that sit inside someone's reported words without a speech
 * verb of their own — the words are still that person's, not a scare-quoted term:
 *
 *   speech-noun        "Trump’s claim that there were “thousands of shootings”", "her description of it as “…”"
 *   characterised-as   "Reid has been pounding Trump as a “con artist”", "admires Putin as a “strong leader”"
 *   paragraph-colon    "He said:" closing a paragraph, the quotation opening the next one
 *   used-phrase        "Hale has used the phrase “Islamic terrorism” often"
 *   put-it             "as The New Yorker put it, “the operator.”"
 *   noun-colon         "… rolling out a new campaign message: “It's about me.”"
 *   dash-signature     “…” ― Karen Diaz   (a quotation signed with a dash at the end of its paragraph)
 *
 * They run after the speech-verb rules (quote-rules.ts), so a speech verb nearer the quote wins, and
 * they are less sure of themselves (0.65–0.8).
 */
import { POSSESSIVE_PRONOUNS, SPEECH_NOUNS } from '../lexicon.js';
import { npEndingAt, npStartingAt, speechVerbAt, tok, type NP } from '../np.js';
import type { Sentence } from '../doc.js';
import { TERMINAL, type Ctx, type Found, type Seg } from './context.js';
import { clauseSubject, segments, subjectOf } from './clause.js';

/** "Trump’s (past) claim(s) … “Q”", "his remarks about “Q”": the owner of the nearest speech noun speaks. */
export function speechNounOwner(ctx: Ctx, s: Sentence, p: number, seg: Seg): Found | null {
  const { doc } = ctx;
  for (let k = p - 1, dist = 0; k >= seg[0] && dist <= 12; k--, dist++) {
    const t = tok(doc, s, k);
    if (!t || TERMINAL.has(t.t) || t.t === ';') return null; // another quotation or the sentence's end
    if (t.cap || !SPEECH_NOUNS.has(t.lower)) continue;
    // the owner, with at most two modifiers between: "Trump’s past references", "his latest remarks"
    let j = k - 1;
    for (let m = 0; m < 2; m++) {
      const x = tok(doc, s, j);
      if (!x || !x.word || x.cap || x.poss || POSSESSIVE_PRONOUNS.has(x.lower)) break;
      j--;
    }
    const o = tok(doc, s, j);
    if (!o) return null;
    const pron = POSSESSIVE_PRONOUNS.get(o.lower);
    if (pron) {
      const np: NP = { kind: 'pronoun', toks: [s.items[j]!], name: [], desc: [], indefinite: false, pronoun: pron };
      return { np, v: -1, sent: s, rule: 'speech-noun', confidence: 0.7 };
    }
    if (!o.poss) return null; // "the claim that …": nobody's in particular
    const np = npEndingAt(doc, s, j, true);
    return np && np.kind !== 'pronoun' ? { np, v: -1, sent: s, rule: 'speech-noun', confidence: 0.75 } : null;
  }
  return null;
}

/** Words before "as" that make it no characterisation: "known as", "such as", "so-called". */
const NOT_CHARACTERISING = new Set(['known', 'such', 'so', 'same', 'well', 'just', 'soon', 'long', 'much', 'far', 'serve', 'serves', 'served', 'serving', 'act', 'acts', 'acted', 'acting', 'work', 'works', 'worked', 'working']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * "X … Y as (a) “Q”": the subject of the clause characterises Y in the quoted words. Not after a
 * form of "be" ("was seen as “…”": someone else's view of the subject) nor after "known as".
 */
export function characterisedAs(ctx: Ctx, s: Sentence, p: number, seg: Seg): Found | null {
  const { doc } = ctx;
  let k = p - 1;
  for (let n = 0; n < 2 && ['a', 'an', 'the'].includes(tok(doc, s, k)?.lower ?? ''); n++) k--;
  if (tok(doc, s, k)?.lower !== 'as') return null;
  const before = tok(doc, s, k - 1);
  if (!before || NOT_CHARACTERISING.has(before.lower)) return null;
  const np = clauseSubject(ctx, s, seg);
  if (!np) return null;
  const end = doc.itemOf[np.toks[np.toks.length - 1]!]!;
  if (end >= k) return null;
  for (let m = end + 1; m < k; m++) {
    const x = tok(doc, s, m);
    if (!x) return null; // another quotation in between
    // "was seen as", "is regarded as": someone else's view of the subject ("has been pounding" is the subject's)
    if (BE.has(x.lower)) {
      // "has been steadily pounding": an adverb before the participle
      let n = m + 1;
      while (/^[a-z]+ly$/.test(tok(doc, s, n)?.lower ?? '')) n++;
      if (!/ing$/.test(tok(doc, s, n)?.lower ?? '')) return null;
    }
    if (x.t === ';') return null;
  }
  return { np, v: -1, sent: s, rule: 'characterised-as', confidence: 0.65 };
}

/**
 * "He said:" (or "… made the following comment:") ending the paragraph before a paragraph that opens
 * with the quotation: that speaker.
 */
export function paragraphColon(ctx: Ctx, s: Sentence, p: number): Found | null {
  const { doc } = ctx;
  if (p !== 0 || s.idx === 0) return null;
  const prev = doc.sents[s.idx - 1]!;
  if (prev.para === s.para) return null;
  const last = prev.items.length - 1;
  if (tok(doc, prev, last)?.t !== ':') return null;
  const segs = segments(ctx, prev);
  const seg = segs[segs.length - 1]!;
  for (let k = last - 1; k >= seg[0] && k >= last - 8; k--) {
    if (!speechVerbAt(doc, prev, k)) continue;
    const np = subjectOf(ctx, prev, k, seg);
    return np ? { np, v: k, sent: prev, rule: 'paragraph-colon', confidence: 0.8 } : null;
  }
  // "Sanders made the following comment:" / "… issued this statement:": a noun of speech ends it
  if (COLON_NOUNS.has(tok(doc, prev, last - 1)?.lower ?? '')) {
    const np = clauseSubject(ctx, prev, seg);
    if (np && np.kind !== 'pronoun' && doc.itemOf[np.toks[np.toks.length - 1]!]! < last - 2) return { np, v: -1, sent: prev, rule: 'paragraph-colon', confidence: 0.75 };
  }
  return null;
}

const COLON_NOUNS = new Set(['comment', 'comments', 'statement', 'remarks', 'remark', 'message', 'tweet', 'post', 'response', 'reply', 'warning', 'explanation', 'words']);

const DASHES = new Set(['―', '—', '–', '-']);

/** “…” ― Karen Diaz: a name after a dash, closing the quotation's paragraph, signs it. */
export function dashSignature(ctx: Ctx, s: Sentence, closeItem: number): Found | null {
  const { doc } = ctx;
  let sent = s;
  let i = closeItem + 1;
  if (i >= s.items.length) {
    // the quotation ended its sentence ("….” ― Name"): the signature opens the next one
    const next = doc.sents[s.idx + 1];
    if (!next || next.para !== s.para) return null;
    sent = next;
    i = 0;
  }
  if (!DASHES.has(tok(doc, sent, i)?.t ?? '')) return null;
  const r = npStartingAt(doc, sent, i + 1);
  if (!r || r.np.kind !== 'name') return null;
  // nothing but a full stop after the name, to the end of the paragraph
  let k = r.next;
  if (tok(doc, sent, k)?.t === '.') k++;
  if (k < sent.items.length) return null;
  const after = doc.sents[sent.idx + 1];
  if (after && after.para === sent.para) return null;
  return { np: r.np, v: -1, sent, rule: 'dash-signature', confidence: 0.75 };
}

/** "Obama is rolling out a new campaign message: “…”": a speech noun before a colon; the clause's subject speaks. */
export function nounColon(ctx: Ctx, s: Sentence, p: number, seg: Seg): Found | null {
  const { doc } = ctx;
  if (tok(doc, s, p - 1)?.t !== ':') return null;
  const n = tok(doc, s, p - 2);
  if (!n || n.cap || !SPEECH_NOUNS.has(n.lower)) return null;
  const np = clauseSubject(ctx, s, seg);
  if (!np || doc.itemOf[np.toks[np.toks.length - 1]!]! >= p - 2) return null;
  return { np, v: -1, sent: s, rule: 'noun-colon', confidence: 0.7 };
}

const USE_VERBS = new Set(['use', 'uses', 'used', 'using', 'coined', 'coin', 'coins', 'adopted', 'repeated', 'repeats', 'invoked', 'invokes', 'employed', 'popularized', 'popularised']);
const PHRASE_NOUNS = new Set(['phrase', 'term', 'word', 'words', 'slogan', 'label', 'expression', 'line', 'nickname', 'moniker', 'epithet']);

/** "Hale has used the phrase “Islamic terrorism”": whoever uses, coins or repeats the phrase says it. */
export function usedPhrase(ctx: Ctx, s: Sentence, p: number, seg: Seg): Found | null {
  const { doc } = ctx;
  let k = p - 1;
  if (!PHRASE_NOUNS.has(tok(doc, s, k)?.lower ?? '')) return null;
  k--;
  while (k > seg[0] && ['the', 'a', 'an', 'this', 'that', 'same', 'his', 'her', 'their'].includes(tok(doc, s, k)?.lower ?? '')) k--;
  if (!USE_VERBS.has(tok(doc, s, k)?.lower ?? '')) return null;
  const np = subjectOf(ctx, s, k, seg);
  return np ? { np, v: k, sent: s, rule: 'used-phrase', confidence: 0.7 } : null;
}

/** "as The New Yorker put it in a lengthy exposé, “…”": who put it so says it. */
export function putIt(ctx: Ctx, s: Sentence, p: number, seg: Seg): Found | null {
  const { doc } = ctx;
  for (let k = p - 1; k > seg[0] && k >= p - 12; k--) {
    const t = tok(doc, s, k);
    if (!t) return null;
    if (t.lower !== 'put' || tok(doc, s, k + 1)?.lower !== 'it') continue;
    const np = subjectOf(ctx, s, k, seg); // "X, a tax lawyer, recently put it"
    return np ? { np, v: -1, sent: s, rule: 'put-it', confidence: 0.75 } : null;
  }
  return null;
}
