/** Shared by the hardening tests: running the built command, concurrently, and what must never be printed. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BIN, ROOT, ensureBuilt, env } from '../cli/helpers.js';

export { BIN, ROOT, ensureBuilt, env };

export const HOSTILE_DIR = path.join(ROOT, 'test/fixtures/hostile');

export interface Result {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command with pipes (never a terminal), a clean environment and a private cache. */
export function runAsync(args: string[], opts: { env?: Record<string, string | undefined>; cwd?: string; input?: string; timeoutMs?: number } = {}): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: env(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ args, code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs many at once (a few at a time: the machine may have two cores). */
export async function runAll(list: { args: string[]; env?: Record<string, string | undefined>; cwd?: string }[], concurrency = 4): Promise<Result[]> {
  const results: Result[] = new Array(list.length);
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      results[i] = await runAsync(list[i]!.args, list[i]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/**
 * Anything that could drive a terminal or hide/reorder text: C0 controls but \n and \t, DEL, C1
 * controls, bidi embeddings/overrides/isolates and marks, zero-width and invisible format
 * characters, line and paragraph separators. (\r is allowed only as part of CSV's \r\n: see
 * `unsafeIn`.)
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/u;

/**
 * The first unsafe character in `s`, with some context, or null. `crlf`: CSV's record ends are
 * allowed. `sgr`: the colour sequences the printers add themselves (ESC [ digits m) are allowed.
 */
export function unsafeIn(s: string, opts: { crlf?: boolean; sgr?: boolean } = {}): string | null {
  let t = s;
  // eslint-disable-next-line no-control-regex
  if (opts.sgr) t = t.replace(/\u001b\[[0-9;]*m/g, '');
  if (opts.crlf) t = t.replace(/\r\n/g, '\n');
  const m = UNSAFE.exec(t);
  if (!m) return null;
  const at = m.index;
  return `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${at}: ${JSON.stringify(t.slice(Math.max(0, at - 30), at + 30))}`;
}
