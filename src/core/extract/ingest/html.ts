/**
 * A saved web page to article text and metadata. The body is found by Mozilla's Readability (the
 * reader view of Firefox) over linkedom's light DOM, not by regular expressions; what Readability
 * keeps but is not article text (figures and captions, asides, "related" and sharing boxes,
 * comment sections, forms) is removed before the text is read, one paragraph per block element.
 *
 * Metadata, each field marked with where it came from: JSON-LD (`NewsArticle` and its kin), then
 * Open Graph / article: properties, then plain <meta> tags, <link rel=canonical>, <html lang>
 * and <title>. All of these are stated by the page; the outlet read from the address's host name
 * is inferred.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { MetaField } from '../../corpus/schema.js';
import { cleanByline, domByline, NOT_HERE } from './byline.js';
import { decodeHtml } from './decode.js';
import { cleanDate, dateInText, type ArticleMeta } from './metadata.js';

/** Elements that are never article text. */
const DROP = 'script, style, noscript, template, nav, aside, footer, form, button, figure, figcaption, iframe, svg, video, audio, picture, img';
/**
 * Class or id words of boxes that Readability sometimes keeps inside the body: captions, related
 * links, sharing, newsletters, comments, bylines, and the info boxes, notices and category lists
 * of wiki and CMS pages. Matched against each class/id word.
 */
const DROP_WORD = /caption|credit|related|share|sharing|social|newsletter|promo|advert|subscribe|byline|breadcrumb|read-?more|more-stories|most-?(?:read|popular|viewed)|trending|recommended|outbrain|taboola|infobox|sidebar|navbox|noprint|catlinks|printfooter|sitenotice|editsection|hatnote|toccolours|cookie|jump-?link|skip-?link|navigation|^nav(?:bar)?$|^menu|^footer|^toc$|^tags?$|^thumb|(?:^|[-_])comments?(?:$|[-_])|(?:^|[-_])ad(?:$|[-_])|^ads?-/i;
/** A heading after which a page has no more article text: sources, references, related stories. */
const END_HEADING = /^(?:sources?|references|notes|external links|see also|related(?: news| stories| articles| coverage)?|more (?:on this story|stories|from)|read more|recommended|most (?:read|popular)|comments?|have your say)\b/i;
/** A paragraph that is only a date: the dateline some sites open with ("Sunday, June 1, 2008"). */
const DATELINE = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})$/i;
const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'TD', 'DD', 'DT', 'TR', 'UL', 'OL', 'TABLE', 'HEADER', 'MAIN', 'BR', 'HR']);
const NEWS_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|LiveBlogPosting|WebPage)$/;

export interface HtmlArticle {
  text: string;
  meta: ArticleMeta;
  charset: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & object;

const field = (value: unknown, from: string, stated = true): MetaField | undefined => {
  if (typeof value !== 'string') return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  return v ? { value: v, stated, from } : undefined;
};

function first(...xs: Array<MetaField | undefined>): MetaField | undefined {
  return xs.find((x) => x !== undefined);
}

/** Every JSON-LD object on the page, @graph and arrays flattened. */
function jsonLd(document: Doc): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') {
      out.push(x as Record<string, unknown>);
      const g = (x as Record<string, unknown>)['@graph'];
      if (g) visit(g);
    }
  };
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      // some CMSs wrap the block in <![CDATA[ … ]]> (or //<![CDATA[ … //]]>): JSON.parse refused it
      const json = String(s.textContent ?? '')
        .trim()
        .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '')
        .replace(/(?:\/\/\s*)?\]\]>$/, '');
      visit(JSON.parse(json));
    } catch {
      // a broken block is skipped: other sources of metadata remain
    }
  }
  return out;
}

const typesOf = (o: Record<string, unknown>) => (Array.isArray(o['@type']) ? o['@type'] : [o['@type']]).filter((t): t is string => typeof t === 'string');

function names(x: unknown): string | undefined {
  const list = (Array.isArray(x) ? x : [x])
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined))
    .filter((n): n is string => typeof n === 'string' && n.trim().length > 0);
  return list.length ? list.join(', ') : undefined;
}

function metaContent(document: Doc, attr: 'property' | 'name' | 'itemprop', key: string): string | undefined {
  for (const m of document.querySelectorAll(`meta[${attr}]`)) {
    if ((m.getAttribute(attr) ?? '').toLowerCase() === key) {
      const c = m.getAttribute('content');
      if (c && c.trim()) return c;
    }
  }
  return undefined;
}

