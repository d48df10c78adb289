/**
 * Suggestions: for one narrative, the quotes not coded to it that read most like the quotes
 * that are, and its key terms — ranked, with the words they share, so that the analyst sees why.
 *
 * TF-IDF over words (lower case, accents and typographic quotes folded, short and common words
 * left out) with cosine similarity between each quote and the narrative's profile: its coded
 * quotes' words, plus its label and key terms counted twice (what the analyst said it is about
 * weighs more than any one quote). Linear in the corpus: fine to run on every keystroke of a list
 * of suggestions up to the 100,000 quotes the dashboard holds in memory.
 */
import type { StudyView } from './apply.js';
import type { QuoteRef } from '../corpus/corpus.js';

export interface Suggestion {
  ref: QuoteRef;
  /** 0–1, higher is closer */
  score: number;
  /** the words it shares with the narrative's profile, strongest first */
  shared: string[];
}

const STOP = new Set(
  'the and for that this with from have has had was were are been being will would could should can not but they them their there then than which who whom what when where while into over under about after before also its his her our your you she him her all any more most other some such only own same very just said says told that'.split(' '),
);

export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, '').replace(/'s$/, ''))
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

function counts(ws: readonly string[], into = new Map<string, number>(), weight = 1): Map<string, number> {
  for (const w of ws) into.set(w, (into.get(w) ?? 0) + weight);
  return into;
}

export function suggestQuotes(view: StudyView, narrativeId: string, limit = 20): Suggestion[] {
  const narrative = view.corpus.narrativeById.get(narrativeId);
  if (!narrative) return [];
  const docs = view.corpus.quotes.map((ref) => counts(words(ref.quote.text)));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  const idf = (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1;

  const profile = new Map<string, number>();
  counts(words([narrative.label, ...narrative.keyTerms].join(' ')), profile, 2);
  view.corpus.quotes.forEach((ref, i) => {
    if (ref.quote.narratives.includes(narrativeId)) for (const [w, c] of docs[i]!) profile.set(w, (profile.get(w) ?? 0) + c);
  });
  const weigh = (d: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of d) {
      const x = c * idf(w);
      v.set(w, x);
      norm += x * x;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const p = weigh(profile);
  if (p.norm === 0) return [];

  const out: Suggestion[] = [];
  view.corpus.quotes.forEach((ref, i) => {
    if (ref.quote.narratives.includes(narrativeId)) return;
    const q = weigh(docs[i]!);
    if (q.norm === 0) return;
    let dot = 0;
    const shared: [string, number][] = [];
    for (const [w, x] of q.v) {
      const y = p.v.get(w);
      if (y === undefined) continue;
      dot += x * y;
      shared.push([w, x * y]);
    }
    if (dot === 0) return;
    shared.sort((a, b) => b[1] - a[1]);
    out.push({ ref, score: dot / (p.norm * q.norm), shared: shared.map(([w]) => w) });
  });
  out.sort((a, b) => b.score - a.score);
  return out.slice(0, limit);
}
