/**
 * npx tsx scripts/eval-external.ts DATA_DIR [--split dev|test] [--verbose] [--json] [--dump-gold] [--context]
 *
 * --context shows each speaker miss in its text (dev only). --dump-gold prints the converted gold (passages, resolved speakers) without running the extractor.
 *
 * Scores the extractor against gold made by others: the PolNeAR corpus (Political News
 * Attribution Relations, networkdynamics/PolNeAR on GitHub; 2016 US election coverage from seven
 * outlets: Breitbart, HuffPost, NYT, Politico, Washington Post, Western Journalism, USA Today),
 * annotated by its own trained annotators in brat standoff (Source / Cue / Content spans). DATA_DIR
 * is PolNeAR's `data` folder (text/, attributions/, corenlp/ under dev/ and test/, metadata.tsv).
 * Nothing of it is bundled: the article texts belong to their publishers.
 *
 * How PolNeAR's gold becomes ours:
 * - Quoted passages: every top-level passage in quotation marks inside an attribution's Content
 *   span(s) is a gold direct quote (span inside the marks). Marks outside any attribution (titles,
 *   scare quotes nobody is said to say) are not in PolNeAR's gold, so a predicted *term* there is
 *   neither right nor wrong; a predicted *direct* quote there counts against precision.
 *   Passages nested in a predicted passage are left out of the predictions (the outer one is scored).
 * - Speaker: PolNeAR's Source is a mention ("he", "the campaign", "Clinton spokesman Brian
 *   Fallon"). Its head word is taken from PolNeAR's own CoreNLP parse (the token whose governor
 *   lies outside the span); a name is the head's named-entity run; a pronoun or common noun goes
 *   through CoreNLP's coreference chain to the chain's representative mention. The resolution is
 *   automatic (CoreNLP's, shipped with the corpus), not PolNeAR's human gold: a pronoun with no
 *   chain is reported as unresolved and left out of speaker accuracy.
 * - A predicted speaker is right when evaluate.ts's `sameSpeaker` accepts it against the resolved
 *   name (aliases: the Source text and the representative mention), or (scorer v3) when it is a
 *   person whose full name is written inside the annotators' own Source span ("Vann R. Newkirk II,
 *   a writer for The Atlantic," whose CoreNLP head is "writer"). A Source span that is only a verb
 *   of saying ("said": an annotation slip) gives no gold speaker (counted as unresolved).
 *
 * PolNeAR's own README: "The test compartment should never be viewed directly, but only used to
 * calculate model evaluation statistics." So --verbose lists misses for the dev split only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Actor, Article, CorpusFile, Quote } from '../src/core/corpus/schema.js';
import { ratio, sameSpeaker } from '../src/core/extract/evaluate.js';
import { extractDraft } from '../src/core/extract/index.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 2));
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose') || args.includes('-v');
const asJson = args.includes('--json');
const dumpGold = args.includes('--dump-gold');
const withContext = args.includes('--context');
const split = opt('--split') ?? 'dev';
const dataDir = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--split');

function fail(msg: string): never {
  process.stderr.write(`eval-external: ${msg}\n`);
  process.exit(2);
}
if (!dataDir) fail('usage: eval-external.ts DATA_DIR [--split dev|test] [--verbose] [--json]  (DATA_DIR: PolNeAR\'s data folder)');
if (split !== 'dev' && split !== 'test' && split !== 'train') fail(`--split: expected dev, test or train, got ${split}`);
const dir = path.join(dataDir, split);
for (const sub of ['text', 'attributions']) if (!existsSync(path.join(dir, sub))) fail(`${path.join(dir, sub)}: not found (is ${dataDir} PolNeAR's data folder?)`);
if ((verbose || dumpGold || withContext) && split === 'test') fail('--verbose is for the dev split: the test split\'s misses are not to be read');

// ── brat standoff ────────────────────────────────────────────────────────────────────────────
interface Piece {
  start: number;
  end: number;
}
interface Attr {
  source: Piece[] | null;
  content: Piece[];
}
function readAnn(file: string): Attr[] {
  const spans = new Map<string, { type: string; pieces: Piece[] }>();
  const events: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0] ?? '') && cols[1]) {
      const [type, ...rest] = cols[1].split(' ');
      const pieces = rest
        .join(' ')
        .split(';')
        .map((p) => p.split(' ').map(Number))
        .map(([s, e]) => ({ start: s!, end: e! }));
      spans.set(cols[0]!, { type: type!, pieces });
    } else if (/^E\d+$/.test(cols[0] ?? '') && cols[1]) events.push(cols[1]);
  }
  const out: Attr[] = [];
  for (const e of events) {
    const roles = Object.fromEntries(e.split(' ').map((r) => r.split(':') as [string, string]));
    const content = roles.Content ? spans.get(roles.Content)?.pieces : undefined;
    if (!content) continue;
    out.push({ content, source: roles.Source ? (spans.get(roles.Source)?.pieces ?? null) : null });
  }
  return out;
}

// ── CoreNLP xml (PolNeAR ships it): tokens, basic dependencies, coreference ──────────────────────
interface Tok {
  word: string;
  start: number;
  end: number;
  pos: string;
  ner: string;
  gov: number;
}
interface Mention {
  sent: number;
  start: number;
  end: number;
  head: number;
  text: string;
  rep: boolean;
}
interface Nlp {
  sents: Tok[][];
  chains: Mention[][];
}
const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1] ?? '';
function readNlp(file: string): Nlp {
  const xml = readFileSync(file, 'utf8');
  const sentsXml = xml.slice(xml.indexOf('<sentences>'), xml.indexOf('</sentences>'));
  const sents: Tok[][] = [];
  for (const sx of sentsXml.split(/<sentence id="\d+"[^>]*>/).slice(1)) {
    const toks: Tok[] = [];
    for (const tx of sx.split('<token id=').slice(1)) {
      toks.push({
        word: tag(tx, 'word'),
        start: Number(tag(tx, 'CharacterOffsetBegin')),
        end: Number(tag(tx, 'CharacterOffsetEnd')),
        pos: tag(tx, 'POS'),
        ner: tag(tx, 'NER'),
        gov: -1,
      });
    }
    const basic = sx.match(/<dependencies type="basic-dependencies">([\s\S]*?)<\/dependencies>/)?.[1] ?? '';
    for (const m of basic.matchAll(/<governor idx="(\d+)"[^>]*>[\s\S]*?<dependent idx="(\d+)"/g)) {
      const t = toks[Number(m[2]) - 1];
      if (t) t.gov = Number(m[1]);
    }
    sents.push(toks);
  }
  const corefXml = xml.slice(xml.indexOf('</sentences>'));
  const chains: Mention[][] = [];
  for (const cx of corefXml.split(/<coreference>\s*<mention/).slice(1)) {
    const chain: Mention[] = [];
    for (const mx of `<mention${cx}`.split('<mention').slice(1)) {
      chain.push({
        sent: Number(tag(mx, 'sentence')) - 1,
        start: Number(tag(mx, 'start')) - 1,
        end: Number(tag(mx, 'end')) - 1,
        head: Number(tag(mx, 'head')) - 1,
        text: tag(mx, 'text').replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"'),
        rep: mx.startsWith(' representative="true"'),
      });
    }
    chains.push(chain);
  }
  return { sents, chains };
}

const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
/** The named-entity run around token i of a sentence ("Hillary Clinton" from "Clinton"). */
function nerRun(toks: Tok[], i: number): string {
  const n = toks[i]!.ner;
  let a = i;
  let b = i;
  while (a > 0 && toks[a - 1]!.ner === n) a--;
  while (b + 1 < toks.length && toks[b + 1]!.ner === n) b++;
  return toks
    .slice(a, b + 1)
    .map((t) => decode(t.word))
    .filter((w) => w !== "'s" && w !== '’s')
    .join(' ');
}
const NAMED = new Set(['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC']);

