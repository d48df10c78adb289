/**
 * Noun phrases that can name a speaker: a name with its titles and descriptors
 * ("Foreign Ministry spokeswoman Mariya Zakharova"), a pronoun ("he"), or a descriptive phrase
 * headed by a role noun ("a former diplomat", "Iranian state media", "several analysts").
 */
import type { Doc, Sentence, Tok } from './doc.js';
import {
  DETERMINERS,
  MONTHS,
  ORG_WORDS,
  OUTLET_WORDS,
  NAME_PARTICLES,
  NOUN_HOMOGRAPHS,
  NP_PREPOSITIONS,
  PRONOUNS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  STOPWORDS,
  TITLE_GENDER,
  TITLES,
  VERB_FILLERS,
  WEEKDAYS,
  type RoleNoun,
} from './lexicon.js';
import { givenNameGender } from './gender.js';

export type NPKind = 'name' | 'pronoun' | 'role';

export interface NP {
  kind: NPKind;
  /** token indices of the whole phrase, in order */
  toks: number[];
  /** the name part (titles and descriptors removed), for kind 'name' */
  name: number[];
  /** descriptor tokens before the name or the role head ("Foreign Ministry spokeswoman") */
  desc: number[];
  /** the role noun heading a descriptive phrase, or the title/role noun before a name */
  role?: RoleNoun & { word: string };
  /** "a", "one of", "several": introduces someone new */
  indefinite: boolean;
  pronoun?: string;
  /** "Iran, Russia and China": the coordinated names, each an NP of its own */
  coord?: NP[];
}

const TIME_WORDS = new Set([...MONTHS, ...WEEKDAYS]);

/** "Bank of England", "Voice of America": an organisation's or outlet's word before "of" keeps the name going. */
const ORG_OR_OUTLET = (w: string) => ORG_WORDS.has(w) || OUTLET_WORDS.has(w);

/** Adjectives that may stand before a title and name ("former President X", "deposed leader Y"). */
const PRE_TITLE = new Set([
  'former', 'late', 'then', 'acting', 'interim', 'deputy', 'outgoing', 'incoming', 'ousted', 'exiled', 'jailed',
  'deposed', 'veteran', 'longtime', 'long-time', 'prominent', 'leading', 'senior', 'top', 'newly', 'elected',
  'self-exiled', 'imprisoned', 'detained', 'embattled', 'beleaguered', 'influential', 'powerful', 'retired', 'chief',
]);

const PARTY_NOUNS = new Set(['democrat', 'republican', 'independent', 'libertarian', 'conservative', 'liberal', 'progressive', 'socialist']);

/** An abbreviated title's role, so that "Sen. X" is "the senator" later and "Gov. Y" "the governor". */
const TITLE_BASES: ReadonlyMap<string, string> = new Map([
  ['sen', 'senator'], ['rep', 'representative'], ['gov', 'governor'], ['gen', 'general'], ['col', 'colonel'],
  ['lt', 'lieutenant'], ['sgt', 'sergeant'], ['capt', 'captain'], ['maj', 'major'], ['adm', 'admiral'], ['prof', 'professor'],
  ['atty', 'attorney'], ['amb', 'ambassador'], ['del', 'delegate'], ['supt', 'superintendent'], ['rev', 'reverend'], ['pres', 'president'],
]);
function titleBase(lower: string): string {
  const b = lower.replace(/\.$/, '');
  return TITLE_BASES.get(b) ?? b;
}

/** Counts before "of": "one of the officials", "thousands of protesters". */
const OF_COUNTS = new Set(['one', 'dozens', 'hundreds', 'thousands', 'tens', 'millions']);

const RELATION_WORDS = new Set(['rival', 'fellow', 'ally', 'opponent', 'foe', 'friend', 'colleague']);

export function tok(doc: Doc, s: Sentence, i: number): Tok | null {
  const v = s.items[i];
  return v === undefined || v < 0 ? null : doc.toks[v]!;
}

export function isNameTok(t: Tok | null): boolean {
  if (!t || !t.word || !t.cap) return false;
  // a question about the spelling alone: answered once per distinct word
  const memo = (t.lex.memo ??= {});
  return (memo.name ??= nameSpelling(t));
}

