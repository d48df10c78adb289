/**
 * Patterns of real saved news pages (found by scripts/html-realworld.ts on Mozilla Readability's
 * test corpus), each reproduced by a small hand-made page: the real pages are not bundled.
 */
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../../src/core/extract/ingest/html.js';

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
});
