/**
 * A cached corpus whose texts stay on disk until asked for (loadCorpus's `textsOnDemand`).
 *
 * Why: at 100,000 quotes the articles' texts are 83 MB as the UI thread holds them (two bytes a
 * character), more than half of the dashboard's corpus, and decoding them doubled the load's peak;
 * yet a dashboard shows a few dozen quotes and one article at a time. Here every article's
 * `text`, and the `text` of each quote, mention, silence and event (a slice of its article at its
 * span, which the loader checked), is an accessor that reads those bytes from the cache entry when
 * first used: the quotes of the hits on screen, the article of the quote detail or the reader.
 *
 * Trust: the entry's seal (SHA-1 of everything after the seal line) was checked over the whole
 * file when it was opened (cache.ts reads and hashes it all, decoding only the header), and the
 * file stays open: entries are replaced by rename, never written in place, so the bytes read later
 * are the bytes checked.
 *
 * The accessors are shared functions (what they read hangs off the object under a symbol, left
 * out of JSON, spreads and Object.keys), so every quote keeps one hidden class; the property is
 * own and enumerable, so `{ ...quote }`, JSON.stringify and zod see the text as if it were a
 * plain value. Assigning to it makes it a plain value.
 */
import { closeSync, readSync } from 'node:fs';
import type { Article, Span } from './schema.js';
import { OffsetMap } from './text.js';

/** The article a span's text is sliced from, and its number in the entry. */
const SOURCE = Symbol('texts on demand');

/** Where an article's texts are: the entry (set once it has checked out) and the article's number in it. */
export interface Owner {
  texts: EntryTexts;
  index: number;
}

/** Articles whose texts are kept decoded: the reader, the quote detail and a profile's few. */
const RECENT_ARTICLES = 8;

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** The texts section of one open cache entry. */
export class EntryTexts {
  private readonly recent = new Map<number, { text: string; map: OffsetMap }>();

  /**
   * @param fd the entry, open for reading (closed when this is collected)
   * @param at byte offset of the texts section (UTF-16LE) in the file
   * @param ranges each article's [start, end) in the texts (UTF-16 units)
   * @param astral which articles hold characters outside the BMP (spans need mapping)
   */
  constructor(
    private readonly fd: number,
    private readonly at: number,
    private readonly ranges: readonly [number, number][],
    private readonly astral: readonly boolean[],
  ) {
    closer.register(this, fd);
  }

  private units(from: number, to: number): string {
    const length = (to - from) * 2;
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const r = readSync(this.fd, buf, got, length - got, this.at + from * 2 + got);
      if (r === 0) throw new Error('the corpus cache entry ended early (changed on disk while open)');
      got += r;
    }
    return buf.toString('utf16le');
  }

  private entry(i: number): { text: string; map: OffsetMap } {
    let e = this.recent.get(i);
    if (e) this.recent.delete(i);
    else {
      const [s, t] = this.ranges[i]!;
      const text = this.units(s, t);
      e = { text, map: new OffsetMap(text) };
      if (this.recent.size >= RECENT_ARTICLES) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(i, e);
    return e;
  }

  /** Article i's text. */
  article(i: number): string {
    return this.entry(i).text;
  }

  /** The text at `span` (code points) of article i: read alone, unless the article needs mapping. */
  slice(i: number, span: Span): string {
    if (this.astral[i]) {
      const { text, map } = this.entry(i);
      return text.slice(map.toUnit(span.start), map.toUnit(span.end));
    }
    const [s, t] = this.ranges[i]!;
    return this.units(Math.min(t, s + span.start), Math.min(t, s + span.end));
  }
}

type Spanned = { span: Span; text?: string };
type Lazy = { [SOURCE]: Owner };

function articleText(this: Lazy): string {
  return this[SOURCE].texts.article(this[SOURCE].index);
}

function spanText(this: Lazy & Spanned): string {
  return this[SOURCE].texts.slice(this[SOURCE].index, this.span);
}

function setText(this: object, value: string): void {
  Object.defineProperty(this, 'text', { value, writable: true, enumerable: true, configurable: true });
}

