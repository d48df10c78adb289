/**
 * The dashboard's speed, as a user feels it:
 *
 *  (a) time to first frame: the built command started in a real pseudo-terminal (tmux, 100x30),
 *      from spawning the process until the quotes pane's count line ("63 quotes") is on screen;
 *      on the bundled data, and on a corpus of 100,000 quotes with a warm cache;
 *  (b) per-keystroke cost: the App rendered by Ink to a fake terminal (100x30, colours on, the
 *      dashboard's own render options), a scripted user typing realistic queries one character
 *      at a time; the time from writing a key to stdin until Ink has written the new frame.
 *
 *   npm run build && npx tsx bench/tui.ts                   # bundled data, plus /tmp/nl-100k if there
 *   npx tsx bench/tui.ts --big /tmp/nl-100k --runs 7        # (npx tsx bench/generate.ts 100000 /tmp/nl-100k)
 *   npx tsx bench/tui.ts --only keys                        # just (b); --only frame for just (a)
 *   npx tsx bench/tui.ts --cli /tmp/other/cli/main.js       # another build of the command
 *   npx tsx bench/tui.ts --only keys --from src             # keystrokes through the sources, not dist
 *   npx tsx bench/tui.ts --only keys --keys-data /tmp/nl-1k  # keystrokes on another corpus
 *   npx tsx bench/tui.ts --only keys --gap 120               # pause after each key's frame (default 25 ms)
 *   npx tsx bench/tui.ts --json                             # the figures as JSON on stdout
 *
 * bench/run.ts can import firstFrame() and keystrokeCost(). No timed assertions anywhere: this
 * prints numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import { summarizeTimes, fmtMs, hasCommand, type Timing } from './stats.js';
import { QUERIES } from './queries.js';
import type { Corpus } from '../src/core/corpus/corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_CLI = path.join(root, 'dist/cli/main.js');

/** What counts as the first frame: the quotes pane's count line is on screen. */
export const COUNT_LINE = /\b\d[\d,]* (of [\d,]+ )?quotes\b/;

/** CPU time of this process (all threads), ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * CPU time of this process's main thread so far, ms (Linux: /proc, 10 ms ticks; NaN elsewhere).
 * Summed over hundreds of keys it is a steadier figure than wall time on a busy machine, and
 * unlike process.cpuUsage() it leaves out the GC and compiler threads.
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface FirstFrameOptions {
  /** the built command (default dist/cli/main.js) */
  cli?: string;
  /** --data for the command; none: the bundled data */
  data?: string | null;
  /** measured runs (one more, first, warms the file cache and is not counted) */
  runs?: number;
  columns?: number;
  rows?: number;
  /** how often the screen is read */
  pollMs?: number;
  /** give up on one run after this long */
  timeoutMs?: number;
  /** the command to run instead of the CLI (a floor: e.g. node printing the line) */
  command?: string;
}

