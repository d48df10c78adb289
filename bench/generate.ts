/**
 * Deterministic synthetic corpora in the real schema, for the benchmark.
 *
 * Quotes are ~45 words of news-like vocabulary (with the seed article's themes mixed in, so
 * realistic queries find something), spread over articles of ~30 quotes, with a pool of actors
 * shared across articles. A fixed seed makes every run produce byte-identical files.
 *
 *   npx tsx bench/generate.ts 10000 /tmp/corpus-10k     # writes one JSON file per 1,000 quotes
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusFileInput } from '../src/core/corpus/schema.js';

/** mulberry32: a tiny, well-known seeded PRNG (Math.random cannot be seeded). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Mariya', 'Nikita', 'Boris', 'Sergei', 'Irina', 'Ahmed', 'Olena', 'James', 'Fatemeh', 'Dmitry', 'Anna', 'Reza', 'Laura', 'Viktor', 'Sara', 'Yusuf', 'Elena', 'Omar', 'Pavel', 'Leila', 'Hassan', 'Tatiana', 'Michael', 'Natalia', 'Ali'];
const LAST = ['Zakharova', 'Smagin', 'Bondarev', 'Markov', 'Likhachev', 'Petrov', 'Karimi', 'Hosseini', 'Ivanova', 'Novak', 'Sokolov', 'Rahimi', 'Kuznetsov', 'Moradi', 'Volkova', 'Lebedev', 'Ahmadi', 'Morozov', 'Tehrani', 'Orlova', 'Fedorov', 'Jafari', 'Popov', 'Sadeghi', 'Kozlov'];
const ROLES = ['Foreign Ministry spokeswoman', 'analyst', 'former diplomat', 'opposition activist', 'member of parliament', 'state media commentator', 'professor of international relations', 'senior fellow', 'government adviser', 'military expert', 'human rights lawyer', 'energy economist'];
const OUTLETS = ['Al Jazeera', 'Reuters', 'Meduza', 'TASS', 'BBC Persian', 'Kommersant', 'Iran International', 'RIA Novosti'];
const CHANNELS = ['told Al Jazeera', 'wrote on Telegram', 'said in a statement', 'told reporters', 'said on state television', 'posted on X'];

// Common news words, weighted towards the seed's themes so queries have real matches.
const WORDS = (
  'the protests government security forces leadership sanctions economy regime opposition ' +
  'western countries foreign intervention colour color revolution kremlin moscow tehran iran russia ' +
  'relations stability unrest demonstrators police killed arrested thousands hundreds cities ' +
  'internet shutdown prices inflation currency rial rouble oil exports drones missiles weapons ' +
  'ukraine war front negotiations concessions deal president minister spokeswoman statement ' +
  'provocateurs illegal pressure destabilize destroy reform advice political support influence ' +
  'reputation sabers threat intervene institutions help way ready loaded target survive relief ' +
  'abroad agents legitimate concerns israel tensions role death toll verify numbers media claims ' +
  'analysts believe expect warned denied accused condemned urged promised argued predicted insisted ' +
  'will would could should must not never always only already still again now today yesterday ' +
  'people country nation people’s citizens families children mothers workers students streets ' +
  'a an and or but of in on at for with from by about against between during after before over ' +
  'is are was were be been has have had it this that these those they we our their its'
).split(/\s+/);

const STOP = new Set('the a an and or but of in on at for with from by about against between during after before over is are was were be been has have had it this that these those they we our their its'.split(' '));

// Real news quotes draw on thousands of words; most are rare. Pseudo-words made of syllables
// stand in for that long tail, so a query word is as selective as it is in real coverage.
const SYLLABLES = ['ba', 'ko', 'ri', 'sta', 'men', 'tol', 'vi', 'dar', 'nes', 'lu', 'pre', 'gan', 'shi', 'mor', 'tek', 'al', 'un', 'der', 'sion', 'ment', 'ic', 'ous', 'port', 'form', 'cri', 'plo', 'tra', 'ver', 'con', 'ex'];
function tail(seed: number): string[] {
  const r = rng(seed);
  return Array.from({ length: 4000 }, () => {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)]!;
    return w;
  });
}
const TAIL = tail(7);
const FUNCTION_WORDS = WORDS.filter((w) => STOP.has(w));
const THEME_WORDS = WORDS.filter((w) => !STOP.has(w));

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    // About 45% function words, 15% the seed's themes, 40% a Zipf-like long tail.
    const x = r();
    const w =
      x < 0.45
        ? pick(r, FUNCTION_WORDS)
        : x < 0.6
          ? THEME_WORDS[Math.floor(Math.pow(r(), 1.5) * THEME_WORDS.length)]!
          : TAIL[Math.floor(Math.pow(r(), 2.5) * TAIL.length)]!;
    out.push(w);
  }
  let s = out.join(' ');
  s = s[0]!.toUpperCase() + s.slice(1);
  return s + pick(r, ['.', '.', '.', '?', '!']);
}

export interface GenerateOptions {
  quotes: number;
  quotesPerArticle?: number;
  actors?: number;
  seed?: number;
}

/** Builds corpus files (one per 1,000 quotes) holding `quotes` quotes in all. */
export function generateCorpus(opts: GenerateOptions): CorpusFileInput[] {
  const r = rng(opts.seed ?? 20260113);
  const perArticle = opts.quotesPerArticle ?? 30;
  const actorCount = opts.actors ?? Math.max(25, Math.round(opts.quotes / 40));
  const actors = Array.from({ length: actorCount }, (_, i) => {
    const name = `${pick(r, FIRST)} ${pick(r, LAST)}${i >= FIRST.length ? ` ${i}` : ''}`;
    return {
      id: `actor-${i}`,
      name,
      aliases: [name.split(' ')[1]!],
      kind: 'person' as const,
      role: pick(r, ROLES),
      affiliation: pick(r, OUTLETS),
      country: pick(r, ['Russia', 'Iran', 'Ukraine', 'Israel', 'United States']),
      profile: `A ${pick(r, ROLES)} quoted in synthetic coverage.`,
      alignment: { label: pick(r, ['pro-Kremlin', 'Kremlin critic', 'Iranian government', 'independent']), inferred: true, reason: 'synthetic' },
    };
  });
  const narratives = Array.from({ length: 8 }, (_, i) => ({
    id: `n-${i}`,
    label: ['Western-orchestrated colour revolution', 'Genuine economic grievances', 'Regime has weathered the storm', 'Russia cannot help', 'Foreign agents armed protesters', 'Help is on the way', 'Reform with Russian advice', 'Ordinary Russians do not care'][i]!,
    summary: sentence(r, 14),
    proponents: [actors[i % actors.length]!.id],
    keyTerms: [pick(r, WORDS), pick(r, WORDS)],
  }));
  const axes = ['What drives the protests?', 'Who is behind the unrest?', 'How many have died?', 'Is the leadership secure?', 'What should outsiders do?'].map(
    (question, i) => ({ id: `x-${i}`, question }),
  );

  const files: CorpusFileInput[] = [];
  let file: CorpusFileInput = { format: 'narrative-lens/1', articles: [], actors, narratives, axes, positions: [] };
  let made = 0;
  let inFile = 0;
  let articleNo = 0;
  while (made < opts.quotes) {
    const n = Math.min(perArticle, opts.quotes - made);
    const paragraphs: string[] = [];
    const quotes = [];
    let offset = 0; // texts are ASCII plus “ ” (BMP), so UTF-16 index = code point
    for (let q = 0; q < n; q++) {
      const speaker = pick(r, actors);
      const words = 25 + Math.floor(r() * 40); // ~45 on average
      const text = Array.from({ length: Math.ceil(words / 12) }, () => sentence(r, 12)).join(' ');
      const lead = `${speaker.role[0]!.toUpperCase()}${speaker.role.slice(1)} ${speaker.name} ${pick(r, CHANNELS)}: “`;
      const para = `${lead}${text}”`;
      quotes.push({
        id: `q-${made + q}`,
        kind: (r() < 0.75 ? 'direct' : r() < 0.5 ? 'indirect' : 'term') as 'direct' | 'indirect' | 'term',
        text,
        span: { start: offset + lead.length, end: offset + lead.length + text.length },
        speaker: speaker.id,
        channel: pick(r, CHANNELS),
        narratives: r() < 0.6 ? [pick(r, narratives).id] : [],
        topics: [pick(r, WORDS.filter((w) => !STOP.has(w)))],
      });
      paragraphs.push(para);
      offset += para.length + 1;
    }
    file.articles!.push({
      id: `art-${articleNo}`,
      title: sentence(r, 8),
      outlet: pick(r, OUTLETS),
      published: { text: null, date: `2026-01-${String(1 + (articleNo % 28)).padStart(2, '0')}`, inferred: false },
      text: paragraphs.join('\n'),
      quotes,
    });
    articleNo++;
    made += n;
    inFile += n;
    if (inFile >= 1000 || made === opts.quotes) {
      files.push(file);
      file = { format: 'narrative-lens/1', articles: [] };
      inFile = 0;
    }
  }
  return files;
}

export async function writeCorpus(dir: string, opts: GenerateOptions): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = generateCorpus(opts);
  const paths: string[] = [];
  for (const [i, f] of files.entries()) {
    const p = path.join(dir, `part-${String(i).padStart(4, '0')}.json`);
    await writeFile(p, JSON.stringify(f));
    paths.push(p);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  const dir = process.argv[3] ?? `/tmp/narrative-lens-${n}`;
  const paths = await writeCorpus(dir, { quotes: n });
  console.log(`${n} quotes in ${paths.length} files under ${dir}`);
}
