/**
 * The report as one self-contained HTML file: no script, no font, no image or style from the
 * network (a Content-Security-Policy says so to the browser too), readable on a phone and when
 * printed. Every text from data passes through esc(): made inert as in the terminal (controls as
 * ␛, bidi overrides as <U+202E>) and then HTML-escaped, so a hostile corpus shows its bytes and
 * does nothing.
 */
import { inert } from '../../sanitize.js';
import type { Mark } from '../../compare.js';
import type { Memo } from '../input.js';
import { MARK_MEANING, MARK_WORDS, memoByline, type Citation, type ReportModel } from './model.js';
import { count } from '../../count.js';

export function esc(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return inert(s, { keepNewlines: true }).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Only a plain #rrggbb colour reaches a style attribute. */
const safeColour = (c: string) => (/^#[0-9a-f]{6}$/i.test(c) ? c : '#999999');

const MARK_SYMBOL: Record<Mark, string> = { agree: '=', conflict: '≠', contested: '!', unverified: '?', silent: '—' };

const CSS = `
:root { --ink: #1b1b1b; --muted: #555; --line: #d0d0d0; --paper: #fff; --mark: #fff1a8; --mark2: #ffd86b; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: var(--paper); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
a { color: #0b5394; }
.meta, .muted, figcaption { color: var(--muted); font-size: 0.9rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.45rem 0.55rem; vertical-align: top; text-align: left; }
thead th { background: #f3f3f3; }
.grid { overflow-x: auto; }
.grid table { min-width: 40rem; }
.cell-label { display: none; font-weight: 600; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border: 1px solid #0006; margin-right: 0.35em; vertical-align: baseline; }
.marks { margin: 0 0 0.3rem; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem; }
.mark { display: inline-block; border: 1px solid currentColor; border-radius: 0.25rem; padding: 0 0.35rem; font-size: 0.85rem; font-weight: 600; }
.mark-agree { color: #1e6b34; } .mark-conflict { color: #a11d1d; } .mark-contested, .mark-unverified { color: #8a5300; } .mark-silent { color: var(--muted); }
.stance { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
.evidence { margin: 0.4rem 0 0; padding-left: 1.1rem; font-size: 0.92rem; }
.evidence li { margin-bottom: 0.3rem; }
blockquote { margin: 0.3rem 0; padding-left: 0.7rem; border-left: 3px solid var(--line); }
cite { font-style: normal; color: var(--muted); font-size: 0.88rem; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--ink); }
.para { border-left: 3px solid var(--line); padding: 0.2rem 0 0.2rem 0.7rem; margin: 0.8rem 0; }
.pn { font-weight: 700; color: var(--muted); margin-right: 0.4rem; }
mark { background: var(--mark); padding: 0 0.05em; }
mark.n2 { background: var(--mark2); }
:target, mark:target { outline: 2px solid #0b5394; }
.quotes-of { margin: 0.2rem 0 0; font-size: 0.9rem; padding-left: 1.1rem; }
.tech { font-size: 0.9rem; }
.memo { margin: 0.4rem 0; padding: 0.3rem 0.6rem; border-left: 3px solid #b58900; background: #fdf6e3; font-size: 0.92rem; }
.memo p { margin: 0.1rem 0; }
.memo-text { white-space: pre-wrap; }
@media (max-width: 40rem) {
  main { padding: 0.6rem 0.8rem 2rem; }
  nav ol { columns: 1; }
  .grid table, .grid thead, .grid tbody, .grid tr, .grid th, .grid td { display: block; min-width: 0; width: 100%; }
  .grid thead { display: none; }
  .grid tr { margin-bottom: 1rem; border: 1px solid var(--ink); }
  .grid th[scope=row] { background: #f3f3f3; }
  .cell-label { display: block; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  tr, .para, figure, li { break-inside: avoid; }
  .grid { overflow: visible; }
  .grid table { min-width: 0; }
  mark { background: none; text-decoration: underline; text-decoration-thickness: 2px; }
}
`;

/** Memos as notes beside what they are on; their text escaped like all data, its line breaks kept. */
function memoList(memos: readonly Memo[] | undefined, lead = ''): string {
  return (memos ?? []).map((m) => `<aside class="memo"><p class="muted">${lead}${esc(memoByline(m))}</p><p class="memo-text">${esc(m.text)}</p></aside>`).join('');
}

/** A quote with its speaker and "¶6" (or "Title, ¶6" when the report has several articles), linked to its paragraph. */
function cite(c: Citation, withTitle: boolean): string {
  const who = c.speaker ? esc(c.speaker.name) : 'unattributed';
  const kind = c.quote.quote.kind;
  const text = kind === 'indirect' ? esc(c.quote.quote.text) : `“${esc(c.quote.quote.text)}”`;
  return `<blockquote>${text}</blockquote><cite>— ${who}${c.quote.quote.channel ? `, ${esc(c.quote.quote.channel)}` : ''} · <a href="#${c.anchor}">${withTitle ? `${esc(c.article.title)}, ` : ''}¶${c.paragraph.number}</a></cite>`;
}

function markList(marks: Mark[], by: string): string {
  return `<ul class="marks">${marks
    .map((m) => `<li class="mark mark-${m}" title="${esc(MARK_MEANING[m])}">${MARK_SYMBOL[m]} ${MARK_WORDS[m]}${(m === 'contested' || m === 'unverified') && by ? ` — ${by}` : ''}</li>`)
    .join('')}</ul>`;
}

function comparisonSection(m: ReportModel): string {
  const cmp = m.comparison;
  if (!cmp.rows.length) return `<section id="comparison"><h2>Comparison</h2><p>No position is recorded for these narratives.</p></section>`;
  const colour = new Map(m.narratives.map((n) => [n.narrative.id, n.colour]));
  const head = cmp.narratives.map((n) => `<th scope="col"><span class="swatch" style="background:${safeColour(colour.get(n.id) ?? '')}"></span>${esc(n.label)}</th>`).join('');
  const rows = cmp.rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          const label = `<span class="cell-label"><span class="swatch" style="background:${safeColour(colour.get(cell.narrative.id) ?? '')}"></span>${esc(cell.narrative.label)}</span>`;
          if (!cell.position) return `<td>${label}${markList(cell.marks, '')}</td>`;
          const by = cell.statusBy.map((a) => esc(a.name)).join(', ');
          const ev = m.evidence.get(cell.position.id) ?? [];
          return `<td>${label}${markList(cell.marks, by)}<p>${esc(cell.position.summary)}</p><p class="muted">stance: <span class="stance">${esc(cell.position.stance)}</span>${cell.position.statusNote ? ` · ${esc(cell.position.statusNote)}` : ''}</p>${
            ev.length ? `<ol class="evidence">${ev.map((c) => `<li>${cite(c, m.articles.length > 1)}</li>`).join('')}</ol>` : '<p class="muted">no evidence quote recorded</p>'
          }${memoList(m.memos.position.get(cell.position.id))}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${esc(row.axis.question)}</th>${cells}</tr>`;
    })
    .join('');
  const legend = (Object.keys(MARK_WORDS) as Mark[]).map((k) => `<li><span class="mark mark-${k}">${MARK_SYMBOL[k]} ${MARK_WORDS[k]}</span> ${esc(MARK_MEANING[k])}</li>`).join('');
  return `<section id="comparison"><h2>Comparison</h2>
<p>A column per narrative, a row per question. Each cell: the marks in words, the narrative's position, its stance, and the quotes that support it, each linked to its paragraph.</p>
<div class="grid"><table><thead><tr><th scope="col">Question</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>
<h3>Marks</h3><ul class="legend">${legend}</ul></section>`;
}

