/**
 * The values of flags every command takes, checked the same way by yargs (program.ts) and by the
 * fast path (fast.ts). The flags themselves are described in spec.ts.
 */
import type { Format } from './spec.js';
import { clip, UsageError } from './errors.js';
import { parseSize } from '../core/corpus/size.js';

/** What every command receives from the global flags. */
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
  if (bytes === undefined) throw new UsageError(`--max-file-size must be a size such as 512MB or 1GB (K, MB, GB; a bare number is bytes), not ${clip(String(v), 40)}`);
  return bytes;
}

/** A count as typed (`--limit 20`): a whole number written in digits, 0 or more; undefined when it is not one. */
export function parseCount(v: string): number | undefined {
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * A count flag's value as yargs hands it over (the text typed, read as a string so that 1e400
 * is not first turned into Infinity), or a UsageError quoting what was typed.
 */
export function coerceCount(name: string): (v: unknown) => number {
  return (v) => {
    const n = Array.isArray(v) ? undefined : parseCount(String(v));
    if (n === undefined) {
      const typed = Array.isArray(v) ? v.map(String).join(' and ') : String(v);
      throw new UsageError(`--${name} must be a whole number, 0 or more (not ${clip(typed, 40)})`, `a count, for example: --${name} 20`);
    }
    return n;
  };
}

/** A count as a command received it: kept for modules that check one themselves. */
export function checkCount(name: string, v: unknown): void {
  if (v !== undefined && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)) {
    throw new UsageError(`--${name} must be a whole number, 0 or more (not ${clip(String(v), 40)})`, `a count, for example: --${name} 20`);
  }
}
