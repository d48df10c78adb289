/**
 * A shard of the quotes as the search workers receive it: only what search reads (quote text,
 * speaker, narratives, topics, kind; article id and title), in columns.
 *
 * Why columns: postMessage copies its message on the sending (UI) thread. Sent as quote and
 * article objects, 100,000 quotes took about a second of that thread. The texts are written
 * straight into one buffer and, like the typed arrays, moved to the worker, not copied
 * (`transferables`): the UI thread neither joins a 30 MB string nor keeps one as garbage, which
 * its collector later paused to reclaim while the user typed.
 */
import type { Corpus, QuoteRef } from '../corpus/corpus.js';
import type { Actor, Article, Narrative, Quote } from '../corpus/schema.js';

const KINDS = ['direct', 'indirect', 'term'] as const satisfies readonly Quote['kind'][];

export interface PackedShard {
  /** every quote's text, joined, as UTF-16 code units (how V8 holds text: a plain copy back) */
  texts: ArrayBuffer;
  /** where quote k's text ends in `texts` (it starts where quote k-1's ends) */
  textEnds: Int32Array;
  /** index into `articles` */
  article: Int32Array;
  /** index into the corpus's actors; -1: no speaker */
  speaker: Int32Array;
  /** index into KINDS */
  kind: Uint8Array;
  /** JSON: per quote, [narrative ids, topics] */
  tags: string;
  /** the articles the shard's quotes come from: id, title, and what outlet: and date: read */
  articles: { id: string; title: string; outlet: string | null; published: string | null }[];
}

/** Quotes [from, to) of the corpus, packed. `actorIndex` maps actor ids to positions in corpus.actors. */
export function packShard(corpus: Corpus, from: number, to: number, actorIndex: Map<string, number>): PackedShard {
  const n = Math.max(0, to - from);
  const textEnds = new Int32Array(n);
  const article = new Int32Array(n);
  const speaker = new Int32Array(n);
  const kind = new Uint8Array(n);
  let units = 0;
  for (let k = 0; k < n; k++) units += corpus.quotes[from + k]!.quote.text.length;
  const texts = Buffer.from(new ArrayBuffer(units * 2));
  const tags: [string[], string[], string | null][] = new Array(n);
  const articles: PackedShard['articles'] = [];
  let current: Article | undefined;
  let at = 0;
  for (let k = 0; k < n; k++) {
    const { quote, article: a } = corpus.quotes[from + k]!;
    if (a !== current) {
      current = a;
      articles.push({ id: a.id, title: a.title, outlet: a.outlet ?? null, published: a.published?.date ?? null });
    }
    texts.write(quote.text, at * 2, 'utf16le');
    at += quote.text.length;
    textEnds[k] = at;
    article[k] = articles.length - 1;
    speaker[k] = quote.speaker === null ? -1 : (actorIndex.get(quote.speaker) ?? -1);
    kind[k] = KINDS.indexOf(quote.kind);
    tags[k] = [quote.narratives, quote.topics, quote.when?.date ?? null];
  }
  return { texts: texts.buffer as ArrayBuffer, textEnds, article, speaker, kind, tags: JSON.stringify(tags), articles };
}

/** The buffers postMessage may move to the worker instead of copying (the shard is then unusable here). */
export function transferables(shard: PackedShard): ArrayBuffer[] {
  return [shard.texts, shard.textEnds.buffer, shard.article.buffer, shard.speaker.buffer, shard.kind.buffer] as ArrayBuffer[];
}

/**
 * The shard as a corpus that search can index. Its quotes and articles hold only the fields
 * search reads (see above); it is never shown or handed to anything but buildSearchIndex.
 */
export function unpackShard(shard: PackedShard, actors: Actor[], narratives: Narrative[]): Corpus {
  const articles = shard.articles.map(
    (a) =>
      ({
        id: a.id,
        title: a.title,
        outlet: a.outlet,
        published: a.published ? { date: a.published } : null,
        text: '',
        quotes: [],
        mentions: [],
        silences: [],
        events: [],
      }) as unknown as Article,
  );
  const tags = JSON.parse(shard.tags) as [string[], string[], string | null][];
  const text = shardTexts(shard);
  const quotes: QuoteRef[] = new Array(shard.textEnds.length);
  let start = 0;
  for (let k = 0; k < quotes.length; k++) {
    const end = shard.textEnds[k]!;
    const s = shard.speaker[k]!;
    const quote = {
      id: '',
      kind: KINDS[shard.kind[k]!]!,
      text: text(k, start, end),
      speaker: s < 0 ? null : actors[s]!.id,
      narratives: tags[k]![0],
      topics: tags[k]![1],
      when: tags[k]![2] ? { date: tags[k]![2] } : null,
    } as unknown as Quote;
    start = end;
    const article = articles[shard.article[k]!]!;
    article.quotes.push(quote);
    quotes[k] = { quote, article };
  }
  return {
    articles,
    actors,
    narratives,
    axes: [],
    positions: [],
    quotes,
    files: [],
    actorById: new Map(actors.map((a) => [a.id, a])),
    articleById: new Map(articles.map((a) => [a.id, a])),
    narrativeById: new Map(narratives.map((x) => [x.id, x])),
    axisById: new Map(),
    quoteById: new Map(),
  };
}

/**
 * The shard's texts, one string per quote: a slice of one string of one byte per character for
 * every quote whose characters all fit in one (most of them; in the benchmark's corpus 96 in
 * 100), a string of its own for the rest. Decoded as UTF-16 throughout, every quote took two
 * bytes a character, and so did its folded text (a lower-cased copy of a two-byte string stays
 * two-byte): 36 MB more in each worker at 100,000 quotes.
 */
function shardTexts(shard: PackedShard): (k: number, start: number, end: number) => string {
  const units = new Uint16Array(shard.texts, 0, shard.texts.byteLength >> 1);
  const narrow = Buffer.allocUnsafe(units.length);
  const wide = new Uint8Array(shard.textEnds.length);
  let start = 0;
  for (let k = 0; k < shard.textEnds.length; k++) {
    const end = shard.textEnds[k]!;
    let or = 0;
    for (let i = start; i < end; i++) {
      const u = units[i]!;
      or |= u;
      narrow[i] = u;
    }
    if (or > 0xff) wide[k] = 1;
    start = end;
  }
  const latin1 = narrow.toString('latin1');
  const utf16 = Buffer.from(shard.texts);
  return (k, from, to) => (wide[k] ? utf16.toString('utf16le', from * 2, to * 2) : latin1.slice(from, to));
}
