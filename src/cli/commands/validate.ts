/** `narrative-lens validate [paths..]`: check corpus files; the summary, or every problem. */
import { probableSameActors } from '../../core/search/names.js';
import { inert } from '../../core/sanitize.js';
import { DataError, summarize } from '../../core/corpus/load.js';
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { stdoutOutput } from '../print/output.js';
import { renderProblems, renderSummary } from '../print/validate.js';
import { renderStudyCheck } from '../print/study.js';
import { isStudyFile } from '../../core/study/open.js';
import { UsageError } from '../errors.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';

/** Merge candidates named on stderr; the rest are counted. */
const MAX_MERGE_NOTES = 20;

export interface ValidateArgs extends GlobalArgs {
  paths?: string[];
}

export async function run(a: ValidateArgs, session: Session): Promise<number> {
  const paths = a.paths?.length ? a.paths : (a.data ?? []);
  const out = stdoutOutput(a.format);
  // a study (--study, or the one file given): checked with its sources, orphans listed
  const studyFile = session.study ?? (paths.length === 1 && (await isStudyFile(paths[0]!)) ? paths[0] : undefined);
  if (studyFile !== undefined && session.study === undefined) session.study = studyFile;
  try {
    if (studyFile !== undefined) {
      if (a.paths?.length && session.study !== studyFile) throw new UsageError('give a study or paths to validate, not both');
      const { openStudy } = await import('../../core/study/open.js');
      const s = await openStudy(studyFile, { maxFileBytes: session.maxFileBytes });
      const { orphans, problems } = s.view;
      await renderStudyCheck({ file: studyFile, summary: summarize(s.view.corpus), orphans, problems, changedSources: s.changedSources }, out);
      if (problems.length) process.stderr.write(`${PROG}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the study ${studyFile}
`);
      return problems.length ? EXIT.error : EXIT.found;
    }
    // never from the cache: validate reads and checks every file
    const corpus = await session.openCorpus(paths, { cache: false });
    await renderSummary(summarize(corpus), out);
    // actors that are probably one person under two ids: for the analyst to merge, never merged here
    const same = probableSameActors(corpus.actors);
    for (const [x, y] of same.slice(0, MAX_MERGE_NOTES)) {
      process.stderr.write(`${PROG}: note: ${inert(`"${x.name}" (${x.id}) and "${y.name}" (${y.id}) are probably the same; merge them in a study with: ${PROG} merge-actors ${y.id} ${x.id}`)}\n`);
    }
    if (same.length > MAX_MERGE_NOTES) process.stderr.write(`${PROG}: note: … and ${same.length - MAX_MERGE_NOTES} more actors that are probably the same\n`);
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
