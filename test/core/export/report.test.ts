import { describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codePointLength } from '../../../src/core/corpus/text.js';
import { reportHtml, reportMarkdown } from '../../../src/core/export/report/index.js';
import { dumpDom, pngInk, printToPdf, screenshot } from './browser.js';
import { bundledInput, HOSTILE, inputOf, tempDir } from './helpers.js';

const dir = tempDir('nl-report-');
const SECTIONS = ['comparison', 'narratives', 'timeline', 'advances', 'sources'];

/** The hostile corpus, plus text aimed at HTML and Markdown: tags, event handlers, a style breakout, table pipes. */
function hostileForHtml(): string {
  const file = JSON.parse(readFileSync(HOSTILE, 'utf8'));
  const art = file.articles[0];
  const evil = 'Evil: <script>alert(1)</script> "><img src=x onerror=alert(2)> </style><style>body{display:none}</style> | pipe | [link](javascript:alert(3))';
  const start = codePointLength(art.text) + 1;
  art.text += `\n${evil}`;
  art.title += ' <svg onload=alert(4)>';
  art.quotes.push({ id: 'q-evil', kind: 'direct', text: evil, span: { start, end: start + codePointLength(evil) }, speaker: art.quotes[0].speaker, narratives: [file.narratives[0].id] });
  file.narratives[0].label += ' <img src=y onerror=alert(5)>';
  const out = path.join(dir, 'hostile-html.json');
  writeFileSync(out, JSON.stringify(file));
  return out;
}

