/**
 * `npm run bench`: the benchmark. Generates deterministic corpora (1,000 / 10,000 / 100,000
 * quotes; bench/generate.ts); for each, types the 20 queries in a dashboard-like session on the
 * built code (bench/session.mjs: keystroke times, UI-thread stall, peak RSS), then measures
 * loading and indexing and checks every keystroke's results against a full fuse.js search in
 * another fresh process (bench/measure.ts), times the
 * built command against `node -e ''` and `fzf --filter` (when installed) on the same texts,
 * times the dashboard's first frame in a real pseudo-terminal (tmux, when installed), and prints
 * a table; the figures are also written to bench/results/latest.json.
 *
 *   npm run bench                 # all sizes
 *   npm run bench -- --sizes 1000,10000
 *   npm run bench -- --readme     # also put the table in README.md (between the bench markers)
 *   npm run bench -- --only ingest   # only the ingest benchmark (bench/ingest.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/core/corpus/load.js';
import { writeCorpus } from './generate.js';
import { QUERIES } from './queries.js';
import { fmtMs, hasCommand, peakRssMB, runProcess, timeProcess, summarizeTimes, type Timing } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli/main.js');
// `npm run bench -- --only ingest`: the ingest benchmark alone (bench/ingest.ts)
if (process.argv[process.argv.indexOf('--only') + 1] === 'ingest' && process.argv.includes('--only')) {
  await import('./ingest.js');
  process.exit(0);
}
const argSizes = process.argv.indexOf('--sizes');
const SIZES = argSizes > 0 ? process.argv[argSizes + 1]!.split(',').map(Number) : [1000, 10000, 100000];
const workDir = path.join(os.tmpdir(), 'narrative-lens-bench');

async function corpusFor(n: number): Promise<string> {
  const dir = path.join(workDir, `corpus-${n}`);
  if (!existsSync(dir) || (await readdir(dir)).length === 0) await writeCorpus(dir, { quotes: n });
  return dir;
}

/** One quote per line, for fzf: the same texts the search sees. */
async function linesFor(dataPath: string): Promise<string> {
  const file = path.join(workDir, `${path.basename(dataPath)}.lines.txt`);
  if (!existsSync(file)) {
    const corpus = await loadCorpus([dataPath]);
    const lines = corpus.quotes.map(({ quote }) => {
      const speaker = quote.speaker ? (corpus.actorById.get(quote.speaker)?.name ?? '') : '';
      return `${speaker}\t${quote.text.replace(/\s+/g, ' ')}`;
    });
    await writeFile(file, lines.join('\n') + '\n');
  }
  return file;
}

/**
 * A dashboard-like typing session (bench/session.mjs, on the built code) in its own process:
 * per-keystroke times to first and final results, the UI thread's longest stall, peak RSS, and
 * the final hits of every keystroke (saved to a file for measure.ts to check).
 */
