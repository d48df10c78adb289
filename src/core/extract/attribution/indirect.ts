/**
 * Indirect quotes: a speech verb (or "according to") with a speaker and the span of what was
 * reported; and the reported words around a direct quotation ("… the government “can do little,”
 * she said"), which form an indirect quote containing it.
 */
import type { ActorRec } from '../actors.js';
import { SPEECH_VERBS } from '../lexicon.js';
import { isFiller, npStartingAt, personRoleBetween, speechVerbAt, tok, type NP } from '../np.js';
import type { Sentence } from '../doc.js';
import type { TimeExpr } from '../when.js';
import { TERMINAL, type Ctx, type Found, type Seg } from './context.js';
import { accordingSource, negated, subjectOf } from './clause.js';
import { channelAt, timeNear } from './channel.js';
import { pushRecent, resolve } from './resolve.js';

const CONTENT_NOT_START = new Set(['on', 'in', 'at', 'for', 'with', 'from', 'via', 'during', 'through', 'and', 'or', 'but']);
const FRONTED = new Set(['however', 'similarly', 'meanwhile', 'still', 'but', 'and', 'yet', 'indeed', 'instead', 'likewise', 'moreover', 'nevertheless', 'nonetheless', 'so', 'thus', 'also']);

export function findIndirect(ctx: Ctx, s: Sentence, segs: Seg[]): void {
  const { doc } = ctx;
  // most sentences report nothing: without a speech verb or "according" no rule below can fire
  if (!mayReport(ctx, s)) return;
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
        const r = accordingSource(ctx, s, v + 2);
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
        const a = resolve(ctx, r.np);
        if (!a) continue;
        a.speakerParas.add(s.para);
        pushRecent(ctx, a);
        push(ctx, a, itemStart(c), itemEnd(e), 'according-to', 0.75, r.np, null, timeNear(ctx, s, v));
        takenUntil = Math.max(takenUntil, e);
        continue;
      }
      if (!t || !speechVerbAt(doc, s, v)) continue;
      const sv = SPEECH_VERBS.get(t.t);
      if (!sv || !sv.clausal || negated(ctx, s, v)) continue;
      // “Q,” X said — the verb attributes a quotation that came before it
      let j = v - 1;
      while (j >= seg[0] && isFiller(tok(doc, s, j))) j--;
      if (j >= seg[0] && s.items[j]! < 0) continue;
      const before = reportedBefore(ctx, s, v, seg, j);
      if (before) {
        const a = resolve(ctx, before.np);
        if (a) {
          a.speakerParas.add(s.para);
          pushRecent(ctx, a);
          ctx.last = { actor: a, para: s.para };
          push(ctx, a, itemStart(before.c), itemEnd(before.e), 'clause-then-speaker', 0.75, before.np, channelAt(ctx, s, v), timeNear(ctx, s, v));
          takenUntil = Math.max(takenUntil, v);
        }
        continue;
      }
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
      const np = subjectOf(ctx, s, v, seg);
      if (!np) continue;
      // “Q,” X, who …, said — the verb attributes a quotation that came before its subject
      const at = doc.itemOf[np.toks[0]!]!;
      const participle = /ing$/.test(t.lower) && tok(doc, s, v - 1)?.t === ',';
      if (at > 0 && !participle) {
        const b1 = s.items[at - 1]!;
        const b2 = s.items[at - 2];
        if (b1 < 0 || (doc.toks[b1]!.t === ',' && b2 !== undefined && b2 < 0)) continue;
      }
      const a = resolve(ctx, np);
      if (!a) continue;
      a.speakerParas.add(s.para);
      pushRecent(ctx, a);
      ctx.last = { actor: a, para: s.para };
      push(ctx, a, itemStart(c), itemEnd(e), 'speech-verb-clause', 0.8, np, channelAt(ctx, s, v), timeNear(ctx, s, v));
      takenUntil = Math.max(takenUntil, e);
    }
  }
}