interface GoldSpeaker {
  actor: Actor | null;
  /** how the name was found: name, coref, nominal, unresolved */
  how: string;
  source: string;
}
/** PolNeAR's Source mention → the entity it names (see the header). */
function resolveSource(text: string, nlp: Nlp | null, pieces: Piece[]): GoldSpeaker {
  const source = pieces.map((p) => text.slice(p.start, p.end)).join(' ');
  const mk = (name: string, how: string, kind: Actor['kind'], extra: string[] = []): GoldSpeaker => ({
    actor: { id: 'gold', name, aliases: [source, ...extra], kind, role: null, affiliation: null, country: null, profile: '', alignment: null },
    how,
    source,
  });
  if (!nlp) return { actor: null, how: 'unresolved', source };
  const { start, end } = pieces[0]!;
  let si = -1;
  let head = -1;
  for (let s = 0; s < nlp.sents.length && head < 0; s++) {
    const toks = nlp.sents[s]!;
    const inSpan = (t: Tok) => t.start >= start && t.end <= end;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (!inSpan(t)) continue;
      const g = t.gov > 0 ? toks[t.gov - 1] : undefined;
      if (!g || !inSpan(g)) {
        si = s;
        head = i;
        break;
      }
    }
  }
  if (head < 0) return { actor: null, how: 'unresolved', source };
  const toks = nlp.sents[si]!;
  const h = toks[head]!;
  if (NAMED.has(h.ner)) return mk(nerRun(toks, head), 'name', h.ner === 'PERSON' ? 'person' : 'organisation');
  const chain = nlp.chains.find((c) => c.some((m) => m.sent === si && m.start <= head && head < m.end && m.head === head));
  // the chain's representative, or better its most frequent named mention (CoreNLP's representative
  // is often a description: "a narrator in the Clinton ad", "The Republican nominee")
  let rep = chain?.find((m) => m.rep);
  if (chain) {
    const named = new Map<string, { m: Mention; n: number }>();
    for (const m of chain) {
      const t = nlp.sents[m.sent]?.[m.head];
      if (!t || !NAMED.has(t.ner)) continue;
      const key = nerRun(nlp.sents[m.sent]!, m.head).split(' ').at(-1)!;
      const e = named.get(key) ?? { m, n: 0 };
      e.n++;
      named.set(key, e);
    }
    const best = [...named.values()].sort((a, b) => b.n - a.n)[0];
    if (best) rep = best.m;
  }
  if (rep && !(rep.sent === si && rep.head === head)) {
    const rt = nlp.sents[rep.sent]![rep.head];
    if (rt && NAMED.has(rt.ner)) return mk(nerRun(nlp.sents[rep.sent]!, rep.head), 'coref', rt.ner === 'PERSON' ? 'person' : 'organisation', [rep.text]);
    if (rt && !/^PRP/.test(rt.pos)) return mk(rep.text, 'coref', 'group', [rep.text]);
  }
  if (/^PRP/.test(h.pos) || /^(he|she|they|i|we|it|him|her|them)$/i.test(source.trim())) return { actor: null, how: 'unresolved', source };
  return mk(source.replace(/^(the|a|an)\s+/i, ''), 'nominal', 'group');
}

