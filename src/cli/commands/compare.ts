/** `narrative-lens compare A B [more..]`: narratives side by side, question by question. */
import type { Argv, CommandModule } from 'yargs';
import { compareNarratives } from '../../core/compare.js';
import { openCorpus, PROG, status } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderComparison } from '../print/compare.js';

export interface CompareArgs extends GlobalArgs {
  narratives: string[];
}

export async function runCompare(a: CompareArgs): Promise<number> {
  const names = a.narratives.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  if (names.length < 2) throw new UsageError('compare needs two or more narratives', `list them with: ${PROG} narratives`);
  const corpus = await openCorpus(a.data);
  const chosen = names.map((nm) => resolveNarrative(corpus, nm));
  const dup = chosen.find((n, i) => chosen.indexOf(n) !== i);
  if (dup) throw new UsageError(`"${dup.label}" is named twice`, 'compare two or more different narratives');
  const cmp = compareNarratives(corpus, chosen.map((n) => n.id));
  if (a.limit !== undefined) cmp.rows = cmp.rows.slice(0, a.limit);
  await renderComparison(corpus, cmp, stdoutOutput(a.format));
  if (!cmp.rows.length) {
    process.stderr.write(`${PROG}: these narratives take no position on any question\n`);
    return EXIT.nothing;
  }
  return EXIT.found;
}

export const compareCommand: CommandModule<GlobalArgs, CompareArgs> = {
  command: 'compare <narratives..>',
  describe: 'Put two or more narratives side by side, a row per question',
  builder: (y) =>
    (y as Argv<GlobalArgs>)
      .positional('narratives', { type: 'string', array: true, describe: 'narrative labels (or parts, key terms, ids); two or more' })
      .example('$0 compare colour home-grown', 'the Kremlin line against the grievances story')
      .example('$0 compare colour us -f markdown', 'the grid for a report')
      .epilog(
        'Three or more: narrative-lens compare n-foreign-hand n-popular-uprising n-us-intervention\n\nEach cell: the narrative’s stance, its position, and its strongest quote with the speaker.\n[agree]/[conflict]: same/different stance as another chosen narrative; [contested]/[unverified]: the claim’s status and who says so; [silent]: no position. Questions on which all are silent are left out.',
      ) as Argv<CompareArgs>,
  handler: async (a) => {
    status.code = await runCompare(a);
  },
};