function narrativesSection(m: ReportModel, actorName: (id: string) => string): string {
  const items = m.narratives
    .map(({ narrative: n, colour, techniques }) => {
      const tech = techniques.length
        ? `<p class="tech">DISARM techniques:</p><ul class="tech">${techniques
            .map(({ tag, technique, tactic }) => `<li><b>${esc(technique.id)}</b> ${esc(technique.name)} <span class="muted">(${esc(tactic.id)} ${esc(tactic.name)})</span>${tag.reason ? ` — ${tag.inferred ? 'inferred: ' : ''}${esc(tag.reason)}` : ''}</li>`)
            .join('')}</ul>`
        : '';
      return `<article id="n-${esc(n.id)}"><h3><span class="swatch" style="background:${safeColour(colour)}"></span>${esc(n.label)}</h3><p>${esc(n.summary)}</p>${
        n.proponents.length ? `<p class="muted">Proponents: ${n.proponents.map((p) => esc(actorName(p))).join(', ')}</p>` : ''
      }${n.keyTerms.length ? `<p class="muted">Key terms: ${n.keyTerms.map(esc).join(' · ')}</p>` : ''}${tech}${memoList(m.memos.narrative.get(n.id))}${(m.memos.positionElsewhere.get(n.id) ?? [])
        .map((e) => memoList(e.memos, `On its position on “${esc(e.axis?.question ?? e.position.axis)}” (${esc(e.position.stance)}) · `))
        .join('')}</article>`;
    })
    .join('');
  return `<section id="narratives"><h2>Narratives</h2>${items}</section>`;
}

