/** How a statement reached us ("told Al Jazeera", "wrote on Telegram") and the time nearest its verb. */
import { CHANNEL_PLACES, MONTHS, SPEECH_VERBS, TOLD_AUDIENCES, WEEKDAYS } from '../lexicon.js';
import { isNameTok, npStartingAt, npText, tok } from '../np.js';
import type { Sentence } from '../doc.js';
import { findTimes, type TimeExpr } from '../when.js';
import { TERMINAL, type Ctx } from './context.js';
import { quotedAs, segments, segOf } from './clause.js';

export function channelAt(ctx: Ctx, s: Sentence, v: number): string | null {
  const { doc } = ctx;
  const verb = tok(doc, s, v);
  if (!verb) return null;
  const lemma = SPEECH_VERBS.get(verb.t)?.lemma;
  const span = (a: number, b: number) => {
    const x = tok(doc, s, a);
    const y = tok(doc, s, b);
    return x && y ? doc.text.slice(x.s, y.poss ? y.e - 2 : y.e) : null;
  };
  const seg = segOf(ctx, segments(ctx, s), v);
  const q = quotedAs(ctx, s, v, seg);
  if (q >= 0 && tok(doc, s, q + 1)?.lower === 'by') return span(q, v - 2); // "quoted by the state news agency TASS"
  if (lemma === 'tell') {
    const r = npStartingAt(doc, s, v + 1);
    if (r) {
      if (r.np.kind === 'name') {
        const words = npText(doc, r.np, 'name').toLowerCase().split(/\s+/);
        const a = ctx.reg.findByWords(words, null);
        if (a && a.kind === 'person') return null;
        return span(v, doc.itemOf[r.np.toks[r.np.toks.length - 1]!]!);
      }
      if (r.np.kind === 'role' && r.np.role && r.np.role.kind !== 'person') return span(v, r.next - 1);
      if (r.np.kind === 'role' && r.np.role && ['reporters', 'journalists'].includes(r.np.role.word)) return span(v, r.next - 1);
    }
    const nx = tok(doc, s, v + 1);
    if (nx && TOLD_AUDIENCES.has(nx.lower) && !['the', 'a', 'this', 'me', 'us', 'him', 'her', 'them'].includes(nx.lower)) return span(v, v + 1);
    return null;
  }
  // "wrote on Telegram", "said in a statement", "told … in an interview with X", "posted on X"
  for (let k = v + 1; k < s.items.length && k <= v + 12; k++) {
    const t = tok(doc, s, k);
    if (!t) continue; // the quotation itself: look past it
    if (t.lower === 'on' && isNameTok(tok(doc, s, k + 1)) && !WEEKDAYS.includes(tok(doc, s, k + 1)!.lower) && !MONTHS.includes(tok(doc, s, k + 1)!.lower)) {
      let e = k + 1;
      while (isNameTok(tok(doc, s, e + 1))) e++;
      return `${verb.t} ${span(k, e)}`;
    }
    if ((t.lower === 'in' || t.lower === 'at' || t.lower === 'during') && ['a', 'an', 'the', 'his', 'her', 'its', 'their'].includes(tok(doc, s, k + 1)?.lower ?? '')) {
      for (let e = k + 2; e <= k + 4; e++) {
        const h = tok(doc, s, e);
        if (!h) break;
        if (CHANNEL_PLACES.has(h.lower)) {
          let end = e;
          if (['on', 'with', 'to'].includes(tok(doc, s, e + 1)?.lower ?? '') && isNameTok(tok(doc, s, e + 2))) {
            end = e + 2;
            while (isNameTok(tok(doc, s, end + 1))) end++;
          }
          return `${verb.t} ${span(k, end)}`;
        }
      }
    }
    if (t.t === ';' || TERMINAL.has(t.t) || t.lower === 'that' || t.lower === 'and') return null;
  }
  return null;
}

export function timeNear(ctx: Ctx, s: Sentence, v: number): TimeExpr | null {
  let times = ctx.timesCache.get(s.idx);
  if (!times) {
    times = findTimes(ctx.doc, s);
    ctx.timesCache.set(s.idx, times);
  }
  let best: TimeExpr | null = null;
  let bestD = Infinity;
  for (const t of times) {
    const d = t.a > v ? t.a - v : v - t.b;
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}
