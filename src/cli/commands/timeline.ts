/** `narrative-lens timeline`: the events the articles mention, in date order. */
import { timeline } from '../../core/corpus/corpus.js';
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderTimeline } from '../print/timeline.js';
import type { Session } from '../session.js';

export async function run(a: GlobalArgs, session: Session): Promise<number> {
  const corpus = await session.openCorpus(a.data);
  const all = timeline(corpus);
  const shown = a.limit !== undefined ? all.slice(0, a.limit) : all;
  await renderTimeline(corpus, shown, stdoutOutput(a.format));
  return shown.length ? EXIT.found : EXIT.nothing;
}
