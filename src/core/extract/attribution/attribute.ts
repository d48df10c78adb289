/**
 * Attribution over the whole document: for each sentence, remember who is speaking (for pronouns
 * and surnames later), attribute each quoted passage that opens in it (quote-rules.ts), find its
 * indirect quotes (indirect.ts); then nested passages take their outer passage's speaker.
 */
import { npEndingAt, npStartingAt, npText, personRoleBetween, tok } from '../np.js';
import type { Sentence } from '../doc.js';
import { wordCount, type Ctx, type QuoteAttr } from './context.js';
import { clauseSubject, firstVerb, segments, subjectOf } from './clause.js';
import { findIndirect } from './indirect.js';
import { attributeQuote } from './quote-rules.js';
import { pushRecent, resolve } from './resolve.js';

export { createContext, type Ctx, type IndirectAttr, type QuoteAttr } from './context.js';
export { discoverActors } from './discover.js';

export function attributeAll(ctx: Ctx): void {
  const { doc } = ctx;
  for (const s of doc.sents) {
    const segs = segments(ctx, s);
    // the sentence subject, for pronouns that follow
    const subj = clauseSubject(ctx, s, segs[0]!) ?? kinSubject(ctx, s);
    let personSubject = false;
    if (subj && subj.kind === 'name') {
      const words = npText(doc, subj, 'name').toLowerCase().replace(/['’]s\b/g, '').split(/\s+/);
      const here = ctx.reg.at(doc.toks[subj.name[0]!]!.s);
      const known = here && here.words.at(-1) === words.at(-1) ? here : ctx.reg.findByWords(words, null);
      if (known && (known.kind === 'person' || known.kind === 'group')) pushRecent(ctx, known);
      personSubject = known?.kind === 'person';
    } else if (subj && subj.kind === 'role' && subj.role?.kind === 'organisation' && subj.desc.some((i) => doc.toks[i]!.poss)) {
      // "Donald Trump's campaign is defending … It's denouncing what it calls “…”": the "it" that follows
      const a = resolve(ctx, subj);
      if (a && a.kind === 'organisation') pushRecent(ctx, a);
    } else if (subj && subj.kind === 'role' && subj.role?.kind === 'group' && quotationIn(s.items, 0, s.items.length) === false && theyFollows(ctx, s)) {
      // "Thousands of protesters gathered … “…,” they chanted": the group a "they" in the next sentence points to
      const a = resolve(ctx, subj);
      if (a && a.kind === 'group') pushRecent(ctx, a);
    } else if (subj && subj.kind === 'role' && subj.role?.kind === 'person' && subj.role.gender) {
      // "My mother has softened with age, but … she still says": a gendered description as subject
      const a = resolve(ctx, subj);
      if (a && a.kind === 'person') {
        pushRecent(ctx, a);
        personSubject = true;
      }
    } else if (subj && subj.kind === 'pronoun') personSubject = ['he', 'she', 'i', 'we'].includes(subj.pronoun ?? '');
    for (const seg of segs) {
      const k = firstVerb(ctx, s, seg);
      if (k < 0) continue;
      if (quotationIn(s.items, seg[0], k)) continue; // a quotation comes first
      const np = subjectOf(ctx, s, k, seg);
      if (np && np.kind !== 'pronoun') {
        const a = resolve(ctx, np);
        if (a) pushRecent(ctx, a);
      }
    }
    for (let p = 0; p < s.items.length; p++) {
      const v = s.items[p]!;
      if (v >= 0) continue;
      const q = doc.quotes[-v - 1]!;
      if (q.sent !== s.idx) continue; // a multi-paragraph quote is attributed where it opens
      attributeQuote(ctx, q.idx, s, p, segs);
    }
    findIndirect(ctx, s, segs);
    if (!personSubject) rememberIntroduced(ctx, s);
  }
  // nested passages, once their outer passage is attributed
  const byQuote = new Map(ctx.attrs.map((a) => [a.quote, a]));
  for (const q of doc.quotes) {
    if (q.depth === 0) continue;
    const outer = byQuote.get(q.parent);
    const text = doc.text.slice(q.start, q.end);
    const short = wordCount(text) <= 4 && !/[.!?]$/.test(text.trim());
    // a passage inside one nobody was given is nobody's either: a term (a direct quote needs a speaker)
    const attr: QuoteAttr = short || !outer?.speaker
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
    ctx.attrs.push(attr);
    byQuote.set(q.idx, attr);
  }
  ctx.attrs.sort((a, b) => doc.quotes[a.quote]!.start - doc.quotes[b.quote]!.start);
}

/** The next sentence, in the same paragraph, has a "they" (only then is a group subject worth remembering as an actor). */
function theyFollows(ctx: Ctx, s: Sentence): boolean {
  const next = ctx.doc.sents[s.idx + 1];
  if (!next || next.para !== s.para) return false;
  return next.items.some((it) => it >= 0 && ctx.doc.toks[it]!.lower === 'they');
}

const KIN_DETERMINERS = new Set(['my', 'his', 'her', 'our', 'their']);

/** "My mother has softened with age": a possessive determiner and a gendered role noun opening the sentence. */
function kinSubject(ctx: Ctx, s: Sentence) {
  const t = tok(ctx.doc, s, 0);
  if (!t || !KIN_DETERMINERS.has(t.lower)) return null;
  const r = npStartingAt(ctx.doc, s, 1);
  return r && r.np.kind === 'role' && r.np.role?.kind === 'person' && r.np.role.gender ? r.np : null;
}

/**
 * "…, which is something that concerns Henry Crespo, president of the Florida caucus. “…,” he said.":
 * a person introduced in full with a role in apposition, in a sentence whose subject is no person,
 * is the one a pronoun in the next quotation most likely points to (news copy introduces its
 * sources this way), so they become the most recent mention. Not when the sentence's subject is a
 * person ("Trump attacked Khan, the father of a soldier. “…,” he said" is Trump's).
 */
function rememberIntroduced(ctx: Ctx, s: Sentence): void {
  const { doc } = ctx;
  for (let i = 0; i + 2 < s.items.length; i++) {
    const t = tok(doc, s, i);
    if (!t || !t.cap || tok(doc, s, i + 1)?.t !== ',' || !personRoleBetween(doc, s, i + 2)) continue;
    const np = npEndingAt(doc, s, i);
    if (!np || np.kind !== 'name' || np.name.length < 2) continue;
    const first = doc.toks[np.name[0]!]!;
    const a = ctx.reg.at(first.s);
    if (a && a.kind === 'person' && a.firstPos === first.s) pushRecent(ctx, a);
  }
}

/** Some item in [from, to) is a quotation (no copy of the items: this runs for every clause). */
function quotationIn(items: readonly number[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (items[i]! < 0) return true;
  return false;
}
