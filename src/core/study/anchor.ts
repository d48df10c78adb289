/**
 * Anchoring annotations so that they survive change (the W3C Web Annotation model, as
 * Hypothesis uses it): an Anchor keeps the quote's id, the article's content hash, the span,
 * and the exact text with up to CONTEXT characters before and after.
 *
 * Finding an anchor again, cheapest and surest first:
 *   1. the same article (by id or by content hash) with the same text hash: the span as is;
 *   2. the exact text, in the anchored article first, then in every article; several
 *      occurrences are told apart by how much of the prefix and suffix agree, then by
 *      nearness to the old offset;
 *   3. approximately (Myers' bit-parallel matching, approx-string-match), with at most a
 *      fifth of the text's length in errors, ranked the same way.
 * Then the quote at that place: the one with that span, or the one that overlaps it most
 * (at least half of both). What none of this finds is an orphan: reported, never dropped.
 */
import { createHash } from 'node:crypto';
import approxSearch from 'approx-string-match';
import type { Article, Quote, Span } from '../corpus/schema.js';
import { articleOffsets } from '../corpus/corpus.js';
import type { Anchor } from './schema.js';

/** Characters of context kept on each side (Hypothesis keeps 32). */
export const CONTEXT = 32;
/** Below this length a passage is too short to be found approximately without false hits. */
const MIN_APPROX = 8;

export function sha256(data: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

const textHashes = new WeakMap<Article, string>();
/** The hash of an article's text (computed once per article object). */
export function articleHash(article: Article): string {
  let h = textHashes.get(article);
  if (!h) textHashes.set(article, (h = sha256(article.text)));
  return h;
}

/** An anchor for a span of an article (and the quote there, if it is one). */
export function makeAnchor(article: Article, span: Span, quoteId?: string): Anchor {
  const map = articleOffsets(article);
  const s = map.toUnit(span.start);
  const e = map.toUnit(span.end);
  return {
    article: article.id,
    articleHash: articleHash(article),
    ...(quoteId ? { quote: quoteId } : {}),
    span: { start: span.start, end: span.end },
    selector: {
      exact: article.text.slice(s, e),
      prefix: article.text.slice(Math.max(0, s - CONTEXT), s),
      suffix: article.text.slice(e, e + CONTEXT),
    },
  };
}

export const quoteAnchor = (article: Article, quote: Quote): Anchor => makeAnchor(article, quote.span, quote.id);

export interface Located {
  article: Article;
  span: Span;
  /** how it was found: 'exact' when nothing moved, 'moved' when found by its text, 'approximate' when edited */
  how: 'exact' | 'moved' | 'approximate';
}

/** Finds the passage an anchor points at, or undefined. `articles` is every article of the corpus. */
export function locate(anchor: Anchor, articles: readonly Article[], byId: Map<string, Article>): Located | undefined {
  const { exact } = anchor.selector;
  const own = byId.get(anchor.article);
  if (own && articleHash(own) === anchor.articleHash) return { article: own, span: anchor.span, how: 'exact' };
  const sameText = articles.find((a) => a !== own && articleHash(a) === anchor.articleHash);
  if (sameText) return { article: sameText, span: anchor.span, how: 'exact' };

  // the anchored article first (its id survives a light edit of a curated file), then all
  const preferred = own ? [own] : [];
  const rest = articles.filter((a) => a !== own);
  for (const pool of [preferred, rest]) {
    const hit = best(pool, anchor, (a) => exactHits(a.text, exact));
    if (hit) return { ...hit, how: 'moved' };
  }
  if (exact.length < MIN_APPROX) return undefined;
  const maxErrors = Math.floor(exact.length / 5);
  for (const pool of [preferred, rest]) {
    const hit = best(pool, anchor, (a) => approxHits(a.text, exact, maxErrors));
    if (hit) return { ...hit, how: 'approximate' };
  }
  return undefined;
}

interface Hit {
  /** UTF-16 offsets */
  s: number;
  e: number;
  errors: number;
}

function exactHits(text: string, exact: string): Hit[] {
  const out: Hit[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) out.push({ s: i, e: i + exact.length, errors: 0 });
  return out;
}

function approxHits(text: string, exact: string, maxErrors: number): Hit[] {
  const found = approxSearch(text, exact, maxErrors);
  if (found.length === 0) return [];
  const least = Math.min(...found.map((m) => m.errors));
  return found.filter((m) => m.errors === least).map((m) => ({ s: m.start, e: m.end, errors: m.errors }));
}

/** The best hit over a pool of articles: fewest errors, then most context agreeing, then nearest the old place. */
function best(pool: readonly Article[], anchor: Anchor, hits: (a: Article) => Hit[]): { article: Article; span: Span } | undefined {
  let top: { article: Article; hit: Hit; score: number[] } | undefined;
  for (const article of pool) {
    for (const hit of hits(article)) {
      const score = [-hit.errors, contextScore(article.text, hit, anchor), -Math.abs(hit.s - anchor.span.start)];
      if (!top || better(score, top.score)) top = { article, hit, score };
    }
  }
  if (!top) return undefined;
  const map = articleOffsets(top.article);
  return { article: top.article, span: { start: map.toCodePoint(top.hit.s), end: map.toCodePoint(top.hit.e) } };
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** How many characters of the recorded prefix end just before the hit, plus of the suffix that start just after. */
function contextScore(text: string, hit: Hit, anchor: Anchor): number {
  const { prefix, suffix } = anchor.selector;
  let p = 0;
  while (p < prefix.length && hit.s - 1 - p >= 0 && text[hit.s - 1 - p] === prefix[prefix.length - 1 - p]) p++;
  let q = 0;
  while (q < suffix.length && hit.e + q < text.length && text[hit.e + q] === suffix[q]) q++;
  return p + q;
}

/**
 * The quote at a located passage: the anchored id when it is still there with that span, else
 * the quote with exactly that span, else the one overlapping it most (at least half of each).
 */
export function quoteAt(article: Article, span: Span, quoteId?: string): Quote | undefined {
  const same = (q: Quote) => q.span.start === span.start && q.span.end === span.end;
  const byId = quoteId ? article.quotes.find((q) => q.id === quoteId && same(q)) : undefined;
  if (byId) return byId;
  const exact = article.quotes.find(same);
  if (exact) return exact;
  let top: { q: Quote; overlap: number } | undefined;
  for (const q of article.quotes) {
    const overlap = Math.min(q.span.end, span.end) - Math.max(q.span.start, span.start);
    if (overlap <= 0) continue;
    if (overlap * 2 < span.end - span.start || overlap * 2 < q.span.end - q.span.start) continue;
    if (!top || overlap > top.overlap) top = { q, overlap };
  }
  return top?.q;
}
