/**
 * A small curator's tool for hand-written corpus files: never count offsets by hand.
 *
 *   npx tsx scripts/curate-spans.ts check FILE.json        report spans whose text does not match,
 *                                                          quoted passages no quote covers, dangling ids
 *   npx tsx scripts/curate-spans.ts fix FILE.json          re-anchor mismatched spans: each item's
 *                                                          `text` is looked up in the article and the
 *                                                          occurrence nearest the old span wins
 *   npx tsx scripts/curate-spans.ts find TEXT_OR_JSON "words"  every span of "words" (¶ and context)
 *
 * Offsets are Unicode code points (src/core/corpus/text.ts). Exit code 0 when clean, 1 when problems
 * remain, 2 on a usage or read error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CorpusFile, type Article, type Span } from '../src/core/corpus/schema.js';
import { OffsetMap, paragraphAt, paragraphs, sliceSpan } from '../src/core/corpus/text.js';

export interface QuotedPassage {
  open: '“' | '‘' | '"';
  /** code-point span strictly inside the marks */
  span: Span;
  text: string;
}

/**
 * Every “…”, ‘…’ and "…" pair in `text`. ’ doubles as the apostrophe ("Tehran’s", "doesn’t"), so a
 * single quotation closes at the first ’ after the ‘ that is not followed by a letter or digit.
 */
export function quotedPassages(text: string): QuotedPassage[] {
  const chars = [...text];
  const out: QuotedPassage[] = [];
  const push = (open: QuotedPassage['open'], s: number, e: number) =>
    out.push({ open, span: { start: s, end: e }, text: chars.slice(s, e).join('') });
  let straightOpen = -1;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '“') {
      const j = chars.indexOf('”', i + 1);
      if (j !== -1) push('“', i + 1, j);
    } else if (c === '‘') {
      let j = i + 1;
      while (j < chars.length && !(chars[j] === '’' && !/[\p{L}\p{N}]/u.test(chars[j + 1] ?? ''))) j++;
      if (j < chars.length) push('‘', i + 1, j);
    } else if (c === '"') {
      if (straightOpen === -1) straightOpen = i;
      else {
        push('"', straightOpen + 1, i);
        straightOpen = -1;
      }
    } else if (c === '\n') straightOpen = -1;
  }
  return out;
}