function nameSpelling(t: Tok): boolean {
  if (/^\d/.test(t.t)) return false;
  // an abbreviation in capitals is a name even when it spells a common word: "the US", "WHO"
  if (/^[A-Z]{2,}$/.test(t.t) && !TIME_WORDS.has(t.lower)) return true;
  if (STOPWORDS.has(t.lower) || TIME_WORDS.has(t.lower)) return false;
  if (/^i['’](?:ve|m|d|ll)$/.test(t.lower)) return false; // "If, as I've suggested, …"
  return true;
}

export function isTitle(t: Tok): boolean {
  const memo = (t.lex.memo ??= {});
  return (memo.title ??= TITLES.has(t.lower.replace(/\.$/, '')));
}

/** roleNoun's answer per lower-case word: it depends on nothing else, and was asked for millions of times on a long article */
const roleNounOf = new Map<string, Readonly<RoleNoun & { word: string }> | null>();

export function roleNoun(t: Tok | null): (RoleNoun & { word: string }) | null {
  if (!t || !t.word) return null;
  let hit = roleNounOf.get(t.lower);
  if (hit === undefined) {
    let r = ROLE_NOUNS.get(t.lower);
    // "Undersecretary", "vice-chairman", "co-founder": a role with a prefix is that role
    if (!r) {
      const m = /^(?:under|vice-?|co-|deputy-|acting-|ex-)(.{3,})$/.exec(t.lower);
      if (m) r = ROLE_NOUNS.get(m[1]!);
    }
    // "Delegates asked …": the plural of a person's role is a group ("delegate" → "delegates"); not
    // "heads", "chairs", more often a verb or a thing ("heads of state hours after declaring")
    if (!r && /[^s]s$/.test(t.lower) && t.lower !== 'heads' && t.lower !== 'chairs') {
      const one = ROLE_NOUNS.get(t.lower.endsWith('ies') ? `${t.lower.slice(0, -3)}y` : t.lower.slice(0, -1));
      if (one?.kind === 'person') r = { kind: 'group', base: one.base };
    }
    // frozen: one object is handed to every caller, so none may change it
    hit = r ? Object.freeze({ ...r, word: t.lower }) : null;
    if (roleNounOf.size > 200_000) roleNounOf.clear(); // bounded: a text of random words
    roleNounOf.set(t.lower, hit);
  }
  return hit as (RoleNoun & { word: string }) | null;
}

/**
 * A description in apposition from item i up to the next comma (at most ten words) that names a
 * person's role: ", Polish foreign minister,", ", proposed Secretary of State for …,".
 */
export function personRoleBetween(doc: Doc, s: Sentence, i: number): boolean {
  for (let k = i; k < s.items.length && k < i + 10; k++) {
    const t = tok(doc, s, k);
    if (!t || t.t === ',' || t.t === ';' || t.t === '.' || t.t === ':') return false;
    if (!t.word) continue;
    if (SPEECH_VERBS.has(t.t) && !t.cap) return false;
    if (roleNoun(t)?.kind === 'person') return true;
  }
  return false;
}

/** A pronoun, but not an abbreviation written like one: "US" and "IT" in capitals are names. */
export function isPronounTok(t: Tok): boolean {
  return PRONOUNS.has(t.lower) && !/^[A-Z]{2,}$/.test(t.t);
}

const ADVERB = /^[a-z]+ly$/;
export function isFiller(t: Tok | null): boolean {
  if (!t || !t.word || t.cap) return false;
  return VERB_FILLERS.has(t.lower) || (ADVERB.test(t.lower) && !ROLE_NOUNS.has(t.lower) && t.lower !== 'only');
}

const NOT_VERB_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'our', 'my', 'your', 'no', 'any', 'such', 'whose', 'of', 'so-called']);

const GO_ON = new Set(['went', 'go', 'goes', 'going', 'gone']);

