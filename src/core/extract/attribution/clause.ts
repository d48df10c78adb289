/**
 * The grammar of a sentence the rules share: clause segments, the subject of a speech verb (with
 * appositives, coordination, "who", "as saying"), the first speech verb of a clause, negation,
 * and who stands behind "according to …". Answers are cached in the context.
 */
import { DETERMINERS, MONTHS, PRONOUNS, STOPWORDS, WEEKDAYS } from '../lexicon.js';
import { isFiller, npEndingAt, npStartingAt, personRoleBetween, roleNoun, speechVerbAt, tok, type NP } from '../np.js';
import type { Sentence } from '../doc.js';
import { itemKey, type Ctx, type Seg } from './context.js';

const CONJ_SPLIT = new Set(['but', 'while', 'whereas', 'yet', 'although', 'though']);
const COORD = new Set(['and', 'or', 'but', 'then', 'nor']);
const NEGATION = new Set(['not', 'never', "n't", 'declined', 'refused']);
const DOCUMENT_NOUNS = new Set([
  'statement', 'survey', 'report', 'poll', 'study', 'data', 'figures', 'estimate', 'estimates', 'document', 'documents',
  'filing', 'analysis', 'tally', 'count', 'records', 'record', 'census', 'letter', 'memo', 'transcript', 'post', 'release',
]);

/** Clause segments: split at ";" and at ", but|while …" that opens a new clause with its own subject. */
export function segments(ctx: Ctx, s: Sentence): Seg[] {
  const hit = ctx.segsCache.get(s.idx);
  if (hit) return hit;
  const segs = segmentsUncached(ctx, s);
  ctx.segsCache.set(s.idx, segs);
  return segs;
}