/** Code-point spans of every occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string, map = new OffsetMap(text)): Span[] {
  const out: Span[] = [];
  if (needle.length === 0) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    out.push({ start: map.toCodePoint(i), end: map.toCodePoint(i + needle.length) });
  }
  return out;
}

interface Spanned {
  where: string;
  text: string;
  span: Span;
}

function spannedItems(article: Article): Spanned[] {
  return [
    ...article.quotes.map((q) => ({ where: `quote ${q.id}`, ...q })),
    ...article.mentions.map((m, i) => ({ where: `mention #${i} (${m.actor})`, ...m })),
    ...article.silences.map((s) => ({ where: `silence ${s.id}`, ...s })),
    ...article.events.map((e) => ({ where: `event ${e.id}`, ...e })),
  ];
}

/** Checks one parsed corpus file; with `fix`, re-anchors mismatched spans in `raw` in place. */
export function curate(raw: any, fix: boolean): { problems: string[]; fixed: number } {
  let fixed = 0;
  const parsed = CorpusFile.safeParse(raw);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`), fixed };
  const file = parsed.data;
  const problems: string[] = [];
  const actors = new Set(file.actors.map((a) => a.id));
  const narratives = new Set(file.narratives.map((n) => n.id));
  const axes = new Set(file.axes.map((x) => x.id));

  file.articles.forEach((article, ai) => {
    const map = new OffsetMap(article.text);
    const paras = paragraphs(article.text);
    const rawArticle = raw.articles[ai];
    const items = spannedItems(article);
    const rawItems = [...rawArticle.quotes ?? [], ...rawArticle.mentions ?? [], ...rawArticle.silences ?? [], ...rawArticle.events ?? []];
    items.forEach((item, k) => {
      if (sliceSpan(article.text, item.span, map) === item.text) return;
      const found = occurrences(article.text, item.text, map);
      if (found.length === 0) {
        problems.push(`${article.id}: ${item.where}: its text does not occur in the article`);
        return;
      }
      const best = found.reduce((a, b) => (Math.abs(b.start - item.span.start) < Math.abs(a.start - item.span.start) ? b : a));
      const note = found.length > 1 ? ` (nearest of ${found.length} occurrences)` : '';
      if (fix) {
        rawItems[k].span = best;
        fixed++;
      } else problems.push(`${article.id}: ${item.where}: span ${item.span.start}-${item.span.end} should be ${best.start}-${best.end}${note}`);
    });

    const marked = article.quotes.filter((q) => q.kind !== 'indirect');
    for (const p of quotedPassages(article.text)) {
      if (!marked.some((q) => q.span.start === p.span.start && q.span.end === p.span.end)) {
        const para = paragraphAt(paras, p.span.start)?.number;
        problems.push(`${article.id}: ¶${para}: quoted passage ${p.open}${p.text.slice(0, 50)}… (${p.span.start}-${p.span.end}) has no direct or term quote`);
      }
    }
    for (const q of article.quotes) {
      if (q.speaker !== null && !actors.has(q.speaker)) problems.push(`${q.id}: unknown speaker ${q.speaker}`);
      if (q.speaker === null && q.kind !== 'term') problems.push(`${q.id}: a ${q.kind} quote needs a speaker`);
      for (const n of q.narratives) if (!narratives.has(n)) problems.push(`${q.id}: unknown narrative ${n}`);
    }
    for (const m of article.mentions) if (!actors.has(m.actor)) problems.push(`mention "${m.text}": unknown actor ${m.actor}`);
    for (const s of article.silences) if (!actors.has(s.actor)) problems.push(`${s.id}: unknown actor ${s.actor}`);
    for (const e of article.events) for (const a of e.actors) if (!actors.has(a)) problems.push(`${e.id}: unknown actor ${a}`);
  });

  const quotes = new Set(file.articles.flatMap((a) => a.quotes.map((q) => q.id)));
  for (const n of file.narratives) for (const a of n.proponents) if (!actors.has(a)) problems.push(`${n.id}: unknown proponent ${a}`);
  for (const p of file.positions) {
    if (!narratives.has(p.narrative)) problems.push(`${p.id}: unknown narrative ${p.narrative}`);
    if (!axes.has(p.axis)) problems.push(`${p.id}: unknown axis ${p.axis}`);
    for (const q of p.evidence) if (!quotes.has(q)) problems.push(`${p.id}: unknown evidence ${q}`);
    for (const a of p.statusBy) if (!actors.has(a)) problems.push(`${p.id}: unknown statusBy ${a}`);
  }
  const ids = [
    ...file.articles.flatMap((a) => [...a.quotes, ...a.silences, ...a.events].map((x) => x.id)),
    ...file.positions.map((p) => p.id),
  ];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`duplicate id ${id}`);
    seen.add(id);
  }
  return { problems, fixed };
}

function main(argv: string[]): number {
  const [cmd, path, words] = argv;
  if (!cmd || !path || !['check', 'fix', 'find'].includes(cmd) || (cmd === 'find' && words === undefined)) {
    process.stderr.write('usage: curate-spans.ts check|fix FILE.json | find TEXT_OR_JSON "words"\n');
    return 2;
  }
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (err) {
    process.stderr.write(`curate-spans: cannot read ${path}: ${(err as Error).message}\n`);
    return 2;
  }
  if (cmd === 'find') {
    const texts: string[] = path.endsWith('.json') ? (JSON.parse(content).articles ?? []).map((a: Article) => a.text) : [content];
    for (const text of texts) {
      const paras = paragraphs(text);
      const map = new OffsetMap(text);
      for (const s of occurrences(text, words!, map)) {
        const para = paragraphAt(paras, s.start);
        const ctx = sliceSpan(text, { start: Math.max(para?.start ?? 0, s.start - 30), end: Math.min(para?.end ?? s.end, s.end + 30) }, map);
        process.stdout.write(`{ "start": ${s.start}, "end": ${s.end} }  ¶${para?.number}  …${ctx}…\n`);
      }
    }
    return 0;
  }
  let raw: any;
  try {
    raw = JSON.parse(content);
  } catch (err) {
    process.stderr.write(`curate-spans: ${path} is not JSON: ${(err as Error).message}\n`);
    return 2;
  }
  const fix = cmd === 'fix';
  let { problems, fixed } = curate(raw, fix);
  if (fixed > 0) {
    writeFileSync(path, JSON.stringify(raw, null, 2) + '\n');
    process.stderr.write(`${path}: re-anchored ${fixed} span(s)\n`);
    problems = curate(raw, false).problems;
  }
  for (const p of problems) process.stdout.write(p + '\n');
  process.stderr.write(`${path}: ${problems.length === 0 ? 'clean' : `${problems.length} problem(s)`}\n`);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