/** A speech verb used as a verb here (not "state media", "the claims", "a post"). */
export function speechVerbAt(doc: Doc, s: Sentence, i: number): boolean {
  const t = tok(doc, s, i);
  if (!t || !t.word || t.cap || t.poss) return false;
  // "as Trump went on about “…”": a phrasal verb of saying whose words say nothing alone
  if (GO_ON.has(t.lower) && tok(doc, s, i + 1)?.lower === 'on' && tok(doc, s, i + 2)?.lower === 'about') return true;
  if (!SPEECH_VERBS.has(t.t)) return false;
  // "Talk compared to ‘working the referees’": compared to/with something is no one comparing
  if (t.lower.startsWith('compar') && ['to', 'with'].includes(tok(doc, s, i + 1)?.lower ?? '')) return false;
  // "She continued, “…”", "“…,” he continued." — not "protesters continued to call for …"
  if (t.lower.startsWith('continue') && tok(doc, s, i + 1)?.word) return false;
  const prev = tok(doc, s, i - 1);
  if (prev && NOT_VERB_BEFORE.has(prev.lower)) return false;
  if (NOUN_HOMOGRAPHS.has(t.t)) {
    const next = tok(doc, s, i + 1);
    if (next && (roleNoun(next) || SPEECH_VERBS.has(next.t) || VERB_FILLERS.has(next.lower))) return false;
    let j = i - 1;
    while (isFiller(tok(doc, s, j))) j--;
    const p = tok(doc, s, j);
    const okPrev =
      s.items[j] !== undefined &&
      (s.items[j]! < 0 || (p !== null && (p.t === ',' || PRONOUNS.has(p.lower) || p.cap || roleNoun(p) !== null)));
    if (!okPrev) return false;
  }
  return true;
}

/** Words that may sit inside a descriptive noun phrase before its head. */
function isModifier(t: Tok | null): boolean {
  if (!t || !t.word) return false;
  if (!t.cap && PRE_TITLE.has(t.lower)) return true; // "retired Air Force general Lloyd Newton"
  if (t.cap) return !STOPWORDS.has(t.lower) || DETERMINERS.has(t.lower);
  if (STOPWORDS.has(t.lower) && !DETERMINERS.has(t.lower)) return false;
  if (SPEECH_VERBS.has(t.t) && !NOUN_HOMOGRAPHS.has(t.t)) return false;
  if (ADVERB.test(t.lower) && t.lower !== 'only') return false;
  if (/(?:ed|ing)$/.test(t.lower) && !t.lower.includes('-') && !ROLE_NOUNS.has(t.lower) && t.lower !== 'leading' && t.lower !== 'ruling' && t.lower !== 'governing') return false;
  return true;
}

/**
 * Builds an NP from a run of tokens known to end at its head. Returns null when the run is not
 * a speaker-like phrase.
 */
