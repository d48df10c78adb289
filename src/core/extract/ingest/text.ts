/**
 * Plain-text and Markdown articles: a front-matter header is metadata, not text. Two header forms:
 * YAML between `---` lines (read with the `yaml` package), or `key: value` lines at the very top
 * (keys such as title, outlet, url, published, author) ended by a blank line. Markdown is turned
 * into plain paragraphs (headings, emphasis, links and images unmarked; lines of one paragraph
 * joined), so that a quotation wrapped over two lines is one passage.
 */
import { parse as parseYaml } from 'yaml';
import { formatSize } from '../../corpus/size.js';
import { metaFromRecord, type ArticleMeta } from './metadata.js';

const KEY_LINE = /^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$/;
const HEADER_KEYS = new Set([
  'title', 'headline', 'outlet', 'publisher', 'source', 'site', 'publication', 'url', 'link', 'canonical', 'permalink',
  'published', 'date', 'datepublished', 'published_at', 'pubdate', 'author', 'authors', 'by', 'byline', 'language', 'lang',
  'locale', 'licence', 'license', 'rights', 'copyright', 'tags', 'id', 'slug', 'description', 'summary',
]);

export interface Split {
  body: string;
  meta: ArticleMeta;
  /** where the header came from, for messages: 'yaml' | 'key-value' | null */
  header: 'yaml' | 'key-value' | null;
}

export class FrontMatterError extends Error {}

/** The largest YAML header read as metadata. */
const MAX_FRONT_MATTER = 64 * 1024;

/**
 * `!!timestamp 2026-13-45` kept as the text written: the YAML reader made it a Date, which
 * rolled over to 2027-02-14 and was stated as the publication date. Text goes through
 * cleanDate, which refuses a day that does not exist.
 */
const TIMESTAMP_AS_TEXT = { tag: 'tag:yaml.org,2002:timestamp', resolve: (s: string) => s };

/** Splits a front-matter header (if any) from the text. A broken YAML header is an error naming its line. */
export function splitFrontMatter(text: string): Split {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const yaml = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (yaml) {
    // a header of metadata is small; a bigger one is not a header (and the YAML reader checks
    // map keys pairwise: 300,000 keys took minutes)
    if (yaml[1]!.length > MAX_FRONT_MATTER) {
      throw new FrontMatterError(`front matter is ${formatSize(yaml[1]!.length)}, more than a header of metadata may be (${formatSize(MAX_FRONT_MATTER)})`);
    }
    let rec: unknown;
    try {
      rec = parseYaml(yaml[1]!, { customTags: [TIMESTAMP_AS_TEXT] });
    } catch (e) {
      const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
      const said = String((e as Error).message).split('\n')[0]!;
      // the YAML reader recurses per level of [[[… and reports the overflow as a parse error
      const why = /call stack/i.test(said) ? 'nested too deeply' : said;
      throw new FrontMatterError(`front matter is not valid YAML${line ? ` (line ${line + 1})` : ''}: ${why}`);
    }
    const meta = rec && typeof rec === 'object' && !Array.isArray(rec) ? metaFromRecord(rec as Record<string, unknown>, 'front-matter') : {};
    return { body: text.slice(yaml[0].length), meta, header: 'yaml' };
  }
  // key: value lines at the top, ended by a blank line; at least one known key, every line a pair
  const lines = text.split('\n');
  const rec: Record<string, string> = {};
  let n = 0;
  for (; n < lines.length && n < 30; n++) {
    const l = lines[n]!.replace(/\r$/, '');
    if (l.trim() === '') break;
    const m = KEY_LINE.exec(l);
    if (!m) return { body: text, meta: {}, header: null };
    rec[m[1]!.trim().toLowerCase().replace(/[ -]/g, '_')] = m[2]!.trim();
  }
  const keys = Object.keys(rec);
  if (n === 0 || n >= lines.length || !keys.length || !keys.every((k) => HEADER_KEYS.has(k.replace(/_/g, '')) || HEADER_KEYS.has(k))) {
    return { body: text, meta: {}, header: null };
  }
  return { body: lines.slice(n + 1).join('\n'), meta: metaFromRecord(rec, 'front-matter'), header: 'key-value' };
}

/** Markdown to plain paragraphs separated by blank lines; the first heading becomes the title line. */
export function markdownToText(md: string): { text: string; heading: string | null } {
  const blocks = md.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  const paras: string[] = [];
  let heading: string | null = null;
  let fence = false;
  for (const block of blocks) {
    const lines: string[] = [];
    for (let l of block.split('\n')) {
      if (/^\s*(```|~~~)/.test(l)) {
        fence = !fence;
        continue;
      }
      if (fence) continue; // code is not article text
      if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(l)) continue; // thematic break
      if (/^\s*<!--.*-->\s*$/.test(l)) continue;
      l = l
        .replace(/^\s{0,3}>\s?/, '') // blockquote marker
        .replace(/^\s{0,3}#{1,6}\s+/, (h) => (h ? '' : h))
        .replace(/\s+#+\s*$/, '')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links
        .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
        .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
        .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1');
      lines.push(l);
    }
    const wasHeading = /^\s{0,3}#{1,6}\s+/.test(block);
    const t = lines.join(' ').replace(/[ \t]+/g, ' ').trim();
    if (!t || /^\[[^\]]+\]:\s/.test(t)) continue; // empty, or link reference definitions
    if (wasHeading && heading === null && paras.length === 0) heading = t;
    paras.push(t);
  }
  return { text: paras.length ? `${paras.join('\n\n')}\n` : '', heading };
}

/**
 * Plain text: kept as it is (paragraphs are lines; blank lines between them are fine), except a
 * hard-wrapped file — blank-line-separated blocks of several short lines — whose lines are joined
 * within each block.
 */
export function plainText(text: string): string {
  const t = text.replace(/\r\n?/g, '\n');
  const blocks = t.split(/\n[ \t]*\n/);
  const multi = blocks.filter((b) => b.trim().includes('\n'));
  // wrapped: several blocks, and most lines inside a block stop mid-sentence
  const inner = multi.flatMap((b) => b.trim().split('\n').slice(0, -1));
  const midSentence = inner.filter((l) => !/[.!?:"”’)]\s*$/.test(l)).length;
  const wrapped = blocks.length >= 2 && multi.length >= blocks.length / 3 && inner.length > 0 && midSentence >= inner.length / 2 && inner.every((l) => l.length <= 100);
  if (!wrapped) return t;
  return `${blocks.map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean).join(' ')).filter(Boolean).join('\n\n')}\n`;
}
