/** The report in one call: the model built once, rendered as HTML or Markdown. */
import type { ExchangeInput } from '../input.js';
import { renderReportHtml } from './html.js';
import { renderReportMarkdown } from './markdown.js';
import { buildReport, type ReportOptions } from './model.js';

export type { ReportOptions } from './model.js';
export { buildReport } from './model.js';

export function reportHtml(input: ExchangeInput, options: ReportOptions = {}): string {
  return renderReportHtml(buildReport(input, options), actorNamer(input));
}

export function reportMarkdown(input: ExchangeInput, options: ReportOptions = {}): string {
  return renderReportMarkdown(buildReport(input, options), actorNamer(input));
}

function actorNamer(input: ExchangeInput): (id: string) => string {
  const names = new Map(input.actors.map((a) => [a.id, a.name]));
  return (id) => names.get(id) ?? id;
}