/**
 * Scorer v3: the annotators' own Source span holds the predicted person's full name ("Vann R.
 * Newkirk II, a writer for The Atlantic," — CoreNLP's head there is "writer", so the name never
 * reached the gold). Only a person with a name of two words or more, written out in the span.
 */
function namedInSource(pa: Actor | undefined, source: string): boolean {
  if (!pa || pa.kind !== 'person' || pa.name.split(/\s+/).length < 2) return false;
  return source.includes(pa.name);
}
/** Scorer v3: a Source span that is only a verb of saying ("said") is an annotation slip: no speaker in the gold. */
const SLIP_SOURCE = /^(said|says|say|told|added|wrote|asked)$/i;

// ── gold passages: top-level quotation-mark pairs inside an attribution's content ─────────────
const OPEN = new Set(['“', '"', '«']);
const CLOSE = new Set(['”', '"', '»']);
interface GoldPassage {
  start: number;
  end: number;
  speaker: GoldSpeaker | null;
}
function passagesIn(text: string, p: Piece): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let open = -1;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i]!;
    const straight = c === '"';
    if (depth === 0 && OPEN.has(c)) {
      depth = 1;
      open = i + 1;
    } else if (depth > 0 && CLOSE.has(c) && (straight || c !== '"')) {
      if (c === '”' || c === '»' || straight) {
        // a curly opening inside opens a nested passage; straight marks can't nest
        depth = straight ? 0 : depth - 1;
        if (depth === 0) out.push({ start: open, end: i });
      }
    } else if (depth > 0 && (c === '“' || c === '«')) depth++;
  }
  if (depth > 0 && open >= 0) out.push({ start: open, end: p.end }); // runs on past the content (a quote going on to the next paragraph)
  if (out.length === 0) {
    // some copy quotes with single marks ('This isn't reform,' he said): a content that opens with
    // one closes at the last single mark not followed by a letter (apostrophes are)
    const m = /^\s*['‘]/.exec(text.slice(p.start, p.end));
    if (m) {
      const start = p.start + m[0].length;
      for (let i = p.end - 1; i > start; i--) {
        if ((text[i] === "'" || text[i] === '’') && !/\p{L}/u.test(text[i + 1] ?? '')) {
          out.push({ start, end: i });
          break;
        }
      }
    }
  }
  return out
    .map((s) => {
      let { start, end } = s;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      return { start, end };
    })
    .filter((s) => s.end > s.start);
}

