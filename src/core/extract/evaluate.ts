/**
 * Scores an extractor draft against a hand-curated (gold) article: quoted-passage spans (kinds
 * direct and term) exact and overlapping, direct-vs-term classification, speaker accuracy on
 * matched direct quotes, indirect-quote recall. Pure; scripts/eval.ts prints the table.
 */
import type { Actor, Article, CorpusFile, Quote } from '../corpus/schema.js';
import { extractDraft } from './index.js';

export interface PRF {
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Mismatch {
  what: 'missed' | 'spurious' | 'span' | 'kind' | 'speaker' | 'indirect-missed';
  text: string;
  span: { start: number; end: number };
  detail?: string;
}

export interface ArticleScore {
  label: string;
  words: number;
  ms: number;
  gold: number;
  pred: number;
  exact: PRF;
  overlap: PRF;
  kind: { n: number; correct: number };
  speaker: { n: number; correct: number };
  indirect: { gold: number; pred: number; hit: number; predHit: number };
  mismatches: Mismatch[];
}

const overlaps = (a: Quote, b: Quote) => a.span.start < b.span.end && b.span.start < a.span.end;
const overlapLen = (a: Quote, b: Quote) => Math.max(0, Math.min(a.span.end, b.span.end) - Math.max(a.span.start, b.span.start));

function prf(tp: number, pred: number, gold: number): PRF {
  const precision = pred === 0 ? (gold === 0 ? 1 : 0) : tp / pred;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, precision, recall, f1 };
}

function norm(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/^(the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const GENERIC_LAST = new Set(['the', 'of', 'and', 'group', 'media', 'government', 'ministry', 'office', 'news', 'people']);

/**
 * A predicted speaker matches the gold speaker when a name or alias is the same
 * (case-insensitive), or when their surnames (last words) are.
 */
export function sameSpeaker(pred: Actor | undefined, gold: Actor | undefined): boolean {
  if (!pred || !gold) return pred === gold;
  const p = [pred.name, ...pred.aliases].map(norm).filter(Boolean);
  const g = [gold.name, ...gold.aliases].map(norm).filter(Boolean);
  if (p.some((x) => g.includes(x))) return true;
  const last = (s: string) => s.split(' ').at(-1)!;
  const pl = new Set(p.map(last).filter((w) => w.length >= 3 && !GENERIC_LAST.has(w)));
  if (pred.kind === 'person' || gold.kind === 'person') return g.map(last).some((w) => pl.has(w));
  // organisations: the full name must match, "Foreign Ministry" ~ "Russian Foreign Ministry"
  return p.some((x) => g.some((y) => x.endsWith(` ${y}`) || y.endsWith(` ${x}`)));
}

/** Greedy one-to-one matching by largest overlap. */
function match(gold: Quote[], pred: Quote[]): Map<Quote, Quote> {
  const pairs: Array<[number, Quote, Quote]> = [];
  for (const g of gold) for (const p of pred) if (overlaps(g, p)) pairs.push([overlapLen(g, p), g, p]);
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<Quote>();
  const usedP = new Set<Quote>();
  const out = new Map<Quote, Quote>();
  for (const [, g, p] of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.set(g, p);
  }
  return out;
}

export function scoreArticle(label: string, gold: Article, goldActors: Actor[], draft: CorpusFile, ms = 0): ArticleScore {
  const art = draft.articles[0]!;
  const predActors = new Map(draft.actors.map((a) => [a.id, a]));
  const goldActorMap = new Map(goldActors.map((a) => [a.id, a]));
  const passage = (q: Quote) => q.kind === 'direct' || q.kind === 'term';
  const gq = gold.quotes.filter(passage);
  const pq = art.quotes.filter(passage);
  const mismatches: Mismatch[] = [];

  const key = (q: Quote) => `${q.span.start}:${q.span.end}`;
  const predKeys = new Set(pq.map(key));
  const exactTp = gq.filter((q) => predKeys.has(key(q))).length;

  const m = match(gq, pq);
  const kind = { n: 0, correct: 0 };
  const speaker = { n: 0, correct: 0 };
  for (const g of gq) {
    const p = m.get(g);
    if (!p) {
      mismatches.push({ what: 'missed', text: g.text, span: g.span });
      continue;
    }
    if (key(p) !== key(g)) mismatches.push({ what: 'span', text: g.text, span: g.span, detail: `predicted ${JSON.stringify(p.text)}` });
    kind.n++;
    if (p.kind === g.kind) kind.correct++;
    else mismatches.push({ what: 'kind', text: g.text, span: g.span, detail: `gold ${g.kind}, predicted ${p.kind}` });
    if (g.kind === 'direct' && g.speaker) {
      speaker.n++;
      const ga = goldActorMap.get(g.speaker);
      const pa = p.speaker ? predActors.get(p.speaker) : undefined;
      if (sameSpeaker(pa, ga)) speaker.correct++;
      else mismatches.push({ what: 'speaker', text: g.text, span: g.span, detail: `gold ${ga?.name ?? g.speaker}, predicted ${pa?.name ?? 'none'}` });
    }
  }
  const matchedPred = new Set(m.values());
  for (const p of pq) if (!matchedPred.has(p)) mismatches.push({ what: 'spurious', text: p.text, span: p.span, detail: p.kind });

  const gi = gold.quotes.filter((q) => q.kind === 'indirect');
  const pi = art.quotes.filter((q) => q.kind === 'indirect');
  let hit = 0;
  for (const g of gi) {
    if (pi.some((p) => overlaps(g, p))) hit++;
    else mismatches.push({ what: 'indirect-missed', text: g.text, span: g.span });
  }
  const predHit = pi.filter((p) => gi.some((g) => overlaps(g, p))).length;

  return {
    label,
    words: (gold.text.match(/\S+/g) ?? []).length,
    ms,
    gold: gq.length,
    pred: pq.length,
    exact: prf(exactTp, pq.length, gq.length),
    overlap: prf(m.size, pq.length, gq.length),
    kind,
    speaker,
    indirect: { gold: gi.length, pred: pi.length, hit, predHit },
    mismatches,
  };
}

/** Runs the extractor on a gold article's text and scores it. */
export function evaluateArticle(label: string, gold: Article, goldActors: Actor[]): ArticleScore {
  const t0 = performance.now();
  const draft = extractDraft(gold.text, {
    ...(gold.published?.date ? { date: gold.published.date } : {}),
    id: `eval-${gold.id}`,
  });
  const ms = performance.now() - t0;
  return scoreArticle(label, gold, goldActors, draft, ms);
}

/** Sums several scores (micro-averaged). */
export function total(label: string, scores: ArticleScore[]): ArticleScore {
  const sum = (f: (s: ArticleScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const gold = sum((s) => s.gold);
  const pred = sum((s) => s.pred);
  return {
    label,
    words: sum((s) => s.words),
    ms: sum((s) => s.ms),
    gold,
    pred,
    exact: prf(sum((s) => s.exact.tp), pred, gold),
    overlap: prf(sum((s) => s.overlap.tp), pred, gold),
    kind: { n: sum((s) => s.kind.n), correct: sum((s) => s.kind.correct) },
    speaker: { n: sum((s) => s.speaker.n), correct: sum((s) => s.speaker.correct) },
    indirect: {
      gold: sum((s) => s.indirect.gold),
      pred: sum((s) => s.indirect.pred),
      hit: sum((s) => s.indirect.hit),
      predHit: sum((s) => s.indirect.predHit),
    },
    mismatches: scores.flatMap((s) => s.mismatches),
  };
}

export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
