/**
 * `narrative-lens report [--out FILE.html] [--format html|markdown] [--compare A,B]`: the
 * comparison, the timeline, who advances what and every quote in its paragraph, as one
 * self-contained HTML page (or Markdown). A thin shell over core/export/report.
 */
import { reportHtml, reportMarkdown } from '../../core/export/report/index.js';
import { corpusOf } from '../../core/export/report/model.js';
import { EXIT, UsageError } from '../errors.js';
import { resolveNarrative } from '../lookup.js';
import { exchangeInput } from '../exchange-input.js';
import type { GlobalArgs } from '../options.js';
import { writeOutFile } from '../out-file.js';
import type { Session } from '../session.js';
import { PROG } from '../spec.js';

export interface ReportArgs extends Omit<GlobalArgs, 'format'> {
  format?: string;
  out?: string;
  force?: boolean;
  compare?: string[];
  title?: string;
}

export async function run(a: ReportArgs, session: Session): Promise<number> {
  // 'text' is the global default: a report is HTML unless --format markdown or the file says .md
  const format = a.format === 'markdown' || (a.format === 'text' && /\.(md|markdown)$/i.test(a.out ?? '')) ? 'markdown' : a.format === 'html' || a.format === 'text' || a.format === undefined ? 'html' : undefined;
  if (!format) throw new UsageError(`report cannot write --format ${a.format}`, 'choose html (the default) or markdown');
  const input = await exchangeInput(a.data, session, a.title);
  const names = (a.compare ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
  if (names.length === 1) throw new UsageError('--compare needs two or more narratives', `for example: ${PROG} report --compare colour,home-grown`);
  const corpus = corpusOf(input);
  const chosen = names.map((n) => resolveNarrative(corpus, n).id);
  const options = chosen.length ? { compare: chosen } : {};
  const content = format === 'html' ? reportHtml(input, options) : reportMarkdown(input, options);
  if (a.out && a.out !== '-') {
    await writeOutFile(a.out, content, a.force ?? false);
    process.stderr.write(`${PROG}: wrote ${a.out} (${format})\n`);
  } else {
    process.stdout.write(content);
  }
  return EXIT.found;
}
