/** `narrative-lens narratives [name]`: the competing narratives, or one with its positions. */
import { EXIT } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderNarratives } from '../print/narratives.js';
import type { Session } from '../session.js';

export interface NarrativesArgs extends GlobalArgs {
  name?: string;
}

export async function run(a: NarrativesArgs, session: Session): Promise<number> {
  const corpus = await session.openCorpus(a.data);
  const out = stdoutOutput(a.format);
  if (a.name !== undefined && a.name !== '') {
    await renderNarratives(corpus, [resolveNarrative(corpus, a.name)], out, true);
    return EXIT.found;
  }
  const shown = a.limit !== undefined ? corpus.narratives.slice(0, a.limit) : corpus.narratives;
  await renderNarratives(corpus, shown, out);
  return shown.length ? EXIT.found : EXIT.nothing;
}
