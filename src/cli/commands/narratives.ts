/** `narrative-lens narratives [name]`: the competing narratives, or one with its positions. */
import type { Argv, CommandModule } from 'yargs';
import { openCorpus, status } from '../context.js';
import { EXIT } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderNarratives } from '../print/narratives.js';

export interface NarrativesArgs extends GlobalArgs {
  name?: string;
}

export async function runNarratives(a: NarrativesArgs): Promise<number> {
  const corpus = await openCorpus(a.data);
  const out = stdoutOutput(a.format);
  if (a.name !== undefined && a.name !== '') {
    await renderNarratives(corpus, [resolveNarrative(corpus, a.name)], out, true);
    return EXIT.found;
  }
  const shown = a.limit !== undefined ? corpus.narratives.slice(0, a.limit) : corpus.narratives;
  await renderNarratives(corpus, shown, out);
  return shown.length ? EXIT.found : EXIT.nothing;
}

export const narrativesCommand: CommandModule<GlobalArgs, NarrativesArgs> = {
  command: 'narratives [name]',
  describe: 'List the competing narratives (or one, with its position on each question)',
  builder: (y) =>
    (y as Argv<GlobalArgs>)
      .positional('name', { type: 'string', describe: 'a narrative’s label (or part of it), key term or id', coerce: (v: unknown) => (v === undefined ? v : String(v)) })
      .example('$0 narratives', 'labels, summaries, proponents, key terms')
      .example('$0 narratives colour', 'one narrative and its answer to each question')
      .example('$0 narratives --format markdown', 'a table for a report') as Argv<NarrativesArgs>,
  handler: async (a) => {
    status.code = await runNarratives(a);
  },
};
