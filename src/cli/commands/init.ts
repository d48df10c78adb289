/** `narrative-lens init STUDY.json --data PATH…`: a new study of the given sources. */
import { summarize } from '../../core/corpus/load.js';
import { stampNow } from '../../core/study/history.js';
import { EXIT, UsageError } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { emit, stdoutOutput } from '../print/output.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';
import { count } from '../../core/count.js';

export interface InitArgs extends GlobalArgs {
  file: string;
  title?: string;
  author?: string;
}

export async function run(a: InitArgs, session: Session): Promise<number> {
  if (!/\.json$/i.test(a.file)) throw new UsageError(`a study file's name ends in .json (not ${a.file})`, `e.g. ${PROG} init study.json --data article.txt`);
  if (session.study !== undefined) throw new UsageError('init makes a new study: give its file name, not --study', `e.g. ${PROG} init study.json --data article.txt`);
  if (!a.data?.length) throw new UsageError('init needs the study’s sources: --data PATH (repeat for more)', `e.g. ${PROG} init ${a.file} --data article.txt`);
  const { initStudy } = await import('../../core/study/open.js');
  const s = await initStudy(a.file, a.data, stampNow(a.author), a.title, { maxFileBytes: session.maxFileBytes });
  const sum = summarize(s.view.corpus);
  await emit(stdoutOutput(a.format), {
    json: () => ({ created: a.file, title: s.study.title, sources: s.study.sources, summary: sum }),
    csv: () => ({ header: ['source', 'hash'], rows: s.study.sources.map((x) => [x.path, x.hash]) }),
    markdown: () => `Created **${a.file}**: ${count(sum.articles, 'article')}, ${count(sum.quotes.total, 'quote')}, ${count(sum.actors, 'actor')}\n`,
    text: () =>
      `created ${a.file}: ${count(sum.articles, 'article')}${sum.drafts ? ` (${count(sum.drafts, 'draft')})` : ''}, ${count(sum.quotes.total, 'quote')}, ${count(sum.actors, 'actor')} from ${count(s.study.sources.length, 'source')}\n` +
      `open it with: ${PROG} ${a.file}   (or --study ${a.file} on any command)\n`,
  });
  return EXIT.found;
}
