/**
 * Words quoted from a document rather than from a person:
 *
 *   “…,” the letter reads        “…,” said the ruling        The clip says Kaine “…”
 *   “…,” as a Homeland Security memo put it                  … “…,” per the party's bylaws
 *
 * A document is no actor (the corpus has people, organisations, states, outlets and groups), and
 * the last person quoted did not write it: before this rule such a passage went to whoever spoke
 * last ("“…,” the report says" given to a chief executive named two paragraphs up). When the
 * document's owner is written ("Ivana Trump's brief", "a Government Accountability Office report",
 * "a letter from the group"), the owner speaks through it, marked unsure (0.55, below the
 * dashboard's "check the speaker" line); otherwise the passage is nobody's, and the passages that
 * follow it do not fall back to the last speaker either.
 */
import { DETERMINERS, POSSESSIVE_PRONOUNS, SPEECH_VERBS, STOPWORDS } from '../lexicon.js';
import { buildNP, isNameTok, npStartingAt, speechVerbAt, tok, type NP } from '../np.js';
import type { Sentence } from '../doc.js';
import { TERMINAL, type Ctx, type Found } from './context.js';
import { segments, segOf, subjectOf } from './clause.js';
import type { QuoteSite } from './quote-rules.js';

/** Nouns naming a written or recorded text that can be quoted as if it spoke. */
export const DOCUMENT_WORDS = new Set(
  (
    'letter letters report reports memo memos memorandum book books article articles clip clips ad ads advertisement ' +
    'ruling rulings decision opinion complaint complaints lawsuit filing filings brief indictment bylaws document documents ' +
    'study studies survey surveys poll polls paper papers editorial email e-mail emails release transcript video footage ' +
    'bill resolution petition platform guidelines page piece story column op-ed headline caption sign banner placard ' +
    'text manual treaty constitution charter notice warrant affidavit motion verdict judgment judgement finding findings ' +
    'review audit assessment website note statement tweet post message'
  ).split(' '),
);

/** Verbs a document "says" with, beyond the verbs of saying: "the letter reads", "the study found". */
const DOCUMENT_VERBS = new Set(['read', 'reads', 'found', 'finds', 'concluded', 'concludes', 'continued', 'continues', 'stated', 'states']);
/** After a passage closed by a full stop, only a plain verb of saying reaches back to it. */
const PLAIN = new Set(['said', 'says', 'read', 'reads', 'wrote', 'writes', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'continued', 'continues']);

/** Adjectives and participles that may stand inside a document's phrase: "the 52-page federal complaint". */
function modifierWord(t: { word: boolean; cap: boolean; lower: string }): boolean {
  return t.word && !t.cap && !STOPWORDS.has(t.lower) && !SPEECH_VERBS.has(t.lower) && !DOCUMENT_VERBS.has(t.lower);
}

interface DocumentPhrase {
  /** the items [from, to) of the phrase */
  from: number;
  to: number;
  /** who wrote or issued it, when written in the phrase */
  owner: NP | null;
}

/** A phrase headed by a document noun that starts at item i: "the letter", "Ivana Trump's brief", "a Times article". */
export function documentStartingAt(ctx: Ctx, s: Sentence, i: number): DocumentPhrase | null {
  const { doc } = ctx;
  let k = i;
  const first = tok(doc, s, k);
  if (!first) return null;
  if (DETERMINERS.has(first.lower) || POSSESSIVE_PRONOUNS.has(first.lower) || first.lower === 'this') k++;
  const bodyFrom = k;
  for (let n = 0; n < 6; n++, k++) {
    const t = tok(doc, s, k);
    if (!t || !t.word) return null;
    if (DOCUMENT_WORDS.has(t.lower) && !t.cap && !t.poss) {
      const next = tok(doc, s, k + 1);
      // "the report's author", "the letter writer": the phrase goes on to someone
      if (next && next.word && !next.cap && !STOPWORDS.has(next.lower) && !SPEECH_VERBS.has(next.lower) && !DOCUMENT_VERBS.has(next.lower) && !/ly$/.test(next.lower)) return null;
      return { from: i, to: k + 1, owner: ownerOf(ctx, s, i, bodyFrom, k) };
    }
    if (!(isNameTok(t) || t.poss || modifierWord(t) || /^\d/.test(t.t))) return null;
  }
  return null;
}