/** <title> without the site's name after " | " or " - " (the longest part is the headline). */
function titleTag(document: Doc): string | undefined {
  const t: string = String(document.querySelector('title')?.textContent ?? '').trim();
  if (!t) return undefined;
  const parts: string[] = t.split(/\s+[|–—-]\s+/);
  return parts.length > 1 ? parts.reduce((a, b) => (b.length > a.length ? b : a)) : t;
}

/**
 * A site's name without its slogan ("Aktuálně.cz - Víte, co se právě děje", "Yahoo News - Latest
 * News & Headlines"): the part that matches the address's host name, else the first part.
 */
function siteName(raw: unknown, url: string | undefined): string | undefined {
  if (typeof raw !== 'string' || !raw.trim() || /^https?:/.test(raw.trim())) return undefined;
  const parts = raw.trim().split(/\s+[|–—-]\s+/);
  if (parts.length === 1) return parts[0];
  const plain = (x: string) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  let host = '';
  try {
    host = plain(new URL(url ?? '').hostname.replace(/^www\./, '').split('.').slice(0, -1).join(''));
  } catch {
    // no address: the first part
  }
  return (host && parts.find((p) => plain(p).includes(host) || (plain(p).length > 2 && host.includes(plain(p))))) || parts[0];
}

/**
 * The date the page shows when no tag states it: a <time datetime>, an itemprop=datePublished
 * element, or a date/timestamp box (its title attribute or its text), none inside another
 * story's teaser, a related list or the comments.
 */
function pageDate(document: Doc): string | undefined {
  for (const el of document.querySelectorAll('time[datetime], [itemprop~="datePublished"], [class*="date"], [class*="time"], [class*="stamp"]')) {
    if (el.closest(NOT_HERE) || el.tagName === 'BODY' || el.tagName === 'HTML') continue;
    for (const v of [el.getAttribute('datetime'), el.getAttribute('content'), el.getAttribute('title')]) {
      const d = v && cleanDate(v);
      if (d && /\d{4}/.test(v)) return d;
    }
    const text = String(el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length <= 80) {
      const d = dateInText(text);
      if (d) return d;
    }
  }
  return undefined;
}

export function pageMetadata(document: Doc): ArticleMeta {
  const ld = jsonLd(document);
  const article = ld.find((o) => typesOf(o).some((t) => NEWS_TYPES.test(t) && t !== 'WebPage')) ?? ld.find((o) => typesOf(o).includes('WebPage'));
  const pub = article?.publisher as Record<string, unknown> | undefined;
  const entity = article?.mainEntityOfPage;
  const ldUrl = typeof article?.url === 'string' ? article.url : typeof entity === 'string' ? entity : entity && typeof entity === 'object' ? (entity as Record<string, unknown>)['@id'] : undefined;
  const og = (k: string) => metaContent(document, 'property', k) ?? metaContent(document, 'name', k);
  const named = (k: string) => metaContent(document, 'name', k);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  const meta: ArticleMeta = {};
  const set = (k: keyof ArticleMeta, v: MetaField | undefined) => {
    if (v) meta[k] = v;
  };
  set('title', first(field(article?.headline, 'json-ld'), field(og('og:title'), 'open-graph'), field(named('twitter:title'), 'meta'), field(titleTag(document), 'title')));
  set(
    'outlet',
    first(
      field(siteName(pub?.name, canonical), 'json-ld'),
      field(siteName(og('og:site_name'), canonical), 'open-graph'),
      // publisher, dc.publisher; cre: the New York Times' own tag for its name
      ...['publisher', 'dc.publisher', 'cre', 'application-name'].map((k) => field(siteName(named(k), canonical), 'meta')),
    ),
  );
  // each cleaned: an address ("article:author" is often the profile page's), a date or "By" is no name
  set('author', first(field(cleanByline(names(article?.author)), 'json-ld'), field(cleanByline(og('article:author')), 'open-graph'), field(cleanByline(og('author')), 'meta'), field(cleanByline(named('byl')), 'meta')));
  const date = first(
    field(article?.datePublished, 'json-ld'),
    field(og('article:published_time'), 'open-graph'),
    field(og('og:published_time'), 'open-graph'),
    ...[
      'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date', 'dc.date.issued', 'dc.date.created', 'dcterms.date', 'dcterms.created',
      'citation_publication_date', 'parsely-pub-date', 'sailthru.date', 'article:publicationdate', 'article.published', 'date.release',
    ].map((k) => field(named(k), 'meta')),
    field(metaContent(document, 'itemprop', 'datepublished'), 'meta'),
  );
  const d = date && cleanDate(date.value);
  if (date && d) meta.published = { ...date, value: d };
  else {
    const shown = pageDate(document);
    if (shown) meta.published = { value: shown, stated: true, from: 'time' };
  }
  set('url', first(field(canonical, 'canonical'), field(ldUrl, 'json-ld'), field(og('og:url'), 'open-graph')));
  set('language', first(field(lang, 'html-lang'), field(article?.inLanguage, 'json-ld'), field(og('og:locale')?.replace('_', '-'), 'open-graph')));
  if (!meta.outlet && meta.url) {
    // no publisher named: the host name says whose page it is (inferred, not stated)
    try {
      const host = new URL(meta.url.value).hostname.replace(/^www\./, '');
      if (host) meta.outlet = { value: host, stated: false, from: 'url' };
    } catch {
      // not an absolute address
    }
  }
  return meta;
}

