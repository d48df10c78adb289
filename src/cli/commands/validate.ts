/** `narrative-lens validate [paths..]`: check corpus files; the summary, or every problem. */
import { DataError, summarize } from '../../core/corpus/load.js';
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderProblems, renderSummary } from '../print/validate.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';

export interface ValidateArgs extends GlobalArgs {
  paths?: string[];
}

export async function run(a: ValidateArgs, session: Session): Promise<number> {
  const paths = a.paths?.length ? a.paths : (a.data ?? []);
  const out = stdoutOutput(a.format);
  try {
    // never from the cache: validate reads and checks every file
    const corpus = await session.openCorpus(paths, { cache: false });
    await renderSummary(summarize(corpus), out);
    return EXIT.found;
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    const problems = err.problems;
    await renderProblems(problems, out);
    const files = new Set(problems.map((p) => p.file)).size;
    process.stderr.write(`${PROG}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`);
    return EXIT.error;
  }
}
