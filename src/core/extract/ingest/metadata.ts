/**
 * An ingested article's metadata: each field with its value, whether it was stated (by the page,
 * its front matter or the collection's sidecar) or inferred, and where it came from. Turned into
 * the extractor's options (title, outlet, url, date, language) and kept whole in the article's
 * `metadata`.
 */
import { isCalendarDate, type MetaField } from '../../corpus/schema.js';
import type { ExtractMeta } from '../index.js';

export const META_KEYS = ['title', 'outlet', 'author', 'published', 'url', 'language', 'licence'] as const;
export type MetaKey = (typeof META_KEYS)[number];
export type ArticleMeta = Partial<Record<MetaKey, MetaField>>;

/** "2008-06-01T10:00:00Z", "2008-06-01", "June 1, 2008", "Sun Jun 1 10:00:00 EST 2008" → "2008-06-01"; undefined if not a date. */
export function cleanDate(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  // a day that does not exist (2026-13-45, 2026-02-30) is not a date: before, it went to the
  // extractor, whose draft failed its own schema (a raw zod dump, or "Invalid time value")
  if (iso) return isCalendarDate(iso[0]) ? iso[0] : undefined;
  // the day as written: a time and its zone are dropped before parsing ("Fri Mar 13 21:30:09 EST
  // 2015" was read as 14 March in UTC, the next day)
  const bare = raw
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?/gi, ' ')
    .replace(/\b(?:[ECMP][SD]T|UTC|GMT|BST|CES?T|AE[SD]T)\b|(?<=\s)[+-]\d{2}:?\d{2}\b|\bat\b/g, ' ')
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[\s,]+$/, '');
  let t = Date.parse(bare);
  if (Number.isNaN(t)) t = Date.parse(raw);
  if (Number.isNaN(t)) return undefined;
  const d = new Date(t);
  // a date written without a time is read as local midnight: use the local calendar day
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Fields of `over` win over those of `base` (e.g. a sidecar entry over a page's own tags). */
export function mergeMeta(base: ArticleMeta, over: ArticleMeta): ArticleMeta {
  return { ...base, ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) };
}

/** Reads metadata given as plain key/value pairs (front matter, sidecar), all stated. */
export function metaFromRecord(rec: Record<string, unknown>, from: string): ArticleMeta {
  const pick = (...keys: string[]) => {
    for (const k of keys) {
      const v = rec[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length) return v.join(', ');
    }
    return undefined;
  };
  const meta: ArticleMeta = {};
  const put = (k: MetaKey, v: string | undefined) => {
    if (v !== undefined) meta[k] = { value: v, stated: true, from };
  };
  put('title', pick('title', 'headline'));
  put('outlet', pick('outlet', 'publisher', 'source', 'site', 'site_name', 'publication'));
  put('author', pick('author', 'authors', 'by', 'byline'));
  const date = pick('published', 'date', 'datePublished', 'published_at', 'pubdate');
  if (date) put('published', cleanDate(date) ?? date);
  put('url', pick('url', 'link', 'canonical', 'permalink'));
  put('language', pick('language', 'lang', 'locale'));
  put('licence', pick('licence', 'license', 'rights', 'copyright'));
  return meta;
}

/** The extractor's options from the metadata (a date it cannot read is left out, not guessed). */
export function toExtractMeta(meta: ArticleMeta, source: string, id: string): ExtractMeta {
  const out: ExtractMeta = { source, id };
  if (meta.title) out.title = meta.title.value;
  if (meta.outlet) out.outlet = meta.outlet.value;
  if (meta.url) out.url = meta.url.value;
  if (meta.published && /^\d{4}-\d{2}-\d{2}$/.test(meta.published.value) && isCalendarDate(meta.published.value)) out.date = meta.published.value;
  if (meta.language) out.language = meta.language.value.split(/[-_]/)[0]!.toLowerCase();
  const fields = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as Record<string, MetaField>;
  if (Object.keys(fields).length) out.metadata = fields;
  return out;
}

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const WRITTEN_DATE = new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTHS},?\\s+\\d{4}\\b`, 'i');

/** A date written somewhere in a short text ("posted on April 21, 2015, at 11:29 a.m."). */
export function dateInText(text: string): string | undefined {
  const m = WRITTEN_DATE.exec(text);
  return m ? cleanDate(m[0]) : undefined;
}
