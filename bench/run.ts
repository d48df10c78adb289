/**
 * `npm run bench`: the benchmark. Generates deterministic corpora (1,000 / 10,000 / 100,000 /
 * 1,000,000 quotes, one file per 1,000; bench/generate.ts); for each, types the queries in a
 * dashboard-like session on the built code (bench/session.mjs: keystroke times, UI-thread stall,
 * peak RSS), then measures loading and indexing (in memory, and the search index on disk) and
 * checks the keystrokes' results against a full fuse.js search in another fresh process
 * (bench/measure.ts), times the built `search` command against `node -e ''` and, run by run in
 * turn, against `fzf --filter` (when installed) over the same quotes as lines, times the
 * dashboard's first frame in a real pseudo-terminal (tmux, when installed), and prints a table;
 * the figures are also written to bench/results/latest.json.
 *
 * At 1,000,000 quotes a keystroke's search takes seconds, so the session types two of the queries
 * (a plain two-word one and one with a qualifier) and each query's last keystroke is checked; the
 * cold load and the in-process index are not measured there (SAMPLED_ABOVE).
 *
 *   npm run bench                          # all sizes (the million takes about half an hour)
 *   npm run bench -- --sizes 1000,100000   # some sizes; the results of earlier runs are kept,
 *                                          # so a table can be made in parts
 *   npm run bench -- --fresh               # forget earlier runs' results first
 *   npm run bench -- --report --readme     # measure nothing: the table of the stored results
 *   npm run bench -- --readme              # also put the table in README.md (between the bench markers)
 *   npm run bench -- --only ingest         # only the ingest benchmark (bench/ingest.ts)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/core/corpus/load.js';
import { writeCorpus } from './generate.js';
import { formatSize } from '../src/core/corpus/size.js';
import { QUERIES } from './queries.js';
import { tmuxSession } from './tmux-session.js';
import { fmtMs, hasCommand, peakRssMB, runProcess, timeProcess, summarizeTimes, type Timing } from './stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli/main.js');
// `npm run bench -- --only ingest`: the ingest benchmark alone (bench/ingest.ts)
if (process.argv[process.argv.indexOf('--only') + 1] === 'ingest' && process.argv.includes('--only')) {
  await import('./ingest.js');
  process.exit(0);
}
const argSizes = process.argv.indexOf('--sizes');
const ALL_SIZES = [1000, 10000, 100000, 1000000];
const SIZES = argSizes > 0 ? process.argv[argSizes + 1]!.split(',').map(Number) : ALL_SIZES;
if (SIZES.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes takes quote counts, e.g. --sizes 1000,100000 (not ${process.argv[argSizes + 1]})`);
/** From this size on the typing session and the exactness check are sampled (see the top). */
export const SAMPLED_ABOVE = 500_000;
/**
 * Node's default heap limit (about 4 GB here) is too small to validate a million quotes or hold
 * them in the dashboard's thread: the session then gets more (the dashboard itself does not: its
 * first frame shows whether it starts at all).
 */
const heapFor = (n: number) => (n >= SAMPLED_ABOVE ? ['--max-old-space-size=16384'] : []);
const sessionQueries = (n: number) => (n >= SAMPLED_ABOVE ? [QUERIES[0]!, QUERIES[4]!] : QUERIES);
const workDir = path.join(os.tmpdir(), 'narrative-lens-bench');
/**
 * The benchmark's own cache folder (corpus cache, search index) for every process it starts: in
 * the user's folder, other runs of the command could push its entries out (it keeps the newest
 * few) and a "warm" load would silently be a cold one.
 */
process.env.NARRATIVE_LENS_CACHE_DIR ??= path.join(workDir, 'cache');

async function corpusFor(n: number): Promise<string> {
  const dir = path.join(workDir, `corpus-${n}`);
  if (!existsSync(dir) || (await readdir(dir)).length === 0) await writeCorpus(dir, { quotes: n });
  return dir;
}

