/**
 * The ingest benchmark: 1,000 generated articles of about 800 words (text, Markdown with front
 * matter and saved web pages with boilerplate, deterministic) ingested by the built command, cold
 * (a new output folder) and again with nothing changed, each run in its own process; wall time
 * (median of the runs) and the command's peak memory. Targets (issue 15): under 30 s cold and
 * under 3 s unchanged on the 2-core machine.
 *
 *   npm run bench:ingest                      # or: npm run bench -- --only ingest
 *   npx tsx bench/ingest.ts --articles 200 --runs 1
 *   npx tsx bench/ingest.ts --articles 50 --write /tmp/articles   # only write the articles
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './generate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist/cli/main.js');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--articles', 1000);
const RUNS = arg('--runs', 3);
const WORDS = arg('--words', 800);

const FIRST = ['Anna', 'Tomas', 'Mira', 'Daniel', 'Lena', 'Kwame', 'Aiko', 'Rafael', 'Ines', 'Pavel', 'Sofia', 'Omar', 'Greta', 'Luis', 'Nadia'];
const LAST = ['Keller', 'Novak', 'Osei', 'Ruiz', 'Holm', 'Mensah', 'Tanaka', 'Costa', 'Moreau', 'Petrov', 'Lind', 'Haddad', 'Berg', 'Navarro', 'Karimi'];
const ROLES = ['the finance minister', 'an opposition leader', 'a spokesman for the ministry', 'the mayor', 'a senior analyst at a research institute', 'the union leader', 'a local resident'];
const TOPICS = ['the budget', 'the strike', 'the election', 'the new bridge', 'the water shortage', 'the border talks', 'the court ruling'];
const FILLER =
  'Officials said the plan had been discussed for months, and several committees had asked for more time to study its costs, its effects on small businesses and the schedule for the work. ' +
  'Residents who attended the public meeting raised questions about schools, roads and the price of water, and some of them said they had not been told about the changes in advance.';

function articleText(n: number): { title: string; paras: string[] } {
  const r = rng(1000 + n);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const topic = pick(TOPICS);
  const a = person();
  const b = person();
  const paras = [
    `The government announced on Tuesday that it would change its approach to ${topic}, a decision that surprised many observers in the capital.`,
    `"We have listened to the people and we will act on what they told us," said ${a}, ${pick(ROLES)}, at a press conference.`,
    `${b}, ${pick(ROLES)}, said the decision came too late. "This should have happened a year ago," ${b.split(' ')[1]} told reporters. "Now the cost is higher for everyone."`,
    `According to ${person()}, who follows ${topic} closely, the change would "take years to show results" and might not survive the next vote.`,
  ];
  while (paras.join(' ').split(/\s+/).length < WORDS - 20) paras.push(FILLER);
  return { title: `Government changes course on ${topic} (${n})`, paras };
}

function write(dir: string, n: number): void {
  const { title, paras } = articleText(n);
  const kind = n % 5;
  const name = `article-${String(n).padStart(4, '0')}`;
  if (kind === 3) {
    writeFileSync(path.join(dir, `${name}.md`), `---\ntitle: "${title}"\noutlet: Bench Wire\npublished: 2024-05-${String((n % 28) + 1).padStart(2, '0')}\n---\n\n# ${title}\n\n${paras.join('\n\n')}\n`);
  } else if (kind === 4) {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: title, datePublished: '2024-05-02', publisher: { name: 'Bench Times' } });
    const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
    const related = Array.from({ length: 10 }, (_, i) => `<li><a href="/r${i}">Related story number ${i} about something else</a></li>`).join('');
    writeFileSync(
      path.join(dir, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench Times</title><script type="application/ld+json">${ld}</script></head>` +
        `<body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${title}</h1>${paras.map((p) => `<p>${p.replace(/&/g, '&amp;')}</p>`).join('')}</article></main>` +
        `<aside class="related"><ul>${related}</ul></aside><footer>© Bench Times</footer></body></html>`,
    );
  } else {
    writeFileSync(path.join(dir, `${name}.txt`), `${title}\n\n${paras.join('\n\n')}\n`);
  }
}

function timeRun(args: string[]): { ms: number; rssMB: number; summary: Record<string, unknown> } {
  // /usr/bin/time gives the peak RSS of the command (its worker threads included)
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, ...args, '-f', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr}`);
  const rssKB = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, rssMB: rssKB / 1024, summary: JSON.parse(r.stdout) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!existsSync(cli) && !process.argv.includes('--write')) {
  process.stderr.write('bench/ingest: build first (npm run build)\n');
  process.exit(2);
}
// --write DIR: only generate the articles (to profile or try them by hand)
const writeTo = process.argv.indexOf('--write');
if (writeTo > 0) {
  const dir = process.argv[writeTo + 1]!;
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < N; n++) write(dir, n);
  process.exit(0);
}
const work = path.join(os.tmpdir(), `narrative-lens-bench-ingest-${process.pid}`);
const src = path.join(work, 'articles');
mkdirSync(src, { recursive: true });
try {
  for (let n = 0; n < N; n++) write(src, n);
  const words = articleText(0).paras.join(' ').split(/\s+/).length;
  const cold: number[] = [];
  const warm: number[] = [];
  let rss = 0;
  let last: Record<string, unknown> = {};
  for (let i = 0; i < RUNS; i++) {
    const out = path.join(work, `corpus-${i}`);
    const c = timeRun(['ingest', src, '--out', out]);
    cold.push(c.ms);
    rss = Math.max(rss, c.rssMB);
    last = c.summary;
    const w = timeRun(['ingest', src, '--out', out]);
    if (w.summary.extracted !== 0) throw new Error('the unchanged run extracted articles again');
    warm.push(w.ms);
    rmSync(out, { recursive: true, force: true });
    process.stderr.write(`run ${i + 1}/${RUNS}: cold ${(c.ms / 1000).toFixed(2)} s, unchanged ${(w.ms / 1000).toFixed(2)} s\n`);
  }
  const q = last.quotes as { direct: number; indirect: number; term: number };
  console.log(`machine: ${os.cpus()[0]?.model.trim()}, ${os.availableParallelism()} cores, Node ${process.version}`);
  console.log(`ingest of ${N.toLocaleString('en-US')} articles (~${words} words; 3/5 .txt, 1/5 .md, 1/5 .html with boilerplate): ${last.articles} articles, ${q.direct + q.indirect + q.term} quotes, ${last.actors} actors`);
  console.log(`  cold (new output folder), median of ${RUNS}:   ${(median(cold) / 1000).toFixed(2)} s   (target < 30 s)   runs: ${cold.map((x) => (x / 1000).toFixed(2)).join(', ')}`);
  console.log(`  unchanged (nothing to extract), median of ${RUNS}: ${(median(warm) / 1000).toFixed(2)} s   (target < 3 s)   runs: ${warm.map((x) => (x / 1000).toFixed(2)).join(', ')}`);
  console.log(`  peak RSS of the command, cold: ${rss.toFixed(0)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
