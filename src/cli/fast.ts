/**
 * The fast paths: `narrative-lens search QUERY [--data P]... [--format F] [--limit N]` and the
 * plain dashboard, `narrative-lens [--data P]...`, are parsed here without loading yargs (which
 * alone takes longer to import than Node takes to start).
 * Anything this parser is not sure about (help, unknown flags, a second positional, a bad value)
 * returns null, and the full yargs program handles it, with its messages. Both paths call the
 * same runSearch, and a test checks they print the same.
 */
import { FORMATS, type Format } from './print/output.js';
import { parseLimit } from './options.js';
import type { SearchArgs } from './commands/search.js';
import type { DashboardArgs } from './commands/dashboard.js';

/**
 * An option's value: written inline (`--data=P`) or as the next argument, which must not look
 * like an option (yargs would read it as one). Undefined when there is none: leave it to yargs.
 */
function optionValue(argv: readonly string[], at: number, inline: string | undefined): string | undefined {
  if (inline !== undefined) return inline;
  const next = argv[at + 1];
  return next === undefined || next.startsWith('-') ? undefined : next;
}

/** `narrative-lens` alone or with `--data P` (repeated): the dashboard, or null for yargs. */
export function parseFastDashboard(argv: readonly string[]): DashboardArgs | null {
  if (process.env.NARRATIVE_LENS_NO_FAST_PATH) return null;
  const data: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--data(?:=(.*))?$/s.exec(argv[i]!);
    const value = m && optionValue(argv, i, m[1]);
    if (!value) return null;
    if (m[1] === undefined) i++;
    data.push(value);
  }
  return data.length ? { format: 'text', data } : { format: 'text' };
}

export function parseFastSearch(argv: readonly string[]): SearchArgs | null {
  if (argv[0] !== 'search' || process.env.NARRATIVE_LENS_NO_FAST_PATH) return null;
  const args: SearchArgs = { query: '', format: 'text' };
  let query: string | undefined;
  let format: Format | undefined;
  let limit: number | undefined;
  const data: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-') && a !== '-') {
      const m = /^(--data|--format|-f|--limit|-n)(?:=(.*))?$/s.exec(a);
      if (!m) return null;
      const value = optionValue(argv, i, m[2]);
      if (value === undefined) return null;
      if (m[2] === undefined) i++;
      switch (m[1]) {
        case '--data':
          if (!value) return null;
          data.push(value);
          break;
        case '--format':
        case '-f':
          if (format !== undefined || !(FORMATS as readonly string[]).includes(value)) return null;
          format = value as Format;
          break;
        default: {
          const n = parseLimit(value);
          if (limit !== undefined || n === undefined) return null;
          limit = n;
        }
      }
      continue;
    }
    if (query !== undefined) return null;
    query = a;
  }
  // yargs reads a numeric-looking positional as a number ("search 100" → 100); we keep the text,
  // and so does the yargs path (coerce: String), except that "1e3" would print as "1000" there:
  // leave such queries to yargs too, so both paths agree.
  if (query === undefined || /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(query)) return null;
  args.query = query;
  if (format) args.format = format;
  if (limit !== undefined) args.limit = limit;
  if (data.length) args.data = data;
  return args;
}
