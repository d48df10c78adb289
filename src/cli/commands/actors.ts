/** `narrative-lens actors [name]`: the actor list, or one actor's profile. */
import { actorRecord, actorsInOrder } from '../../core/corpus/corpus.js';
import { EXIT } from '../errors.js';
import { sortQuotes, type SortKey } from '../../core/search/sort.js';
import { resolveActor } from '../lookup.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderActorList, renderActorProfile } from '../print/actors.js';
import type { Session } from '../session.js';

export interface ActorsArgs extends GlobalArgs {
  name?: string;
  /** the order of the profile's quotes */
  sort?: SortKey;
}

export async function run(a: ActorsArgs, session: Session): Promise<number> {
  const corpus = await session.openCorpus(a.data);
  const out = stdoutOutput(a.format);
  if (a.name !== undefined && a.name !== '') {
    const actor = resolveActor(corpus, a.name);
    const rec = actorRecord(corpus, actor.id)!;
    rec.quotes = sortQuotes(corpus, rec.quotes, a.sort ?? 'relevance');
    if (a.limit !== undefined) rec.quotes = rec.quotes.slice(0, a.limit);
    await renderActorProfile(corpus, rec, out);
    return EXIT.found;
  }
  const { actors, quotes: counts } = actorsInOrder(corpus);
  const shown = a.limit !== undefined ? actors.slice(0, a.limit) : actors;
  await renderActorList(corpus, shown, (x) => counts.get(x.id) ?? 0, out);
  return shown.length ? EXIT.found : EXIT.nothing;
}
