/**
 * Who wrote a saved page, as a list of names. Real pages put other things where a name should
 * be: article:author is often the author's profile address, a byline element holds "By", the date
 * and a comment count, a Twitter "Follow @name" link stands where Readability looks. Those are
 * cleaned to the names or refused, so that the next source of the name is tried.
 */
import { cleanDate } from './metadata.js';

type Doc = { querySelectorAll(sel: string): Iterable<unknown> };
type El = {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): Iterable<El>;
  closest(sel: string): El | null;
  childNodes: Iterable<Node>;
};

const BY = /^(?:by|par|von|por|di|door|av|af|written by|posted by|words by)\s*:?\s+/i;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;

/** "JEFFREY GETTLEMAN" → "Jeffrey Gettleman" (a name in capitals is a typographic choice; "AFP" is kept). */
const unshout = (s: string) => (/\p{Ll}/u.test(s) || !/\p{Lu}{3}/u.test(s) || !s.includes(' ') ? s : s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()));

/**
 * A byline's names: "By Jane Doe and John Roe" → "Jane Doe, John Roe"; undefined when it is no
 * name at all (an address, a date, "Follow @x", a sentence).
 */
export function cleanByline(raw: string | undefined | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let v = raw.replace(/\s+/g, ' ').trim().replace(BY, '').trim();
  if (!v || /^(?:https?:|\/\/|www\.)|\/\w/.test(v)) return undefined;
  if (/^(?:follow\b|@)/i.test(v)) return undefined;
  // "By Nathan Willis March 25, 2015": the name before the date
  const dateAt = v.search(new RegExp(`${MONTH.source}|\\d{1,2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}`, 'i'));
  if (dateAt > 0) v = v.slice(0, dateAt).replace(/[\s,|·•–—-]+$/, '').replace(/\b(?:on|updated|published|posted)$/i, '').replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day[\s,]*$/i, '').trim();
  if (!v) return undefined;
  // a date or a time is not a name ("Sunday, Feb 1, 2015 11:57 AM UTC")
  if (/\d{1,2}:\d{2}/.test(v) || MONTH.test(v) || (/\d/.test(v) && cleanDate(v))) return undefined;
  if (v.length > 100 || v.split(' ').length > 12 || !/\p{L}/u.test(v)) return undefined;
  v = v.replace(/\s+(?:and|&amp;)\s+(?=\p{Lu})/gu, ', ').replace(/\s*,\s*/g, ', ');
  return unshout(v);
}

const BYLINE_EL = '[itemprop~="author"], [rel~="author"], [class*="byline"], [class*="author"], [id*="byline"]';
/** Bylines of other stories (teasers, related lists) and of readers (comments) are not the author. */
export const NOT_HERE = 'nav, aside, footer, [class*="related"], [class*="comment"], [id*="comment"], [class*="teaser"], [class*="promo"], [class*="follow"], [id*="follow"]';
/** Parts of a byline that are not the name: the writer's job title, the date, a follow link. */
const NOT_NAME = /title|role|job|position|bio|date|time|twitter|follow|social|email/i;

type Node = { nodeType: number; textContent: string | null; childNodes: Iterable<Node>; getAttribute?(n: string): string | null; tagName?: string };
/** An element's text without the parts of it that are not the name. */
function nameText(n: Node): string {
  if (n.nodeType === 3) return n.textContent ?? '';
  if (n.nodeType !== 1 || n.tagName === 'TIME' || NOT_NAME.test(`${n.getAttribute?.('class') ?? ''} ${n.getAttribute?.('id') ?? ''}`)) return ' ';
  let out = '';
  for (const c of n.childNodes) out += nameText(c);
  return out;
}

/** The page's own byline element, read before boilerplate (bylines among it) is removed. */
export function domByline(document: Doc): string | undefined {
  for (const el of document.querySelectorAll(BYLINE_EL) as Iterable<El>) {
    if (el.closest(NOT_HERE)) continue;
    // a byline is a line: a wrapper whose class mentions an author but holds the page is not
    const all = [...el.childNodes].map(nameText).join('').replace(/\s+/g, ' ').trim();
    const links = [...el.querySelectorAll('a')];
    if (all.length > 150 || links.length > 4) continue;
    const name = el.querySelector('[itemprop="name"]');
    if (name) {
      const v = cleanByline(name.textContent);
      if (v) return v;
    }
    const whole = cleanByline(all);
    if (whole && !/\d/.test(whole)) return whole;
    // "by <a>Lucas Nolan</a>22 Dec 2016<a>651</a>": the links that are names
    const names = links.map((a) => cleanByline(a.textContent)).filter((x): x is string => !!x && !/\d/.test(x));
    if (names.length) return names.join(', ');
  }
  return undefined;
}