function segmentsUncached(ctx: Ctx, s: Sentence): Seg[] {
  const { doc } = ctx;
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

export function segOf(ctx: Ctx, segs: Seg[], p: number): Seg {
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

/**
 * "BERLIN — Chancellor X defended …", "MOSCOW, March 3 (Reuters) - …": the item after a wire
 * dateline opening the paragraph (the place in capitals is no subject), else `from`.
 */
export function afterDateline(ctx: Ctx, s: Sentence, from: number): number {
  const { doc } = ctx;
  if (from !== 0 || doc.paras[s.para]!.firstTok !== s.a) return from;
  let k = 0;
  while (k <= 3 && /^[A-Z][A-Z.'’-]+$/.test(tok(doc, s, k)?.t ?? '')) k++;
  if (k === 0) return from;
  for (let m = k; m < s.items.length && m <= k + 12; m++) {
    const x = tok(doc, s, m);
    if (!x) return from;
    if (['—', '–', '-'].includes(x.t)) {
      while (['—', '–', '-'].includes(tok(doc, s, m + 1)?.t ?? '')) m++;
      return m + 1;
    }
    if (m === k && !['(', ','].includes(x.t)) return from;
  }
  return from;
}

export function clauseSubject(ctx: Ctx, s: Sentence, seg: Seg): NP | null {
  const { doc } = ctx;
  let i = afterDateline(ctx, s, seg[0]);
  while (i < seg[1]) {
    const t = tok(doc, s, i);
    // "While Obama had …, that has not …": opening the sentence, "while", "although" subordinate
    // (read as a fronted clause below); after a comma they open a clause of their own
    const subordinating = i === 0 && (t?.lower === 'while' || t?.lower === 'although' || t?.lower === 'though' || t?.lower === 'whereas');
    if (t && !subordinating && (t.t === ',' || t.t === ';' || CONJ_SPLIT.has(t.lower) || t.lower === 'and')) i++;
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
    // "On July 6, 2015, Sanders made …": the first comma followed by a name or pronoun, else the first comma
    let first = -1;
    for (let k = i + 1; k < seg[1] && k < i + 30; k++) {
      const c = tok(doc, s, k);
      // "On “Face the Nation,” Sen. X …": a title whose comma sits inside its marks
      const quoted = s.items[k]! < 0 ? doc.quotes[-s.items[k]! - 1]! : null;
      if (quoted && !/,\s*$/.test(doc.text.slice(quoted.start, quoted.end))) break;
      if (!quoted && c?.t !== ',') continue;
      if (first < 0) first = k;
      const r = npStartingAt(doc, s, k + 1);
      if (r && (r.np.kind === 'name' || r.np.kind === 'pronoun')) {
        first = k;
        break;
      }
      if (!/^\d/.test(tok(doc, s, k + 1)?.t ?? '')) break;
    }
    if (first >= 0) i = first + 1;
  } else if (/^[A-Z][a-z]+(?:ed|ing)$/.test(t.t) && tok(doc, s, i + 1)?.word && !tok(doc, s, i + 1)!.cap) {
    // "Chastened by the analyses, as well as …, Trump revised": a participle opening the sentence
    // is no name; the subject is the first name or pronoun after one of its commas
    let firstComma = -1;
    for (let k = i + 1; k < seg[1] && k < i + 30; k++) {
      if (s.items[k]! < 0) break;
      if (tok(doc, s, k)?.t !== ',') continue;
      if (firstComma < 0) firstComma = k;
      const r = npStartingAt(doc, s, k + 1);
      if (r && (r.np.kind === 'name' || r.np.kind === 'pronoun')) {
        firstComma = k;
        break;
      }
    }
    if (firstComma < 0) return null;
    i = firstComma + 1;
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
export function subjectOf(ctx: Ctx, s: Sentence, v: number, seg: Seg): NP | null {
  const key = itemKey(s, v);
  if (ctx.verbCache.has(key)) return ctx.verbCache.get(key)!;
  const np = subjectOfUncached(ctx, s, v, seg);
  ctx.verbCache.set(key, np);
  return np;
}

/** Prepositions that open a sentence with a participle clause sharing the main clause's subject. */
const FRONTED_PARTICIPLE = new Set(['after', 'before', 'while', 'since', 'upon', 'on', 'by', 'without', 'despite']);

/**
 * "After saying her foot was “so swollen …,” she was …": a participle opening the sentence after a
 * preposition has no subject of its own; it is the main clause's, the phrase after the clause's
 * closing comma (inside or outside the quotation marks).
 */
function frontedParticipleSubject(ctx: Ctx, s: Sentence, v: number): NP | null {
  const { doc } = ctx;
  const verb = tok(doc, s, v);
  const prep = tok(doc, s, v - 1);
  if (v !== 1 || !verb || !/ing$/.test(verb.lower) || !prep || !FRONTED_PARTICIPLE.has(prep.lower)) return null;
  for (let k = v + 1; k < s.items.length && k <= v + 40; k++) {
    const it = s.items[k]!;
    const closes = it < 0 ? /,\s*$/.test(doc.text.slice(doc.quotes[-it - 1]!.start, doc.quotes[-it - 1]!.end)) : doc.toks[it]!.t === ',';
    if (!closes) continue;
    // only a clause that holds the passage ("Despite condemning X's threats, the government “…,”
    // Smagin said": the passage is the main clause's, said by someone else)
    if (!s.items.slice(v + 1, k + 1).some((x) => x < 0)) return null;
    const r = npStartingAt(doc, s, k + 1);
    return r && (r.np.kind === 'pronoun' || r.np.kind === 'name' || r.np.kind === 'role') ? r.np : null;
  }
  return null;
}

function subjectOfUncached(ctx: Ctx, s: Sentence, v: number, seg: Seg): NP | null {
  const { doc } = ctx;
  const fronted = frontedParticipleSubject(ctx, s, v);
  if (fronted) return fronted;
  let j = v - 1;
  while (j >= seg[0] && isFiller(tok(doc, s, j))) j--;
  if (j < seg[0]) {
    // verb opens its clause: "Said the minister: …" or a participle
    return npStartingAt(doc, s, v + 1)?.np ?? clauseSubject(ctx, s, seg);
  }
  let t = tok(doc, s, j);
  if (t && PAREN_DASHES.has(t.t)) {
    // "X, the chief of Ora -- the company that owns …, which … -- told me": a parenthesis
    // between dashes (commas and all) is skipped; the subject is before it
    let k = j - 1;
    while (k >= seg[0] && tok(doc, s, k)?.t === t.t) k--;
    for (; k >= seg[0] && k > j - 45; k--) {
      const x = tok(doc, s, k);
      if (!x) break;
      if (x.t !== t.t) continue;
      let b = k - 1;
      while (b >= seg[0] && tok(doc, s, b)?.t === t.t) b--;
      if (b >= seg[0] && tok(doc, s, b)) {
        j = b;
        while (j > seg[0] && isFiller(tok(doc, s, j))) j--;
        t = tok(doc, s, j);
      }
      break;
    }
  }
  if (!t) {
    // a quotation right before the verb: “…” said X
    const r = npStartingAt(doc, s, v + 1);
    return r?.np ?? null;
  }
  if (t.t === ',' && /ing$/.test(doc.toks[s.items[v]!]!.lower)) {
    // "X criticized …, demanding …": the participle shares the subject of the speech verb before it
    // (looked for first: the words between the commas are that verb's clause, not an appositive)
    for (let k = j - 1; k >= seg[0] && k > j - 16; k--) {
      if (s.items[k]! < 0) break;
      if (!speechVerbAt(doc, s, k)) continue;
      // "… an architect who said he was stiffed …, saying": a verb inside a relative clause is not the one shared
      if (['who', 'which', 'that'].includes(tok(doc, s, k - 1)?.lower ?? '')) continue;
      return subjectOf(ctx, s, k, seg);
    }
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
          roleNoun(first) !== null ||
          personRoleBetween(doc, s, c + 1));
      if (!appositive) {
        // "The health secretary, Margaret Ellison, said": the name between the commas
        const named = npEndingAt(doc, s, end - 1);
        if (named && named.kind === 'name' && doc.itemOf[named.toks[0]!] === c + 1) return named;
        break;
      }
      let before = c - 1;
      if (tok(doc, s, before)?.t === ')') {
        // "Roy Cooper (D), McCrory's opponent …, called": a party in brackets before the appositive
        for (let k = before - 1; k >= seg[0] && k >= before - 8; k--) {
          const x = tok(doc, s, k);
          if (!x) break;
          if (x.t === '(') {
            before = k - 1;
            break;
          }
        }
      }
      const np = npEndingAt(doc, s, before);
      if (np) {
        // "…, a mother of two from Yekaterinburg, a city …, told": a name inside the previous
        // appositive (after a preposition) is not the subject; look one comma further back
        const b = tok(doc, s, doc.itemOf[np.toks[0]!]! - 1);
        // ("…, while Julia Kim, an analyst at Morgan Capital, called them": a conjunction opens the clause)
        if (!(b && b.word && !b.cap && !COORD.has(b.lower) && !CONJ_SPLIT.has(b.lower))) return np;
      }
      end = c;
    }
    if (/ing$/.test(doc.toks[s.items[v]!]!.lower)) {
      // "“…,” he said, adding that …": the participle shares the subject of the verb before it
      for (let k = j - 1; k >= seg[0] && k > j - 12; k--) {
        if (speechVerbAt(doc, s, k) && !['who', 'which', 'that'].includes(tok(doc, s, k - 1)?.lower ?? '')) return subjectOf(ctx, s, k, seg);
      }
      return clauseSubject(ctx, s, seg);
    }
    if (j - 1 >= seg[0] && s.items[j - 1]! < 0) return npStartingAt(doc, s, v + 1)?.np ?? null; // “…,” said X
    return null;
  }
  if (COORD.has(t.lower)) return clauseSubject(ctx, s, seg);
  const owner = statementOwner(ctx, s, j);
  if (owner) return owner;
  if (t.lower === 'who') {
    let k = j - 1;
    if (tok(doc, s, k)?.t === ',') k--;
    return npEndingAt(doc, s, k);
  }
  if (t.lower === 'as' && quotedAs(ctx, s, v, seg) >= 0) {
    // "X was quoted … as saying"; but "The newspaper quoted a senior civil servant as saying": the
    // one quoted, not the outlet that relays the words
    const q = quotedAs(ctx, s, v, seg);
    const obj = tok(doc, s, q + 1);
    const passive = BE_FORMS.has(tok(doc, s, q - 1)?.lower ?? '') || (obj !== null && ['by', 'as'].includes(obj.lower));
    if (!passive) {
      const objPron = obj ? OBJECT_PRONOUNS.get(obj.lower) : undefined;
      if (objPron) return { kind: 'pronoun', toks: [s.items[q + 1]!], name: [], desc: [], indefinite: false, pronoun: objPron };
      const r = npStartingAt(doc, s, q + 1);
      return r && r.next <= v - 1 ? r.np : null;
    }
    return clauseSubject(ctx, s, seg);
  }
  if (t.lower === 'to') return infinitiveSubject(ctx, s, j, seg);
  // "Dean … began by saying he would “never” …", "responded by calling it “…”": the clause's subject
  if (t.lower === 'by' && /ing$/.test(doc.toks[s.items[v]!]!.lower)) return infinitiveSubject(ctx, s, j, seg);
  if (t.lower === 'that' || t.lower === 'which') return null;
  if (t.t === ')') {
    // "The Economic Community of West African States (ECOWAS) had threatened"
    for (let k = j - 1; k >= seg[0] && k > j - 8; k--) {
      const x = tok(doc, s, k);
      if (!x) break;
      if (x.t === '(') return npEndingAt(doc, s, k - 1);
    }
    return null;
  }
  const np = coordinated(ctx, s, locatedHead(ctx, s, npEndingAt(doc, s, j) ?? participleSubject(ctx, s, j, seg), seg), seg);
  return (np && unclosedAppositive(ctx, s, np, seg)) ?? np;
}

const PAREN_DASHES = new Set(['—', '–', '-']);
const OBJECT_PRONOUNS: ReadonlyMap<string, string> = new Map([['him', 'he'], ['her', 'she'], ['them', 'they']]);
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

/**
 * "Protesters marching through the streets chanted “…”": a participle phrase after the subject (up
 * to eight words, no comma) between it and the verb.
 */
function participleSubject(ctx: Ctx, s: Sentence, j: number, seg: Seg): NP | null {
  const { doc } = ctx;
  for (let k = j; k > seg[0] && k >= j - 8; k--) {
    const x = tok(doc, s, k);
    if (!x || !x.word) return null;
    if (x.cap || !/[a-z]{3}ing$/.test(x.lower)) continue;
    const np = npEndingAt(doc, s, k - 1);
    return np && np.kind !== 'pronoun' && (np.kind === 'name' || np.role?.kind === 'group' || np.role?.kind === 'person') ? np : null;
  }
  return null;
}

const PLACE_PREPS = new Set(['in', 'at', 'from', 'near', 'outside', 'inside']);

/**
 * "The … Center in Dallas maintains", "a senior official in Moscow said": a phrase after a
 * preposition of place modifies the noun before it, which is the subject.
 */
function locatedHead(ctx: Ctx, s: Sentence, np: NP | null, seg: Seg): NP | null {
  const { doc } = ctx;
  if (!np || np.kind === 'pronoun') return np;
  const start = doc.itemOf[np.toks[0]!]!;
  const prep = tok(doc, s, start - 1);
  if (!prep || !PLACE_PREPS.has(prep.lower) || start - 2 < seg[0]) return np;
  const head = npEndingAt(doc, s, start - 2);
  return head && head.kind !== 'pronoun' ? head : np;
}

/** Verbs whose object, not subject, does what the infinitive after them says: "asked him to describe". */
const OBJECT_CONTROL = new Set([
  'ask', 'asks', 'asked', 'urge', 'urges', 'urged', 'tell', 'tells', 'told', 'encourage', 'encourages', 'encouraged',
  'invite', 'invites', 'invited', 'want', 'wants', 'wanted', 'force', 'forced', 'persuade', 'persuaded', 'allow',
  'allowed', 'allows', 'call', 'called', 'calls', 'press', 'pressed', 'expect', 'expects', 'expected', 'require',
  'required', 'order', 'ordered', 'prompted', 'led', 'inspired', 'get', 'got', 'for', 'challenged', 'dared', 'begged',
]);

/**
 * "Hale took to Twitter overnight to accuse …": a speech verb in an infinitive speaks for the
 * clause's subject, unless a verb in between hands the infinitive to its object ("asked Lee to say").
 */
function infinitiveSubject(ctx: Ctx, s: Sentence, to: number, seg: Seg): NP | null {
  const { doc } = ctx;
  const subj = clauseSubject(ctx, s, seg);
  if (!subj || subj.kind === 'pronoun') return subj;
  const end = doc.itemOf[subj.toks[subj.toks.length - 1]!]!;
  if (end >= to) return null;
  for (let m = end + 1; m < to; m++) {
    const x = tok(doc, s, m);
    if (!x || OBJECT_CONTROL.has(x.lower) || x.t === ';') return null;
  }
  return subj;
}

const STATEMENT_NOUNS = new Set(['remarks', 'remark', 'comments', 'comment', 'statement', 'words', 'letter', 'speech', 'message', 'post', 'tweet', 'interview', 'testimony']);

/**
 * "Konstantin Kosachev, chair of the parliament's security committee told reporters": an
 * appositive whose closing comma is missing; the phrase before the verb is the end of the
 * description, the subject is the name before the comma.
 */
function unclosedAppositive(ctx: Ctx, s: Sentence, np: NP, seg: Seg): NP | null {
  const { doc } = ctx;
  if (np.kind === 'name' || np.kind === 'pronoun') return null;
  const start = doc.itemOf[np.toks[0]!]!;
  for (let k = start - 1; k > seg[0] && k >= start - 10; k--) {
    const x = tok(doc, s, k);
    if (!x) return null;
    if (x.t !== ',') continue;
    const name = npEndingAt(doc, s, k - 1);
    if (!name || name.kind !== 'name') return null;
    const from = doc.itemOf[name.toks[0]!]!;
    const before = tok(doc, s, from - 1);
    const opens = from <= seg[0] || (before !== null && [',', ';', ':', 'and', 'but', 'that'].includes(before.lower));
    return opens && personRoleBetween(doc, s, k + 1) ? name : null;
  }
  return null;
}

/** "Migiro's remarks calling …": the owner of the statement speaks through it. */
export function statementOwner(ctx: Ctx, s: Sentence, j: number): NP | null {
  const { doc } = ctx;
  const t = tok(doc, s, j);
  if (!t || !STATEMENT_NOUNS.has(t.lower)) return null;
  const owner = tok(doc, s, j - 1);
  if (!owner?.poss) return null;
  const np = npEndingAt(doc, s, j - 1, true);
  return np && np.kind !== 'pronoun' ? np : null;
}

/** "Iran, Russia and China said": names joined by commas and "and", opening their clause. */
function coordinated(ctx: Ctx, s: Sentence, np: NP | null, seg: Seg): NP | null {
  const { doc } = ctx;
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
export function quotedAs(ctx: Ctx, s: Sentence, v: number, seg: Seg): number {
  const { doc } = ctx;
  if (tok(doc, s, v - 1)?.lower !== 'as') return -1;
  for (let k = v - 2; k >= seg[0] && k >= v - 12; k--) {
    const x = tok(doc, s, k);
    if (!x) return -1;
    if (x.lower === 'quoted' || x.lower === 'cited') return k;
  }
  return -1;
}

export function firstVerb(ctx: Ctx, s: Sentence, seg: Seg): number {
  const key = itemKey(s, seg[0]);
  const hit = ctx.firstVerbCache.get(key);
  if (hit !== undefined) return hit;
  let found = -1;
  for (let k = seg[0]; k < seg[1]; k++) {
    if (!speechVerbAt(ctx.doc, s, k) || negated(ctx, s, k)) continue;
    if (subjectOf(ctx, s, k, seg)) {
      found = k;
      break;
    }
  }
  ctx.firstVerbCache.set(key, found);
  return found;
}

export function negated(ctx: Ctx, s: Sentence, v: number): boolean {
  const { doc } = ctx;
  for (let j = v - 1; j >= 0 && j >= v - 3; j--) {
    const t = tok(doc, s, j);
    if (!t) return false;
    if (NEGATION.has(t.lower) || t.lower.endsWith("n't") || t.lower.endsWith('n’t')) return true;
    if (!isFiller(t) && t.lower !== 'to') return false;
  }
  return false;
}

/**
 * Who is behind "according to …": a speaker ("according to one of Russia’s leading experts") or
 * the author of a document ("according to a statement released by the central bank", "a survey by Ifop").
 */
export function accordingSource(ctx: Ctx, s: Sentence, i: number): { np: NP; next: number } | null {
  const { doc } = ctx;
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
