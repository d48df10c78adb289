/**
 * The actors found in an article, merged across mentions: a full name, a surname, a title and
 * name, a role noun ("the spokeswoman"), an unnamed description later named ("a former diplomat …
 * Boris Bondarev"). Kinds come from titles, role nouns, organisation words and the gazetteer.
 */
import type { ActorKind } from '../corpus/schema.js';
import type { Doc } from './doc.js';
import { EVALUATIVE, GAZETTEER, NON_ACTOR_WORDS, ORG_WORDS, OUTLET_NAMES, OUTLET_WORDS, DETERMINERS, US_PLACES } from './lexicon.js';
import { isTitle, npText, roleNoun, type NP } from './np.js';
import { givenNameGender } from './gender.js';

export interface ActorRec {
  key: number;
  name: string;
  kind: ActorKind;
  aliases: Set<string>;
  /** lower-case name words, for surname / suffix matching */
  words: string[];
  role: string | null;
  /** singular role noun ("diplomat"), for matching "the diplomat" and unnamed descriptions */
  roleBase: string | null;
  affiliation: string | null;
  country: string | null;
  gender?: 'm' | 'f';
  /** the gender is only the given-name list's guess ("Aung" reads as male; Burmese names have no
   *  given name): a he/she with no other fitting antecedent may still point to this person */
  genderGuessed?: boolean;
  /** referred to by the surname alone at least once ("Ted Cruz … Cruz said"): a later bare "Cruz" is
   *  still this person, not a relative named in full since ("his wife, Heidi", "Rafael Cruz") */
  bySurname?: boolean;
  /** an unnamed description ("a former Russian diplomat") that may later resolve to a name */
  placeholder: boolean;
  /** modifiers of a placeholder's description, lower-case */
  modifiers: Set<string>;
  /** a placeholder introduced with "a"/"an"/"one of": someone new, named later if at all */
  indefinite: boolean;
  /** a placeholder only ever written "the …": it points back, never forward to a name */
  definite: boolean;
  /** the country or body a description names ("the President of Ruritania" → "ruritania") */
  of?: string;
  firstPos: number;
  lastPos: number;
  para: number;
  /** paragraphs where the actor is a speaker */
  speakerParas: Set<number>;
  /** UTF-16 spans of explicit mentions found while parsing */
  mentions: Array<{ s: number; e: number }>;
  merged: ActorRec | null;
  profile: string;
}

