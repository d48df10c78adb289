/**
 * The extraction benchmark (issue 18): one long article — the seed and the Wikinews samples,
 * repeated to the size asked (default 4, 16 and 30 MB) — extracted by the built command in its own
 * process; wall time, CPU time (both threads, the garbage collector's helpers included) and peak
 * memory (`/usr/bin/time` when present, else wall time only), and seconds per MB, which should
 * stay flat: the extractor is linear in the article. The load average is printed with the
 * figures: on a shared machine wall time follows it, CPU time much less.
 *
 *   npm run bench:extract                 # 4, 16 and 30 MB
 *   npx tsx bench/extract.ts --mb 30
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli/main.js');
const sizes = process.argv.flatMap((a, i) => (a === '--mb' ? [Number(process.argv[i + 1])] : []));
if (!sizes.length) sizes.push(4, 16, 30);

const samples = path.join(root, 'samples/sources/wikinews/articles');
const texts = [readFileSync(path.join(root, 'seeds/000_77e29c8a411f06ba.txt'), 'utf8')];
if (existsSync(samples)) for (const f of readdirSync(samples).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(path.join(samples, f), 'utf8'));
const unit = texts.join('\n');
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-bench-extract-'));
try {
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`load average before: ${load()} (${os.cpus().length} cores)`);
  console.log('size      wall     cpu    wall/MB   peak memory   quotes');
  for (const mb of sizes) {
    const article = path.join(dir, `article-${mb}mb.txt`);
    const parts: string[] = [];
    for (let n = 0; n < mb * 1e6; n += unit.length + 1) parts.push(unit);
    writeFileSync(article, parts.join('\n'));
    const out = path.join(dir, 'draft.json');
    const args = [cli, 'extract', article, '-o', out, '--force', '--max-file-size', '1GB'];
    const t0 = performance.now();
    const r = timeBin
      ? spawnSync(timeBin, ['-f', '%M %U %S', process.execPath, ...args], { encoding: 'utf8' })
      : spawnSync(process.execPath, args, { encoding: 'utf8' });
    const wall = (performance.now() - t0) / 1000;
    const [kb, user, sys] = timeBin ? r.stderr.trim().split('\n').pop()!.split(' ').map(Number) : [];
    const peak = kb !== undefined ? `${Math.round(kb / 1024)} MB` : '?';
    const cpu = user !== undefined && sys !== undefined ? `${(user + sys).toFixed(1)} s` : '?';
    const quotes = r.status === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as { articles: { quotes: unknown[] }[] }).articles[0]!.quotes.length : `exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`;
    console.log(`${String(mb).padStart(3)} MB  ${wall.toFixed(1).padStart(6)} s  ${cpu.padStart(7)}  ${(wall / mb).toFixed(2).padStart(6)} s  ${peak.padStart(10)}   ${quotes}`);
  }
  console.log(`load average after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