/** One quote per line, for fzf: the same texts the search sees. */
async function linesFor(dataPath: string): Promise<string> {
  const file = path.join(workDir, `${path.basename(dataPath)}.lines.txt`);
  if (!existsSync(file)) {
    // from the corpus cache the sessions filled (validating a million quotes again took minutes
    // and gigabytes), written in pieces (one joined string of a million lines ran out of heap)
    const corpus = await loadCorpus([dataPath], { cache: true });
    const out = await open(`${file}.tmp`, 'w');
    try {
      for (let from = 0; from < corpus.quotes.length; from += 50_000) {
        const lines = corpus.quotes.slice(from, from + 50_000).map(({ quote }) => {
          const speaker = quote.speaker ? (corpus.actorById.get(quote.speaker)?.name ?? '') : '';
          return `${speaker}\t${quote.text.replace(/\s+/g, ' ')}\n`;
        });
        await out.write(lines.join(''));
      }
    } finally {
      await out.close();
    }
    await rename(`${file}.tmp`, file); // a run stopped half-way leaves no half file to trust
  }
  return file;
}

/**
 * A dashboard-like typing session (bench/session.mjs, on the built code) in its own process:
 * per-keystroke times to first and final results, the UI thread's longest stall, peak RSS, and
 * the final hits of every keystroke (saved to a file for measure.ts to check).
 */
