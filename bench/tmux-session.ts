/**
 * A typing session in the real dashboard, as the checker runs one: the built command in
 * tmux (100x30), a corpus with a warm cache, the benchmark's queries typed one key at a time (a
 * key every 150 ms, 2 s between queries), and the process's peak memory read from the system
 * (VmHWM in /proc/<pid>/status: every thread of the process, search workers included). Also how
 * long the dashboard took to show its loaded screen. (Keystroke times are the typing session's
 * in bench/session.mjs: read off a screen, a previous key's results cannot be told from the
 * last one's.) Linux and tmux only; prints JSON. No assertion: numbers.
 *
 *   npx tsx bench/tmux-session.ts /tmp/nl-100k            # the corpus's caches warm first
 *   npx tsx bench/tmux-session.ts /tmp/nl-100k --cli /tmp/other/dist/cli/main.js
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { QUERIES } from './queries.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface TmuxSessionResult {
  /** VmHWM of the dashboard's process at the end of the session */
  peakRssMB: number;
  /** VmRSS at the end, before quitting */
  endRssMB: number;
  /** from the start until the loaded dashboard (its keys) is on screen */
  loadedMs: number;
  queries: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function tmux(socket: string, ...args: string[]): string {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

function status(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const m = /^(Vm\w+):\s+(\d+) kB/.exec(line);
    if (m) out[m[1]!] = Number(m[2]) / 1024;
  }
  return out;
}

export async function tmuxSession(data: string, opts: { cli?: string; queries?: readonly string[]; keyGapMs?: number } = {}): Promise<TmuxSessionResult> {
  const cli = opts.cli ?? path.join(root, 'dist/cli/main.js');
  // the four the memory measurements in docs/scaling.md type: words, a typo, a qualifier, alternatives
  const queries = opts.queries ?? [0, 1, 4, 5].map((i) => QUERIES[i]!);
  const gap = opts.keyGapMs ?? 150;
  const socket = `nl-tmux-session-${process.pid}`;
  const screen = () => tmux(socket, 'capture-pane', '-p', '-t', 's');
  const waitFor = async (test: (s: string) => boolean, what: string, limitMs: number) => {
    const until = Date.now() + limitMs;
    while (Date.now() < until) {
      const s = screen();
      if (test(s)) return;
      await sleep(20);
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${screen()}`);
  };
  const t0 = performance.now();
  // exec: the pane's process is the dashboard itself, so its pid is the one to read
  tmux(socket, 'new-session', '-d', '-s', 's', '-x', '100', '-y', '30', `exec node ${JSON.stringify(cli)} --data ${JSON.stringify(data)}`);
  try {
    const pid = Number(tmux(socket, 'display-message', '-p', '-t', 's', '#{pane_pid}').trim());
    await waitFor((s) => s.includes('enter speaker'), 'the loaded dashboard', 600_000);
    const loadedMs = performance.now() - t0;
    for (const q of queries) {
      tmux(socket, 'send-keys', '-t', 's', '/');
      await sleep(gap);
      for (const ch of q) {
        tmux(socket, 'send-keys', '-t', 's', '-l', ch);
        await sleep(gap);
      }
      await waitFor((s) => /\b[\d,]+ of [\d,]+ quotes\b/.test(s) && !s.includes('searching'), `the results of ${q}`, 600_000);
      await sleep(2000);
      tmux(socket, 'send-keys', '-t', 's', 'C-u'); // clear the box
      tmux(socket, 'send-keys', '-t', 's', 'Escape');
      await sleep(gap);
    }
    const st = status(pid);
    return { peakRssMB: Math.round(st.VmHWM!), endRssMB: Math.round(st.VmRSS!), loadedMs: Math.round(loadedMs), queries: [...queries] };
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const data = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--cli');
  if (!data) throw new Error('usage: tmux-session.ts <corpus path> [--cli path/to/main.js]');
  const cliAt = args.indexOf('--cli');
  const r = await tmuxSession(data, cliAt >= 0 ? { cli: args[cliAt + 1]! } : {});
  process.stdout.write(JSON.stringify(r) + '\n');
}
