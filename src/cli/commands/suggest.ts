/** `narrative-lens suggest NARRATIVE`: uncoded quotes most like the narrative's coded quotes and key terms. */
import { suggestQuotes } from '../../core/study/suggest.js';
import { EXIT } from '../errors.js';
import { sortHits, type SortKey } from '../../core/search/sort.js';
import type { GlobalArgs } from '../options.js';
import { resolveNarrative } from '../lookup.js';
import { stdoutOutput } from '../print/output.js';
import { renderQuotes } from '../print/quotes.js';
import type { Session } from '../session.js';

export interface SuggestArgs extends GlobalArgs {
  narrative: string;
  sort?: SortKey;
}

export async function run(a: SuggestArgs, session: Session): Promise<number> {
  const s = await session.openStudy();
  const narrative = resolveNarrative(s.view.corpus, a.narrative);
  const found = suggestQuotes(s.view, narrative.id, a.limit ?? 20);
  const corpus = s.view.corpus;
  // printed as search results: the score is 1 − likeness (0 best, as search's)
  const hits = found.map((x, i) => ({ ref: x.ref, speaker: x.ref.quote.speaker ? (corpus.actorById.get(x.ref.quote.speaker) ?? null) : null, score: 1 - x.score, order: i, matches: [] }));
  // the suggestions are found by likeness; another order is applied to them (the same as search's)
  const items = sortHits(hits, a.sort ?? 'relevance');
  await renderQuotes({ corpus, items }, stdoutOutput(a.format));
  return items.length ? EXIT.found : EXIT.nothing;
}