/** The text of the article body: one paragraph per block, boilerplate left out. */
/**
 * Sources, related stories, comments: from the first such heading that follows some article text
 * (a few hundred characters of paragraphs: a side rail's "Related" box before the article does not
 * count), the page has no more article text. Cut there (before Readability, which may drop the
 * heading and keep its list).
 */
function cutAtEndHeading(root: El): void {
  let text = 0;
  let end: El | null = null;
  // a "Related" or "Most read" box with such a heading: the end only if no article text follows
  let pending: { box: El } | null = null;
  const isEnd = (h: El) => /^H[2-6]$/.test(h.tagName) && END_HEADING.test(String(h.textContent ?? '').replace(/\s+/g, ' ').trim());
  const walk = (n: El): void => {
    for (const c of [...n.children] as El[]) {
      if (end) return;
      const tag = c.tagName;
      // real pages set such boxes between the article's paragraphs: removed on their own below,
      // the article goes on after them (a wrapper whose class merely mentions sharing, holding
      // the article's paragraphs, is walked)
      if (isBoilerBox(c) && paragraphChars(c) < 500) {
        if (!pending && text >= 400 && [...c.querySelectorAll('h2, h3, h4, h5, h6')].some((h) => isEnd(h as El))) pending = { box: c };
        continue;
      }
      if (tag === 'P') {
        const len = String(c.textContent ?? '').trim().length;
        text += len;
        // a paragraph of the article follows (not the short lines of popups and feedback forms)
        if (pending && len >= 100) pending = null;
      } else if (text >= 400 && isEnd(c)) end = c;
      else walk(c);
    }
  };
  walk(root);
  const left = pending as { box: El } | null; // (set inside walk: TypeScript cannot see it)
  if (!end && left) end = left.box;
  if (!end) return;
  for (let n: El | null = end; n && n !== root; n = n.parentNode as El | null) {
    while (n.nextSibling) n.nextSibling.remove();
  }
  (end as El).remove();
}

const paragraphChars = (el: El) => [...el.querySelectorAll('p')].reduce((n, p) => n + String(p.textContent ?? '').length, 0);

/** An element whose class, id or role says it is not article text (captions, related links, …). */
function hasBoilerWord(el: El): boolean {
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
  return words.some((w) => DROP_WORD.test(w)) || /\b(?:navigation|complementary|contentinfo|note|banner|search)\b/.test(el.getAttribute('role') ?? '');
}

/** A box set beside or inside the article: an <aside>, <nav>, <figure>, or a related/promo/ad box. */
function isBoilerBox(el: El): boolean {
  return /^(?:ASIDE|NAV|FIGURE)$/.test(el.tagName) || hasBoilerWord(el);
}

/**
 * Removes boilerplate elements (by tag, class/id word or role) — but never one that holds much of
 * the page's paragraph text: a class word such as "share-enabled" on the article's own wrapper
 * must not take the article with it.
 */
function removeBoilerplate(root: El): void {
  const total = paragraphChars(root);
  const small = (el: El) => {
    const t = paragraphChars(el);
    return t < 500 || t < total * 0.25;
  };
  for (const el of [...root.querySelectorAll(DROP)] as El[]) if (el.isConnected !== false && small(el)) el.remove();
  for (const el of [...root.querySelectorAll('[class], [id], [role]')] as El[]) if (hasBoilerWord(el) && small(el)) el.remove();
}