function timelineSection(m: ReportModel): string {
  if (!m.timeline.length) return `<section id="timeline"><h2>Timeline</h2><p>No dated events.</p></section>`;
  const rowH = 34;
  const top = 16;
  const h = top * 2 + rowH * (m.timeline.length - 1);
  const clip = (s: string, n: number) => (Array.from(s).length > n ? Array.from(s).slice(0, n - 1).join('') + '…' : s);
  const marks = m.timeline
    .map((e, i) => {
      const y = top + i * rowH;
      const date = e.event.when.date ?? 'undated';
      const inferred = e.event.when.inferred ? ' (inferred)' : '';
      return `<a href="#${e.paragraphAnchor}"><title>${esc(e.event.label)} — ${esc(date)}${inferred}, ¶${e.paragraph.number}</title><text x="112" y="${y + 4}" text-anchor="end">${esc(date)}${e.event.when.inferred ? '*' : ''}</text><circle cx="130" cy="${y}" r="6" fill="${e.event.when.date ? '#0b5394' : '#fff'}" stroke="#0b5394" stroke-width="2"/><text x="146" y="${y + 4}">${esc(clip(e.event.label, 70))}</text></a>`;
    })
    .join('');
  const list = m.timeline
    .map((e) => `<li><b>${esc(e.event.when.date ?? 'undated')}</b>${e.event.when.inferred ? ' <span class="muted">(date inferred: ' + esc(e.event.when.reason) + ')</span>' : ''} — ${esc(e.event.label)} <cite><a href="#${e.paragraphAnchor}">${m.articles.length > 1 ? `${esc(e.article.title)}, ` : ''}¶${e.paragraph.number}</a></cite></li>`)
    .join('');
  return `<section id="timeline"><h2>Timeline</h2><figure><svg role="img" aria-labelledby="timeline-title" viewBox="0 0 640 ${h}" width="640" height="${h}" xmlns="http://www.w3.org/2000/svg"><title id="timeline-title">Timeline of ${count(m.timeline.length, 'event')} in date order</title><line x1="130" y1="${top}" x2="130" y2="${h - top}" stroke="#888" stroke-width="2"/>${marks}</svg><figcaption>Events in date order; * an inferred date. Each links to its paragraph.</figcaption></figure><ol>${list}</ol></section>`;
}

