/** From a phrase to an actor: names, descriptions, pronouns and lists, and the recent-mention memory. */
import { POSSESSIVE_PRONOUNS, PRONOUNS } from '../lexicon.js';
import { canonical, type ActorRec } from '../actors.js';
import { npEndingAt, tok, type NP } from '../np.js';
import { phraseKey, type Ctx, type Found } from './context.js';

export function pushRecent(ctx: Ctx, a: ActorRec): void {
  a = canonical(a);
  const i = ctx.recent.lastIndexOf(a);
  if (i >= 0) ctx.recent.splice(i, 1);
  ctx.recent.push(a);
  if (ctx.recent.length > 40) ctx.recent.shift();
}

/** Turns a phrase into an actor (cached per phrase so both passes agree). */
export function resolve(ctx: Ctx, np: NP): ActorRec | null {
  const key = phraseKey(np.toks);
  if (ctx.cache.has(key)) return ctx.cache.get(key)!;
  let a: ActorRec | null = null;
  if (np.coord) {
    for (const m of np.coord) ctx.reg.resolveName(m, { speaker: true });
    const first = ctx.doc.toks[np.toks[0]!]!;
    const last = ctx.doc.toks[np.toks[np.toks.length - 1]!]!;
    a = ctx.reg.resolveGroup(ctx.doc.text.slice(first.s, last.e), first.s, last.e, first.para);
  } else if (np.kind === 'pronoun') a = resolvePronoun(ctx, np.pronoun!, np.toks[0]!);
  else if (np.kind === 'name') a = ctx.reg.resolveName(np, { speaker: true });
  else a = appositiveOf(ctx, np) ?? officeOf(ctx, np) ?? ctx.reg.resolveRole(np, ctx.recent);
  if (a) a = canonical(a);
  ctx.cache.set(key, a);
  return a;
}

/**
 * "Lee Gelernt, an ACLU lawyer who argued the case, …": a description in apposition to a person's
 * name is that person (not someone new a later "he" could point to).
 */
function appositiveOf(ctx: Ctx, np: NP): ActorRec | null {
  if (np.role?.kind !== 'person') return null;
  const { doc } = ctx;
  const first = doc.toks[np.toks[0]!]!;
  const s = doc.sents[first.sent]!;
  const at = doc.itemOf[np.toks[0]!]!;
  if (at < 2 || tok(doc, s, at - 1)?.t !== ',') return null;
  // the description closes its apposition ("…, an ACLU lawyer who …", "…, a teacher, said"), and the
  // name opens its clause (not "At a press conference in Chelsea, the mayor said")
  const end = doc.itemOf[np.toks[np.toks.length - 1]!]!;
  if (![',', 'who', 'whose'].includes(tok(doc, s, end + 1)?.lower ?? '')) return null;
  const name = npEndingAt(doc, s, at - 2);
  if (!name || name.kind !== 'name') return null;
  const from = doc.itemOf[name.toks[0]!]!;
  const before = tok(doc, s, from - 1);
  if (from > 0 && !(before && [',', ';', ':', 'and', 'but', 'said', 'says', 'told'].includes(before.lower)) && s.items[from - 1]! >= 0) return null;
  const a = ctx.reg.at(doc.toks[name.name[0]!]!.s);
  return a && a.kind === 'person' ? canonical(a) : null;
}

/**
 * "“…,” his office said", "Ostrow’s office said": the words are the office's, and the office is
 * its owner's — an organisation named for the person ("Carl Ostrow's office"), not a new actor
 * called "office". An owner not known (or no person) leaves the phrase to the role rules.
 */
function officeOf(ctx: Ctx, np: NP): ActorRec | null {
  const { doc } = ctx;
  if (np.role?.base !== 'office') return null;
  const head = np.toks[np.toks.length - 1]!;
  // the owner right before "office" (a possessive pronoun is left out of the phrase)
  const poss = doc.toks[head - 1];
  if (!poss || poss.sent !== doc.toks[head]!.sent || doc.toks[head]!.lower !== 'office') return null;
  if (np.toks.length > 1 && np.toks[np.toks.length - 2] !== head - 1) return null;
  let owner: ActorRec | null = null;
  const pron = POSSESSIVE_PRONOUNS.get(poss.lower);
  if (pron === 'he' || pron === 'she') owner = resolvePronoun(ctx, pron, head - 1);
  else if (poss.poss) {
    const s = doc.sents[poss.sent]!;
    const ownerNp = npEndingAt(doc, s, doc.itemOf[head - 1]!, true);
    if (ownerNp && ownerNp.role?.base !== 'office') owner = resolve(ctx, ownerNp);
  }
  if (!owner || canonical(owner).kind !== 'person') return null;
  const first = doc.toks[Math.min(np.toks[0]!, head - 1)]!;
  return ctx.reg.resolveOffice(canonical(owner), first.s, doc.toks[head]!.e, first.para);
}

function resolvePronoun(ctx: Ctx, p: string, at: number): ActorRec | null {
  const info = PRONOUNS.get(p);
  if (!info) return null;
  const window = ctx.recent.slice(-12).reverse().map(canonical);
  for (const a of window) {
    if (info.kind === 'person') {
      if (a.kind !== 'person') continue;
      if (a.gender && info.gender && a.gender !== info.gender) continue;
      if (!a.gender && info.gender) a.gender = info.gender;
      return a;
    }
    if (info.kind === 'group' && a.kind !== 'person') return a;
    if (info.kind === 'thing' && (a.kind === 'organisation' || a.kind === 'outlet' || a.kind === 'state')) return a;
  }
  // no one of that gender: the given-name list may have guessed wrong ("Aung San Suu Kyi … she"),
  // for someone named before this sentence (in it, "Chris Cole described Lena Marsh … after she …"
  // the woman is more likely someone not yet remembered)
  if (info.kind === 'person' && info.gender) {
    const tk = ctx.doc.toks[at]!;
    const sentStart = ctx.doc.toks[ctx.doc.sents[tk.sent]!.a]!.s;
    const namedHere = (a: ActorRec) => a.mentions.some((m) => m.s >= sentStart && m.s < tk.s);
    return window.find((a) => a.kind === 'person' && a.genderGuessed && !namedHere(a)) ?? null;
  }
  return null;
}

export function accept(ctx: Ctx, f: Found, para: number): ActorRec | null {
  const a = resolve(ctx, f.np);
  if (!a) return null;
  a.speakerParas.add(para);
  pushRecent(ctx, a);
  ctx.last = { actor: a, para };
  return a;
}
