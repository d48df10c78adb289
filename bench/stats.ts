/** Small statistics and process-timing helpers for the benchmark. */
import { spawn, spawnSync } from 'node:child_process';

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]) => quantile(xs, 0.95);
export const max = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

export interface Timing {
  median: number;
  p95: number;
  max: number;
  runs: number;
}

export function summarizeTimes(xs: readonly number[]): Timing {
  return { median: median(xs), p95: p95(xs), max: max(xs), runs: xs.length };
}

export interface ProcResult {
  ms: number;
  code: number | null;
  stdout: string;
  maxRssMB: number;
}

/**
 * Runs a command to completion and times it as a whole process (wall clock, like a user sees),
 * reading peak RSS of the child from `/usr/bin/time` when it is there.
 */
export function runProcess(cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ProcResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      resolve({ ms, code, stdout, maxRssMB: NaN });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** Peak RSS (MB) of one run of a command, from GNU time when installed, else NaN. */
export function peakRssMB(cmd: string, args: string[]): number {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.error) return NaN;
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : NaN;
}

export async function timeProcess(cmd: string, args: string[], runs: number, opts: { input?: string } = {}): Promise<Timing & { code: number | null }> {
  await runProcess(cmd, args, opts); // warm the file cache
  const xs: number[] = [];
  let code: number | null = null;
  for (let i = 0; i < runs; i++) {
    const r = await runProcess(cmd, args, opts);
    xs.push(r.ms);
    code = r.code;
  }
  return { ...summarizeTimes(xs), code };
}

export function fmtMs(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x < 10 ? `${x.toFixed(2)} ms` : x < 1000 ? `${x.toFixed(1)} ms` : `${(x / 1000).toFixed(2)} s`;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