function typingSession(dataPath: string, label: string): { figures: Record<string, unknown>; resultsFile: string } {
  const warm = spawnSync(process.execPath, [path.join(root, 'bench/session.mjs'), dataPath, '--warm'], { encoding: 'utf8', cwd: root });
  if (warm.status !== 0) throw new Error(`session (warming the cache) failed:\n${warm.stderr}`);
  process.stderr.write(`  ${label}: typing ${QUERIES.length} queries (a dashboard-like session on the built code)\n`);
  const r = spawnSync(process.execPath, [path.join(root, 'bench/session.mjs'), dataPath, JSON.stringify(QUERIES)], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`session failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { first: number[]; final: number[]; stallMaxMs: number; peakRssMB: number };
  const resultsFile = path.join(workDir, `session-${path.basename(dataPath)}.json`);
  writeFileSync(resultsFile, r.stdout);
  return {
    figures: {
      firstResults: summarizeTimes(out.first),
      finalResults: summarizeTimes(out.final),
      uiStallMaxMs: out.stallMaxMs,
      sessionPeakRssMB: out.peakRssMB,
    },
    resultsFile,
  };
}

function measureCorpus(dataPath: string, label: string, sessionFile: string): Record<string, unknown> {
  // its progress and any error go straight to our stderr
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/measure.ts'), dataPath, label, sessionFile], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`measure ${label} failed (see above)`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** Time from starting the dashboard in a 100x30 tmux terminal to its first full frame. */
function firstFrame(dataPath: string | null, runs: number): Timing | null {
  if (!hasCommand('tmux')) return null;
  const xs: number[] = [];
  const session = `nlbench${process.pid}`;
  const data = dataPath ? ` --data '${dataPath}'` : '';
  for (let i = 0; i < runs + 1; i++) {
    spawnSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
    const t0 = performance.now();
    spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '100', '-y', '30', `node '${cli}'${data}`]);
    let ms = NaN;
    while (performance.now() - t0 < 60_000) {
      const screen = spawnSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' }).stdout ?? '';
      // the quotes pane is drawn: its count line ("63 quotes", "12 of 31 quotes") is on screen
      if (/\d[\d,]* (of [\d,]+ )?quotes/.test(screen)) {
        ms = performance.now() - t0;
        break;
      }
      spawnSync('sleep', ['0.005']);
    }
    spawnSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
    if (i > 0) xs.push(ms); // the first run warms the file cache
  }
  return summarizeTimes(xs);
}

async function commandTimes(dataPath: string | null, n: number) {
  const runs = n >= 50_000 ? 5 : 15;
  const query = 'colour revolution';
  const data = dataPath ? ['--data', dataPath] : [];
  const args = [cli, 'search', query, '--format', 'json', ...data];
  await runProcess(process.execPath, args); // warm: fills the corpus cache where the CLI uses one
  const search = await timeProcess(process.execPath, args, runs);
  const node = await timeProcess(process.execPath, ['-e', ''], runs);
  let fzf: Timing | null = null;
  if (hasCommand('fzf')) {
    const lines = await linesFor(dataPath ?? path.join(root, 'data'));
    fzf = await timeProcess('sh', ['-c', `fzf --filter "$1" < "$2" > /dev/null`, 'sh', query, lines], runs);
  }
  return { search, node, fzf, ratioToNode: search.median / node.median, searchPeakRssMB: peakRssMB(process.execPath, args) };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    fzf: hasCommand('fzf') ? spawnSync('fzf', ['--version'], { encoding: 'utf8' }).stdout.trim() : null,
    date: new Date().toISOString(),
  };
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

async function main() {
  if (!existsSync(cli)) throw new Error('build first: npm run build');
  await mkdir(workDir, { recursive: true });
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  const results: Record<string, unknown>[] = [];
  const targets: { label: string; path: string | null; n: number }[] = [{ label: 'bundled', path: null, n: 63 }];
  for (const n of SIZES) targets.push({ label: `${n.toLocaleString('en')} quotes`, path: await corpusFor(n), n });

  for (const t of targets) {
    process.stderr.write(`measuring ${t.label}…\n`);
    const dataPath = t.path ?? path.join(root, 'data');
    const session = typingSession(dataPath, t.label);
    const inProc = measureCorpus(dataPath, t.label, session.resultsFile);
    const cmd = await commandTimes(t.path, t.n);
    const frame = firstFrame(t.path, t.n >= 50_000 ? 3 : 5);
    results.push({ ...inProc, ...session.figures, command: cmd, firstFrame: frame });
    // after every corpus, so an interrupted run keeps what it measured
    await writeFile(path.join(root, 'bench/results/latest.json'), JSON.stringify({ machine: machine(), queries: QUERIES, results, complete: false }, null, 2) + '\n');
  }

  const m = machine();
  const out = { machine: m, queries: QUERIES, results, complete: true };
  await writeFile(path.join(root, 'bench/results/latest.json'), JSON.stringify(out, null, 2) + '\n');

  const cols = ['', ...results.map((r) => String(r.label))];
  const w = [34, ...cols.slice(1).map((c) => Math.max(14, c.length))];
  const lines: string[] = [];
  const T = (r: Record<string, unknown>, k: string) => r[k] as Timing;
  const add = (name: string, f: (r: Record<string, unknown>) => string) => lines.push(row([name, ...results.map(f)], w));
  lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.os}`);
  lines.push(row(cols, w));
  add('load + validate, median', (r) => fmtMs(T(r, 'load').median));
  add('load, warm cache, median', (r) => fmtMs(T(r, 'loadWarmCache').median));
  add('index build (in-process)', (r) => fmtMs(r.indexBuildInProcess as number));
  add('search workers ready', (r) => fmtMs(r.poolReady as number));
  add('keystroke → first results, median', (r) => fmtMs(T(r, 'firstResults').median));
  add('keystroke → first results, p95', (r) => fmtMs(T(r, 'firstResults').p95));
  add('keystroke → final results, median', (r) => fmtMs(T(r, 'finalResults').median));
  add('keystroke → final results, p95', (r) => fmtMs(T(r, 'finalResults').p95));
  add('in-process search, p95', (r) => (r.inProcessSearch ? fmtMs((r.inProcessSearch as Timing).p95) : '—'));
  add('UI-thread longest stall', (r) => fmtMs(r.uiStallMaxMs as number));
  add('exact top 50 (keystrokes checked)', (r) => {
    const e = r.exactness as { keystrokes: number; checked: number; differences: string[] };
    return e.differences.length ? `${e.differences.length} DIFF` : `same ${e.checked}/${e.checked} of ${e.keystrokes}`;
  });
  add('`search --format json`, median', (r) => fmtMs((r.command as { search: Timing }).search.median));
  add("`node -e ''`, median", (r) => fmtMs((r.command as { node: Timing }).node.median));
  add('search ÷ node', (r) => `${(r.command as { ratioToNode: number }).ratioToNode.toFixed(2)}×`);
  add('`fzf --filter`, median', (r) => {
    const f = (r.command as { fzf: Timing | null }).fzf;
    return f ? fmtMs(f.median) : 'not installed';
  });
  add('dashboard first frame, median', (r) => (r.firstFrame ? fmtMs((r.firstFrame as Timing).median) : 'no tmux'));
  add('peak RSS, typing session', (r) => `${Math.round(r.sessionPeakRssMB as number)} MB`);
  add('peak RSS, whole measuring run', (r) => `${Math.round(r.peakRssMB as number)} MB`);
  add('peak RSS, `search` command', (r) => `${Math.round((r.command as { searchPeakRssMB: number }).searchPeakRssMB)} MB`);
  console.log(lines.join('\n'));
  for (const r of results) {
    const d = (r.exactness as { differences: string[] }).differences;
    if (d.length) console.log(`\n${r.label}: results differing from a full fuse.js search:\n  ${d.join('\n  ')}`);
  }
  console.log(`\nwritten: bench/results/latest.json`);
  if (process.argv.includes('--readme')) {
    const readme = path.join(root, 'README.md');
    const text = await readFile(readme, 'utf8');
    const block = ['<!-- bench:start -->', `\`npm run bench\`, ${m.date.slice(0, 10)}:`, '', '```', ...lines, '```', '<!-- bench:end -->'].join('\n');
    const next = text.replace(/<!-- bench:start -->[\s\S]*?<!-- bench:end -->/, block);
    if (next === text && !text.includes(block)) throw new Error('README.md has no bench markers');
    await writeFile(readme, next);
    console.log('written: README.md (the table)');
  }
}

await main();