export function buildNP(doc: Doc, run: number[], possHead = false): NP | null {
  let k = 0;
  let indefinite = false;
  const T = (i: number) => doc.toks[run[i]!]!;
  // determiners: "a", "the", "several", "one of", "one of the"
  while (k < run.length && (DETERMINERS.has(T(k).lower) || (T(k).lower === 'of' && k > 0 && OF_COUNTS.has(T(k - 1).lower)))) {
    const l = T(k).lower;
    if (l !== 'the' && l !== 'senior' && l !== 'top') indefinite = true;
    k++;
  }
  const body = run.slice(k);
  if (body.length === 0) return null;
  const last = doc.toks[body[body.length - 1]!]!;
  if (body.length === 1 && isPronounTok(last)) {
    return { kind: 'pronoun', toks: run, name: [], desc: [], indefinite: false, pronoun: last.lower };
  }
  // a prepositional tail ("the embassy in Tehran", "one of Russia’s leading Iran experts" handled above)
  let headEnd = body.length;
  for (let i = 1; i < body.length; i++) {
    const t = doc.toks[body[i]!]!;
    if ((NP_PREPOSITIONS.has(t.lower) || t.lower === 'with') && !t.cap) {
      const before = doc.toks[body[i - 1]!]!;
      // "the U.S. Embassy in Khartoum": an organisation's word before "in"/"at" ends its name (not "Ministry of Defence")
      const orgAt = before.cap && (t.lower === 'in' || t.lower === 'at') && roleNoun(before)?.kind === 'organisation';
      if ((roleNoun(before) && !before.cap) || orgAt) {
        headEnd = i;
        break;
      }
    }
  }
  const core = body.slice(0, headEnd);
  const head = doc.toks[core[core.length - 1]!]!;
  if (isNameTok(head) && (possHead || !head.poss) && headEnd === body.length) {
    // name at the end: split off titles and descriptors
    let n = core.length - 1;
    while (n > 0) {
      const p = doc.toks[core[n - 1]!]!;
      // "Democrat Tim Kaine": a party noun before a given name describes the person (not "Republican National Committee")
      // and "Rival Hillary Clinton", "Fellow Democrat X": a relation, not part of the name nor the person's role
      const party = (PARTY_NOUNS.has(p.lower) && givenNameGender([doc.toks[core[n]!]!.lower, 'x']) !== undefined) || RELATION_WORDS.has(p.lower);
      // "Said Ellis: “…”", "Says Kim, …": a verb of saying opening the sentence, inverted before its speaker
      const inverted = (p.lower === 'said' || p.lower === 'says') && doc.sents[p.sent]?.a === p.idx;
      if (isNameTok(p) && !p.poss && !isTitle(p) && roleNoun(p)?.kind !== 'person' && !party && !inverted) n--;
      else if (!p.cap && NAME_PARTICLES.has(p.lower) && n - 2 >= 0 && isNameTok(doc.toks[core[n - 2]!]!)) n--;
      else break;
    }
    // "Royal College of Nursing": "of"/"for" inside an organisation's name
    while (n >= 2) {
      const p = doc.toks[core[n - 1]!]!;
      const pp = doc.toks[core[n - 2]!]!;
      if ((p.lower === 'of' || p.lower === 'for' || p.lower === 'on') && !p.cap && isNameTok(pp) && ORG_OR_OUTLET(pp.lower)) {
        n -= 2;
        while (n > 0) {
          const q = doc.toks[core[n - 1]!]!;
          if (isNameTok(q) && !q.poss && !isTitle(q) && !roleNoun(q)) n--;
          else break;
        }
      } else break;
    }
    // "Foreign Minister Lavrov": the title is capitalised and part of the run
    // "Secretary of State John Kerry": after "of", the title's object runs up to the given name
    if (n > 0 && core.length - n >= 3 && doc.toks[core[n - 1]!]!.lower === 'of') {
      for (let g = n + 1; g <= core.length - 2; g++) {
        if (givenNameGender([doc.toks[core[g]!]!.lower, 'x']) !== undefined) {
          n = g;
          break;
        }
      }
    }
    const name = core.slice(n);
    const desc = core.slice(0, n);
    if (name.length === 0) return null;
    // "Minister: …", "Officials said" — a title or role noun alone is a description, not a name
    const lastName = doc.toks[name[name.length - 1]!]!;
    if (name.length === 1 && roleNoun(lastName) && roleNoun(lastName)!.kind !== 'person') {
      return { kind: 'role', toks: run, name: [], desc: core.slice(0, -1), role: roleNoun(lastName)!, indefinite };
    }
    if (name.every((i) => isTitle(doc.toks[i]!) || roleNoun(doc.toks[i]!)?.kind === 'person')) {
      const r = roleNoun(lastName);
      const base = titleBase(lastName.lower);
      const g = r?.gender ?? TITLE_GENDER.get(base);
      return { kind: 'role', toks: run, name: [], desc: core.slice(0, -1), role: { kind: 'person', base: r?.base ?? base, word: lastName.lower, ...(g ? { gender: g } : {}) }, indefinite };
    }
    let role: NP['role'];
    for (let i = desc.length - 1; i >= 0; i--) {
      const t = doc.toks[desc[i]!]!;
      const r = roleNoun(t);
      if (r) {
        role = r;
        break;
      }
      if (isTitle(t)) {
        const base = titleBase(t.lower);
        const g = TITLE_GENDER.get(base);
        role = { kind: 'person', base, word: t.lower, ...(g ? { gender: g } : {}) };
        break;
      }
    }
    return { kind: 'name', toks: run, name, desc, ...(role ? { role } : {}), indefinite: false };
  }
  const r = roleNoun(head);
  if (r && !head.poss) {
    // "one of … experts" is one person
    const oneOf = run.length > 1 && T(0).lower === 'one' && T(1).lower === 'of';
    const role = oneOf && r.kind === 'group' ? { ...r, kind: 'person' as const } : r;
    return { kind: 'role', toks: run, name: [], desc: core.slice(0, -1), role, indefinite };
  }
  if (isTitle(head) && !head.poss) {
    return { kind: 'role', toks: run, name: [], desc: core.slice(0, -1), role: { kind: 'person', base: head.lower, word: head.lower }, indefinite };
  }
  return null;
}

