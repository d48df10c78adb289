/**
 * The Narratives pane's view model: a list row, the selected narrative's detail, and the
 * side-by-side comparison (a column per narrative, a row per question; stacked when narrow). Pure.
 */
import type { Narrative } from '../../../core/corpus/schema.js';
import type { Corpus } from '../../../core/corpus/corpus.js';
import type { CompareCell, Comparison, Mark } from '../../../core/compare.js';
import { data, fit, pad, rule, ui, wrap, width as widthOf, type Line, type Seg, type Style } from '../../lib/text.js';
import { actorNames, count, field, joined, quoteMarks } from '../../lib/format.js';

export const MARKS: Record<Mark, { text: string; style: Style; meaning: string }> = {
  agree: { text: '= agrees', style: 'good', meaning: 'same stance as another narrative here' },
  conflict: { text: '≠ conflicts', style: 'bad', meaning: 'a different stance from another narrative here' },
  unverified: { text: '? unverified', style: 'warn', meaning: 'nobody can confirm it' },
  contested: { text: '! contested', style: 'warn', meaning: 'disputed by others' },
  silent: { text: '— silent', style: 'dim', meaning: 'takes no position on this' },
};

export function narrativeRow(n: Narrative, chosen: boolean, cols: number): Line {
  const box = ui(chosen ? '[x] ' : '[ ] ', chosen ? 'good' : 'dim');
  // narrow: the label gets the row (the summary is in the detail below)
  if (cols < 80) return [box, ...fit([data(n.label)], Math.max(1, cols - 4))];
  const lw = Math.max(12, Math.min(44, Math.floor(cols * 0.45)));
  return [box, ...pad([data(n.label)], lw), ui('  '), ...fit([data(n.summary, 'dim')], Math.max(1, cols - lw - 6))];
}

export function narrativeDetailLines(corpus: Corpus, n: Narrative | undefined, cols: number, height: number): Line[] {
  if (!n || height <= 0) return [];
  const lines: Line[] = [[data(n.label, 'title')]];
  lines.push(...wrap([data(n.summary)], cols));
  lines.push(...wrap(field('proponents', actorNames(corpus, n.proponents) || 'none named'), cols));
  if (n.keyTerms.length) lines.push(...wrap(field('key terms', n.keyTerms.join(' · ')), cols));
  const positions = corpus.positions.filter((p) => p.narrative === n.id);
  for (const p of positions) {
    const axis = corpus.axisById.get(p.axis)?.question ?? p.axis;
    lines.push([
      data(axis, 'label'),
      ui(' → ', 'dim'),
      data(p.summary),
      ...(p.status !== 'supported' ? [ui(` (${p.status})`, 'warn')] : []),
    ]);
  }
  return lines.slice(0, height).map((l) => fit(l, cols));
}

/** Wrap to at most `max` lines, marking a cut with "…". */
function wrapMax(line: readonly Seg[], cols: number, max: number): Line[] {
  const lines = wrap(line, cols);
  if (lines.length <= max) return lines;
  const shown = lines.slice(0, max);
  const last = shown[max - 1]!;
  shown[max - 1] = widthOf(last) <= cols - 1 ? [...last, ui('…', 'dim')] : fit([...last, ui(' ')], cols);
  return shown;
}

function markLine(cell: CompareCell): Seg[] {
  const out: Seg[] = [];
  for (const m of cell.marks) {
    if (out.length) out.push(ui('  '));
    out.push(ui(MARKS[m].text, MARKS[m].style));
  }
  return out;
}

