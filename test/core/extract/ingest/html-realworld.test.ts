/**
 * Patterns of real saved news pages (found by scripts/html-realworld.ts on Mozilla Readability's
 * test corpus), each reproduced by a small hand-made page: the real pages are not bundled.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../../src/core/extract/ingest/html.js';
import { cleanByline } from '../../../../src/core/extract/ingest/byline.js';

const enc = (s: string) => new TextEncoder().encode(s);

const P1 = '<p>The harbour authority said on Monday that the old pier would close for repairs until the spring, after engineers found cracks in three of its supports.</p>';
const P2 = `<p>"We cannot risk anyone's safety on a structure that old," said Maria Lindqvist, the authority's chief engineer. "The repairs will take months, not weeks."</p>`;
const P3 = '<p>Fishermen who moor at the pier said the closure would cost them a season, and asked the council for help with the cost of moving their boats.</p>';
const P4 = '<p>The city has set aside money for the work, according to a statement from the mayor’s office, and a temporary landing will open next to the ferry terminal.</p>';

const page = (head: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>${body}<footer><p>© Harbour Gazette</p></footer></body></html>`;

describe('readHtml on patterns of real news pages', () => {
  it('a "Related" or "Most read" box between the paragraphs is left out, and the article goes on after it', () => {
    const related = `<aside class="c-related-content"><h3>Related</h3><ul><li><a href="/a">Ferry fares to rise next year</a></li><li><a href="/b">New lighthouse keeper named</a></li></ul></aside>`;
    const mostRead = `<div class="most-read-widget"><h2>Most Read Business Stories</h2><ol><li><a href="/c">Harbour shares fall sharply</a></li></ol></div>`;
    const body = `<article><h1>Old pier to close for repairs</h1><section>${P1}${P2}${P3}</section>${related}<section>${P4}${mostRead}<p>Repairs are expected to start in March, once the council has chosen a contractor for the work on the three damaged supports.</p></section></article>`;
    const r = readHtml(enc(page('<title>Old pier to close for repairs</title>', body)));
    expect(r.text).toContain('a temporary landing will open next to the ferry terminal');
    expect(r.text).toContain('Repairs are expected to start in March');
    for (const junk of ['Related', 'Ferry fares', 'Most Read', 'Harbour shares']) expect(r.text, junk).not.toContain(junk);
  });

  const article = (byline: string) => `<article><h1>Old pier to close for repairs</h1>${byline}${P1}${P2}${P3}${P4}</article>`;

  it('article:author holding a profile address is no name: the page\'s meta author is taken', () => {
    const head = `<title>Old pier</title><meta property="article:author" content="https://gazette.example/profile/eva-strand"><meta name="author" content="Eva Strand">`;
    expect(readHtml(enc(page(head, article('')))).meta.author).toEqual({ value: 'Eva Strand', stated: true, from: 'meta' });
    // <meta property="author"> (not name=) counts too
    expect(readHtml(enc(page('<meta property="author" content="Sarah Archer">', article('')))).meta.author?.value).toBe('Sarah Archer');
    // the New York Times' byl: "By JEFFREY GETTLEMAN"
    expect(readHtml(enc(page('<meta name="byl" content="By JEFFREY GETTLEMAN">', article('')))).meta.author?.value).toBe('Jeffrey Gettleman');
  });

  it('with no author in the head, the byline element: its names, not "By", the date, the job title or the comment count', () => {
    const cases: Array<[string, string]> = [
      ['<p class="byline"><span class="by">by</span> <a class="byauthor" href="/author/lnolan/">Lucas Nolan</a><span class="bydate">22 Dec 2016</span><a class="bycomments" href="#c">651</a></p>', 'Lucas Nolan'],
      ['<div class="pb-sig-line"><span class="pb-byline">By <a href="/people/erin">Erin Cunningham</a></span> <a href="https://twitter.com/erin">Follow @erinmcunningham</a></div>', 'Erin Cunningham'],
      ['<div class="author"><a class="author-link" href="/author/ben">Ben Silverman</a> <div class="author-title">Games Editor</div></div>', 'Ben Silverman'],
      ['<p class="byline">By Jane Doe and John Roe</p>', 'Jane Doe, John Roe'],
    ];
    for (const [byline, want] of cases) {
      const r = readHtml(enc(page('<title>Old pier</title>', article(byline))));
      expect(r.meta.author, byline).toEqual({ value: want, stated: true, from: 'byline' });
      expect(r.text).not.toContain('Games Editor');
    }
  });

  it('bylines of other stories (a teaser, a "follow our writers" box) are not the author', () => {
    const teaser = '<aside><div class="teaser"><h2><a href="/x">Ferry fares to rise</a></h2><span class="author">Par Sébastien Farcis</span></div></aside>';
    const follow = '<ul class="followauthor"><li class="author-follow"><a href="/kc">Katie Couric</a></li></ul>';
    const r = readHtml(enc(page('<title>Old pier</title>', `${teaser}${follow}${article('<div class="author"><div class="author-name">NATALIYA VASILYEVA</div></div>')}`)));
    expect(r.meta.author?.value).toBe('Nataliya Vasilyeva');
  });

  it('cleanByline refuses what is not a name', () => {
    expect(cleanByline('By GILLIAN MOHNEY\n    March 11, 2015 3:46 PM')).toBe('Gillian Mohney');
    expect(cleanByline('By Nathan Willis March 25, 2015')).toBe('Nathan Willis');
    for (const junk of ['http://www.nytimes.com/by/jeffrey-gettleman', 'Follow @StevenMufson', 'Sunday, Feb 1, 2015 11:57 AM UTC', 'April 28, 2019 at 6:01 am', '', '   ']) expect(cleanByline(junk), junk).toBeUndefined();
    expect(cleanByline('Par Sébastien Farcis')).toBe('Sébastien Farcis');
    expect(cleanByline('AFP')).toBe('AFP');
  });

  it('a date written with a time and a zone is the day as written, not that day in UTC', () => {
    // Herald Sun: <meta name="article:publicationdate" content="Fri Mar 13 21:30:09 EST 2015">
    const r = readHtml(enc(page('<meta name="article:publicationdate" content="Fri Mar 13 21:30:09 EST 2015">', article(''))));
    expect(r.meta.published).toEqual({ value: '2015-03-13', stated: true, from: 'meta' });
  });

  it('with no date tag, the date the page shows: a date box\'s text or title, not a related story\'s <time>', () => {
    const related = '<aside class="related"><ul><li><a href="/x">Ferry fares to rise</a> <time datetime="2017-08-23">Aug 23, 2017</time></li></ul></aside>';
    const shown: Array<[string, string]> = [
      ['<div class="post_datetimes"><span class="buzz_datetime">posted on April 21, 2015, at 11:29 a.m.</span></div>', '2015-04-21'],
      ['<span class="dateline"><span class="toLocalTime">Sunday, Feb 1, 2015 11:57 AM UTC</span></span>', '2015-02-01'],
      ['<span class="date-and-time" title="2015-03-13T21:00:00+11:00"></span>', '2015-03-13'],
    ];
    for (const [box, want] of shown) {
      const r = readHtml(enc(page('<title>Old pier</title>', `${related}${article(box)}`)));
      expect(r.meta.published, box).toEqual({ value: want, stated: true, from: 'time' });
    }
  });

  it('the outlet without its slogan, and from publisher tags when there is no og:site_name', () => {
    const og = readHtml(enc(page('<meta property="og:site_name" content="Aktuálně.cz - Víte, co se právě děje"><link rel="canonical" href="https://zpravy.aktualne.cz/x">', article(''))));
    expect(og.meta.outlet).toEqual({ value: 'Aktuálně.cz', stated: true, from: 'open-graph' });
    const app = readHtml(enc(page('<meta name="application-name" content="Yahoo News - Latest News &amp; Headlines">', article(''))));
    expect(app.meta.outlet?.value).toBe('Yahoo News');
    const cre = readHtml(enc(page('<meta name="cre" content="The New York Times"><link rel="canonical" href="https://www.nytimes.com/x">', article(''))));
    expect(cre.meta.outlet).toEqual({ value: 'The New York Times', stated: true, from: 'meta' });
  });

  it('JSON-LD wrapped in <![CDATA[ … ]]> is read', () => {
    const ld = JSON.stringify({ '@context': 'http://schema.org/', '@type': 'NewsArticle', headline: 'Old pier to close for repairs next month', author: { name: 'Eva Strand' } });
    for (const wrapped of [`<![CDATA[\n${ld}\n]]>`, `//<![CDATA[\n${ld}\n//]]>`]) {
      const r = readHtml(enc(page(`<meta property="og:title" content="Old pier"><script type="application/ld+json">\n${wrapped}\n</script>`, article(''))));
      expect(r.meta.title, wrapped).toEqual({ value: 'Old pier to close for repairs next month', stated: true, from: 'json-ld' });
      expect(r.meta.author?.from).toBe('json-ld');
    }
  });

  it('a "Related" box after the article, with nothing of the article after it, still ends it', () => {
    const body = `<article><h1>Old pier to close for repairs</h1>${P1}${P2}${P3}${P4}</article><div class="related-links"><h2>Related stories</h2><ul><li>Ferry fares to rise</li></ul></div><div id="dialog"><h2>Make us your homepage</h2><ul><li>On the toolbar, click Preferences and type our address in the box.</li></ul></div>`;
    const r = readHtml(enc(page('<title>Old pier</title>', body)));
    expect(r.text).toContain('a temporary landing will open');
    for (const junk of ['Ferry fares', 'homepage', 'toolbar']) expect(r.text, junk).not.toContain(junk);
  });

  it('a page saved as UTF-8 that still declares gb2312 is read as UTF-8; a real GBK page as GBK', () => {
    const zh = '<p>谷歌在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。</p>';
    const saved = readHtml(enc(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>DeepMind</title></head><body><article>${zh}${zh}</article></body></html>`));
    expect(saved.charset).toBe('utf-8');
    expect(saved.text).toContain('人工智能公司DeepMind');
    // 中文 in GBK is D6 D0 CE C4 (not valid UTF-8)
    const head = enc('<html><head><meta charset="gbk"><title>t</title></head><body><article><p>The words in Chinese are: ');
    const tail = enc(', and this sentence is long enough to be read as the text of an article by the reader.</p></article></body></html>');
    const gbk = new Uint8Array([...head, 0xd6, 0xd0, 0xce, 0xc4, ...tail]);
    const r = readHtml(gbk);
    expect(r.charset).toBe('gbk');
    expect(r.text).toContain('The words in Chinese are: 中文, and');
  });
});