function typingSession(dataPath: string, label: string, n: number): { figures: Record<string, unknown>; resultsFile: string } {
  const warm = spawnSync(process.execPath, [...heapFor(n), path.join(root, 'bench/session.mjs'), dataPath, '--warm'], { encoding: 'utf8', cwd: root });
  if (warm.status !== 0) throw new Error(`session (warming the cache) failed:\n${warm.stderr}`);
  const queries = sessionQueries(n);
  process.stderr.write(`  ${label}: typing ${queries.length} queries (a dashboard-like session on the built code)\n`);
  const r = spawnSync(process.execPath, [...heapFor(n), path.join(root, 'bench/session.mjs'), dataPath, JSON.stringify(queries)], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`session failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { first: number[]; final: number[]; stallMaxMs: number; peakRssMB: number; fromDisk: boolean };
  const resultsFile = path.join(workDir, `session-${path.basename(dataPath)}.json`);
  writeFileSync(resultsFile, r.stdout);
  return {
    figures: {
      firstResults: summarizeTimes(out.first),
      finalResults: summarizeTimes(out.final),
      uiStallMaxMs: out.stallMaxMs,
      sessionPeakRssMB: out.peakRssMB,
      // the workers read their shards from the index on disk (session.mjs's warm-up builds it)
      sessionFromDisk: out.fromDisk,
    },
    resultsFile,
  };
}

function measureCorpus(dataPath: string, label: string, sessionFile: string, n: number): Record<string, unknown> {
  // its progress and any error go straight to our stderr
  const env = { ...process.env, ...(n >= SAMPLED_ABOVE && !process.env.NL_BENCH_CHECK_STRIDE ? { NL_BENCH_CHECK_STRIDE: '1000' } : {}) };
  const r = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', path.join(root, 'bench/measure.ts'), dataPath, label, sessionFile, String(n)], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`measure ${label} failed (see above)`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/**
 * Time from starting the dashboard in a 100x30 tmux terminal to its first full frame, and to the
 * dashboard fully loaded. A large corpus with a search index on disk first draws the Quotes pane's
 * first page and counts from the index, saying "loading the corpus…" (src/tui/Startup.tsx), and
 * only then loads the corpus: both moments are reported, the second when the loading note is gone.
 */
function firstFrame(dataPath: string | null, runs: number, timeoutMs: number): { frame: Timing; loaded: Timing } | null {
  if (!hasCommand('tmux')) return null;
  const frames: number[] = [];
  const loads: number[] = [];
  const session = `nlbench${process.pid}`;
  const data = dataPath ? ` --data '${dataPath}'` : '';
  for (let i = 0; i < runs + 1; i++) {
    spawnSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
    const t0 = performance.now();
    // the tmux server keeps the environment it was started with: name the cache folder on the command
    const env = `NARRATIVE_LENS_CACHE_DIR='${process.env.NARRATIVE_LENS_CACHE_DIR}'`;
    spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '100', '-y', '30', `${env} node '${cli}'${data}`]);
    let frame = NaN;
    let loaded = NaN;
    while (performance.now() - t0 < timeoutMs) {
      const screen = spawnSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' }).stdout ?? '';
      // the quotes pane is drawn: its count line ("63 quotes", "12 of 31 quotes") is on screen
      if (/\d[\d,]* (of [\d,]+ )?quotes/.test(screen)) {
        const now = performance.now() - t0;
        if (Number.isNaN(frame)) frame = now;
        if (!screen.includes('loading the corpus')) {
          loaded = now;
          break;
        }
      }
      spawnSync('sleep', ['0.005']);
    }
    spawnSync('tmux', ['kill-session', '-t', session], { stdio: 'ignore' });
    if (i > 0) {
      // the first run warms the file cache
      frames.push(frame);
      loads.push(loaded);
    }
  }
  return { frame: summarizeTimes(frames), loaded: summarizeTimes(loads) };
}

/**
 * The real dashboard typed in tmux (bench/tmux-session.ts): the process's peak memory as the
 * system reads it, search workers and rendering included. null without tmux or /proc.
 */
async function dashboardTyped(dataPath: string, label: string): Promise<{ peakRssMB: number } | null> {
  if (!hasCommand('tmux') || !existsSync('/proc/self/status')) return null;
  process.stderr.write(`  ${label}: the dashboard typed in tmux\n`);
  return tmuxSession(dataPath, { cli });
}

async function commandTimes(dataPath: string | null, n: number) {
  const runs = n >= SAMPLED_ABOVE ? 2 : n >= 50_000 ? 5 : 15;
  const query = 'colour revolution';
  const data = dataPath ? ['--data', dataPath] : [];
  const args = [cli, 'search', query, '--format', 'json', ...data];
  await runProcess(process.execPath, args); // warm: the corpus cache and the search index on disk exist after it
  const page = await timeProcess(process.execPath, [...args, '--limit', '50'], runs);
  const node = await timeProcess(process.execPath, ['-e', ''], runs);
  let search: Timing;
  let fzf: Timing | null = null;
  let ratioToFzf: Timing | null = null;
  if (hasCommand('fzf')) {
    const lines = await linesFor(dataPath ?? path.join(root, 'data'));
    const fzfArgs = ['-c', `fzf --filter "$1" < "$2" > /dev/null`, 'sh', query, lines];
    // in turn, run by run: the ratio of each pair is taken while the machine's speed is the same
    await runProcess('sh', fzfArgs); // warm the file cache
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push((await runProcess(process.execPath, args)).ms);
      theirs.push((await runProcess('sh', fzfArgs)).ms);
    }
    search = summarizeTimes(ours);
    fzf = summarizeTimes(theirs);
    ratioToFzf = summarizeTimes(ours.map((x, i) => x / theirs[i]!));
  } else {
    search = await timeProcess(process.execPath, args, runs);
  }
  return { search, page, node, fzf, ratioToFzf, ratioToNode: search.median / node.median, searchPeakRssMB: peakRssMB(process.execPath, args) };
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

type Result = Record<string, unknown> & { label: string; quotes: number };

/** The results of earlier runs (kept unless --fresh), so that a table can be made in parts. */
async function earlier(file: string): Promise<Result[]> {
  if (process.argv.includes('--fresh')) return [];
  try {
    const old = JSON.parse(await readFile(file, 'utf8')) as { results?: Result[] };
    return (old.results ?? []).filter((r) => typeof r.label === 'string' && typeof r.quotes === 'number');
  } catch {
    return [];
  }
}

async function main() {
  if (!existsSync(cli)) throw new Error('build first: npm run build');
  await mkdir(workDir, { recursive: true });
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  const resultsFile = path.join(root, 'bench/results/latest.json');
  const targets: { label: string; path: string | null; n: number }[] = [{ label: 'bundled', path: null, n: 63 }];
  for (const n of SIZES) targets.push({ label: `${n.toLocaleString('en')} quotes`, path: await corpusFor(n), n });
  // --report: measure nothing, print (and with --readme write) the table of the stored results
  if (process.argv.includes('--report')) targets.length = 0;
  const measuring = new Set(targets.map((t) => t.label));
  const results: Result[] = (await earlier(resultsFile)).filter((r) => !measuring.has(r.label));
  const save = async (complete: boolean) => {
    // another run (other sizes) may have saved since this one began: keep its sizes
    for (const r of await earlier(resultsFile)) if (!measuring.has(r.label) && !results.some((x) => x.label === r.label)) results.push(r);
    results.sort((a, b) => (a.label === 'bundled' ? -1 : b.label === 'bundled' ? 1 : a.quotes - b.quotes));
    await writeFile(resultsFile, JSON.stringify({ machine: machine(), queries: QUERIES, results, complete }, null, 2) + '\n');
  };

  for (const t of targets) {
    process.stderr.write(`measuring ${t.label}…\n`);
    const dataPath = t.path ?? path.join(root, 'data');
    const session = typingSession(dataPath, t.label, t.n);
    const inProc = measureCorpus(dataPath, t.label, session.resultsFile, t.n);
    const cmd = await commandTimes(t.path, t.n);
    const frame = firstFrame(t.path, t.n >= SAMPLED_ABOVE ? 1 : t.n >= 50_000 ? 3 : 5, t.n >= SAMPLED_ABOVE ? 300_000 : 60_000);
    const typedInTmux = await dashboardTyped(dataPath, t.label);
    results.push({ ...inProc, ...session.figures, command: cmd, firstFrame: frame?.frame ?? null, dashboardLoaded: frame?.loaded ?? null, dashboardTypedPeakRssMB: typedInTmux?.peakRssMB ?? null, label: t.label, quotes: inProc.quotes as number, measured: new Date().toISOString() });
    // after every corpus, so an interrupted run keeps what it measured
    await save(false);
  }
  await save(true);
  const m = machine();

  const cols = ['', ...results.map((r) => String(r.label))];
  const w = [40, ...cols.slice(1).map((c) => Math.max(14, c.length))];
  const lines: string[] = [];
  const T = (r: Record<string, unknown>, k: string) => r[k] as Timing | undefined;
  const C = (r: Record<string, unknown>) => (r.command ?? {}) as Record<string, Timing | number | null | undefined>;
  const ms = (t: Timing | number | null | undefined, k: keyof Timing = 'median') => (t === null || t === undefined ? '—' : fmtMs(typeof t === 'number' ? t : t[k]));
  const add = (name: string, f: (r: Record<string, unknown>) => string) => lines.push(row([name, ...results.map(f)], w));
  lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.os}${m.fzf ? `, fzf ${m.fzf}` : ''}`);
  const dates = [...new Set(results.map((r) => String(r.measured ?? '').slice(0, 10)).filter(Boolean))];
  if (dates.length > 1) lines.push(`measured in parts: ${dates.join(', ')}`);
  lines.push(row(cols, w));
  add('load + validate, median', (r) => ms(T(r, 'load')));
  add('load, warm cache, median', (r) => ms(T(r, 'loadWarmCache')));
  add('index build (in-process)', (r) => ms(r.indexBuildInProcess as number));
  add('search index on disk: build', (r) => ms(r.diskIndexBuild as number | undefined));
  add('search index on disk: size', (r) => (typeof r.diskIndexMB === 'number' ? formatSize(Math.round(r.diskIndexMB * 2 ** 20)) : '—'));
  add('search workers ready', (r) => ms(r.poolReady as number));
  add('keystroke → first results, median', (r) => ms(T(r, 'firstResults')));
  add('keystroke → first results, p95', (r) => ms(T(r, 'firstResults'), 'p95'));
  add('keystroke → final results, median', (r) => ms(T(r, 'finalResults')));
  add('keystroke → final results, p95', (r) => ms(T(r, 'finalResults'), 'p95'));
  add('in-process search, p95', (r) => (r.inProcessSearch ? ms(r.inProcessSearch as Timing, 'p95') : '—'));
  add('UI-thread longest stall', (r) => ms(r.uiStallMaxMs as number));
  add('exact top 50 (checked of typed)', (r) => {
    const e = r.exactness as { keystrokes: number; checked: number; differences: string[] };
    return e.differences.length ? `${e.differences.length} DIFF` : `same ${e.checked} of ${e.keystrokes}`;
  });
  add('`search --format json`, median', (r) => ms(C(r).search));
  add('`search --limit 50`, median', (r) => ms(C(r).page));
  add("`node -e ''`, median", (r) => ms(C(r).node));
  add('search ÷ node', (r) => `${(C(r).ratioToNode as number).toFixed(2)}×`);
  add('`fzf --filter`, median', (r) => (C(r).fzf ? ms(C(r).fzf) : 'not installed'));
  add('search ÷ fzf, median of pairs', (r) => {
    const x = C(r).ratioToFzf as Timing | null | undefined;
    return x ? `${x.median.toFixed(2)}× (${x.runs})` : '—';
  });
  add('dashboard first frame, median', (r) => (r.firstFrame ? ms(r.firstFrame as Timing) : 'no tmux'));
  add('dashboard fully loaded, median', (r) => (r.dashboardLoaded ? ms(r.dashboardLoaded as Timing) : r.firstFrame ? '—' : 'no tmux'));
  add('peak RSS, typing session', (r) => `${Math.round(r.sessionPeakRssMB as number)} MB`);
  add('peak RSS, dashboard typed in tmux', (r) => (typeof r.dashboardTypedPeakRssMB === 'number' ? `${Math.round(r.dashboardTypedPeakRssMB)} MB` : '—'));
  add('peak RSS, whole measuring run', (r) => `${Math.round(r.peakRssMB as number)} MB`);
  add('peak RSS, `search` command', (r) => `${Math.round(C(r).searchPeakRssMB as number)} MB`);
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
    await writeCurve(results, m.date.slice(0, 10));
  }
}

