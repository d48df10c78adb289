/** Options every command takes, defined once for yargs and read the same way by the fast path. */
import type { Argv } from 'yargs';
import { FORMATS, type Format } from './print/output.js';
import { UsageError } from './errors.js';
import { loadSettings } from './context.js';
import { DEFAULT_MAX_FILE_BYTES } from '../core/corpus/load.js';
import { formatSize, parseSize } from '../core/corpus/size.js';

export interface GlobalArgs {
  data?: string[];
  format: Format;
  limit?: number;
  /** the largest file to read, in bytes (--max-file-size 512MB) */
  maxFileSize?: number;
}

/** How `--max-file-size` is written; its value in bytes, or a UsageError. */
export function parseMaxFileSize(v: unknown): number {
  const bytes = typeof v === 'number' ? (Number.isSafeInteger(v) && v > 0 ? v : undefined) : parseSize(String(v));
  if (bytes === undefined) throw new UsageError(`--max-file-size must be a size such as 512MB or 1GB (K, MB, GB; a bare number is bytes), not ${String(v)}`);
  return bytes;
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
    .option('max-file-size', {
      type: 'string',
      requiresArg: true,
      global: true,
      coerce: parseMaxFileSize,
      describe: `the largest file to read, e.g. 512MB or 1GB [default: ${formatSize(DEFAULT_MAX_FILE_BYTES)}]`,
    })
    .check((a) => {
      const limit = a.limit as unknown;
      if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)) {
        throw new UsageError(`--limit must be a whole number, 0 or more (not ${String(limit)})`, 'for example: --limit 20');
      }
      return true;
    }, true)
    .middleware((a) => {
      // read by openCorpus (and validate), whichever command runs
      loadSettings.maxFileBytes = a.maxFileSize as number | undefined;
    }) as unknown as Argv<T & GlobalArgs>;
}

/** Checks a --limit value the way yargs would (for the fast path). */
export function parseLimit(v: string): number | undefined {
  if (!/^\d+$/.test(v)) return undefined;
  return Number(v);
}
