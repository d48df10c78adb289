#!/usr/bin/env node
// Measures the built command on huge inputs, for docs/robustness.md (run after `npm run build`):
//   node scripts/measure-robustness.mjs [--mb 200] [--files 100000] [--keep]
// Generates, in a temporary folder: a valid corpus file of about --mb megabytes (the mini
// corpus' article repeated with fresh ids), the same file cut short (broken JSON), a file over the
// default size limit, and a folder of --files small corpus files (plus one of as many non-corpus
// files). Runs each through `validate` and `search` under /usr/bin/time and prints wall time, peak
// memory (maximum resident set size) and the exit status, as a Markdown table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync, writeFileSync, statSync, truncateSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/cli/main.js');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg('mb', 200);
const FILES = arg('files', 100_000);
const keep = process.argv.includes('--keep');
if (!existsSync('/usr/bin/time')) throw new Error('needs /usr/bin/time (apt-get install -y time)');

const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-measure-'));
const mini = JSON.parse(readFileSync(path.join(root, 'test/fixtures/cli/mini/corpus.json'), 'utf8'));

// ---- one huge valid file, written as a stream of articles ----
const huge = path.join(dir, 'huge.json');
{
  const art = mini.articles[0];
  const fd = openSync(huge, 'w');
  const head = JSON.stringify({ format: mini.format, actors: mini.actors, narratives: mini.narratives, axes: mini.axes, positions: mini.positions });
  writeSync(fd, head.slice(0, -1) + ',"articles":[');
  let size = 0;
  for (let i = 0; size < MB * 1024 * 1024; i++) {
    const a = {
      ...art,
      id: `${art.id}-${i}`,
      quotes: art.quotes.map((q) => ({ ...q, id: `${q.id}-${i}` })),
      events: art.events.map((e) => ({ ...e, id: `${e.id}-${i}` })),
      silences: art.silences.map((s) => ({ ...s, id: `${s.id}-${i}` })),
    };
    const s = (i ? ',' : '') + JSON.stringify(a);
    writeSync(fd, s);
    size += Buffer.byteLength(s);
  }
  writeSync(fd, ']}\n');
  closeSync(fd);
}
// positions point at quote ids of the first copy
{
  const text = readFileSync(huge, 'utf8');
  const fixed = text.replace(/"evidence":\[(.*?)\]/g, (m, list) => `"evidence":[${list.replace(/"([^"]+)"/g, '"$1-0"')}]`);
  writeFileSync(huge, fixed);
}
const broken = path.join(dir, 'huge-broken.json');
writeFileSync(broken, readFileSync(huge).subarray(0, statSync(huge).size - 1000));
const over = path.join(dir, 'over-limit.json');
writeFileSync(over, '');
truncateSync(over, 300 * 1024 * 1024); // sparse: 300 MB of zeros, over the 256 MB limit

// ---- many files ----
const many = path.join(dir, 'many');
const junk = path.join(dir, 'junk');
mkdirSync(many);
mkdirSync(junk);
for (let i = 0; i < FILES; i++) {
  const quote = `number ${i}`;
  writeFileSync(
    path.join(many, `a${String(i).padStart(6, '0')}.json`),
    JSON.stringify({ articles: [{ id: `a${i}`, title: `Article ${i}`, text: `He said: “${quote}”.`, quotes: [{ id: `q${i}`, kind: 'direct', text: quote, span: { start: 10, end: 10 + quote.length }, speaker: 'he' }] }], actors: i === 0 ? [{ id: 'he', name: 'He', kind: 'person' }] : [] }),
  );
  writeFileSync(path.join(junk, `n${i}.md`), 'notes');
}

function measure(label, args, env = {}) {
  const cache = mkdtempSync(path.join(dir, 'cache-'));
  const r = spawnSync('/usr/bin/time', ['-f', '%e s %M KB', process.execPath, bin, ...args], {
    env: { ...process.env, NARRATIVE_LENS_CACHE_DIR: env.cache ?? cache, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const lines = r.stderr.trimEnd().split('\n');
  const [secs, , kb] = lines.at(-1).split(' ');
  const said = lines.slice(0, -1).filter((l) => l.startsWith('narrative-lens:')).slice(0, 1).join(' ').slice(0, 120);
  const stdout = r.stdout.split('\n')[0].slice(0, 80);
  console.log(`| ${label} | ${r.status} | ${secs} s | ${Math.round(Number(kb) / 1024)} MB | ${(said || stdout).replace(/\|/g, '\\|')} |`);
  return cache;
}

const mb = (p) => `${Math.round(statSync(p).size / 1024 / 1024)} MB`;
console.log(`inputs: ${huge} (${mb(huge)}), ${broken}, ${over} (sparse), ${many} (${FILES} files), ${junk} (${FILES} .md files)\n`);
console.log('| case | exit | time | peak memory | what it said |');
console.log('| --- | --- | --- | --- | --- |');
measure(`validate, a ${mb(huge)} valid file`, ['validate', huge, '--max-file-size', '1GB']);
const warm = measure(`search, the same file, first run (writes the cache)`, ['search', 'colour revolution', '--data', huge, '--max-file-size', '1GB', '--limit', '3']);
measure(`search, the same file, from the cache`, ['search', 'colour revolution', '--data', huge, '--max-file-size', '1GB', '--limit', '3'], { cache: warm });
measure(`validate, the same file cut short (broken JSON)`, ['validate', broken, '--max-file-size', '1GB']);
measure(`search, a ${mb(huge)} file at the default limit`, ['search', 'x', '--data', huge]);
measure('search, a 300 MB file (over the default 256 MB limit)', ['search', 'x', '--data', over]);
measure(`validate, a folder of ${FILES} corpus files`, ['validate', many]);
const warmMany = measure(`search, the same folder, first run (writes the cache)`, ['search', 'number 99', '--data', many, '--limit', '3']);
measure(`search, the same folder, from the cache`, ['search', 'number 99', '--data', many, '--limit', '3'], { cache: warmMany });
measure(`search, a folder of ${FILES} non-corpus files`, ['search', 'x', '--data', junk]);
if (!keep) rmSync(dir, { recursive: true, force: true });
