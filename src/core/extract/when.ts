/**
 * Time expressions near an attribution ("on Sunday", "On January 2", "in June", "last week"),
 * resolved against the publication date when one is known.
 */
import type { When } from '../corpus/schema.js';
import type { Doc, Sentence } from './doc.js';
import { MONTH_ABBR, MONTHS, WEEKDAYS } from './lexicon.js';
import { tok } from './np.js';

export interface TimeExpr {
  /** item range [a, b) in the sentence */
  a: number;
  b: number;
  text: string;
  weekday?: number;
  month?: number;
  day?: number;
  year?: number;
  relative?: 'yesterday' | 'today';
}

/** month words ("january", "jan", "jan.") → month number; a Map, so "constructor" is no month */
const MONTH_OF = new Map<string, number>([
  ...MONTHS.map((m, i) => [m, i + 1] as [string, number]),
  ...Object.entries(MONTH_ABBR).flatMap(([a, n]) => [[a, n], [`${a}.`, n]] as Array<[string, number]>),
]);
const monthOf = (w: string): number | undefined => MONTH_OF.get(w);

/** words before a time expression that belong to it ("on Sunday", "last week") */
const PREP = new Set(['on', 'in', 'since', 'by', 'until', 'last', 'this', 'next', 'earlier', 'late', 'early']);

/** All time expressions among a sentence's words outside quotations. */
export function findTimes(doc: Doc, s: Sentence): TimeExpr[] {
  const out: TimeExpr[] = [];
  const n = s.items.length;
  for (let i = 0; i < n; i++) {
    const t = tok(doc, s, i);
    if (!t || !t.word) continue;
    const lw = t.lower;
    let a = i;
    const startsWithPrep = (k: number) => {
      const p = tok(doc, s, k - 1);
      return p && PREP.has(p.lower) ? k - 1 : k;
    };
    const wd = WEEKDAYS.indexOf(lw);
    if (wd >= 0 && t.cap) {
      a = startsWithPrep(i);
      let b = i + 1;
      const nx = tok(doc, s, b);
      if (nx && ['morning', 'afternoon', 'evening', 'night'].includes(nx.lower)) b++;
      out.push(mk(doc, s, a, b, { weekday: wd }));
      i = b - 1;
      continue;
    }
    const mo = t.cap ? monthOf(lw) : undefined;
    if (mo !== undefined && !(lw === 'may' && !/^\d/.test(tok(doc, s, i + 1)?.t ?? ''))) {
      a = startsWithPrep(i);
      let b = i + 1;
      const ex: Partial<TimeExpr> = { month: mo };
      const d = tok(doc, s, b);
      if (d && /^\d{1,2}$/.test(d.t) && +d.t >= 1 && +d.t <= 31) {
        ex.day = +d.t;
        b++;
        if (tok(doc, s, b)?.t === ',' && /^\d{4}$/.test(tok(doc, s, b + 1)?.t ?? '')) {
          ex.year = +tok(doc, s, b + 1)!.t;
          b += 2;
        }
      } else if (d && /^\d{4}$/.test(d.t)) {
        ex.year = +d.t;
        b++;
      }
      // "5 January 2026"
      const pd = tok(doc, s, i - 1);
      if (ex.day === undefined && pd && /^\d{1,2}$/.test(pd.t)) {
        ex.day = +pd.t;
        a = startsWithPrep(i - 1);
      }
      out.push(mk(doc, s, a, b, ex));
      i = b - 1;
      continue;
    }
    if (lw === 'yesterday' || lw === 'today' || lw === 'tonight') {
      out.push(mk(doc, s, i, i + 1, { relative: lw === 'yesterday' ? 'yesterday' : 'today' }));
      continue;
    }
    if ((lw === 'last' || lw === 'this' || lw === 'next' || lw === 'earlier') && !t.cap) {
      const nx = tok(doc, s, i + 1);
      if (nx && ['week', 'month', 'year', 'weekend', 'night', 'summer', 'winter', 'spring', 'autumn', 'fall'].includes(nx.lower)) {
        out.push(mk(doc, s, i, i + 2, {}));
        i++;
      }
      continue;
    }
    if (lw === 'in' || lw === 'In'.toLowerCase()) {
      const a1 = tok(doc, s, i + 1);
      const a2 = tok(doc, s, i + 2);
      if (a1?.lower === 'recent' && a2 && ['days', 'weeks', 'months'].includes(a2.lower)) {
        out.push(mk(doc, s, i, i + 3, {}));
        i += 2;
      } else if (a1 && /^(19|20)\d\d$/.test(a1.t)) {
        out.push(mk(doc, s, i, i + 2, { year: +a1.t }));
        i++;
      }
    }
  }
  return out;
}

function mk(doc: Doc, s: Sentence, a: number, b: number, ex: Partial<TimeExpr>): TimeExpr {
  const first = tok(doc, s, a)!;
  const last = tok(doc, s, b - 1)!;
  return { a, b, text: doc.text.slice(first.s, last.e), ...ex };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Resolves a time expression to a When, inferring from the publication date where needed. */
export function resolveWhen(t: TimeExpr, published: string | null): When {
  const pub = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? new Date(`${published}T00:00:00Z`) : null;
  if (t.month !== undefined && t.day !== undefined && t.year !== undefined) {
    return { text: t.text, date: `${t.year}-${pad(t.month)}-${pad(t.day)}`, inferred: false };
  }
  if (t.month !== undefined && t.year !== undefined) {
    return { text: t.text, date: `${t.year}-${pad(t.month)}`, inferred: false };
  }
  if (t.year !== undefined) return { text: t.text, date: String(t.year), inferred: false };
  if (!pub) return { text: t.text, date: null, inferred: false };
  const py = pub.getUTCFullYear();
  const pm = pub.getUTCMonth() + 1;
  if (t.month !== undefined) {
    const year = t.month > pm ? py - 1 : py;
    const date = t.day !== undefined ? `${year}-${pad(t.month)}-${pad(t.day)}` : `${year}-${pad(t.month)}`;
    return { text: t.text, date, inferred: true, reason: `the year is taken from the publication date ${published}` };
  }
  if (t.weekday !== undefined) {
    const back = (pub.getUTCDay() - t.weekday + 7) % 7;
    const d = new Date(pub.getTime() - back * 86400000);
    return {
      text: t.text,
      date: d.toISOString().slice(0, 10),
      inferred: true,
      reason: `the ${WEEKDAYS[t.weekday]} on or before the publication date ${published}`,
    };
  }
  if (t.relative) {
    const d = new Date(pub.getTime() - (t.relative === 'yesterday' ? 86400000 : 0));
    return { text: t.text, date: d.toISOString().slice(0, 10), inferred: true, reason: `relative to the publication date ${published}` };
  }
  return { text: t.text, date: null, inferred: false };
}