/** The NP that ends at item j (inclusive), read backward; null if none. */
export function npEndingAt(doc: Doc, s: Sentence, j: number, possHead = false): NP | null {
  const first = tok(doc, s, j);
  if (!first || !first.word) return null;
  if (isPronounTok(first) || first.lower === 'who') {
    return first.lower === 'who' ? null : buildNP(doc, [s.items[j]!]);
  }
  const run: number[] = [];
  let i = j;
  const headIsName = isNameTok(first) && !isTitle(first) && roleNoun(first)?.kind !== 'person';
  if (!isNameTok(first) && !roleNoun(first) && !isTitle(first)) {
    // "a senior official with an international charity": a role noun before a prepositional tail
    let found = -1;
    for (let k = j - 1; k >= 0 && k >= j - 6; k--) {
      const x = tok(doc, s, k);
      if (!x || !x.word || (STOPWORDS.has(x.lower) && !DETERMINERS.has(x.lower) && !NP_PREPOSITIONS.has(x.lower) && x.lower !== 'with')) break;
      if ((NP_PREPOSITIONS.has(x.lower) || x.lower === 'with') && roleNoun(tok(doc, s, k - 1)) && !tok(doc, s, k - 1)!.cap) {
        found = k;
        break;
      }
    }
    if (found < 0) return null;
    for (let k = j; k >= found; k--) run.unshift(s.items[k]!);
    i = found - 1;
  }
  while (i >= 0 && run.length < 16) {
    const t = tok(doc, s, i);
    if (!t) break;
    if (run.length > 0 && DETERMINERS.has(t.lower)) {
      run.unshift(s.items[i]!);
      // "an official with an international charity": the determiner opens a prepositional tail
      const p = tok(doc, s, i - 1);
      const r = tok(doc, s, i - 2);
      if (p && r && (NP_PREPOSITIONS.has(p.lower) || p.lower === 'with') && !p.cap && roleNoun(r) && !r.cap) {
        i--;
        continue;
      }
      break;
    }
    if (run.length > 0 && t.lower === 'of' && tok(doc, s, i - 1)?.lower === 'one') {
      run.unshift(s.items[i]!, s.items[i - 1]!);
      run.sort((a, b) => a - b);
      break;
    }
    if (run.length > 0 && (t.lower === 'of' || t.lower === 'for' || t.lower === 'on') && !t.cap) {
      const before = tok(doc, s, i - 1);
      // "Council on Foreign Relations", "Board on Professional Responsibility": "on" only after an organisation's word
      if (before && isNameTok(before) && (ORG_OR_OUTLET(before.lower) || (isTitle(before) && t.lower !== 'on'))) {
        run.unshift(s.items[i]!);
        i--;
        continue;
      }
    }
    if (run.length > 0 && (NP_PREPOSITIONS.has(t.lower) || t.lower === 'with') && !t.cap) {
      const before = tok(doc, s, i - 1);
      if (before && roleNoun(before)) {
        run.unshift(s.items[i]!);
        i--;
        continue;
      }
      break;
    }
    if (run.length > 0 && !t.cap && NAME_PARTICLES.has(t.lower) && isNameTok(tok(doc, s, i - 1))) {
      run.unshift(s.items[i]!);
      i--;
      continue;
    }
    if (run.length === 0 ? isNameTok(t) || roleNoun(t) !== null || isTitle(t) : isModifier(t) || isNameTok(t)) {
      if (run.length > 0 && t.poss && !isNameTok(t)) break; // "his", "its" handled as stopwords
      if (run.length > 0 && !t.cap && !roleNoun(t) && !isTitle(t) && !PRE_TITLE.has(t.lower)) {
        // Before a capitalised word, a lower-case word belongs to the phrase only when the phrase
        // is a description ("a government-aligned Israeli television station"); before a name's
        // titles only known adjectives do ("former", "deposed"), not a verb: "met Brazilian President …"
        const right = doc.toks[run[0]!]!;
        if (right.cap && headIsName) break;
      }
      run.unshift(s.items[i]!);
      i--;
      continue;
    }
    break;
  }
  if (run.length === 0) return null;
  // a possessive inside the run belongs to a descriptor ("Russia’s Foreign Ministry"); fine.
  return buildNP(doc, run, possHead);
}

