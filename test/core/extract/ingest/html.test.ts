/**
 * Saved web pages: the article body found by Readability, boilerplate left out, metadata from
 * JSON-LD, Open Graph and meta tags with its provenance, and pages in declared legacy charsets.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../../src/core/extract/ingest/html.js';
import { extractDraft } from '../../../../src/core/extract/index.js';
import { toExtractMeta } from '../../../../src/core/extract/ingest/metadata.js';

const enc = (s: string) => new TextEncoder().encode(s);

const BODY = `
<p>The harbour authority said on Monday that the old pier would close for repairs until the spring, after engineers found cracks in three of its supports.</p>
<p>"We cannot risk anyone's safety on a structure that old," said Maria Lindqvist, the authority's chief engineer. "The repairs will take months, not weeks."</p>
<p>Fishermen who moor at the pier said the closure would cost them a season. "Nobody asked us," said Jonas Berg, who has fished from the harbour for thirty years.</p>
<p>The city has set aside money for the work, according to a statement from the mayor's office, and a temporary landing will open next to the ferry terminal.</p>`;

const BOILERPLATE_TOP = `
<header class="site-header"><a href="/">Harbour Gazette</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>`;

const BOILERPLATE_BOTTOM = `
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry fares to rise next year</a></li><li><a href="/b">New lighthouse keeper named</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment">Disgraceful, the pier was fine last year! — Reader42</div></section>
<div class="newsletter">Sign up for our morning newsletter</div>
<footer><p>© 2024 Harbour Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>`;

function page(head: string, extraBody = ''): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">${head}</head><body>${BOILERPLATE_TOP}
<main><article><h1>Old pier to close for repairs</h1>
<figure><img src="pier.jpg"><figcaption>The old pier at dawn. Photo: Harbour Gazette</figcaption></figure>
${BODY}${extraBody}</article></main>${BOILERPLATE_BOTTOM}</body></html>`;
}

describe('readHtml', () => {
  it('reads JSON-LD NewsArticle metadata, marked stated and from json-ld', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Old pier to close for repairs',
      datePublished: '2024-03-04T09:30:00+01:00',
      author: [{ '@type': 'Person', name: 'Eva Strand' }],
      publisher: { '@type': 'Organization', name: 'Harbour Gazette' },
      mainEntityOfPage: { '@id': 'https://gazette.example/news/pier' },
    };
    const r = readHtml(enc(page(`<title>Pier closes | Harbour Gazette</title><script type="application/ld+json">${JSON.stringify(ld)}</script>`)));
    expect(r.meta.title).toEqual({ value: 'Old pier to close for repairs', stated: true, from: 'json-ld' });
    expect(r.meta.outlet).toEqual({ value: 'Harbour Gazette', stated: true, from: 'json-ld' });
    expect(r.meta.author).toEqual({ value: 'Eva Strand', stated: true, from: 'json-ld' });
    expect(r.meta.published).toEqual({ value: '2024-03-04', stated: true, from: 'json-ld' });
    expect(r.meta.url).toEqual({ value: 'https://gazette.example/news/pier', stated: true, from: 'json-ld' });
    expect(r.meta.language?.value).toBe('en-GB');
    // the headline opens the text once; the paragraphs follow, one per line
    expect(r.text.startsWith('Old pier to close for repairs\n\nThe harbour authority said')).toBe(true);
    expect(r.text.match(/Old pier to close/g)).toHaveLength(1);
  });

  it('without JSON-LD: Open Graph and meta tags, the outlet inferred from the address when no one names it', () => {
    const head = `<title>Old pier to close for repairs - Harbour Gazette</title>
      <meta property="og:title" content="Old pier to close for repairs">
      <meta property="og:url" content="https://www.gazette.example/news/pier">
      <meta property="article:published_time" content="2024-03-04T08:00:00Z">
      <meta name="author" content="Eva Strand">`;
    const r = readHtml(enc(page(head)));
    expect(r.meta.title).toEqual({ value: 'Old pier to close for repairs', stated: true, from: 'open-graph' });
    expect(r.meta.published).toEqual({ value: '2024-03-04', stated: true, from: 'open-graph' });
    expect(r.meta.author).toEqual({ value: 'Eva Strand', stated: true, from: 'meta' });
    expect(r.meta.url).toEqual({ value: 'https://www.gazette.example/news/pier', stated: true, from: 'open-graph' });
    expect(r.meta.outlet).toEqual({ value: 'gazette.example', stated: false, from: 'url' });
  });

  it('keeps navigation, captions, related links, comments, newsletter and footer out of the text', () => {
    const r = readHtml(enc(page('<title>Old pier to close for repairs</title>')));
    for (const junk of ['Subscribe now', 'cookies', 'Photo: Harbour Gazette', 'Related stories', 'Ferry fares', 'Disgraceful', 'newsletter', 'All rights reserved', 'Privacy', 'Sport']) {
      expect(r.text, junk).not.toContain(junk);
    }
    const paras = r.text.trim().split('\n\n');
    expect(paras).toHaveLength(5); // the headline and the four paragraphs
    expect(paras[2]).toBe(`"We cannot risk anyone's safety on a structure that old," said Maria Lindqvist, the authority's chief engineer. "The repairs will take months, not weeks."`);
  });

  it('decodes a page in the charset it declares (windows-1252 and ISO-8859-1)', () => {
    const text = `<p>“Nous ne céderons pas,” said Élodie Marchand, the café’s owner, standing outside the shop on the quay where she has worked since her twenties.</p>
<p>The owners of the neighbouring shops said they would join the protest on Friday if the council did not withdraw its plan for the quay.</p>`;
    for (const [charset, decl] of [
      ['windows-1252', '<meta charset="windows-1252">'],
      ['iso-8859-1', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'],
    ] as const) {
      const html = `<!doctype html><html><head>${decl}<title>Quay protest</title></head><body><article><h1>Quay protest</h1>${text}</article></body></html>`;
      // encode as windows-1252 by hand: curly quotes and accented letters become single bytes
      const cp1252: Record<string, number> = { '“': 0x93, '”': 0x94, '’': 0x92, é: 0xe9, É: 0xc9 };
      const bytes = Uint8Array.from([...html].map((c) => cp1252[c] ?? c.charCodeAt(0)));
      const r = readHtml(bytes);
      expect(r.charset, charset).toBe('windows-1252'); // ISO-8859-1 is read as windows-1252, as browsers do
      expect(r.text).toContain('“Nous ne céderons pas,” said Élodie Marchand, the café’s owner');
      const draft = extractDraft(r.text, toExtractMeta(r.meta, 'quay.html', 'quay'));
      const q = draft.articles[0]!.quotes.find((x) => x.kind === 'direct')!;
      expect(q.text).toBe('Nous ne céderons pas,');
      expect(draft.actors.find((a) => a.id === q.speaker)?.name).toBe('Élodie Marchand');
    }
  });

  it('a page with no article text is an error, not an empty article', () => {
    expect(() => readHtml(enc('<html><body><nav><a href="/">Home</a></nav></body></html>'))).toThrow(/no article text/);
  });
});
