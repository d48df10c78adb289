/**
 * Discovery, before any attribution: named people and organisations (so that a surname or a
 * title later in the text resolves to them), their roles from appositives, and the outlets that
 * are told things ("told Al Jazeera").
 */
import { GAZETTEER, ORG_WORDS, SPEECH_VERBS } from '../lexicon.js';
import { givenNameGender } from '../gender.js';
import { isFiller, isNameTok, npEndingAt, npStartingAt, npText, personRoleBetween, roleNoun, speechVerbAt, tok, type NP } from '../np.js';
import type { Sentence } from '../doc.js';
import { TERMINAL, type Ctx } from './context.js';
import { afterDateline } from './clause.js';

/** "Sanders Vows To …", "…, Lindsey Graham Says.": a capitalised verb of saying in a title-case headline ends the name. */
function headlineVerb(t: { para: number; cap: boolean; lower: string } | null): boolean {
  return t !== null && t.para === 0 && t.cap && /s$/.test(t.lower) && (SPEECH_VERBS.has(t.lower) || HEADLINE_VERBS.has(t.lower));
}

/** Verbs headlines use after a name that are no verbs of saying: "Obama Sees ‘Personal Insult’". */
const HEADLINE_VERBS = new Set(
  'sees wants seeks hopes fears plans eyes backs hits rips hammers defends faces gets takes makes gives pushes wins loses leads trails joins meets visits signs names picks rejects accepts'.split(' '),
);

/** "DUBAI (Reuters) -", "NEW YORK —": the place a wire story was filed from, in capitals, is no actor. */
function dateline(ctx: Ctx, s: Sentence, i: number): boolean {
  if (i > 3) return false;
  const t = tok(ctx.doc, s, i);
  return t !== null && /^[A-Z][A-Z.'’-]+$/.test(t.t) && i < afterDateline(ctx, s, 0);
}

/** "(Reporting by X; Editing by Y)": the wire's credits name its journalists, no actors of the story. */
const CREDIT = /^\(?\s*(?:reporting|additional reporting|writing|editing|compiled|produced|research)\s+by\b/i;
function creditLine(ctx: Ctx, s: Sentence): boolean {
  const p = ctx.doc.paras[s.para]!;
  return CREDIT.test(ctx.doc.text.slice(p.s, p.s + 40));
}

/** First pass: named people and organisations, so that later surnames resolve. */
export function discoverActors(ctx: Ctx): void {
  const { doc, reg } = ctx;
  for (const s of doc.sents) {
    if (creditLine(ctx, s)) continue;
    const n = s.items.length;
    for (let i = 0; i < n; i++) {
      const t = tok(doc, s, i);
      if (!t || !isNameTok(t) || headlineVerb(t) || dateline(ctx, s, i)) continue;
      const nx = tok(doc, s, i + 1);
      const continues =
        !t.poss &&
        ((isNameTok(nx) && !headlineVerb(nx)) ||
          (nx !== null && !nx.cap && ['al', 'bin', 'ibn', 'van', 'von', 'de', 'da'].includes(nx.lower) && isNameTok(tok(doc, s, i + 2))) ||
          (nx !== null && (nx.lower === 'of' || nx.lower === 'for' || nx.lower === 'on') && ORG_WORDS.has(t.lower) && isNameTok(tok(doc, s, i + 2))));
      if (continues) continue;
      const np = npEndingAt(doc, s, i, true);
      if (!np || np.kind !== 'name') continue;
      // a sentence-initial common word is no name ("Protests erupted …")
      const firstName = doc.toks[np.name[0]!]!;
      if (s.items[0] === np.name[0] && np.name.length === 1 && (doc.lowerVocab.has(firstName.lower) || roleNoun(firstName))) continue;
      const prev = tok(doc, s, doc.itemOf[np.toks[0]!]! - 1);
      const afterName = i + 1;
      const person = np.role?.kind === 'person' || personAppositive(ctx, s, afterName);
      const startItem = doc.itemOf[np.toks[0]!]!;
      const before = startItem > 0 ? s.items[startItem - 1]! : null;
      const subjectPosition =
        before === null || before < 0 || [',', ';', ':', '—', 'and', 'but', 'that', 'while'].includes(doc.toks[before]!.lower);
      const speaker = subjectPosition && verbFollows(ctx, s, afterName);
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
      // "Tina Houle had a question": a name that opens with a known given name is a person
      // (not "Virginia Beach": a place's name is no given name here)
      const nameList = words.split(/\s+/);
      // nor "Golden Week": a surname is not a word the article also writes in lower case
      const givenName =
        !orgish && nameList.length >= 2 && !GAZETTEER.has(nameList[0]!) && !doc.lowerVocab.has(nameList[nameList.length - 1]!) && givenNameGender(nameList) !== undefined;
      if (person || speaker || orgish || acronym || roleBefore || givenName) {
        const a = reg.resolveName(np, { person: person || roleBefore !== null || givenName, speaker });
        if (a && roleBefore) {
          const t0 = doc.toks[roleBefore.toks.find((x) => !['a', 'an', 'the'].includes(doc.toks[x]!.lower))!]!;
          const t1 = doc.toks[roleBefore.toks[roleBefore.toks.length - 1]!]!;
          reg.setRole(a, doc.text.slice(t0.s, t1.e), roleBefore.role!.base, roleBefore.role!.gender);
        }
        if (a && !roleBefore) {
          const ap = appositiveRole(ctx, s, afterName);
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
function appositiveRole(ctx: Ctx, s: Sentence, i: number): { text: string; base: string; gender?: 'm' | 'f' } | null {
  const { doc } = ctx;
  if (tok(doc, s, i)?.t !== ',') return null;
  let k = i + 1;
  // "Petar Ilic, 61, a farmer from …": an age before the appositive
  if (/^\d{1,3}$/.test(tok(doc, s, k)?.t ?? '') && tok(doc, s, k + 1)?.t === ',') k += 2;
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
function personAppositive(ctx: Ctx, s: Sentence, i: number): boolean {
  const { doc } = ctx;
  if (tok(doc, s, i)?.t !== ',') return false;
  const a = tok(doc, s, i + 1);
  if (!a) return false;
  if (a.lower === 'who' || a.lower === 'whose') return true;
  // ", Polish foreign minister," / ", proposed Secretary of State for …,": a role in apposition
  if (!a.poss && !['a', 'an', 'the', 'his', 'her'].includes(a.lower) && personRoleBetween(doc, s, i + 1)) return true;
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
function verbFollows(ctx: Ctx, s: Sentence, i: number): boolean {
  const { doc } = ctx;
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
