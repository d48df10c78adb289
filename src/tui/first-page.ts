/**
 * The dashboard's first page before its corpus is loaded: how many quotes and articles the corpus
 * holds and its first quotes in corpus order (what the Quotes pane lists for the empty query),
 * read from the search index on disk (core/search/disk-index.ts) when a fresh one exists.
 *
 * Why: a large corpus takes a while to load from its cache (100,000 quotes: about 0.8 s warm; a
 * million: tens of seconds), and the dashboard drew nothing until it was in memory. The index
 * answers these few questions by reading its header and a few records. Nothing is built here:
 * without a fresh index (`search` builds one) the dashboard loads as before.
 *
 * Trusted only as the index itself is: it is found by the very list of files the loader would
 * read (its name comes from them), and used only while every file's stamp (size, times, inode,
 * device) is the one recorded when it was built, and every file is one the loader reads under
 * its size limit. The corpus the loader then returns comes from the same bytes.
 */
import type { Actor } from '../core/corpus/schema.js';
import type { QuoteHit } from '../core/search/search.js';
import { DiskIndex, diskIndexFile } from '../core/search/disk-index.js';
import { stampsHold } from '../core/corpus/stamps.js';
import { fitsSizeLimit } from '../core/corpus/load.js';
import { defaultCacheDir } from '../core/corpus/cache.js';
import { NEST_UP_TO } from './panes/quotes/nesting.js';

export interface FirstPage {
  quotes: number;
  articles: number;
  /** articles that are drafts (the tab bar says DRAFT) */
  drafts: number;
  /** the first quotes in corpus order, as the empty query lists them */
  hits: QuoteHit[];
}

/**
 * Below this many quotes the load is quick, and the Quotes pane groups nested quotes under the
 * quote they sit in (panes/quotes/nesting.ts), which needs every quote: no first page then.
 */
export const FIRST_PAGE_FROM = NEST_UP_TO + 1;

/** Rows read: more than any terminal shows of the list. */
const ROWS = 200;

/** The first page of the corpus in `paths` (none: the bundled data), or undefined when no fresh index says it. */
export async function readFirstPage(paths: readonly string[], opts: { cacheDir?: string; maxFileBytes?: number; from?: number } = {}): Promise<FirstPage | undefined> {
  let index: DiskIndex | undefined;
  try {
    index = await DiskIndex.open(await diskIndexFile(paths, opts.cacheDir ?? defaultCacheDir()));
    const h = index.header;
    if (h.quotes < (opts.from ?? FIRST_PAGE_FROM)) return undefined;
    if (!h.stamps.every((s, i) => s !== null && fitsSizeLimit(h.files[i]!, Number(s.size), opts.maxFileBytes))) return undefined;
    if (!(await stampsHold(h.files, h.stamps))) return undefined;
    const actors = new Map<string, Actor>(h.actors.map((a) => [a.id, a]));
    const refs = index.refs(Array.from({ length: Math.min(ROWS, h.quotes) }, (_, i) => i));
    const hits = refs.map((ref, order) => ({ ref, speaker: ref.quote.speaker ? (actors.get(ref.quote.speaker) ?? null) : null, score: 0, order, matches: [] }));
    return { quotes: h.quotes, articles: h.articleCount, drafts: h.articles.filter((a) => a.draft).length, hits };
  } catch {
    return undefined; // missing, foreign or damaged: the dashboard loads as before
  } finally {
    index?.close();
  }
}
