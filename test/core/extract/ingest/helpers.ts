/** Temporary folders for ingest tests, removed after the file's tests (afterAll). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function tempDirs(): (name?: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return (name = 'nl-ingest-') => {
    const d = mkdtempSync(path.join(os.tmpdir(), name));
    made.push(d);
    return d;
  };
}

export function write(dir: string, rel: string, data: string | Uint8Array): string {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
}

/** A news article of about `words` words with quotations in the usual styles. */
export function article(n: number, words = 800): string {
  const people = ['Anna Keller', 'Tomas Novak', 'Mira Osei', 'Daniel Ruiz', 'Lena Holm'];
  const p = people[n % people.length]!;
  const q = people[(n + 2) % people.length]!;
  const paras = [
    `Council approves budget ${n} after long debate`,
    `The city council approved budget number ${n} on Tuesday after a debate that lasted most of the night, officials said.`,
    `"This is a budget for the people who live here, not for the people who lobby us," said ${p}, the council's finance chair.`,
    `${q}, who leads the opposition group, said the plan would raise fees for small shops. "We will fight it in every committee," ${q.split(' ')[1]} said.`,
  ];
  const filler = 'Residents who attended the meeting asked about schools, roads, parks and the cost of water, and the answers took time because every item had its own history in the city.';
  while (paras.join(' ').split(/\s+/).length < words) paras.push(filler);
  return `${paras.join('\n\n')}\n`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const long = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** An article as a saved MediaWiki (Wikinews) page, with the boilerplate such a page carries. */
export function mediaWikiPage(title: string, paras: string[], url: string, date: string): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Article', name: title, url, author: { '@type': 'Organization', name: 'Contributors to Wikimedia projects' }, publisher: { '@type': 'Organization', name: 'Wikimedia Foundation, Inc.' }, datePublished: `${date}T13:16:48Z`, dateModified: '2016-02-01T10:00:00Z' });
  return `<!DOCTYPE html>
<html class="client-nojs" lang="en" dir="ltr"><head><meta charset="UTF-8"/>
<title>${esc(title)} - Wikinews, the free news source</title>
<meta property="og:title" content="${esc(title)} - Wikinews, the free news source"/>
<link rel="canonical" href="${url}"/>
<script type="application/ld+json">${ld}</script></head>
<body class="mediawiki"><div id="content" class="mw-body" role="main">
<div id="siteNotice"><div class="sitenotice">Have your say on the future of Wikinews! Take our survey.</div></div>
<h1 id="firstHeading" class="firstHeading"><span class="mw-page-title-main">${esc(title)}</span></h1>
<div id="bodyContent"><div id="siteSub" class="noprint">From Wikinews, the free news source you can write!</div>
<a class="mw-jump-link" href="#mw-head">Jump to navigation</a>
<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<p><strong class="published"><span id="publishDate" class="value-title" title="${date}"></span>${long(date)}</strong></p>
<div class="infobox" style="float:right"><table><tr><th>Related news</th></tr><tr><td><ul><li>25 June 2008: <a href="/wiki/x">Opposition leader withdraws from run-off</a></li><li>14 June 2008: <a href="/wiki/y">President vows to fight on</a></li></ul></td></tr><tr><td><div class="noprint">Other stories from the region</div></td></tr></table></div>
<div class="thumb tright"><div class="thumbinner"><img src="photo.jpg" width="180"/><div class="thumbcaption">A file photo of the capital.<br/>Image: Example.</div></div></div>
${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<h2><span class="mw-headline" id="Related_news">Related news</span></h2>
<ul><li><a href="/wiki/z">"Election results to be recounted"</a> — Wikinews, April 14, 2008</li></ul>
<h2><span class="mw-headline" id="Sources">Sources</span></h2>
<ul><li>"<a class="external text" href="http://news.example/1">Opposition figure held</a>" — <i>BBC News Online</i>, ${long(date)}</li></ul>
<div class="noprint"><table class="toccolours"><tr><td><b>This page is archived</b>, and is no longer publicly editable.</td></tr></table></div>
<p><i>Got a correction? Add the template {{editprotected}} to the talk page along with your corrections.</i></p>
</div></div>
<div class="printfooter">Retrieved from "${url}"</div>
<div id="catlinks" class="catlinks"><a href="/wiki/Special:Categories">Categories</a>: <ul><li><a href="/c1">Politics and conflicts</a></li><li><a href="/c2">Published</a></li></ul></div>
</div></div>
<div id="mw-navigation"><h2>Navigation menu</h2><div id="mw-panel"><div class="portal" role="navigation"><h3>Navigation</h3><ul><li><a href="/">Main page</a></li><li><a href="/random">Random article</a></li></ul></div></div></div>
<div id="footer" role="contentinfo"><ul><li>This page was last edited on 1 February 2016.</li><li>All text created after September 25, 2005 available under the terms of the Creative Commons Attribution 2.5 License.</li></ul></div>
</body></html>`;
}