/** The document phrase that ends at item j (its noun), read backward. */
function documentEndingAt(ctx: Ctx, s: Sentence, j: number): DocumentPhrase | null {
  const { doc } = ctx;
  const head = tok(doc, s, j);
  if (!head || head.cap || head.poss || !DOCUMENT_WORDS.has(head.lower)) return null;
  let k = j - 1;
  for (let n = 0; n < 6 && k >= 0; n++, k--) {
    const t = tok(doc, s, k);
    if (!t || !t.word) break;
    if (DETERMINERS.has(t.lower) || POSSESSIVE_PRONOUNS.has(t.lower) || t.lower === 'this') {
      k--;
      break;
    }
    if (!(isNameTok(t) || t.poss || modifierWord(t) || /^\d/.test(t.t))) break;
  }
  return documentStartingAt(ctx, s, k + 1);
}

/** The owner inside the phrase (a possessive, a name before the noun) or after it ("a letter from X"). */
function ownerOf(ctx: Ctx, s: Sentence, from: number, bodyFrom: number, noun: number): NP | null {
  const { doc } = ctx;
  const det = tok(doc, s, from)!;
  const pron = POSSESSIVE_PRONOUNS.get(det.lower);
  if (pron) return { kind: 'pronoun', toks: [s.items[from]!], name: [], desc: [], indefinite: false, pronoun: pron };
  // the capitalised run before the noun (a possessive ends it: "Ivana Trump's brief")
  const run: number[] = [];
  for (let k = bodyFrom; k < noun; k++) {
    const t = tok(doc, s, k)!;
    if (isNameTok(t)) {
      run.push(s.items[k]!);
      if (t.poss) break;
    } else if (run.length) break;
  }
  if (run.length) return buildNP(doc, run, true);
  const by = tok(doc, s, noun + 1);
  if (by && ['from', 'by'].includes(by.lower)) return npStartingAt(doc, s, noun + 2)?.np ?? null;
  return null;
}

/** Verbs by which someone puts out a document: "Brown released a statement", "parents sent a letter". */
const ISSUE_VERBS = new Set([
  'released', 'releases', 'issued', 'issues', 'sent', 'sends', 'wrote', 'writes', 'published', 'publishes', 'posted',
  'posts', 'signed', 'signs', 'filed', 'files', 'submitted', 'drafted', 'delivered', 'tweeted', 'shared', 'penned', 'authored',
]);

/**
 * "Brown released a statement … “…,” the statement said": a definite document mentioned before,
 * within the last three paragraphs, by its owner or as what someone released, sent or wrote.
 */
function earlierOwner(ctx: Ctx, s: Sentence, d: DocumentPhrase): NP | null {
  const { doc } = ctx;
  const det = tok(doc, s, d.from);
  if (!det || !['the', 'this', 'that'].includes(det.lower)) return null;
  const noun = tok(doc, s, d.to - 1)!.lower;
  for (let si = s.idx; si >= 0 && si >= s.idx - 8; si--) {
    const prev = doc.sents[si]!;
    if (s.para - prev.para > 3) break;
    const end = si === s.idx ? d.from : prev.items.length;
    for (let k = end - 1; k >= 0; k--) {
      const t = tok(doc, prev, k);
      if (!t || t.lower !== noun || t.cap) continue;
      // the earlier phrase: its determiner, an owner inside it or after it
      let from = k;
      while (from > 0 && tok(doc, prev, from - 1)?.word && !ISSUE_VERBS.has(tok(doc, prev, from - 1)!.lower) && k - from < 5) {
        const x = tok(doc, prev, from - 1)!;
        from--;
        if (DETERMINERS.has(x.lower) || POSSESSIVE_PRONOUNS.has(x.lower)) break;
      }
      const e = documentStartingAt(ctx, prev, from);
      if (e?.owner) return e.owner;
      let v = from - 1;
      while (['also', 'then', 'later', 'has', 'have', 'had', 'recently', 'jointly'].includes(tok(doc, prev, v)?.lower ?? '')) v--;
      const segs = segments(ctx, prev);
      // "The interior ministry said in a statement that …": whoever said it in the document
      if (tok(doc, prev, v)?.lower === 'in' && speechVerbAt(doc, prev, v - 1)) return subjectOf(ctx, prev, v - 1, segOf(ctx, segs, v - 1));
      if (!ISSUE_VERBS.has(tok(doc, prev, v)?.lower ?? '')) return null;
      return subjectOf(ctx, prev, v, segOf(ctx, segs, v));
    }
  }
  return null;
}

