/**
 * npm run eval [-- [--verbose [--show-held-out]] [--json] [--bench] [--save-first-look] [FILE…]]
 *
 * --bench times the extractor instead: a 10,000-word article and inputs that would expose
 * super-linear scanning (CPU time, median of 5 runs).
 *
 * Scores the extractor against gold (hand-curated) corpus files: by default the seed dataset
 * data/kremlin-iran-protests.json and every .json file in eval/gold/. Each article's `text` (or
 * its `source` file) is extracted afresh and compared with the curated quotes. Prints a table.
 *
 * Pooled rows: the Wikinews development set, its held-out part (eval/held-out.txt: gold files never
 * looked at while tuning rules) and the earlier gold. eval/first-look.json keeps the scores taken
 * once, before any rule was changed for the Wikinews gold (`--save-first-look` wrote it); when it
 * exists the table shows those figures beside today's.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusFile } from '../src/core/corpus/schema.js';
import { evaluateArticle, ratio, total, type ArticleScore } from '../src/core/extract/evaluate.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 2)); // `| head`
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const asJson = args.includes('--json');
const saveFirstLook = args.includes('--save-first-look');
const firstLookFile = path.join(root, 'eval', 'first-look.json');
const heldOutFile = path.join(root, 'eval', 'held-out.txt');
let files = args.filter((a) => !a.startsWith('-'));

function fail(msg: string): never {
  process.stderr.write(`eval: ${msg}\n`);
  process.exit(2);
}

if (args.includes('--bench')) {
  const { extractDraft } = await import('../src/core/extract/index.js');
  const seedText = readFileSync(path.join(root, 'seeds', readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt'))[0]!), 'utf8');
  let tenK = '';
  while ((tenK.match(/\S+/g) ?? []).length < 10000) tenK += `${seedText}\n`;
  const cases: Array<[string, string]> = [
    ['10,000-word article (the seed, repeated)', tenK],
    ['20,000 straight single-quoted words', "'a' ".repeat(20000)],
    ['20,000 "he said"', 'he said '.repeat(20000)],
    ['20,000 unmatched opening marks', '“'.repeat(20000)],
    ['20,000 comma-separated names, then a verb', `${'X, '.repeat(20000)}said “hi there friend”.`],
    ['10,000 guillemet pairs', '« a » '.repeat(10000)],
  ];
  for (const [label, text] of cases) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c0 = process.cpuUsage();
      extractDraft(text);
      const c = process.cpuUsage(c0);
      times.push((c.user + c.system) / 1000);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(45)} ${String(text.length).padStart(8)} chars  ${times[2]!.toFixed(0).padStart(6)} ms CPU (median of 5)`);
  }
  process.exit(0);
}

if (files.length === 0) {
  const seed = path.join(root, 'data', 'kremlin-iran-protests.json');
  if (existsSync(seed)) files.push(seed);
  const dir = path.join(root, 'eval', 'gold');
  if (existsSync(dir)) {
    files.push(
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(dir, f)),
    );
  }
  if (files.length === 0) fail('no gold files: expected data/kremlin-iran-protests.json or eval/gold/*.json');
}

interface Group {
  name: string;
  scores: ArticleScore[];
}
const groups: Group[] = [];
for (const file of files) {
  let raw: { articles?: Array<Record<string, unknown>> };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file}: ${(e as Error).message}`);
  }
  // an article may hold its text or point at it with `source`
  for (const a of raw.articles ?? []) {
    if ((typeof a.text !== 'string' || a.text.length === 0) && typeof a.source === 'string') {
      a.text = readFileSync(path.resolve(path.dirname(file), a.source), 'utf8');
    }
  }
  const parsed = CorpusFile.safeParse(raw);
  if (!parsed.success) fail(`${file}: not a valid corpus file (${parsed.error.issues[0]?.message})`);
  const rel = path.relative(root, file);
  const g: Group = { name: rel, scores: [] };
  for (const art of parsed.data.articles) g.scores.push(evaluateArticle(parsed.data.articles.length > 1 ? `${rel}#${art.id}` : rel, art, parsed.data.actors));
  groups.push(g);
}

const all = groups.flatMap((g) => g.scores);
const seedScores = all.filter((s) => s.label.startsWith('data/'));
const otherScores = all.filter((s) => !s.label.startsWith('data/'));
const heldOut = new Set(
  existsSync(heldOutFile)
    ? readFileSync(heldOutFile, 'utf8')
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim())
        .filter(Boolean)
    : [],
);
const isHeldOut = (s: ArticleScore) => heldOut.has(s.label);
const wikinews = otherScores.filter((s) => s.label.startsWith('eval/gold/wikinews-'));
const rows: ArticleScore[] = [...all];
const pool = (label: string, scores: ArticleScore[]) => {
  if (scores.length > 1) rows.push(total(label, scores));
};
pool(`wikinews development (${wikinews.filter((s) => !isHeldOut(s)).length})`, wikinews.filter((s) => !isHeldOut(s)));
pool(`wikinews held out (${wikinews.filter(isHeldOut).length})`, wikinews.filter(isHeldOut));
pool(`wikinews (${wikinews.length})`, wikinews);
pool('eval/gold (all)', otherScores);
pool('all', all);

/** The figures shown beside the first look: span F1 (overlapping) and speaker accuracy. */
interface Look {
  f1: number;
  speaker: { n: number; correct: number };
}
const look = (s: ArticleScore): Look => ({ f1: s.overlap.f1, speaker: s.speaker });
if (saveFirstLook) {
  const record = Object.fromEntries(rows.map((s) => [s.label, look(s)]));
  writeFileSync(firstLookFile, `${JSON.stringify({ note: 'scored once before any rule was changed for the Wikinews gold', rows: record }, null, 2)}\n`);
}
const firstLook: Record<string, Look> = existsSync(firstLookFile) ? JSON.parse(readFileSync(firstLookFile, 'utf8')).rows : {};