describe('HTML report', () => {
  it('is one self-contained file: no script, no external resource, a policy that forbids the network', async () => {
    const html = reportHtml(await bundledInput());
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|@font-face|url\(|\ssrc=/i);
    expect(html).not.toMatch(/\s(href|xlink:href)="(?!#)/); // every link stays inside the file
  });

  it('every link has its target, and every cited quote is marked in its paragraph', async () => {
    const input = await bundledInput();
    const html = reportHtml(input);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(100);
    expect(hrefs.filter((h) => !ids.has(h))).toEqual([]);
    for (const r of input.quotes.filter((q) => q.narratives.length)) {
      const at = html.indexOf(`<a id="q-${r.quote.id}"></a>`);
      expect(at, r.quote.id).toBeGreaterThan(0);
      expect(html.lastIndexOf('<div class="para" id="p-', at)).toBeGreaterThan(html.indexOf('<section id="sources">'));
    }
  });

  it('spells the marks out in words, with who contests or cannot verify', async () => {
    const html = reportHtml(await bundledInput(), { compare: ['n-foreign-hand', 'n-popular-uprising'] });
    for (const w of ['= agrees', '≠ conflicts', '? unverified']) expect(html).toContain(w);
    expect(html).toMatch(/\? unverified — [^<]*Al Jazeera/);
  });

  const file = path.join(dir, 'report.html');
  const written = (async () => writeFileSync(file, reportHtml(await bundledInput())))();

  it('opens in headless Chromium with every section, the timeline and the chart rendered', async () => {
    await written;
    const dom = dumpDom(file);
    for (const id of SECTIONS) expect(dom, id).toMatch(new RegExp(`<section id="${id}">\\s*<h2>`));
    expect(dom.match(/<svg /g)).toHaveLength(2); // the timeline and the chart
    expect(dom.match(/<circle /g)!.length).toBe(18); // one per event
    expect(dom).toContain('<mark>');
  });

  it('draws a page at desktop and at phone width (screenshots that are not blank)', async () => {
    await written;
    for (const [w, h] of [[1280, 1600], [390, 1600]] as const) {
      const png = path.join(dir, `report-${w}.png`);
      screenshot(file, png, w, h);
      const shot = pngInk(png);
      expect([shot.width, shot.height]).toEqual([w, h]);
      expect(shot.ink, `ink at ${w}px`).toBeGreaterThan(0.03);
      expect(shot.colours, `colours at ${w}px`).toBeGreaterThan(50);
    }
  });

  it('prints to PDF, several pages', async () => {
    await written;
    const pdf = path.join(dir, 'report.pdf');
    printToPdf(file, pdf);
    const bytes = readFileSync(pdf, 'latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes.match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThan(3);
    expect(statSync(pdf).size).toBeGreaterThan(50_000);
  });

  it('the hostile corpus stays inert: no element, attribute or control character from data reaches the page', async () => {
    const input = await inputOf(hostileForHtml());
    const html = reportHtml(input);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const file = path.join(dir, 'hostile.html');
    writeFileSync(file, html);
    const dom = dumpDom(file);
    expect(dom).not.toMatch(/<(script|img|iframe)\b/i); // no element from data...
    expect(dom).not.toMatch(/<[^>]*\son\w+=/i); // ...and no event-handler attribute on any element
    expect(dom.match(/<style>/g)).toHaveLength(1); // only our own stylesheet
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // shown, as text
    expect(dom).toContain('␛[31m'); // the escape sequence in a label, visible and inert
    for (const id of SECTIONS) expect(dom).toContain(`<section id="${id}">`);
  });
});

describe('Markdown report', () => {
  it('has the same sections, the grid as a table with marks in words and numbered citations', async () => {
    const md = reportMarkdown(await bundledInput(), { compare: ['n-colour-revolution', 'n-popular-uprising'] });
    for (const h of ['## Comparison', '## Narratives', '## Timeline', '## Who advances which narrative', '## Quotes in context']) expect(md).toContain(`\n${h}\n`);
    const header = md.split('\n').find((l) => l.startsWith('| Question |'))!;
    expect(header).toBe('| Question | Western-orchestrated colour revolution | Home-grown protests over real grievances |');
    expect(md).toMatch(/\*\*conflicts\*\*/);
    // every cited quote in bold in its paragraph
    expect(md).toContain('**¶6** Foreign Ministry spokeswoman Mariya Zakharova said: “**The notorious method of ‘color revolution’ is being used');
    expect(md).toMatch(/“The notorious method of ‘color revolution’ is being used by specially trained and armed provocateurs[^”]*” — Mariya Zakharova \[\d+\]\(#q-q-zakharova-notorious-method\)/);
  });

  it('the hostile corpus keeps every table row whole and nothing can drive a terminal', async () => {
    const input = await inputOf(hostileForHtml());
    const md = reportMarkdown(input);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(md).not.toMatch(/<(script|img|svg|style)/i);
    // every row of each table has as many cells as its header (pipes in data are escaped)
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (const [from, to] of [['## Comparison', '## Narratives'], ['## Who advances which narrative', '## Quotes in context']] as const) {
      const rows = md.slice(md.indexOf(from), md.indexOf(to)).split('\n').filter((l) => l.startsWith('|'));
      expect(rows.length, from).toBeGreaterThan(2);
      for (const r of rows) expect(cells(r), r).toBe(cells(rows[0]!));
    }
  });
});

describe('memos in the report', () => {
  /** The bundled data with an analyst's memo on each kind of thing (one on a quote that is coded to nothing). */
  async function withMemos(text = (on: string) => `Memo on ${on}`) {
    const input = await bundledInput();
    const memo = (id: string, kind: 'study' | 'article' | 'narrative' | 'quote' | 'actor' | 'position', about: string) => ({
      id,
      title: id,
      text: text(id),
      about: kind === 'study' ? null : { kind, id: about },
      author: 'ana',
      created: '2026-01-14T09:00:00.000Z',
    });
    input.memos.push(
      memo('quote-uncoded', 'quote', 'q-al-jazeera-cannot-verify'),
      memo('narrative', 'narrative', 'n-colour-revolution'),
      memo('position-shown', 'position', 'p-colour-revolution-drivers'),
      memo('position-elsewhere', 'position', 'p-russia-powerless-russia-role'),
      memo('article', 'article', input.articles[0]!.id),
      memo('study', 'study', ''),
      memo('actor', 'actor', 'actor-smagin'),
    );
    return input;
  }
  const compare = { compare: ['n-colour-revolution', 'n-popular-uprising'] };
  /** The HTML between an element's opening text and the end of that element's kind. */
  const within = (html: string, open: string, close: string) => html.slice(html.indexOf(open), html.indexOf(close, html.indexOf(open)));

  it('HTML: each memo with what it annotates, by whom and when', async () => {
    const html = reportHtml(await withMemos(), compare);
    const memo = (id: string) => `<aside class="memo"><p class="muted">Memo by ana, 2026-01-14</p><p class="memo-text">Memo on ${id}</p></aside>`;
    // a quote's memo under the quote in its paragraph; the quote is cited for it though coded to nothing
    const sources = html.slice(html.indexOf('<section id="sources">'));
    expect(within(sources, '<a href="#q-q-al-jazeera-cannot-verify">', '</li>')).toContain(memo('quote-uncoded'));
    expect(sources).toContain('<a id="q-q-al-jazeera-cannot-verify"></a>');
    expect(within(html, '<article id="n-n-colour-revolution">', '</article>')).toContain(memo('narrative'));
    // a position's memo in its cell of the comparison; one whose column is not compared, under its narrative
    expect(within(html, '<section id="comparison">', '</section>')).toContain(memo('position-shown'));
    expect(within(html, '<article id="n-n-russia-powerless">', '</article>')).toContain('On its position on “What can or will Russia do?”');
    expect(within(html, '<article id="n-n-russia-powerless">', '</article>')).toContain('Memo on position-elsewhere');
    expect(within(sources, '<article><h3>', '</article>')).toContain(memo('article'));
    const memos = within(html, '<section id="memos">', '</section>');
    expect(memos).toContain(`<h3>On the study</h3>${memo('study')}`);
    expect(memos).toContain('<h3>On actors</h3><aside class="memo"><p class="muted">Nikita Smagin · Memo by ana, 2026-01-14</p><p class="memo-text">Memo on actor</p></aside>');
    expect(html).toContain('<li><a href="#memos">Memos</a></li>');
    // the sources' own notes come along with the quotes they are on, said to be the sources'
    expect(html).toContain('<p class="muted">Note in the sources</p>');
  });

  it('Markdown: the same places; a memo in a comparison cell keeps the row whole', async () => {
    const md = reportMarkdown(await withMemos(), compare);
    const row = md.split('\n').find((l) => l.startsWith('| What drives the protests'))!;
    expect(row).toContain('_Memo by ana, 2026-01-14:_ Memo on position-shown');
    const quoteLine = md.split('\n').findIndex((l) => l.includes('<a id="q-q-al-jazeera-cannot-verify"></a>'));
    expect(md.split('\n').slice(quoteLine + 1, quoteLine + 4)).toContain('   - _Memo by ana, 2026-01-14:_ Memo on quote-uncoded');
    const narrative = md.slice(md.indexOf('### Western-orchestrated colour revolution'), md.indexOf('\n### ', md.indexOf('### Western-orchestrated colour revolution') + 5));
    expect(narrative).toContain('> _Memo by ana, 2026-01-14:_ Memo on narrative');
    expect(md).toContain('> _On its position on “What can or will Russia do?” (');
    expect(md.slice(md.indexOf('\n## Memos\n'))).toMatch(/### On the study\n\n- _Memo by ana, 2026-01-14:_ Memo on study\n[\s\S]*### On actors\n\n- _Nikita Smagin · Memo by ana, 2026-01-14:_ Memo on actor\n/);
  });

  it('hostile memo text stays inert: escaped in HTML, no broken table row in Markdown', async () => {
    const evil = (on: string) => `${on}: <script>alert(1)</script> | pipe | \u001b[31mred\u202e\nsecond line *bold*`;
    const input = await withMemos(evil);
    const html = reportHtml(input, compare);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('position-shown: &lt;script&gt;alert(1)&lt;/script&gt; | pipe | ␛[31mred&lt;U+202E&gt;\nsecond line *bold*');
    const md = reportMarkdown(input, compare);
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const rows = md.slice(md.indexOf('## Comparison'), md.indexOf('## Narratives')).split('\n').filter((l) => l.startsWith('|'));
    for (const r of rows) expect(cells(r), r).toBe(cells(rows[0]!));
    expect(md).toContain('position-shown: &lt;script&gt;alert(1)&lt;/script&gt; \\| pipe \\| ␛\\[31mred&lt;U+202E&gt;<br>second line \\*bold\\*');
  });
});