function found(ctx: Ctx, s: Sentence, d: DocumentPhrase, v: number): Found {
  if (!d.owner) {
    const earlier = earlierOwner(ctx, s, d);
    if (earlier) return { np: earlier, v, sent: s, rule: 'document-owner', confidence: 0.55 };
  }
  if (d.owner) return { np: d.owner, v, sent: s, rule: 'document-owner', confidence: 0.55 };
  const toks = s.items.slice(d.from, d.to).filter((x) => x >= 0);
  return { np: { kind: 'role', toks, name: [], desc: [], indefinite: false }, v, sent: s, rule: 'document', confidence: 0.5, document: true };
}

const CLAUSE_OPENERS = new Set([',', ';', ':', '—', '–', 'that', 'and', 'but', 'while', 'when', 'because', 'as', 'although', 'though', 'since']);

const isDocVerb = (ctx: Ctx, s: Sentence, k: number) => speechVerbAt(ctx.doc, s, k) || DOCUMENT_VERBS.has(tok(ctx.doc, s, k)?.lower ?? '');

/** The document rule: after the passage, or a document subject of the verb before it. */
export function documentSource(ctx: Ctx, { s, p, seg, closeSent, closeItem }: QuoteSite): Found | null {
  const { doc } = ctx;
  // after: “…,” the letter reads / said the ruling / as a memo put it / per the bylaws
  const cs = closeSent;
  const q = doc.quotes[-cs.items[closeItem]! - 1];
  const body = q ? doc.text.slice(q.start, q.end).trimEnd() : '';
  const closed = /\.$/.test(body);
  let i = closeItem + 1;
  while ([',', '—', '–', '-'].includes(tok(doc, cs, i)?.t ?? '')) i++;
  const t = tok(doc, cs, i);
  if (t) {
    if (isDocVerb(ctx, cs, i) && (!closed || PLAIN.has(t.lower))) {
      const d = documentStartingAt(ctx, cs, i + 1);
      if (d) return found(ctx, cs, d, i);
    } else if (closed) {
      // a full stop closed the passage: only "the letter reads" below reaches back
      const d = documentStartingAt(ctx, cs, i);
      if (d && PLAIN.has(tok(doc, cs, d.to)?.lower ?? '')) return found(ctx, cs, d, d.to);
    } else if (t.lower === 'per' || (t.lower === 'according' && tok(doc, cs, i + 1)?.lower === 'to')) {
      const d = documentStartingAt(ctx, cs, i + (t.lower === 'per' ? 1 : 2));
      if (d) return found(ctx, cs, d, -1);
    } else {
      const from = t.lower === 'as' ? i + 1 : i;
      const d = documentStartingAt(ctx, cs, from);
      if (d) {
        let k = d.to;
        while (['also', 'further', 'then', 'later'].includes(tok(doc, cs, k)?.lower ?? '')) k++;
        const put = tok(doc, cs, k)?.lower === 'put' && tok(doc, cs, k + 1)?.lower === 'it';
        if ((t.lower === 'as' && put) || (t.lower !== 'as' && isDocVerb(ctx, cs, k))) return found(ctx, cs, d, k);
      }
    }
  }
  // before: "The clip says Kaine “…”", "The book said: “…”" — the nearest verb before the passage
  for (let k = p - 1, dist = 0; k >= seg[0] && dist <= 12; k--, dist++) {
    const x = tok(doc, s, k);
    if (!x || TERMINAL.has(x.t)) return null;
    if (!isDocVerb(ctx, s, k)) continue;
    let j = k - 1;
    while (['also', 'further', 'then', 'later', 'has', 'had', 'have'].includes(tok(doc, s, j)?.lower ?? '')) j--;
    const d = documentEndingAt(ctx, s, j);
    // the document must be the verb's subject, opening its clause: not "released a statement calling X “…”"
    const b = tok(doc, s, (d?.from ?? 0) - 1);
    const opens = d !== null && (d.from <= seg[0] || s.items[d.from - 1]! < 0 || (b !== null && CLAUSE_OPENERS.has(b.lower)));
    return d && opens ? found(ctx, s, d, k) : null;
  }
  return null;
}
