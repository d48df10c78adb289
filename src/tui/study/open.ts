/**
 * Opening a study for the dashboard (the CLI's `narrative-lens STUDY.json` calls this): a
 * study that opens is edited through its StudySession; one that fails validation is not
 * refused — its sources are shown read-only with its problems listed, so the analyst can see
 * what is wrong and still read. Only when even its list of sources cannot be read is there
 * nothing to show (the DataError goes to the caller, which prints it and exits 2).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from '../../core/corpus/corpus.js';
import { DataError, formatProblem, loadCorpus, type LoadOptions } from '../../core/corpus/load.js';
import { openStudy } from '../../core/study/index.js';
import type { DashboardStudy } from './useStudy.js';

export async function openStudyForDashboard(file: string, options: LoadOptions = {}, author?: string): Promise<{ corpus: Corpus; study: DashboardStudy }> {
  try {
    const session = await openStudy(file, options);
    // references the study makes to things that do not exist (a hand edit): read-only until fixed
    if (session.view.problems.length) return { corpus: session.view.corpus, study: { readOnly: { file, problems: session.view.problems } } };
    return { corpus: session.view.corpus, study: { session, ...(author ? { author } : {}) } };
  } catch (err) {
    // the study file itself is broken (not its sources): show its sources, if it still names them
    if (!(err instanceof DataError) || err.problems.some((p) => path.resolve(p.file) !== path.resolve(file))) throw err;
    const sources = await namedSources(file);
    if (!sources.length) throw err;
    const corpus = await loadCorpus(sources, options);
    return { corpus, study: { readOnly: { file, problems: err.problems.map(formatProblem) } } };
  }
}

/** The source paths a (possibly invalid) study file names, resolved against its folder. */
async function namedSources(file: string): Promise<string[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return [];
  }
  const list = (raw as { study?: { sources?: unknown } })?.study?.sources;
  if (!Array.isArray(list)) return [];
  return list.flatMap((s) => (s && typeof s === 'object' && typeof (s as { path?: unknown }).path === 'string' ? [path.resolve(path.dirname(path.resolve(file)), (s as { path: string }).path)] : []));
}