export interface FirstFrameResult extends Timing {
  samples: number[];
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Median (and p95) time from spawning the command in a fresh tmux window to the count line on
 * screen. A private tmux server (its own socket, no config) is kept alive across runs by an idle
 * session, so its start-up is not counted. Returns null without tmux.
 */
export function firstFrame(opts: FirstFrameOptions = {}): FirstFrameResult | null {
  if (!hasCommand('tmux')) return null;
  const cli = opts.cli ?? DEFAULT_CLI;
  const runs = opts.runs ?? 7;
  const cols = String(opts.columns ?? 100);
  const rows = String(opts.rows ?? 30);
  const pollMs = opts.pollMs ?? 5;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const socket = `nl-tui-bench-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const command = opts.command ?? `exec ${shq(process.execPath)} ${shq(cli)}${opts.data ? ` --data ${shq(opts.data)}` : ''}`;
  const samples: number[] = [];
  try {
    tmux('new-session', '-d', '-s', 'idle', '-x', cols, '-y', rows, 'sleep 100000');
    for (let i = 0; i <= runs; i++) {
      tmux('kill-session', '-t', 'run');
      sleepSync(50); // let the machine settle after the last run's exit
      const t0 = performance.now();
      tmux('new-session', '-d', '-s', 'run', '-x', cols, '-y', rows, command);
      let ms = NaN;
      while (performance.now() - t0 < timeoutMs) {
        const screen = tmux('capture-pane', '-p', '-t', 'run').stdout ?? '';
        if (COUNT_LINE.test(screen)) {
          ms = performance.now() - t0;
          break;
        }
        sleepSync(pollMs);
      }
      if (i > 0) samples.push(ms);
    }
  } finally {
    tmux('kill-server');
    // tmux leaves its socket file behind
    const dir = path.join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);
    rmSync(path.join(dir, socket), { force: true });
  }
  return { ...summarizeTimes(samples), samples };
}

/** Runs the command once to completion so that its corpus cache is filled (warm cache). */
export function warmCache(data: string, cli = DEFAULT_CLI): void {
  const r = spawnSync(process.execPath, [cli, 'search', 'warm', '--data', data, '--format', 'json', '--limit', '1'], { stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`warming the cache for ${data} failed (exit ${r.status})`);
}

// ---------------------------------------------------------------- keystrokes

/** A terminal as Ink sees it: a TTY of a fixed size that records when each frame was written. */
class FakeStdout extends EventEmitter {
  isTTY = true;
  columns: number;
  rows: number;
  writes: { t: number; cpu: number; bytes: number }[] = [];
  last = '';
  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (s: string): boolean => {
    this.writes.push({ t: performance.now(), cpu: cpuMs(), bytes: s.length });
    this.last = s;
    return true;
  };
  hasColors = () => true;
  getColorDepth = () => 8;
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(s: string): void {
    this.data = s;
    this.emit('readable');
    this.emit('data', s);
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface KeystrokeOptions {
  /**
   * Which code to drive: 'dist' (default) the built dashboard that ships, found in the build
   * next to `cli`; 'src' the sources (through tsx), as the tests see them.
   */
  from?: 'dist' | 'src';
  cli?: string;
  /** the corpus (default: the bundled data) */
  corpus?: Corpus;
  queries?: readonly string[];
  columns?: number;
  rows?: number;
  /** pause between keys, above Ink's frame throttle so every key gets its own frame */
  gapMs?: number;
}

export interface KeystrokeResult extends Timing {
  from: 'dist' | 'src';
  /** the very first key typed (cold: first use of the text and width code) */
  firstKey: number;
  keystrokes: number;
  /** bytes written per frame, median */
  bytesPerFrame: number;
  /** keys after which no frame came */
  noFrame: number;
  /** CPU time of the process (all threads) from the key to its frame */
  cpu: Timing;
  /** main-thread CPU time per key, averaged over all keys typed (10 ms ticks summed: steady) */
  mainThreadPerKey: number;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

type TuiRun = typeof import('../src/tui/run.js');

/** The dashboard's entry (runDashboard): from the built chunk that exports it, or the sources. */
async function loadDashboard(from: 'dist' | 'src', cli: string): Promise<TuiRun> {
  if (from === 'src') return import('../src/tui/run.js');
  const dir = path.dirname(cli);
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.js')) continue;
    const file = path.join(dir, f);
    if (/export\s*\{[^}]*\brunDashboard\b/.test(readFileSync(file, 'utf8'))) return import(pathToFileURL(file).href) as Promise<TuiRun>;
  }
  throw new Error(`no built dashboard in ${dir}: run npm run build first`);
}

/**
 * Opens the dashboard (runDashboard, with its own render options) on a fake 100x30 terminal,
 * types each query one character at a time into the quote search box (opened with '/', cleared
 * with Ctrl-U after each query) and times key → frame written. Production React and colours,
 * as in a terminal. Call in a process of its own if you care about a cold first key.
 */
export async function keystrokeCost(opts: KeystrokeOptions = {}): Promise<KeystrokeResult> {
  const env = process.env;
  if (env.NODE_ENV === undefined) env.NODE_ENV = 'production';
  if (env.FORCE_COLOR === undefined) env.FORCE_COLOR = '2'; // before chalk loads, as in a 256-colour terminal
  const from = opts.from ?? 'dist';
  const [{ runDashboard }, { loadCorpus }] = await Promise.all([loadDashboard(from, opts.cli ?? DEFAULT_CLI), import('../src/core/corpus/load.js')]);
  const corpus = opts.corpus ?? (await loadCorpus([]));
  const queries = opts.queries ?? QUERIES;
  const gap = opts.gapMs ?? 25;
  const stdout = new FakeStdout(opts.columns ?? 100, opts.rows ?? 30);
  const stdin = new FakeStdin();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const terminal = { stdin: stdin as any, stdout: stdout as any, stderr: stdout as any };
  const done = runDashboard({ corpus, terminal });
  const t0 = performance.now();
  while (!COUNT_LINE.test(stdout.last) && performance.now() - t0 < 10_000) await wait(5);
  await wait(100);

  const times: number[] = [];
  const cpus: number[] = [];
  const bytes: number[] = [];
  let noFrame = 0;
  const press = async (key: string, timed: boolean) => {
    pressed++;
    const start = stdout.writes.length;
    const c0 = cpuMs();
    const t0 = performance.now();
    stdin.write(key);
    // the frame may come synchronously or after a few turns of the event loop: wait for it
    // (at most a second), then a pause above Ink's throttle so the next key renders at once
    const deadline = t0 + 1000;
    const framed = () => stdout.writes.slice(start).some((w) => w.bytes > 16); // not the bare sync markers
    while (!framed() && performance.now() < deadline) await wait(1);
    await wait(gap);
    const frame = stdout.writes.slice(start).filter((w) => w.bytes > 16);
    if (!timed) return;
    if (frame.length === 0) {
      noFrame++;
      return;
    }
    times.push(frame[0]!.t - t0);
    if (process.env.NL_BENCH_KEYS) process.stderr.write(`${JSON.stringify(key)} ${(frame[0]!.t - t0).toFixed(1)} ${(frame[0]!.cpu - c0).toFixed(1)} ${frame.length}\n`);
    cpus.push(frame[0]!.cpu - c0);
    bytes.push(frame.reduce((n, w) => n + w.bytes, 0));
  };
  let pressed = 0;
  let mainThreadPerKey = NaN;
  const cpuStart = mainThreadCpuMs();
  try {
    await press('/', false);
    for (const q of queries) {
      for (const ch of q) await press(ch, true);
      await press('\u0015', false); // Ctrl-U clears the box
    }
  } finally {
    mainThreadPerKey = (mainThreadCpuMs() - cpuStart) / pressed;
    stdin.write('\u001b'); // leave the box, then quit
    await wait(gap);
    stdin.write('q');
    await Promise.race([done, wait(2000)]);
  }
  bytes.sort((a, b) => a - b);
  return {
    ...summarizeTimes(times),
    from,
    firstKey: times[0] ?? NaN,
    keystrokes: times.length,
    bytesPerFrame: bytes[Math.floor(bytes.length / 2)] ?? 0,
    noFrame,
    cpu: summarizeTimes(cpus),
    mainThreadPerKey,
  };
}

// ---------------------------------------------------------------- command line

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const cli = arg('--cli') ?? DEFAULT_CLI;
  const big = arg('--big') ?? '/tmp/nl-100k';
  const runs = Number(arg('--runs') ?? 7);
  const only = arg('--only');
  const json = process.argv.includes('--json');
  const rows: [string, string, string, string][] = [];
  const out: Record<string, unknown> = {};
  const log = (s: string) => !json && process.stderr.write(s + '\n');

  if (only !== 'keys') {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
    log('first frame: node alone (floor)…');
    const floor = firstFrame({ runs, command: `exec ${shq(process.execPath)} -e ${shq("process.stdout.write('63 quotes'); setTimeout(() => {}, 1e6)")}` });
    log('first frame: bundled data…');
    const bundled = firstFrame({ cli, runs });
    out.firstFrameNodeFloor = floor;
    out.firstFrameBundled = bundled;
    if (!floor || !bundled) log('no tmux: first frame not measured');
    else {
      rows.push(['first frame, node alone (floor)', fmtMs(floor.median), fmtMs(floor.p95), '']);
      rows.push(['first frame, bundled data', fmtMs(bundled.median), fmtMs(bundled.p95), '300 ms']);
    }
    if (existsSync(big)) {
      log(`first frame: ${big} (warming its cache)…`);
      warmCache(big, cli);
      const large = firstFrame({ cli, data: big, runs: Math.max(3, Math.ceil(runs / 2)) });
      out.firstFrameLarge = large && { data: big, ...large };
      if (large) rows.push([`first frame, ${path.basename(big)} warm cache`, fmtMs(large.median), fmtMs(large.p95), '1 s']);
    } else log(`${big} not found: make it with npx tsx bench/generate.ts 100000 ${big}`);
  }
  if (only !== 'frame') {
    const from = (arg('--from') ?? 'dist') as 'dist' | 'src';
    const keysData = arg('--keys-data');
    const { loadCorpus } = await import('../src/core/corpus/load.js');
    log(`keystrokes: ${keysData ?? 'bundled data'}, ${from === 'dist' ? 'the built dashboard' : 'the sources'}…`);
    const gap = arg('--gap');
    const keys = await keystrokeCost({ cli, from, corpus: await loadCorpus(keysData ? [keysData] : []), ...(gap ? { gapMs: Number(gap) } : {}) });
    out.keystrokes = keys;
    rows.push([`keystroke → frame, first key`, fmtMs(keys.firstKey), '', '']);
    rows.push([`keystroke → frame (${keys.keystrokes} keys)`, fmtMs(keys.median), fmtMs(keys.p95), '16 ms']);
    rows.push(['  CPU time of those, all threads', fmtMs(keys.cpu.median), fmtMs(keys.cpu.p95), '']);
    rows.push(['  main-thread CPU per key, mean', fmtMs(keys.mainThreadPerKey), '', '']);
    rows.push(['bytes written per frame, median', String(keys.bytesPerFrame), '', '']);
    if (keys.noFrame) rows.push(['keys with no frame', String(keys.noFrame), '', '']);
  }

  if (json) {
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  const head: [string, string, string, string] = ['measure', 'median', 'p95', 'target'];
  const all = [head, ...rows];
  const w = [0, 1, 2, 3].map((c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((x, c) => (c === 0 ? x.padEnd(w[c]!) : x.padStart(w[c]!))).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/tui.ts')) {
  await main();
  process.exit(0);
}
