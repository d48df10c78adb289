/** `narrative-lens compare A B [more..]`: narratives side by side, question by question. */
import { compareNarratives } from '../../core/compare.js';
import { EXIT, UsageError } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderComparison } from '../print/compare.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';

export interface CompareArgs extends GlobalArgs {
  narratives: string[];
}

export async function run(a: CompareArgs, session: Session): Promise<number> {
  const names = a.narratives.flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  if (names.length < 2) throw new UsageError('compare needs two or more narratives', `list them with: ${PROG} narratives`);
  const corpus = await session.openCorpus(a.data);
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