function blockText(root: El): string[] {
  removeBoilerplate(root);
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (n: El) => {
    for (const c of [...(n as El).childNodes]) {
      if (c.nodeType === 3) cur += c.textContent ?? '';
      else if (c.nodeType === 1) {
        const tag = (c as El).tagName;
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(c as El);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paras;
}

const NO_TEXT = 'no article text found in the page';
/** Chromium's HTML parser nests no deeper (kMaximumHTMLParserDOMTreeDepth). */
const MAX_DEPTH = 512;

/** How deep the elements under `root` go, without recursion. */
function depthOf(root: El): number {
  let max = 0;
  const stack: Array<[El, number]> = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (let c = n.firstElementChild as El | null; c; c = c.nextElementSibling as El | null) stack.push([c, d + 1]);
  }
  return max;
}

/** Reads a saved web page (bytes as on disk). Throws when no article text can be found. */
export function readHtml(bytes: Uint8Array, url?: string): HtmlArticle {
  const { html, charset } = decodeHtml(bytes);
  let { document } = parseHTML(html);
  // a fragment (paragraphs saved without <html>): linkedom makes its first element the root,
  // where a browser wraps it in <html><body>. Before, no article text was found in it, and a
  // page of one <script> failed inside Readability ("Cannot destructure property
  // 'firstElementChild' of 'documentElement' as it is null").
  if (document.documentElement?.tagName !== 'HTML') ({ document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`));
  if (!document.documentElement) throw new Error(NO_TEXT);
  // the walks below (and Readability's) recurse per level: 200,000 nested <div>s ran them out of
  // stack ("Maximum call stack size exceeded"). Browsers build no deeper than 512 levels either.
  const depth = depthOf(document.documentElement as El);
  if (depth > MAX_DEPTH) throw new Error(`the page's elements are nested ${depth} levels deep, more than the ${MAX_DEPTH} a browser builds; not read`);
  const meta = pageMetadata(document);
  const firstH1 = String(document.querySelector('h1')?.textContent ?? '');
  // before boilerplate removal, which takes byline boxes out of the text
  if (!meta.author) {
    const byline = domByline(document);
    if (byline) meta.author = { value: byline, stated: true, from: 'byline' };
  }
  if (document.body) {
    cutAtEndHeading(document.body as El);
    // before Readability: it turns text-only boxes into plain paragraphs and drops their classes
    removeBoilerplate(document.body as El);
  }
  // Readability changes the document it reads: metadata first, then the body
  const parsed = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: true }).parse();
  let paras: string[] = [];
  if (parsed?.content) {
    const { document: body } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    paras = blockText(body.body as El);
  }
  // a dateline paragraph is the date, not text
  if (paras.length > 1 && DATELINE.test(paras[0]!)) {
    const d = cleanDate(paras.shift()!);
    if (d && !meta.published) meta.published = { value: d, stated: true, from: 'dateline' };
  }
  if (paras.join(' ').length < 40) throw new Error(NO_TEXT);
  // "Headline - Site name" in og:title or <title>: the page's own <h1> is the headline
  const h1 = firstH1.replace(/\s+/g, ' ').trim();
  if (meta.title && h1 && h1.length >= 10 && meta.title.value !== h1 && meta.title.value.startsWith(h1) && /^\s*[-|–—:]/.test(meta.title.value.slice(h1.length))) {
    meta.title = { ...meta.title, value: h1 };
  }
  if (!meta.title && parsed?.title) meta.title = { value: parsed.title.trim(), stated: true, from: 'readability' };
  const rdByline = cleanByline(parsed?.byline);
  if (!meta.author && rdByline) meta.author = { value: rdByline, stated: true, from: 'readability' };
  if (!meta.url && url) meta.url = { value: url, stated: false, from: 'file' };
  // the headline opens the text (quotes in headlines count); not twice when the body repeats it
  const title = meta.title?.value;
  const fold = (s: string) => s.toLowerCase().replace(/\W+/g, ' ').trim();
  while (paras.length && title && fold(paras[0]!) === fold(title)) paras.shift();
  const text = `${title ? `${title}\n\n` : ''}${paras.join('\n\n')}\n`;
  return { text, meta, charset };
}
