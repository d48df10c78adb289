/**
 * Data text for Markdown, the one escaper for the report (core/export/report) and the command
 * line's Markdown output (cli/print/markdown): made inert as in the terminal (controls shown, bidi
 * overrides named), then every character that would break a pipe table or turn into markup is
 * escaped (\ | * _ ` [ ] # ~, and < > as entities so no HTML tag gets through).
 */
import { inert } from '../sanitize.js';

export interface MarkdownTextOptions {
  /**
   * Escape `!` as well. The report does (an image needs `![`, and it escapes both halves, so no
   * renderer can see one); the command line never did, and its output bytes stay as they were.
   */
  bang?: boolean;
}

export function markdownText(s: string | null | undefined, options: MarkdownTextOptions = {}): string {
  if (s === null || s === undefined) return '';
  return inert(s)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(options.bang ? /([*_`[\]#~!])/g : /([*_`[\]#~])/g, '\\$1');
}