/** docs/scaling.md's measured curve: time and memory against corpus size (between its curve markers). */
async function writeCurve(results: Result[], date: string): Promise<void> {
  const file = path.join(root, 'docs/scaling.md');
  const text = await readFile(file, 'utf8');
  const sized = results.filter((r) => r.label !== 'bundled');
  const C = (r: Result) => (r.command ?? {}) as Record<string, Timing | number | null | undefined>;
  const t = (x: unknown, k: keyof Timing = 'median') => (x && typeof x === 'object' ? fmtMs((x as Timing)[k]) : typeof x === 'number' ? fmtMs(x) : '—');
  const mb = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x)} MB` : '—');
  const rows = sized.map((r) =>
    [
      r.quotes.toLocaleString('en'),
      t(r.loadWarmCache),
      t(r.diskIndexBuild),
      typeof r.diskIndexMB === 'number' ? formatSize(Math.round(r.diskIndexMB * 2 ** 20)) : '—',
      t(r.firstResults, 'p95'),
      t(r.finalResults, 'p95'),
      mb(r.sessionPeakRssMB),
      mb(r.dashboardTypedPeakRssMB),
      t(r.firstFrame),
      t(r.dashboardLoaded),
      t(C(r).search),
      t(C(r).page),
      C(r).ratioToFzf ? `${(C(r).ratioToFzf as Timing).median.toFixed(2)}×` : '—',
      mb(C(r).searchPeakRssMB),
    ].join(' | '),
  );
  const table = [
    `\`npm run bench\`, ${date} (2 cores shared with other work: compare within a row more than across tables).`,
    '',
    '| quotes | load (warm cache) | disk index build | disk index size | keystroke → first results p95 | final results p95 | typing session peak RSS | dashboard typed in tmux, peak RSS | dashboard first frame | dashboard fully loaded | `search --format json` | `search --limit 50` | search ÷ fzf | `search` peak RSS |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
  const next = text.replace(/<!-- curve:start -->[\s\S]*?<!-- curve:end -->/, `<!-- curve:start -->\n${table}\n<!-- curve:end -->`);
  if (next === text && !text.includes(table)) throw new Error('docs/scaling.md has no curve markers');
  await writeFile(file, next);
  console.log('written: docs/scaling.md (the curve)');
}

await main();
