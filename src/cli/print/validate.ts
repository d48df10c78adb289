/** What `validate` prints: the summary of a valid corpus, or every problem, in every format. */
import { formatProblem, type Problem, type Summary } from '../../core/corpus/load.js';
import { inert } from '../../core/sanitize.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output } from './output.js';

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
    ['questions', s.axes],
    ['positions', s.positions],
    ['events', s.events],
  ];
}

export function renderSummary(s: Summary, out: Output): Promise<void> {
  return emit(out, {
    json: () => ({ ok: true, summary: s }),
    csv: () => ({ header: ['item', 'count'], rows: summaryRows(s) }),
    markdown: () => `**OK**: ${s.files.map((f) => `\`${md(f)}\``).join(', ')}\n\n` + mdTable(['Item', 'Count'], summaryRows(s).map(([k, v]) => [k, String(v)])),
    text: () => {
      const q = s.quotes;
      return (
        `${out.style.bold('ok')}: ${s.articles} article${s.articles === 1 ? '' : 's'}${s.drafts ? ` (${s.drafts} draft${s.drafts === 1 ? '' : 's'})` : ''}, ` +
        `${q.total} quotes (${q.direct} direct, ${q.indirect} indirect, ${q.term} terms), ${s.actors} actors, ` +
        `${s.narratives} narratives, ${s.axes} questions, ${s.positions} positions, ${s.events} events, ${s.mentions} mentions, ${s.silences} silences\n` +
        s.files.slice(0, MAX_FILES_LISTED).map((f) => `  ${inert(f)}\n`).join('') +
        (s.files.length > MAX_FILES_LISTED ? `  … and ${s.files.length - MAX_FILES_LISTED} more files\n` : '')
      );
    },
  });
}

/** Every problem: FILE: WHERE: MESSAGE lines in text, a row or record each otherwise. */
export function renderProblems(problems: readonly Problem[], out: Output): Promise<void> {
  return emit(out, {
    json: () => ({ ok: false, problems }),
    ndjson: () => problems,
    csv: () => ({ header: ['file', 'where', 'message'], rows: problems.map((p) => [p.file, p.where, p.message]) }),
    markdown: () => mdTable(['File', 'Where', 'Problem'], problems.map((p) => [md(p.file), md(p.where), md(p.message)])),
    text: () => problems.map((p) => formatProblem(p) + '\n').join(''),
  });
}