/** Reads an NP forward from item i. Returns the NP and the item index after it. */
export function npStartingAt(doc: Doc, s: Sentence, i: number): { np: NP; next: number } | null {
  const t0 = tok(doc, s, i);
  if (!t0 || !t0.word) return null;
  if (isPronounTok(t0)) {
    const np = buildNP(doc, [s.items[i]!]);
    return np ? { np, next: i + 1 } : null;
  }
  const run: number[] = [];
  let k = i;
  let sawName = false;
  let sawHead = false;
  while (k < s.items.length && run.length < 14) {
    const t = tok(doc, s, k);
    if (!t || !t.word) break;
    if (run.length === 0 || (!sawName && !sawHead && DETERMINERS.has(t.lower))) {
      if (DETERMINERS.has(t.lower) || (t.lower === 'of' && run.length > 0)) {
        run.push(s.items[k]!);
        k++;
        continue;
      }
    }
    if (t.lower === 'of' && run.length === 1 && OF_COUNTS.has(doc.toks[run[0]!]!.lower)) {
      run.push(s.items[k]!);
      k++;
      continue;
    }
    if (isNameTok(t)) {
      run.push(s.items[k]!);
      k++;
      sawName = true;
      if (t.poss) {
        // "Russia’s Foreign Ministry": the possessor is a descriptor; go on
        sawName = false;
      }
      continue;
    }
    if ((t.lower === 'of' || t.lower === 'for' || t.lower === 'on') && !t.cap && sawName && ORG_OR_OUTLET(tok(doc, s, k - 1)?.lower ?? '') && isNameTok(tok(doc, s, k + 1))) {
      run.push(s.items[k]!);
      k++;
      continue;
    }
    if (!t.cap && NAME_PARTICLES.has(t.lower) && sawName && isNameTok(tok(doc, s, k + 1))) {
      run.push(s.items[k]!);
      k++;
      continue;
    }
    const r = roleNoun(t);
    if (r) {
      run.push(s.items[k]!);
      k++;
      sawHead = true;
      sawName = false;
      continue;
    }
    if (NP_PREPOSITIONS.has(t.lower) && sawHead && !sawName) {
      // "the embassy in Tehran": take the preposition and one name after it
      if (isNameTok(tok(doc, s, k + 1))) {
        run.push(s.items[k]!);
        k++;
        continue;
      }
      break;
    }
    if (isModifier(t) && !speechVerbAt(doc, s, k)) {
      // a modifier must lead on to a head within two words ("state media", "former Russian diplomat")
      let ok = false;
      let toRole = false;
      for (let a = 1; a <= 3; a++) {
        const nx = tok(doc, s, k + a);
        if (!nx) break;
        if (roleNoun(nx) || isNameTok(nx)) {
          ok = true;
          toRole = roleNoun(nx) !== null && !nx.cap;
          break;
        }
        if (!isModifier(nx)) break;
      }
      // after a name only on to a role: "White House press secretary Josh Earnest" (the name describes)
      if (!ok || (sawName && !toRole)) break;
      sawName = false;
      run.push(s.items[k]!);
      k++;
      continue;
    }
    break;
  }
  // trim a trailing preposition
  while (run.length && NP_PREPOSITIONS.has(doc.toks[run[run.length - 1]!]!.lower)) {
    run.pop();
    k--;
  }
  if (run.length === 0) return null;
  const np = buildNP(doc, run);
  return np ? { np, next: k } : null;
}

export function npText(doc: Doc, np: NP, which: 'toks' | 'name' | 'desc' = 'toks'): string {
  const list = np[which];
  if (list.length === 0) return '';
  const a = doc.toks[list[0]!]!;
  const b = doc.toks[list[list.length - 1]!]!;
  const end = b.poss ? b.e - 2 : b.e;
  return doc.text.slice(a.s, end);
}
