/**
 * Nested quotes grouped under the quote they sit in. A reported statement often holds a direct
 * quote or a scare-quoted term whose span lies inside its own ("Trump urged Iranians to “take
 * over the institutions”"): listed one after the other, far apart, they read as look-alike
 * rows. Here each quote whose span lies inside another result's span (same article) is placed
 * right under it, marked as nested, and the quote it sits in says how many it holds. Pure.
 */
import type { QuoteRef } from '../../../core/corpus/corpus.js';
import type { QuoteHit } from '../../../core/search/search.js';

/**
 * Above this many results the list is not grouped: it would cost the keystroke's frame (the
 * empty query of a large corpus lists every quote), and the rows stay in their order.
 */
export const NEST_UP_TO = 20_000;

export interface Nesting<T = QuoteHit> {
  /** the results, each quote followed by those nested in it */
  hits: T[];
  /** per row: true when the quote sits inside the row's group's first quote */
  inner: boolean[];
  /** per row: how many of the results sit inside it */
  holds: number[];
}

/** Search results grouped: a group takes the place of its best placed member; inside it, text order. */
export function nestHits(hits: readonly QuoteHit[], max = NEST_UP_TO): Nesting {
  return nestBy(hits, (h) => h.ref, max);
}

/** Any list of quotes grouped so (an actor's quotes, in text order). */
export function nestBy<T>(hits: readonly T[], refOf: (t: T) => QuoteRef, max = NEST_UP_TO): Nesting<T> {
  const flat = (): Nesting<T> => ({ hits: [...hits], inner: hits.map(() => false), holds: hits.map(() => 0) });
  if (hits.length < 2 || hits.length > max) return flat();
  // for each result, the outermost result whose span holds it (another one, not the same span)
  const outer = new Int32Array(hits.length).fill(-1);
  const byArticle = new Map<string, number[]>();
  hits.forEach((h, i) => {
    const id = refOf(h).article.id;
    const list = byArticle.get(id);
    if (list) list.push(i);
    else byArticle.set(id, [i]);
  });
  const span = (i: number) => refOf(hits[i]!).quote.span;
  let any = false;
  for (const list of byArticle.values()) {
    if (list.length < 2) continue;
    // by start, the longer first: a quote's holder comes before it
    list.sort((a, b) => span(a).start - span(b).start || span(b).end - span(a).end);
    let root = -1;
    for (const i of list) {
      const s = span(i);
      const r = root >= 0 ? span(root) : undefined;
      if (r && s.end <= r.end && !(s.start === r.start && s.end === r.end)) {
        outer[i] = root;
        any = true;
      } else root = i; // after it, or overlapping its end: a new group starts
    }
  }
  if (!any) return flat();
  const members = new Map<number, number[]>();
  for (let i = 0; i < hits.length; i++) {
    const o = outer[i]!;
    if (o < 0) continue;
    const list = members.get(o);
    if (list) list.push(i);
    else members.set(o, [i]);
  }
  const out: Nesting<T> = { hits: [], inner: [], holds: [] };
  const placed = new Uint8Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const root = outer[i]! >= 0 ? outer[i]! : i;
    if (placed[root]) continue;
    placed[root] = 1;
    const inside = (members.get(root) ?? []).sort((a, b) => span(a).start - span(b).start);
    out.hits.push(hits[root]!);
    out.inner.push(false);
    out.holds.push(inside.length);
    for (const m of inside) {
      out.hits.push(hits[m]!);
      out.inner.push(true);
      out.holds.push(0);
    }
  }
  return out;
}
