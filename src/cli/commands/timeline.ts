/** `narrative-lens timeline`: the events the articles mention, in date order. */
import type { Argv, CommandModule } from 'yargs';
import { timeline } from '../../core/corpus/corpus.js';
import { openCorpus, status } from '../context.js';
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderTimeline } from '../print/timeline.js';

export async function runTimeline(a: GlobalArgs): Promise<number> {
  const corpus = await openCorpus(a.data);
  const all = timeline(corpus);
  const shown = a.limit !== undefined ? all.slice(0, a.limit) : all;
  await renderTimeline(corpus, shown, stdoutOutput(a.format));
  return shown.length ? EXIT.found : EXIT.nothing;
}

export const timelineCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'timeline',
  describe: 'The events in date order, with the date as written and as resolved',
  builder: (y) =>
    (y as Argv<GlobalArgs>)
      .example('$0 timeline', 'from the 2024 fall of Assad to the protests')
      .example('$0 timeline -f markdown', 'a table for a report')
      .epilog('For scripts: narrative-lens timeline --format json | jq \'.[] | {date: .when.date, label}\'\n\nUndated events come last. A date marked * (text) or "inferred" was resolved from context; the reason is given.'),
  handler: async (a) => {
    status.code = await runTimeline(a);
  },
};
