/**
 * Fingerprints of the extractor's output, to show that a change to its speed left every draft
 * byte-identical (issue 18). Extracts the real texts (seeds, the Wikinews samples, the shared
 * sample articles, the articles inside data/, samples/wikinews and eval/gold, the PolNeAR texts when they are
 * on this machine), a few thousand generated texts (fixed seed: hostile marks, scripts, names,
 * titles, initials, long and empty paragraphs) and, with --big, the benchmark's long article; each
 * draft's JSON text (as `extract` prints it) is hashed.
 *
 *   npx tsx scripts/extract-fingerprints.ts --write /tmp/before.json [--big] [--random 3000]
 *   npx tsx scripts/extract-fingerprints.ts --check /tmp/before.json [--big] [--random 3000]
 *
 * --check exits 1 on any difference and saves the differing inputs beside the fingerprint file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDraft, type ExtractMeta } from '../src/core/extract/index.js';
import { jsonPieces } from '../src/core/json-text.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const writeTo = arg('--write');
const checkAgainst = arg('--check');
const randomCount = Number(arg('--random') ?? 3000);
const big = process.argv.includes('--big');
if (!writeTo === !checkAgainst) {
  console.error('usage: extract-fingerprints.ts --write FILE | --check FILE [--big] [--random N]');
  process.exit(2);
}

type Case = { name: string; text: string; meta: ExtractMeta };
const cases: Case[] = [];
const txtFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(dir, f)) : []);
const jsonFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)) : []);

const realTexts: Array<{ name: string; text: string }> = [];
for (const f of [
  ...txtFiles(path.join(root, 'seeds')),
  ...txtFiles(path.join(root, 'samples/sources/wikinews/articles')),
  ...txtFiles('/work/shared/samples/articles'),
  ...txtFiles('/tmp/attrib-polnear/data/dev/text'),
  ...txtFiles('/tmp/attrib-polnear/data/test/text'),
]) {
  realTexts.push({ name: f.startsWith(root) ? path.relative(root, f) : f, text: readFileSync(f, 'utf8') });
}
for (const f of [...jsonFiles(path.join(root, 'data')), ...jsonFiles(path.join(root, 'samples/wikinews')), ...jsonFiles(path.join(root, 'eval/gold'))]) {
  const file = JSON.parse(readFileSync(f, 'utf8')) as { articles?: Array<{ id: string; text: string }> };
  for (const a of file.articles ?? []) realTexts.push({ name: `${path.relative(root, f)}#${a.id}`, text: a.text });
}
for (const r of realTexts) {
  cases.push({ name: r.name, text: r.text, meta: {} });
  cases.push({ name: `${r.name} (dated)`, text: r.text, meta: { date: '2026-01-14', source: 'x.txt', outlet: 'Outlet' } });
}

// generated texts: a fixed-seed PRNG, so --write and --check see the same inputs
let seed = 0x9e3779b9;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
const corpusWords = realTexts.slice(0, 40).flatMap((r) => r.text.split(/\s+/)).filter(Boolean);
const sentences = realTexts.slice(0, 40).flatMap((r) => r.text.split(/(?<=[.!?”"])\s+/)).filter(Boolean);
const MARKS = ['“', '”', '„', '"', '«', '»', '‹', '›', '「', '」', '『', '』', '‘', '‚', '’', "'", '—', '–', '-', ':', ';', ',', '.', '?', '!', '…', '(', ')', '[', ']'];
const ODD = ['Mr.', 'Dr.', 'Gen.', 'J.', 'U.S.', 'al-Assad', 'rock ’n’ roll', '’90s', 'Russians’', "Iran's", 'Straße', 'Москва', '北京', '😀', '👩‍👩‍👧', '\u0301', '\ud800', 'e\u0301', '\u200b', '\t', '  ', '\r\n', '\n\n', 'said', 'told', 'according to', 'Zakharova', 'the spokeswoman', 'a former diplomat', 'he', 'she', 'they', 'on Tuesday', 'January 2', 'in 2024', 'last week', 'so-called', 'who', 'that', 'VoA', 'Voice of America', 'Foreign Ministry'];
function generated(): string {
  const parts: string[] = [];
  const n = Math.floor(rnd() ** 2 * 400);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.25) parts.push(pick(sentences));
    else if (r < 0.6) parts.push(pick(corpusWords));
    else if (r < 0.8) parts.push(pick(MARKS));
    else if (r < 0.95) parts.push(pick(ODD));
    else parts.push(rnd() < 0.5 ? '\n' : String.fromCharCode(Math.floor(rnd() * 0x3000)));
    if (rnd() < 0.7) parts.push(rnd() < 0.9 ? ' ' : '');
  }
  return parts.join('');
}
for (let i = 0; i < randomCount; i++) cases.push({ name: `generated #${i}`, text: generated(), meta: i % 3 === 0 ? { date: '2025-06-30' } : {} });
// the same sentences shuffled into long paragraphs and many short ones (actors shared across the text)
for (let i = 0; i < 20; i++) {
  const parts: string[] = [];
  for (let k = 0; k < 2000; k++) parts.push(pick(sentences), rnd() < 0.3 ? '\n' : ' ');
  cases.push({ name: `shuffled #${i}`, text: parts.join(''), meta: {} });
}
if (big) {
  const unit = [path.join(root, 'seeds/000_77e29c8a411f06ba.txt'), ...txtFiles(path.join(root, 'samples/sources/wikinews/articles'))].map((f) => readFileSync(f, 'utf8')).join('\n');
  const parts: string[] = [];
  for (let n = 0; n < 4e6; n += unit.length + 1) parts.push(unit);
  cases.push({ name: 'bench article 4 MB', text: parts.join('\n'), meta: {} });
  const words: string[] = [];
  for (let k = 0; k < 300_000; k++) words.push(rnd() < 0.1 ? pick(MARKS) : Math.floor(rnd() * 1e9).toString(36), rnd() < 0.01 ? '\n' : ' ');
  cases.push({ name: 'random words 300k', text: words.join(''), meta: {} });
}

const result: Record<string, string> = {};
const t0 = performance.now();
for (const c of cases) {
  let out: string;
  try {
    out = jsonPieces(extractDraft(c.text, c.meta)).join('');
  } catch (e) {
    out = `error: ${(e as Error).message}`;
  }
  result[c.name] = createHash('sha256').update(out).digest('hex').slice(0, 24);
}
const secs = ((performance.now() - t0) / 1000).toFixed(1);

if (writeTo) {
  writeFileSync(writeTo, JSON.stringify(result, null, 1));
  console.log(`${cases.length} drafts fingerprinted in ${secs} s → ${writeTo}`);
} else {
  const before = JSON.parse(readFileSync(checkAgainst!, 'utf8')) as Record<string, string>;
  const differ = cases.filter((c) => before[c.name] !== undefined && before[c.name] !== result[c.name]);
  const missing = cases.filter((c) => before[c.name] === undefined).length;
  for (const c of differ.slice(0, 20)) {
    const f = path.join(path.dirname(checkAgainst!), `differs-${c.name.replace(/[^\w.-]+/g, '_').slice(-80)}.txt`);
    writeFileSync(f, c.text);
    console.log(`DIFFERS: ${c.name} (input saved as ${f})`);
  }
  console.log(`${cases.length - differ.length - missing} identical, ${differ.length} differ, ${missing} not in the fingerprint file (${secs} s)`);
  process.exit(differ.length ? 1 : 0);
}