// ── scoring ───────────────────────────────────────────────────────────────────────────────────
interface Row {
  file: string;
  publisher: string;
  gold: number;
  pred: number;
  tp: number;
  speakerN: number;
  speakerOk: number;
  namedN: number;
  namedOk: number;
  unresolved: number;
  misses: string[];
}
const meta = new Map<string, { publisher: string; date: string }>();
const metaFile = path.join(dataDir, 'metadata.tsv');
if (existsSync(metaFile)) {
  const [head, ...lines] = readFileSync(metaFile, 'utf8').split('\n');
  const cols = head!.split('\t');
  for (const l of lines) {
    const v = l.split('\t');
    const get = (k: string) => v[cols.indexOf(k)] ?? '';
    if (get('filename')) meta.set(get('filename'), { publisher: get('publisher'), date: get('publication_date') });
  }
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const rows: Row[] = [];
const annFiles = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
const seen = new Set<string>();
for (const ann of annFiles) {
  const base = ann.replace(/_[0-9a-f]{4}\.ann$/, '');
  if (seen.has(base)) continue; // several annotators: the first one's annotation
  seen.add(base);
  const textFile = path.join(dir, 'text', `${base}.txt`);
  if (!existsSync(textFile)) continue;
  const text = readFileSync(textFile, 'utf8');
  const nlpFile = path.join(dir, 'corenlp', `${base}.txt.xml`);
  const nlp = existsSync(nlpFile) ? readNlp(nlpFile) : null;
  const gold: GoldPassage[] = [];
  for (const a of readAnn(path.join(dir, 'attributions', ann))) {
    const speaker = a.source ? resolveSource(text, nlp, a.source) : null;
    for (const p of a.content) for (const s of passagesIn(text, p)) gold.push({ ...s, speaker });
  }
  const m = meta.get(base);
  if (dumpGold) {
    // the conversion alone, without running the extractor (to check the adapter, not the rules)
    console.log(`\n${base}`);
    for (const g of gold) console.log(`  @${g.start} ${JSON.stringify(text.slice(g.start, g.end).slice(0, 60))} — ${g.speaker ? `${g.speaker.actor?.name ?? 'UNRESOLVED'} (${g.speaker.how}: "${g.speaker.source}")` : 'no source'}`);
    continue;
  }
  const draft: CorpusFile = extractDraft(text, { id: `ext-${base.slice(0, 40)}`, ...(m?.date ? { date: m.date } : {}) });
  const art: Article = draft.articles[0]!;
  const actors = new Map(draft.actors.map((x) => [x.id, x]));
  let pq: Quote[] = art.quotes.filter((q) => q.kind === 'direct' || q.kind === 'term');
  pq = pq.filter((q) => !pq.some((o) => o !== q && o.span.start <= q.span.start && q.span.end <= o.span.end && (o.span.end - o.span.start) > (q.span.end - q.span.start)));
  // predicted terms outside every attribution are outside PolNeAR's gold: not scored
  pq = pq.filter((q) => q.kind === 'direct' || gold.some((g) => overlap(g, q.span) > 0));
  // greedy one-to-one by largest overlap (as evaluate.ts)
  const pairs: Array<[number, GoldPassage, Quote]> = [];
  for (const g of gold) for (const q of pq) if (overlap(g, q.span) > 0) pairs.push([overlap(g, q.span), g, q]);
  pairs.sort((x, y) => y[0] - x[0]);
  const mg = new Map<GoldPassage, Quote>();
  const usedQ = new Set<Quote>();
  for (const [, g, q] of pairs) if (!mg.has(g) && !usedQ.has(q)) (mg.set(g, q), usedQ.add(q));
  const row: Row = { file: base, publisher: m?.publisher ?? base.split('_')[0]!, gold: gold.length, pred: pq.length, tp: mg.size, speakerN: 0, speakerOk: 0, namedN: 0, namedOk: 0, unresolved: 0, misses: [] };
  const show = (s: { start: number; end: number }) => JSON.stringify(text.slice(s.start, s.end).slice(0, 70));
  for (const g of gold) {
    const q = mg.get(g);
    if (!q) {
      row.misses.push(`missed   @${g.start} ${show(g)}`);
      continue;
    }
    if (!g.speaker) continue; // PolNeAR gives no source
    if (!g.speaker.actor || SLIP_SOURCE.test(g.speaker.source.trim())) {
      row.unresolved++;
      continue;
    }
    row.speakerN++;
    const pa = q.speaker ? actors.get(q.speaker) : undefined;
    const named = g.speaker.how === 'name';
    if (named) row.namedN++;
    if (sameSpeaker(pa, g.speaker.actor) || namedInSource(pa, g.speaker.source)) {
      row.speakerOk++;
      if (named) row.namedOk++;
    }
    else row.misses.push(`speaker  @${g.start} ${show(g)}${withContext ? `\n      ${JSON.stringify(text.slice(Math.max(0, g.start - 220), g.end + 80))}\n     ` : ''} — gold ${g.speaker.actor.name} (${g.speaker.how}: "${g.speaker.source}"), predicted ${pa?.name ?? 'none'}${q.attribution ? ` [${q.attribution.rule} ${q.attribution.confidence}]` : ''}`);
  }
  for (const q of pq) if (!usedQ.has(q)) row.misses.push(`spurious @${q.span.start} ${JSON.stringify(q.text.slice(0, 70))} (${q.kind})`);
  rows.push(row);
}

const sum = (f: (r: Row) => number, rs = rows) => rs.reduce((n, r) => n + f(r), 0);
const f2 = (x: number) => x.toFixed(2);
function line(label: string, rs: Row[]) {
  const gold = sum((r) => r.gold, rs);
  const pred = sum((r) => r.pred, rs);
  const tp = sum((r) => r.tp, rs);
  const P = ratio(tp, pred);
  const R = ratio(tp, gold);
  const F = P + R === 0 ? 0 : (2 * P * R) / (P + R);
  const n = sum((r) => r.speakerN, rs);
  const ok = sum((r) => r.speakerOk, rs);
  const nn = sum((r) => r.namedN, rs);
  const nok = sum((r) => r.namedOk, rs);
  return { label, articles: rs.length, gold, pred, tp, P, R, F, speaker: { n, correct: ok, acc: ratio(ok, n) }, named: { n: nn, correct: nok, acc: ratio(nok, nn) }, unresolved: sum((r) => r.unresolved, rs) };
}
const publishers = [...new Set(rows.map((r) => r.publisher))].sort();
const lines = [...publishers.map((p) => line(p, rows.filter((r) => r.publisher === p))), line(`PolNeAR ${split} (all)`, rows)];
if (asJson) {
  process.stdout.write(`${JSON.stringify({ split, lines }, null, 2)}\n`);
  process.exit(0);
}
console.log(`PolNeAR ${split}: ${rows.length} articles. Spans: gold quoted passages inside attributions vs predicted passages (overlap match).`);
console.log('Speaker: matched passages whose PolNeAR source resolves to a name or a nominal (CoreNLP head + coreference);');
console.log('"source named": the subset whose source mention itself holds the name (no automatic coreference in the gold).\n');
const hdr = ['outlet', 'articles', 'gold', 'pred', 'P', 'R', 'F1', 'speaker acc', 'source named', 'unresolved'];
const table = lines.map((l) => [l.label, String(l.articles), String(l.gold), String(l.pred), f2(l.P), f2(l.R), f2(l.F), `${f2(l.speaker.acc)} (${l.speaker.correct}/${l.speaker.n})`, `${f2(l.named.acc)} (${l.named.correct}/${l.named.n})`, String(l.unresolved)]);
const w = hdr.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const fmt = (c: string[]) => c.map((x, i) => (i === 0 ? x.padEnd(w[i]!) : x.padStart(w[i]!))).join('  ');
console.log(fmt(hdr));
table.forEach((r, i) => {
  if (i === table.length - 1) console.log(w.map((n) => '─'.repeat(n)).join('  '));
  console.log(fmt(r));
});
if (verbose) {
  for (const r of rows) {
    if (!r.misses.length) continue;
    console.log(`\n${r.file}`);
    for (const m of r.misses) console.log(`  ${m}`);
  }
}
