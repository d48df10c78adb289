/** Options every command takes, defined once for yargs and read the same way by the fast path. */
import type { Argv } from 'yargs';
import { FORMATS, type Format } from './print/output.js';
import { UsageError } from './errors.js';

export interface GlobalArgs {
  data?: string[];
  format: Format;
  limit?: number;
}

export function globalOptions<T>(y: Argv<T>): Argv<T & GlobalArgs> {
  return y
    .option('data', {
      type: 'string',
      array: true,
      requiresArg: true,
      global: true,
      describe: 'corpus file or folder (.json corpus files, .txt articles); repeat for more [default: the bundled data]',
    })
    .option('format', {
      alias: 'f',
      choices: FORMATS,
      default: 'text' as Format,
      global: true,
      describe: 'output format',
    })
    .option('limit', {
      alias: 'n',
      type: 'number',
      requiresArg: true,
      global: true,
      describe: 'print at most N results',
    })
    .check((a) => {
      const limit = a.limit as unknown;
      if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
        throw new UsageError(`--limit must be a whole number, 0 or more (not ${String(limit)})`, 'for example: --limit 20');
      }
      return true;
    }, true) as unknown as Argv<T & GlobalArgs>;
}

/** Checks a --limit value the way yargs would (for the fast path). */
export function parseLimit(v: string): number | undefined {
  if (!/^\d+$/.test(v)) return undefined;
  return Number(v);
}