function advancesSection(m: ReportModel): string {
  if (!m.advances.length) return `<section id="advances"><h2>Who advances which narrative</h2><p>No quote is coded to a narrative.</p></section>`;
  const narratives = m.narratives.filter((n) => m.advances.some((a) => a.counts.has(n.narrative.id)));
  const max = Math.max(...m.advances.map((a) => a.total));
  const rowH = 24;
  const labelW = 190;
  const barW = 400;
  const h = rowH * m.advances.length + 8;
  const clip = (s: string, n: number) => (Array.from(s).length > n ? Array.from(s).slice(0, n - 1).join('') + '…' : s);
  const bars = m.advances
    .map((a, i) => {
      const y = 4 + i * rowH;
      let x = labelW;
      const segs = narratives
        .filter((n) => a.counts.has(n.narrative.id))
        .map((n) => {
          const count = a.counts.get(n.narrative.id)!;
          const w = (count / max) * barW;
          const seg = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${safeColour(n.colour)}" stroke="#fff"><title>${esc(a.actor.name)}: ${count} × ${esc(n.narrative.label)}</title></rect>`;
          x += w;
          return seg;
        })
        .join('');
      return `<text x="${labelW - 8}" y="${y + 13}" text-anchor="end">${esc(clip(a.actor.name, 28))}</text>${segs}<text x="${(x + 6).toFixed(1)}" y="${y + 13}">${a.total}</text>`;
    })
    .join('');
  const legend = narratives.map((n) => `<li><span class="swatch" style="background:${safeColour(n.colour)}"></span>${esc(n.narrative.label)}</li>`).join('');
  const head = narratives.map((n) => `<th scope="col"><span class="swatch" style="background:${safeColour(n.colour)}"></span>${esc(n.narrative.label)}</th>`).join('');
  const rows = m.advances
    .map((a) => `<tr><th scope="row">${esc(a.actor.name)}</th>${narratives.map((n) => `<td>${a.counts.get(n.narrative.id) ?? ''}</td>`).join('')}<td><b>${a.total}</b></td></tr>`)
    .join('');
  return `<section id="advances"><h2>Who advances which narrative</h2><figure><svg role="img" aria-labelledby="advances-title" viewBox="0 0 640 ${h}" width="640" height="${h}" xmlns="http://www.w3.org/2000/svg"><title id="advances-title">Quotes coded to each narrative, by speaker</title>${bars}</svg><figcaption>Quotes coded to each narrative, by speaker (a quote coded to two narratives counts for both).</figcaption><ul class="legend">${legend}</ul></figure><div class="grid"><table><thead><tr><th scope="col">Speaker</th>${head}<th scope="col">All</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/** A paragraph's text with every cited quote marked; overlapping quotes are shaded darker, each quote's start is its anchor. */
function markedParagraph(text: string, start: number, quotes: Citation[]): string {
  const cps = Array.from(text);
  const cuts = new Set<number>([0, cps.length]);
  const spans = quotes.map((c) => ({ c, s: Math.max(0, c.quote.quote.span.start - start), e: Math.min(cps.length, c.quote.quote.span.end - start) }));
  for (const q of spans) cuts.add(q.s).add(q.e);
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const anchors = spans.filter((q) => q.s === a).map((q) => `<a id="${q.c.anchor}"></a>`).join('');
    const covering = spans.filter((q) => q.s <= a && q.e >= b).length;
    const piece = esc(cps.slice(a, b).join(''));
    out += anchors + (covering ? `<mark${covering > 1 ? ' class="n2"' : ''}>${piece}</mark>` : piece);
  }
  return out;
}

function sourcesSection(m: ReportModel, narrativeLabel: (id: string) => string): string {
  const articles = m.contexts
    .map(({ article, paragraphs }) => {
      const meta = [article.outlet, article.published?.date ? `${article.published.date}${article.published.inferred ? ' (inferred)' : ''}` : null].filter(Boolean).map((s) => esc(s)).join(' · ');
      const paras = paragraphs
        .map(({ paragraph, anchor, quotes }) => {
          const list = quotes
            .map((c) => `<li><a href="#${c.anchor}">${c.speaker ? esc(c.speaker.name) : 'unattributed'}</a> (${esc(c.quote.quote.kind)})${c.quote.narratives.length ? ` → ${c.quote.narratives.map((n) => esc(narrativeLabel(n))).join('; ')}` : ''}${memoList(m.memos.quote.get(c.quote.quote.id))}</li>`)
            .join('');
          return `<div class="para" id="${anchor}"><p><span class="pn">¶${paragraph.number}</span>${markedParagraph(paragraph.text, paragraph.start, quotes)}</p>${list ? `<ul class="quotes-of">${list}</ul>` : ''}</div>`;
        })
        .join('');
      return `<article><h3>${esc(article.title)}</h3>${meta ? `<p class="meta">${meta}</p>` : ''}${memoList(m.memos.article.get(article.id))}${paras}</article>`;
    })
    .join('');
  return `<section id="sources"><h2>Quotes in context</h2><p>Every cited quote, marked in its paragraph. Paragraphs are numbered as in the article.</p>${articles}</section>`;
}

/** The study's own memos, and those on actors (the report has no place per actor). */
function memosSection(m: ReportModel): string {
  if (!m.memos.study.length && !m.memos.actors.length) return '';
  const study = m.memos.study.length ? `<h3>On the study</h3>${memoList(m.memos.study)}` : '';
  const actors = m.memos.actors.length ? `<h3>On actors</h3>${m.memos.actors.map(({ actor, memos }) => memoList(memos, `${esc(actor.name)} · `)).join('')}` : '';
  return `<section id="memos"><h2>Memos</h2>${study}${actors}</section>`;
}

export function renderReportHtml(m: ReportModel, actorName: (id: string) => string): string {
  const narrativeLabel = (id: string) => m.narratives.find((n) => n.narrative.id === id)?.narrative.label ?? id;
  const sources = m.articles
    .map((a) => `<li>${esc(a.title)}${a.titleInferred ? ' <span class="muted">(title inferred)</span>' : ''}${a.outlet ? ` — ${esc(a.outlet)}` : ''}${a.published?.date ? `, ${esc(a.published.date)}${a.published.inferred ? ' (inferred)' : ''}` : ''}</li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="narrative-lens">
<title>${esc(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${esc(m.title)}</h1><p class="meta">Report generated by narrative-lens on ${esc(m.generated)} from ${count(m.articles.length, 'article')}, ${count(m.narratives.length, 'narrative')} and ${count(m.citations.length, 'cited quote')}.</p><ul class="meta">${sources}</ul></header>
<nav aria-label="Contents"><ol><li><a href="#comparison">Comparison</a></li><li><a href="#narratives">Narratives</a></li><li><a href="#timeline">Timeline</a></li><li><a href="#advances">Who advances which narrative</a></li><li><a href="#sources">Quotes in context</a></li>${m.memos.study.length || m.memos.actors.length ? '<li><a href="#memos">Memos</a></li>' : ''}</ol></nav>
${comparisonSection(m)}
${narrativesSection(m, actorName)}
${timelineSection(m)}
${advancesSection(m)}
${sourcesSection(m, narrativeLabel)}
${memosSection(m)}
</main>
</body>
</html>
`;
}