/** A cell's lines at width `cols`. */
function cellLines(corpus: Corpus, cell: CompareCell, cols: number, maxText: number): Line[] {
  const lines: Line[] = [];
  const marks = markLine(cell);
  if (marks.length) lines.push(...wrap(marks, cols));
  const p = cell.position;
  if (!p) return lines;
  lines.push(...wrapMax([data(p.summary, 'bold')], cols, maxText));
  if (p.status !== 'supported' && (p.statusBy.length || p.statusNote)) {
    const by = cell.statusBy.map((a) => a.name).join(', ');
    const note: Seg[] = [ui(`${p.status}${by ? ' by ' : ''}`, 'dim'), data(by, 'dim')];
    if (p.statusNote) note.push(ui(': ', 'dim'), data(p.statusNote, 'dim'));
    lines.push(...wrapMax(note, cols, 2));
  }
  if (cell.strongest) {
    const q = cell.strongest.quote;
    const [open, close] = quoteMarks(q.kind);
    const reported: Seg[] = q.kind === 'indirect' ? [ui('reported: ', 'dim')] : [];
    lines.push(...wrapMax([...reported, ui(open), data(q.text), ui(close)], cols, maxText));
    const who = cell.speaker ? cell.speaker.name : q.speaker === null ? 'a term nobody is quoted as saying' : q.speaker;
    lines.push(...wrapMax([ui('— ', 'dim'), data(who, 'accent')], cols, 1));
  }
  return lines;
}

export const MIN_COLUMN = 24;
export const COLUMNS_FROM = 100;

export function compareMode(cols: number, narratives: number): 'columns' | 'stacked' {
  const w = Math.floor((cols - 3 * (narratives - 1)) / Math.max(1, narratives));
  return cols >= COLUMNS_FROM && w >= MIN_COLUMN ? 'columns' : 'stacked';
}

export interface CompareView {
  /** pinned above the scrolling part */
  header: Line[];
  body: Line[];
}

export function compareView(corpus: Corpus, cmp: Comparison, cols: number): CompareView {
  const legend: Line = fit(
    [
      ...(['agree', 'conflict', 'unverified', 'contested', 'silent'] as Mark[]).flatMap((m, i) => [
        ...(i ? [ui('  ')] : []),
        ui(MARKS[m].text, MARKS[m].style),
      ]),
    ],
    cols,
  );
  const n = cmp.narratives.length;
  if (n === 0 || cmp.rows.length === 0) {
    return { header: [legend], body: [[ui(n === 0 ? 'no narratives to compare' : 'these narratives take no position on any axis', 'dim')]] };
  }
  if (compareMode(cols, n) === 'stacked') {
    const body: Line[] = [];
    for (const row of cmp.rows) {
      body.push(...wrap([data(row.axis.question, 'title')], cols));
      for (const cell of row.cells) {
        body.push(fit([ui('  '), data(cell.narrative.label, 'bold'), ui('  '), ...markLine(cell)], cols));
        for (const l of cellLines(corpus, { ...cell, marks: [] }, cols - 4, 3)) body.push([ui('    '), ...l]);
      }
      body.push([]);
    }
    const header: Line[] = [
      legend,
      fit([ui(`${count(n, 'narrative')} × ${count(cmp.rows.length, 'axis', 'axes')}, stacked (widen to ${COLUMNS_FROM} columns to see them side by side)`, 'dim')], cols),
    ];
    return { header, body };
  }
  const sep = ' │ ';
  const w = Math.floor((cols - sep.length * (n - 1)) / n);
  const join = (cells: Line[][], height: number): Line[] => {
    const out: Line[] = [];
    for (let i = 0; i < height; i++) {
      const line: Line = [];
      cells.forEach((c, j) => {
        if (j) line.push(ui(sep, 'dim'));
        line.push(...pad(c[i] ?? [], w));
      });
      out.push(fit(line, cols));
    }
    return out;
  };
  const heads = cmp.narratives.map((nar) => wrapMax([data(nar.label, 'title')], w, 2));
  const header: Line[] = [legend, ...join(heads, Math.max(...heads.map((h) => h.length))), rule(cols)];
  const body: Line[] = [];
  for (const row of cmp.rows) {
    body.push(...wrap([data(row.axis.question, 'title')], cols));
    const cells = row.cells.map((cell) => cellLines(corpus, cell, w, 3));
    body.push(...join(cells, Math.max(...cells.map((c) => c.length))));
    body.push(rule(cols));
  }
  return { header, body };
}

/** The largest useful scroll offset of the comparison. */
export function compareMaxScroll(view: CompareView, height: number): number {
  return Math.max(0, view.body.length - Math.max(1, height - view.header.length));
}