export function canonical(a: ActorRec): ActorRec {
  let x = a;
  while (x.merged) x = x.merged;
  return x;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

export class Registry {
  readonly list: ActorRec[] = [];
  /** last name word → actors with a name or alias ending in it (surname and suffix lookups) */
  private readonly byLast = new Map<string, Set<ActorRec>>();
  private readonly wordsOf = new Map<string, string[]>();
  /** each actor's mention spans (spanKey), so `touch` finds a repeat in O(1) (a scan of the list was quadratic in a long article) */
  private readonly mentionKeys = new WeakMap<ActorRec, Set<number | string>>();

  private keysOf(a: ActorRec): Set<number | string> {
    let keys = this.mentionKeys.get(a);
    if (!keys) this.mentionKeys.set(a, (keys = new Set(a.mentions.map((m) => spanKey(m.s, m.e)))));
    return keys;
  }

  private readonly byMentionStart = new Map<number, ActorRec>();

  constructor(private readonly doc: Doc) {}

  private words(s: string): string[] {
    let w = this.wordsOf.get(s);
    if (!w) this.wordsOf.set(s, (w = nameWords(s)));
    return w;
  }

  /** initials ("voa", "vo") → organisations and outlets whose name words had them (byInitials) */
  private readonly initialsIndex = new Map<string, ActorRec[]>();
  /** the name words each actor was last indexed by initials under */
  private readonly initialsOf = new WeakMap<ActorRec, string[]>();

  private indexInitials(a: ActorRec): void {
    if ((a.kind !== 'organisation' && a.kind !== 'outlet') || a.words.length < 2 || this.initialsOf.get(a) === a.words) return;
    this.initialsOf.set(a, a.words);
    const all = a.words.map((w) => w[0]).join('');
    const content = a.words.filter((w) => !['of', 'the', 'and', 'for', '&'].includes(w)).map((w) => w[0]).join('');
    for (const key of all === content ? [all] : [all, content]) {
      let list = this.initialsIndex.get(key);
      if (!list) this.initialsIndex.set(key, (list = []));
      list.push(a);
    }
  }

  /** the name and the number of aliases each actor was last indexed with (aliases only grow) */
  private readonly indexedAs = new WeakMap<ActorRec, { name: string; aliases: number }>();

  /** Keeps the last-word index up to date with an actor's names. */
  index(a: ActorRec): void {
    this.indexInitials(a);
    // nothing new since the last time: all of it is indexed already (this ran on every mention,
    // over every alias of the actor)
    const was = this.indexedAs.get(a);
    if (was && was.name === a.name && was.aliases === a.aliases.size) return;
    if (was) {
      was.name = a.name;
      was.aliases = a.aliases.size;
    } else this.indexedAs.set(a, { name: a.name, aliases: a.aliases.size });
    for (const n of [a.name, ...a.aliases]) {
      const last = this.words(n).at(-1);
      if (!last) continue;
      let set = this.byLast.get(last);
      if (!set) this.byLast.set(last, (set = new Set()));
      set.add(a);
    }
  }

  private create(init: Partial<ActorRec> & { name: string; kind: ActorKind; pos: number; para: number }): ActorRec {
    const a: ActorRec = {
      key: this.list.length,
      name: init.name,
      kind: init.kind,
      aliases: new Set(),
      words: init.words ?? nameWords(init.name),
      role: init.role ?? null,
      roleBase: init.roleBase ?? null,
      affiliation: init.affiliation ?? null,
      country: init.country ?? null,
      ...(init.gender ? { gender: init.gender } : {}),
      ...(init.genderGuessed ? { genderGuessed: true } : {}),
      placeholder: init.placeholder ?? false,
      modifiers: init.modifiers ?? new Set(),
      indefinite: init.indefinite ?? false,
      definite: init.definite ?? false,
      firstPos: init.pos,
      lastPos: init.pos,
      para: init.para,
      speakerParas: new Set(),
      mentions: [],
      merged: null,
      profile: '',
    };
    this.list.push(a);
    this.index(a);
    return a;
  }

  live(): ActorRec[] {
    return this.list.filter((a) => !a.merged);
  }

  /** Folds `from` into `into`: names become aliases, gaps are filled. */
  merge(from: ActorRec, into: ActorRec): ActorRec {
    from = canonical(from);
    into = canonical(into);
    if (from === into) return into;
    from.merged = into;
    into.aliases.add(from.name);
    for (const al of from.aliases) into.aliases.add(al);
    into.role ??= from.role;
    into.roleBase ??= from.roleBase;
    into.affiliation ??= from.affiliation;
    into.country ??= from.country;
    if (!into.gender && from.gender) into.gender = from.gender;
    // one at a time: a spread of a long list overflows the stack
    const keys = this.keysOf(into);
    for (const m of from.mentions) {
      into.mentions.push(m);
      keys.add(spanKey(m.s, m.e));
    }
    for (const p of from.speakerParas) into.speakerParas.add(p);
    into.firstPos = Math.min(into.firstPos, from.firstPos);
    into.lastPos = Math.max(into.lastPos, from.lastPos);
    this.index(into);
    return into;
  }

  /** Sets a role found in an appositive ("Pat Cullen, the union’s general secretary,"). */
  setRole(a: ActorRec, role: string, base: string | null, gender?: 'm' | 'f'): void {
    a = canonical(a);
    if (!a.role) a.role = role;
    if (!a.roleBase && base) a.roleBase = base;
    if (gender && (!a.gender || a.genderGuessed)) {
      a.gender = gender;
      a.genderGuessed = false;
    }
  }

  /** "VoA", "VOA" for "Voice of America": an organisation's or outlet's initials. */
  private byInitials(word: string, kind: ActorKind | null): ActorRec | null {
    if (!/^[a-z]{2,6}$/.test(word)) return null;
    let best: ActorRec | null = null;
    // only the actors whose names ever had these initials (a scan of every actor for every unknown
    // word grew with actors × words); the test below is the same, and so is the pick: the latest
    // mention, the earliest created on a tie, as the scan in creation order gave
    const cands = this.initialsIndex.get(word);
    if (!cands) return null;
    for (const raw of cands) {
      if (raw.merged || raw.placeholder || (raw.kind !== 'organisation' && raw.kind !== 'outlet')) continue;
      if (kind && !compatible(raw.kind, kind)) continue;
      // with and without the small words: "VoA" keeps the "of", "BBC" has none, "UoM" / "UM"
      const all = raw.words.map((w) => w[0]).join('');
      const content = raw.words.filter((w) => !['of', 'the', 'and', 'for', '&'].includes(w)).map((w) => w[0]).join('');
      if (raw.words.length >= 2 && (all === word || content === word) && (!best || raw.lastPos > best.lastPos || (raw.lastPos === best.lastPos && raw.key < best.key))) best = raw;
    }
    return best;
  }

  /** The actor a mention starting at UTF-16 offset s was given to (discovery reads every name first). */
  at(s: number): ActorRec | null {
    const a = this.byMentionStart.get(s);
    return a ? canonical(a) : null;
  }

  touch(a: ActorRec, s: number, e: number): ActorRec {
    a = canonical(a);
    a.lastPos = Math.max(a.lastPos, s);
    if (!this.byMentionStart.has(s)) this.byMentionStart.set(s, a);
    if (e > s) {
      const keys = this.keysOf(a);
      const key = spanKey(s, e);
      if (!keys.has(key)) {
        keys.add(key);
        a.mentions.push({ s, e });
      }
    }
    return a;
  }

  /** Finds or creates the actor a name phrase refers to. `hint` is what the context shows. */
  resolveName(np: NP, hint: { speaker?: boolean; person?: boolean; outlet?: boolean } = {}): ActorRec | null {
    const doc = this.doc;
    const nameStr = npText(doc, np, 'name');
    if (!nameStr) return null;
    const words = nameWords(nameStr);
    const first = doc.toks[np.name[0]!]!;
    const last = doc.toks[np.name[np.name.length - 1]!]!;
    // a headline in title case reads as one long name ("Gold Star Mom Corners Obama"): no actor
    if (words.length >= 4 && first.para === 0 && !words.some((w) => w === 'of' || w === 'for')) return null;
    let kind = this.classify(np, words, hint);
    if (kind === null) return null;
    // "Rep. Jim Jordan … Jordan said": a surname that is also a country is the person already named
    if (kind === 'state' && words.length === 1 && this.findByWords(words, 'person')) kind = 'person';
    const para = first.para;
    // the actor this very mention was given before ("Obama" here is the President, even when a
    // "Michelle Obama" comes later), else the name's best match
    const here = this.at(first.s);
    let existing = here && compatible(here.kind, kind) && here.words.at(-1) === words.at(-1) ? here : this.findByWords(words, kind);
    if (existing && kind === 'person' && words.length > 1) {
      // "Obama" (he) then "Michelle Obama": a fuller name whose given name is of the other gender is someone else
      const g = givenNameGender(words);
      const known = canonical(existing);
      if (g && known.gender && known.gender !== g && !sameWords(known.words, words)) existing = null;
      // "President Obama … Michelle Obama": a surname introduced with a title in the body (not the
      // headline, which uses surnames alone) already had its full reference; a longer name is someone else
      else if (known.words.length === 1 && known.role && known.para > 0 && g) existing = null;
    }
    const info = this.describe(np);
    if (existing) {
      const a = canonical(existing);
      if (words.length === 1 && a.kind === 'person' && a.words.length > 1) a.bySurname = true;
      if (words.length > a.words.length && a.kind === kind) {
        // a fuller name than we had: "Trump" then "Donald Trump"
        a.aliases.add(a.name);
        a.name = nameStr;
        a.words = words;
        if (a.kind === 'person' && !a.gender) {
          const g = givenNameGender(words);
          if (g) {
            a.gender = g;
            a.genderGuessed = true;
          }
        }
      } else if (nameStr !== a.name) a.aliases.add(nameStr);
      if (a.kind === 'person') {
        a.role ??= info.role;
        a.roleBase ??= info.roleBase;
        a.affiliation ??= info.affiliation;
      }
      a.country ??= info.country;
      if (info.gender && (!a.gender || a.genderGuessed)) {
        // "widow", "Mrs." say it; the given-name list only guessed
        a.gender = info.gender;
        a.genderGuessed = false;
      }
      if (info.role && info.fullText !== nameStr) a.aliases.add(info.fullText);
      this.index(a);
      return this.touch(a, first.s, last.poss ? last.e - 2 : last.e);
    }
    let name = nameStr;
    const aliases: string[] = [];
    if ((kind === 'organisation' || kind === 'outlet') && info.possessor) {
      // "Russia’s Foreign Ministry" → "Russian Foreign Ministry"
      const g = GAZETTEER.get(info.possessor.toLowerCase());
      const dem = g?.country.demonyms[0];
      if (dem) {
        aliases.push(name, `${info.possessor}’s ${name}`);
        name = `${dem} ${name}`;
      }
    }
    const a = this.create({
      name,
      kind,
      pos: first.s,
      para,
      words: nameWords(name),
      role: kind === 'person' ? info.role : null,
      roleBase: kind === 'person' ? info.roleBase : null,
      affiliation: kind === 'person' ? info.affiliation : null,
      country: kind === 'state' ? null : info.country,
      ...(info.gender ? { gender: info.gender } : kind === 'person' && givenNameGender(words) ? { gender: givenNameGender(words)!, genderGuessed: true } : {}),
    });
    for (const al of aliases) a.aliases.add(al);
    if (info.role && info.fullText !== name) a.aliases.add(info.fullText);
    this.index(a);
    return this.touch(a, first.s, last.poss ? last.e - 2 : last.e);
  }

  /** Looks a name up among known actors: exact, then surname/suffix. */
  findByWords(words: string[], kind: ActorKind | null): ActorRec | null {
    let best: ActorRec | null = null;
    const cands = this.byLast.get(words.at(-1) ?? '');
    if (!cands) return words.length === 1 ? this.byInitials(words[0]!, kind) : null;
    for (const raw of cands) {
      if (raw.merged || raw.placeholder) continue;
      const a = raw;
      if (kind && !compatible(a.kind, kind)) continue;
      // the name, then each alias (no list of them built: this runs for every name in the text)
      let hit = namesMatch(a, a.words, words);
      if (!hit) {
        for (const x of a.aliases) {
          if (namesMatch(a, this.words(x), words)) {
            hit = true;
            break;
          }
        }
      }
      if (!hit) continue;
      // a bare surname: whoever was already called by it, before the most recent namesake
      const better = !best || (words.length === 1 && !!canonical(a).bySurname !== !!canonical(best).bySurname ? !!canonical(a).bySurname : a.lastPos > best.lastPos);
      if (better) best = a;
    }
    return best;
  }

  private classify(np: NP, words: string[], hint: { speaker?: boolean; person?: boolean; outlet?: boolean }): ActorKind | null {
    const joined = words.join(' ');
    const g = GAZETTEER.get(joined);
    if (g && (g.as === 'name' || g.as === 'capital')) {
      // "Mr. King's Russia Today programming": the title and the possessive are King's, the country is a country
      const before = this.doc.toks[np.name[0]! - 1];
      return hint.person && !before?.poss ? 'person' : 'state';
    }
    if (g && g.as === 'demonym' && words.length === 1) return null; // "Iranian" alone is no actor
    if (words.length === 1) {
      const w = words[0]!;
      // "Republican" alone is an adjective; "Republicans", "Mexicans" are groups
      if (PARTY_WORDS.has(w)) return null;
      if (/s$/.test(w) && (PARTY_WORDS.has(w.slice(0, -1)) || GAZETTEER.get(w.slice(0, -1))?.as === 'demonym')) return 'group';
      if (NUMBER_WORD.test(w)) return null; // "Twenty-two were arrested"
      if (OUTLET_NAMES.has(w)) return 'outlet';
      if (US_PLACES.has(w)) return null; // "McConnell of Kentucky, the majority leader": the appositive is his
      if (np.role?.kind !== 'person') {
        const t = this.doc.toks[np.name[0]!]!;
        // "C" or "L" alone is an initial cut from its name, not someone
        if (/^[A-Z]\.?$/.test(t.t)) return null;
        // a capitalised common word opening a sentence or a headline ("Additional …", "Keeps …",
        // "Proponents, including …"): written in lower case elsewhere in the article, it is no name
        const sent = this.doc.sents[t.sent];
        if ((t.para === 0 || sent?.a === np.name[0]) && this.doc.lowerVocab.has(w)) return null;
      }
    }
    if (words.some((w) => OUTLET_WORDS.has(w)) && !words.includes('agency')) return 'outlet';
    if (words.some((w) => ORG_WORDS.has(w) || w === 'house')) return 'organisation';
    if (words.some((w, i) => NON_ACTOR_WORDS.has(w) && !(i === 0 && words.length > 1 && GIVEN_NAME_HOMOGRAPHS.has(w) && words[1] !== 'of'))) {
      if (words.some((w) => w === 'republic' || w === 'kingdom' || w === 'states')) return hint.speaker ? 'state' : null;
      return null;
    }
    if (hint.outlet) return 'outlet';
    const single = this.doc.toks[np.name[0]!]!;
    if (np.role?.kind === 'person' || hint.person) return 'person';
    // "Shipping group Maersk", "the broadcaster Channel 4": the description says what the name is
    if (np.role?.kind === 'organisation') return 'organisation';
    if (np.role?.kind === 'outlet') return 'outlet';
    if (words.length === 1 && /^[A-Z]{2,6}$/.test(single.base)) return 'organisation';
    return 'person';
  }

  private describe(np: NP): {
    role: string | null;
    roleBase: string | null;
    affiliation: string | null;
    country: string | null;
    gender?: 'm' | 'f';
    possessor: string | null;
    fullText: string;
  } {
    const doc = this.doc;
    let country: string | null = null;
    let possessor: string | null = null;
    let affiliation: string | null = null;
    const descToks = np.desc.map((i) => doc.toks[i]!);
    // organisation chunk inside the descriptors ("Foreign Ministry spokeswoman")
    let chunk: string[] = [];
    const flush = () => {
      if (chunk.length && chunk.some((w) => ORG_WORDS.has(w.toLowerCase()))) affiliation ??= chunk.join(' ');
      chunk = [];
    };
    for (const t of descToks) {
      const g = GAZETTEER.get(t.base.toLowerCase());
      if (g) {
        country ??= g.country.name;
        if (t.poss) possessor ??= t.base;
      }
      if (t.cap && !isTitle(t) && !g) chunk.push(t.base);
      else flush();
    }
    flush();
    if (np.kind === 'name' && np.name.length) {
      // a possessor right before an organisation name: "Russia’s Foreign Ministry"
      const before = descToks[descToks.length - 1];
      if (before?.poss && GAZETTEER.has(before.base.toLowerCase())) possessor = before.base;
    }
    let roleToks = descToks.filter((t) => !DETERMINERS.has(t.lower) && !EVALUATIVE.has(t.lower));
    // a possessor opening the descriptors is not part of the role ("Syria’s former president")
    while (roleToks.length && roleToks[0]!.poss) roleToks = roleToks.slice(1);
    const hasRole = roleToks.some((t) => roleNoun(t) || isTitle(t));
    const role = hasRole && roleToks.length ? clean(doc.text.slice(roleToks[0]!.s, roleToks[roleToks.length - 1]!.e)) : null;
    return {
      role,
      roleBase: np.role?.base ?? null,
      affiliation,
      country,
      ...(np.role?.gender ? { gender: np.role.gender } : {}),
      possessor,
      fullText: npText(doc, np),
    };
  }

  /** Several actors speaking together ("Iran, Russia and China said"): one group, named as written. */
  resolveGroup(name: string, s: number, e: number, para: number): ActorRec {
    const lname = name.toLowerCase();
    for (const a0 of this.list) {
      const a = canonical(a0);
      if (a.kind === 'group' && a.name.toLowerCase() === lname) return this.touch(a, s, e);
    }
    return this.touch(this.create({ name, kind: 'group', pos: s, para }), s, e);
  }

  /**
   * "his office", "Ostrow's office": the office of a person already known, one organisation per
   * owner ("Carl Ostrow's office"), tied to its owner by affiliation.
   */
  resolveOffice(owner: ActorRec, s: number, e: number, para: number): ActorRec {
    const name = `${owner.name}'s office`;
    for (const a0 of this.list) {
      const a = canonical(a0);
      if (a.kind === 'organisation' && a.name === name) return this.touch(a, s, e);
    }
    const a = this.create({ name, kind: 'organisation', pos: s, para, roleBase: 'office', affiliation: owner.name });
    return this.touch(a, s, e);
  }

  /**
   * A descriptive phrase ("several analysts", "the spokeswoman", "a former diplomat"):
   * the named person it points back to, an earlier identical description, or a new actor.
   */
  resolveRole(np: NP, recent: readonly ActorRec[]): ActorRec | null {
    const doc = this.doc;
    const role = np.role;
    if (!role) return null;
    const first = doc.toks[np.toks[0]!]!;
    const last = doc.toks[np.toks[np.toks.length - 1]!]!;
    const descWords = np.desc
      .map((i) => doc.toks[i]!)
      .filter((t) => !DETERMINERS.has(t.lower))
      .map((t) => t.base.toLowerCase());
    const definite = doc.toks[np.toks[0]!]!.lower === 'the' && !np.indefinite;
    // text without a leading article: "former Russian diplomat", "Several analysts"
    const startTok = np.toks.find((i) => !['a', 'an', 'the'].includes(doc.toks[i]!.lower));
    if (startTok === undefined) return null;
    const st = doc.toks[startTok]!;
    const name = clean(doc.text.slice(st.s, last.poss ? last.e - 2 : last.e));
    // "the President of Gabon": a description that names its country or body is someone whose
    // known role or ties name it too, not just any recent president
    const ofRe = /^\s*(?:of|for)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u;
    const of = (/\b(?:of|for)\s+.*$/u.exec(name) ? ofRe.exec(name.slice(name.search(/\b(?:of|for)\s/u)))?.[1] : ofRe.exec(doc.text.slice(last.e, last.e + 80))?.[1])?.replace(/\.+$/, "").toLowerCase();
    if (role.kind === 'person') {
      // "Mr. King": a title and a capitalised surname that is also a role noun name someone already known
      if (np.toks.length === 2 && isTitle(first) && last.cap) {
        const known = this.findByWords([last.lower.replace(/['’]s$/, '')], 'person');
        if (known) return this.touch(canonical(known), first.s, last.poss ? last.e - 2 : last.e);
      }
      if (of) {
        // someone already known by this description ("the President of Gabon")
        for (const a0 of this.list) {
          const a = canonical(a0);
          if (a.roleBase === role.base && [a.name, ...a.aliases].some((x) => x.toLowerCase().includes(of))) return this.touch(a, first.s, last.e);
        }
      }
      // "The former first lady and U.S. senator": a gendered role among the words (or the role it is
      // coordinated with) is no man's description
      const before = np.toks[0]! >= 2 && doc.toks[np.toks[0]! - 1]!.lower === 'and' ? roleNoun(doc.toks[np.toks[0]! - 2]!)?.gender : undefined;
      const descGender = role.gender ?? np.desc.map((i) => roleNoun(doc.toks[i]!)?.gender).find((g) => g !== undefined) ?? before;
      if (definite) {
        const fits = (a: ActorRec) =>
          a.kind === 'person' &&
          !(descGender && a.gender && a.gender !== descGender) &&
          (a.roleBase === role.base || (a.role ?? '').toLowerCase().split(/[\s-]+/).includes(role.base)) &&
          (!of || [a.role, a.affiliation, a.country].some((x) => (x ?? '').toLowerCase().includes(of)));
        for (let i = recent.length - 1; i >= 0; i--) {
          const a = canonical(recent[i]!);
          if (fits(a)) return this.touch(a, first.s, last.e);
        }
        let best: ActorRec | null = null;
        for (const a0 of this.list) {
          const a = canonical(a0);
          if (!a0.placeholder && a0.firstPos < first.s && fits(a) && (!best || a.firstPos > best.firstPos)) best = a;
        }
        if (best) return this.touch(best, first.s, last.e);
      }
      // an earlier description with the same head and compatible words
      for (const a0 of this.list) {
        const a = canonical(a0);
        if (!a0.placeholder || a0.roleBase !== role.base) continue;
        if (of && ![a0.name, ...a0.aliases].some((x) => x.toLowerCase().includes(of))) continue;
        const mods = a0.modifiers;
        const sub = descWords.every((w) => mods.has(w)) || [...mods].every((w) => descWords.includes(w));
        if (sub) {
          for (const w of descWords) a0.modifiers.add(w);
          if (!definite) a0.definite = false;
          a.aliases.add(name);
          this.index(a);
          return this.touch(a, first.s, last.e);
        }
      }
      const a = this.create({
        name,
        kind: 'person',
        pos: first.s,
        para: first.para,
        role: name,
        roleBase: role.base,
        placeholder: true,
        indefinite: np.indefinite,
        definite,
        modifiers: new Set(descWords),
        ...(descGender ? { gender: descGender } : {}),
        ...(of ? { of } : {}),
      });
      const g = descWords.map((w) => GAZETTEER.get(w)).find((x) => x);
      if (g) a.country = g.country.name;
      return this.touch(a, first.s, last.e);
    }
    // groups, organisations, outlets: the same description is the same actor
    const kind: ActorKind = role.kind === 'group' ? 'group' : role.kind === 'outlet' ? 'outlet' : 'organisation';
    const lname = name.toLowerCase();
    // "the U.S. Embassy in Khartoum" is the "U.S. Embassy" already named: the phrase before its place
    const headAt = np.toks.findIndex((i) => doc.toks[i]!.cap && roleNoun(doc.toks[i]!)?.base === role.base);
    const core = headAt >= 0 && headAt < np.toks.length - 1 ? clean(doc.text.slice(st.s, doc.toks[np.toks[headAt]!]!.e)).toLowerCase() : null;
    for (const a0 of this.list) {
      const a = canonical(a0);
      if (a.kind !== kind) continue;
      if (a.name.toLowerCase() === lname || [...a.aliases].some((x) => x.toLowerCase() === lname)) return this.touch(a, first.s, last.e);
      if (core && (a.name.toLowerCase() === core || [...a.aliases].some((x) => x.toLowerCase() === core))) {
        a.aliases.add(name);
        return this.touch(a, first.s, last.e);
      }
    }
    if (definite && kind === 'organisation') {
      // "the ministry" → the latest organisation with that word in its name
      for (let i = recent.length - 1; i >= 0; i--) {
        const a = canonical(recent[i]!);
        if (a.kind === 'organisation' && (a.words.includes(role.base) || a.words.join(' ') === descWords.concat(role.base).join(' '))) {
          return this.touch(a, first.s, last.e);
        }
        // "The RSF said … “…,” the group said": a generic word points back to the last organisation named
        const business = role.base === 'company' || role.base === 'firm';
        if (a.kind === 'organisation' && descWords.length === 0 && !a.placeholder && a.words.length > 0 && (GENERIC_ORG_WORDS.has(role.base) || (business && a.words.some((w) => BUSINESS_WORDS.has(w))))) {
          return this.touch(a, first.s, last.e);
        }
      }
    }
    const a = this.create({ name, kind, pos: first.s, para: first.para, roleBase: role.base, modifiers: new Set(descWords) });
    const g = descWords.map((w) => GAZETTEER.get(w)).find((x) => x);
    if (g) a.country = g.country.name;
    return this.touch(a, first.s, last.e);
  }
}

/** Words that name an organisation of any kind: "the group", "the movement" point back to the last one named. */
const GENERIC_ORG_WORDS = new Set(['group', 'organisation', 'organization', 'movement', 'militia']);
/** "the company" points back to the last organisation whose name says it is a business. */
const BUSINESS_WORDS = new Set([
  'inc', 'corp', 'corporation', 'co', 'ltd', 'llc', 'plc', 'company', 'motors', 'holdings', 'group', 'industries', 'technologies',
  'airlines', 'airways', 'labs', 'pharmaceuticals', 'capital', 'securities', 'ventures', 'studios', 'entertainment',
  'petroleum', 'mining', 'telecom', 'communications', 'insurance', 'automotive', 'logistics', 'enterprises', 'bank',
]);

function compatible(a: ActorKind, b: ActorKind): boolean {
  if (a === b) return true;
  const orgish = (k: ActorKind) => k === 'organisation' || k === 'outlet';
  return orgish(a) && orgish(b);
}

/** Party adjectives: an actor only in the plural ("Republicans") or inside a longer name. */
const PARTY_WORDS = new Set(['republican', 'democrat', 'democratic', 'libertarian', 'conservative', 'liberal', 'progressive', 'socialist', 'communist', 'independent', 'tory', 'unionist', 'nationalist', 'loyalist']);
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|thousands)(?:-[a-z]+)?$/;

/**
 * Words of NON_ACTOR_WORDS that also open people's names: "Bill Clinton", "Park Geun-hye" are people,
 * "Bill of Rights" and "the bill" are not (a name of two words or more, not followed by "of").
 */
const GIVEN_NAME_HOMOGRAPHS = new Set(['bill', 'park', 'law']);

export function nameWords(s: string): string[] {
  return s
    .replace(/['’]s\b/g, '')
    .toLowerCase()
    .split(/[\s]+/)
    .filter((w) => w.length > 0);
}

/** One of actor a's names (its words w) is the name looked up, or ends it, or is ended by it. */
function namesMatch(a: ActorRec, w: string[], words: string[]): boolean {
  if (sameWords(w, words)) return true;
  if (a.kind === 'person' || a.kind === 'organisation' || a.kind === 'outlet') {
    if (words.length < w.length && endsWith(w, words)) return true;
    if (w.length < words.length && endsWith(words, w) && (a.kind !== 'person' || w.length >= 1)) return true;
  }
  return false;
}

/** A mention's span as one number when it fits (most do), else as text: no string per mention looked up. */
function spanKey(s: number, e: number): number | string {
  const len = e - s;
  return len >= 0 && len < 2 ** 23 && s < 2 ** 30 ? s * 2 ** 23 + len : `${s}:${e}`;
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function endsWith(long: string[], short: string[]): boolean {
  const off = long.length - short.length;
  return off >= 0 && short.every((w, i) => long[off + i] === w);
}