if (asJson) {
  process.stdout.write(`${JSON.stringify({ articles: all, totals: rows.slice(all.length), firstLook }, null, 2)}\n`);
  process.exit(0);
}

const f2 = (x: number) => x.toFixed(2);
const header = ['gold file', 'words', 'gold', 'pred', 'exact P', 'R', 'F1', 'overlap P', 'R', 'F1', 'kind acc', 'speaker acc', 'indirect R', 'ms', 'first look: F1', 'speaker'];
const table: string[][] = rows.map((s) => [
  s.label,
  String(s.words),
  String(s.gold),
  String(s.pred),
  f2(s.exact.precision),
  f2(s.exact.recall),
  f2(s.exact.f1),
  f2(s.overlap.precision),
  f2(s.overlap.recall),
  f2(s.overlap.f1),
  `${f2(ratio(s.kind.correct, s.kind.n))} (${s.kind.correct}/${s.kind.n})`,
  `${f2(ratio(s.speaker.correct, s.speaker.n))} (${s.speaker.correct}/${s.speaker.n})`,
  `${f2(ratio(s.indirect.hit, s.indirect.gold))} (${s.indirect.hit}/${s.indirect.gold})`,
  s.ms.toFixed(0),
  firstLook[s.label] ? f2(firstLook[s.label]!.f1) : '',
  firstLook[s.label] ? `${f2(ratio(firstLook[s.label]!.speaker.correct, firstLook[s.label]!.speaker.n))} (${firstLook[s.label]!.speaker.correct}/${firstLook[s.label]!.speaker.n})` : '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
console.log('Quoted passages (direct + term): spans exact and overlapping; kind = direct vs term on matched');
console.log('passages; speaker = matched direct quotes; indirect R = gold indirect quotes overlapped by a prediction.\n');
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
table.forEach((r, i) => {
  if (i === all.length) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  console.log(line(r));
});
if (seedScores.length) {
  const s = total('seed', seedScores);
  const ok = (b: boolean) => (b ? 'ok' : 'BELOW TARGET');
  console.log(
    `\nseed targets: spans P ${f2(s.overlap.precision)} ≥ 0.95 ${ok(s.overlap.precision >= 0.95)}, R ${f2(s.overlap.recall)} ≥ 0.95 ${ok(s.overlap.recall >= 0.95)}, ` +
      `speaker ${f2(ratio(s.speaker.correct, s.speaker.n))} ≥ 0.90 ${ok(ratio(s.speaker.correct, s.speaker.n) >= 0.9)}, ` +
      `indirect R ${f2(ratio(s.indirect.hit, s.indirect.gold))} ≥ 0.70 ${ok(ratio(s.indirect.hit, s.indirect.gold) >= 0.7)}`,
  );
}
if (verbose) {
  // held-out misses stay hidden unless asked for, so that nobody tunes on them by accident
  const showHeldOut = args.includes('--show-held-out');
  for (const s of all) {
    if (s.mismatches.length === 0 || (isHeldOut(s) && !showHeldOut)) continue;
    console.log(`\n${s.label}`);
    for (const m of s.mismatches) {
      const t = m.text.length > 70 ? `${m.text.slice(0, 67)}…` : m.text;
      console.log(`  ${m.what.padEnd(15)} @${m.span.start}  ${JSON.stringify(t)}${m.detail ? `  — ${m.detail}` : ''}`);
    }
  }
} else if (all.some((s) => s.mismatches.length)) {
  console.log('\n(--verbose lists every miss)');
}