function hang(o: object, owner: Owner, get: () => string): void {
  Object.defineProperty(o, SOURCE, { value: owner });
  Object.defineProperty(o, 'text', { get, set: setText, enumerable: true, configurable: true });
}

/**
 * Gives a decoded article (the index-th of the entry) and each of its spanned items without a
 * text of its own an accessor reading it from the entry; items whose text is not their span's
 * (stored in the header) keep it. Called as soon as the article is decoded: the entry's texts
 * are read only after `owner.texts` is set, once the whole entry has checked out. Returns the
 * article to keep instead of `decoded` (made anew: leanArticle); quotes of the usual shape are
 * made anew too (LeanQuote), in the article's list.
 */
export function attachArticleTexts(decoded: Article, owner: Owner): Article {
  const a = leanArticle(decoded, owner);
  const quotes = a.quotes as unknown as Spanned[];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (typeof q.text === 'string') continue;
    if (usualQuote(q)) quotes[i] = new (LeanQuote as unknown as new (q: object, owner: Owner) => Spanned)(q, owner);
    else hang(q, owner, spanText);
  }
  for (const list of [a.mentions, a.silences, a.events] as Spanned[][]) {
    for (const x of list) if (typeof x.text !== 'string') hang(x, owner, spanText);
  }
  return a;
}

const ARTICLE_TEXT: PropertyDescriptor = { get: articleText, set: setText, enumerable: true, configurable: true };

/**
 * The article with its text read on demand: the same keys in the same order, `text` where it
 * was. Made anew because turning a decoded article's `text` (stored as "") into an accessor made
 * V8 keep the article as a dictionary, about 900 bytes each (30 MB at a million quotes).
 */
function leanArticle(a: Article, owner: Owner): Article {
  if (Object.hasOwn(a, '__proto__')) {
    hang(a, owner, articleText); // (not from our writer; kept as it is)
    return a;
  }
  return new (LeanArticle as unknown as new (a: Article, owner: Owner) => Article)(a, owner);
}

function LeanArticle(this: Record<string, unknown>, a: Record<string, unknown>, owner: Owner): void {
  Object.defineProperty(this, SOURCE, { value: owner });
  for (const k in a) {
    if (k === 'text') Object.defineProperty(this, 'text', ARTICLE_TEXT);
    else this[k] = a[k];
  }
  if (!('text' in a)) Object.defineProperty(this, 'text', ARTICLE_TEXT);
}
LeanArticle.prototype = Object.prototype;

/** A quote's keys as decoded from an entry, in order; `note` and `attribution` may follow. */
const QUOTE_KEYS = ['id', 'kind', 'span', 'speaker', 'channel', 'when', 'narratives', 'topics'];

function usualQuote(q: object): boolean {
  let i = 0;
  for (const k in q) {
    if (i < QUOTE_KEYS.length ? k !== QUOTE_KEYS[i] : !((k === 'note' && i === QUOTE_KEYS.length) || k === 'attribution')) return false;
    i++;
  }
  return i >= QUOTE_KEYS.length;
}

const TEXT: PropertyDescriptor = { get: spanText, set: setText, enumerable: true, configurable: true };

/**
 * A quote as hang() makes it (the same keys in the same order, `text` last, the owner under the
 * symbol), built by one constructor so that V8 keeps the owner inside the object: hung on a
 * decoded quote it took a separate 40-byte property store per quote (40 MB at a million). Its
 * prototype is Object.prototype: to everyone else it is a plain object.
 */
function LeanQuote(this: Record<string, unknown>, q: Record<string, unknown>, owner: Owner): void {
  this.id = q.id;
  this.kind = q.kind;
  this.span = q.span;
  this.speaker = q.speaker;
  this.channel = q.channel;
  this.when = q.when;
  this.narratives = q.narratives;
  this.topics = q.topics;
  if ('note' in q) this.note = q.note;
  if ('attribution' in q) this.attribution = q.attribution;
  Object.defineProperty(this, SOURCE, { value: owner });
  Object.defineProperty(this, 'text', TEXT);
}
LeanQuote.prototype = Object.prototype;

/** Whether this object's text is read on demand (tests). */
export function readsOnDemand(o: object): boolean {
  return SOURCE in o;
}