/** A word of the sentence (outside quotations) is a speech verb's form or "according". */
function mayReport(ctx: Ctx, s: Sentence): boolean {
  for (const v of s.items) {
    if (v < 0) continue;
    const t = ctx.doc.toks[v]!;
    if (t.lower === 'according' || SPEECH_VERBS.has(t.t)) return true;
  }
  return false;
}

/**
 * "… the Russian government “can do little about it,” Smagin said": the words before the
 * quotation belong to the reported statement, an indirect quote that contains the direct one.
 */
export function mixedQuote(ctx: Ctx, s: Sentence, p: number, seg: Seg, a: ActorRec, f: Found): void {
  const { doc } = ctx;
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
  push(ctx, a, st, q.close + 1, 'quote-in-statement', f.confidence - 0.1, f.np, channelAt(ctx, f.sent, f.v), timeNear(ctx, s, f.v));
}

/**
 * "He was charged with inciting public violence, said MDC spokesman Nelson Chamisa." / "…, the
 * spokesman said.": the reported clause comes first and the sentence ends with its speaker. The
 * clause (no quotation in it, three words or more) and the speaker's phrase, or null.
 */
const NOT_REPORTED_START = new Set([
  'after', 'before', 'when', 'while', 'because', 'as', 'since', 'if', 'although', 'though', 'until', 'unless', 'once',
  'in', 'on', 'at', 'for', 'with', 'from', 'during', 'speaking', 'asked', 'according',
]);

function reportedBefore(ctx: Ctx, s: Sentence, v: number, seg: Seg, j: number): { np: NP; c: number; e: number } | null {
  const { doc } = ctx;
  let np: NP | null = null;
  let comma = -1;
  if (tok(doc, s, j)?.t === ',') {
    // ", said X."
    const r = npStartingAt(doc, s, v + 1);
    // the speaker ends the sentence, or is followed only by a description (", an economist at the bank.")
    const ends = (k: number) => TERMINAL.has(tok(doc, s, k)?.t ?? '');
    if (!r || !(ends(r.next) || (tok(doc, s, r.next)?.t === ',' && personRoleBetween(doc, s, r.next + 1)))) return null;
    np = r.np;
    comma = j;
  } else {
    // ", X said."
    if (!TERMINAL.has(tok(doc, s, v + 1)?.t ?? '')) return null;
    const subj = subjectOf(ctx, s, v, seg);
    if (!subj) return null;
    const at = doc.itemOf[subj.toks[0]!]!;
    if (tok(doc, s, at - 1)?.t !== ',') return null;
    np = subj;
    comma = at - 1;
  }
  let c = seg[0];
  const t0 = tok(doc, s, c);
  if (t0 && (FRONTED.has(t0.lower) || /^[a-z]+ly$/i.test(t0.t)) && tok(doc, s, c + 1)?.t === ',') c += 2;
  // a clause that opens with a subordinator or a preposition is circumstance, not what was said
  if (NOT_REPORTED_START.has(tok(doc, s, c)?.lower ?? '')) return null;
  let words = 0;
  for (let k = c; k < comma; k++) {
    const x = tok(doc, s, k);
    if (!x) return null; // a quotation: the direct-quote rules attribute it
    if (x.word) words++;
  }
  return words >= 3 ? { np, c, e: comma - 1 } : null;
}

function push(ctx: Ctx, a: ActorRec, st: number, en: number, rule: string, conf: number, np: NP, channel: string | null, when: TimeExpr | null): void {
  if (np.kind === 'pronoun') {
    conf -= 0.1;
    rule += ':pronoun';
  } else if (np.kind === 'role') {
    conf -= 0.1;
    rule += ':description';
  }
  ctx.indirect.push({ s: st, e: en, speaker: a, rule, confidence: Math.round(conf * 100) / 100, channel, when });
}
