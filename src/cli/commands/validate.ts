/** `narrative-lens validate [paths..]`: check corpus files; the summary, or every problem. */
import type { Argv, CommandModule } from 'yargs';
import { DataError, formatProblem, loadCorpus, summarize, type Summary } from '../../core/corpus/load.js';
import { loadSettings, PROG, status } from '../context.js';
import { EXIT } from '../errors.js';
import type { GlobalArgs } from '../options.js';
import { csv } from '../print/csv.js';
import { json, ndjson } from '../print/json.js';
import { md, mdTable } from '../print/markdown.js';
import { stdoutOutput } from '../print/output.js';
import { inert } from '../../core/sanitize.js';

export interface ValidateArgs extends GlobalArgs {
  paths?: string[];
}

/** Files named under the summary in text (a folder of 100,000 files is not 100,000 lines); JSON lists all. */
const MAX_FILES_LISTED = 20;

function summaryRows(s: Summary): [string, number | string][] {
  return [
    ['articles', s.articles],
    ['drafts', s.drafts],
    ['actors', s.actors],
    ['quotes', s.quotes.total],
    ['direct quotes', s.quotes.direct],
    ['indirect quotes', s.quotes.indirect],
    ['terms', s.quotes.term],
    ['mentions', s.mentions],
    ['silences', s.silences],
    ['narratives', s.narratives],
    ['axes', s.axes],
    ['positions', s.positions],
    ['events', s.events],
  ];
}

export async function runValidate(a: ValidateArgs): Promise<number> {
  const paths = a.paths?.length ? a.paths : (a.data ?? []);
  const out = stdoutOutput(a.format);
  try {
    const corpus = await loadCorpus(paths, { maxFileBytes: loadSettings.maxFileBytes });
    const s = summarize(corpus);
    switch (a.format) {
      case 'json':
        out.write(json({ ok: true, summary: s }));
        break;
      case 'ndjson':
        out.write(ndjson([{ ok: true, summary: s }]));
        break;
      case 'csv':
        out.write(csv(['item', 'count'], summaryRows(s)));
        break;
      case 'markdown':
        out.write(`**OK**: ${s.files.map((f) => `\`${md(f)}\``).join(', ')}\n\n` + mdTable(['Item', 'Count'], summaryRows(s).map(([k, v]) => [k, String(v)])));
        break;
      case 'text': {
        const q = s.quotes;
        out.write(
          `${out.style.bold('ok')}: ${s.articles} article${s.articles === 1 ? '' : 's'}${s.drafts ? ` (${s.drafts} draft${s.drafts === 1 ? '' : 's'})` : ''}, ` +
            `${q.total} quotes (${q.direct} direct, ${q.indirect} indirect, ${q.term} terms), ${s.actors} actors, ` +
            `${s.narratives} narratives, ${s.axes} axes, ${s.positions} positions, ${s.events} events, ${s.mentions} mentions, ${s.silences} silences\n` +
            s.files.slice(0, MAX_FILES_LISTED).map((f) => `  ${inert(f)}\n`).join('') +
            (s.files.length > MAX_FILES_LISTED ? `  … and ${s.files.length - MAX_FILES_LISTED} more files\n` : ''),
        );
      }
    }
    return EXIT.found;
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    const problems = err.problems;
    switch (a.format) {
      case 'json':
        out.write(json({ ok: false, problems }));
        break;
      case 'ndjson':
        out.write(ndjson(problems));
        break;
      case 'csv':
        out.write(csv(['file', 'where', 'message'], problems.map((p) => [p.file, p.where, p.message])));
        break;
      case 'markdown':
        out.write(mdTable(['File', 'Where', 'Problem'], problems.map((p) => [md(p.file), md(p.where), md(p.message)])));
        break;
      case 'text':
        out.write(problems.map((p) => formatProblem(p) + '\n').join(''));
    }
    const files = new Set(problems.map((p) => p.file)).size;
    process.stderr.write(`${PROG}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`);
    return EXIT.error;
  }
}

export const validateCommand: CommandModule<GlobalArgs, ValidateArgs> = {
  command: 'validate [paths..]',
  describe: 'Check corpus files (schema, references, spans): print a summary, or every problem',
  builder: (y) =>
    (y as Argv<GlobalArgs>)
      .positional('paths', { type: 'string', array: true, describe: 'files or folders [default: --data, else the bundled data]' })
      .example('$0 validate', 'the bundled data')
      .example('$0 validate my-corpus/', 'your own files or folders')
      .epilog('JSON (--format json): {ok, summary} or {ok: false, problems: [{file, where, message}]}.\nExit status: 0 valid, 2 problems (each as FILE: WHERE: MESSAGE, WHERE a JSON path or line and column).') as Argv<ValidateArgs>,
  handler: async (a) => {
    status.code = await runValidate(a);
  },
};
