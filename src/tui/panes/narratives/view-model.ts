/**
 * The Narratives pane's view model: a list row, the selected narrative's detail, and the
 * side-by-side comparison (a column per narrative, a row per question; stacked when narrow). Pure.
 */
import type { Narrative } from '../../../core/corpus/schema.js';
import type { Corpus } from '../../../core/corpus/corpus.js';
import type { CompareCell, Comparison, Mark } from '../../../core/compare.js';
import { data, fit, packUnits, pad, rule, ui, wrap, wrapMax, type Line, type Seg, type Style } from '../../lib/text.js';
import { actorNames, count, field, joined, quoteMarks } from '../../lib/format.js';

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

export const MARKS: Record<Mark, { text: string; style: Style; meaning: string }> = {
  agree: { text: '= agrees', style: 'good', meaning: 'same stance as the columns named' },
  conflict: { text: '≠ conflicts', style: 'bad', meaning: 'a different stance from the columns named' },
  unverified: { text: '? unverified', style: 'warn', meaning: 'cannot be confirmed (by whom, after the mark)' },
  contested: { text: '! contested', style: 'warn', meaning: 'disputed (by whom, after the mark)' },
  silent: { text: '— silent', style: 'dim', meaning: 'takes no position on this' },
};

/** Column numbers as people count them: [0, 2] → "1, 3". */
const columns = (list: readonly number[]) => list.map((i) => i + 1).join(', ');

/**
 * How a cell relates to the other columns, one unit per mark ("= agrees with 2",
 * "≠ conflicts with 1, 3", or "— silent"): laid out with packUnits so that a mark and its columns
 * stay on one line.
 */
export function relationUnits(cell: CompareCell): Seg[][] {
  if (!cell.position) return [[ui(MARKS.silent.text, MARKS.silent.style)]];
  const out: Seg[][] = [];
  if (cell.agreeWith.length) out.push([ui(`${MARKS.agree.text} with ${columns(cell.agreeWith)}`, MARKS.agree.style)]);
  if (cell.conflictWith.length) out.push([ui(`${MARKS.conflict.text} with ${columns(cell.conflictWith)}`, MARKS.conflict.style)]);
  return out;
}

/** The gap between marks on a line. */
const GAP = [ui('  ')];

/** The position's own status and, apart from it, who says so: "! contested — by Mariya Zakharova". */
export function statusLine(cell: CompareCell): Seg[] {
  const p = cell.position;
  if (!p || p.status === 'supported') return [];
  const mark = MARKS[p.status];
  const by = cell.statusBy.map((a) => a.name).join(', ');
  return [ui(mark.text, mark.style), ...(by ? [ui(' — by ', 'dim'), data(by, 'bold')] : [])];
}

/** A cell's lines at width `cols` (cut texts end in "…"; Enter opens the cell whole). */
function cellLines(cell: CompareCell, cols: number, maxText: number, relations = true): Line[] {
  const lines: Line[] = [];
  if (relations) lines.push(...packUnits(relationUnits(cell), cols, GAP));
  const p = cell.position;
  if (!p) return lines;
  const status = statusLine(cell);
  if (status.length) lines.push(...wrapMax(status, cols, 2));
  lines.push(...wrapMax([data(p.summary, 'bold')], cols, maxText));
  if (cell.strongest) {
    const q = cell.strongest.quote;
    const [open, close] = quoteMarks(q.kind);
    const reported: Seg[] = q.kind === 'indirect' ? [ui('reported: ', 'dim')] : [];
    lines.push(...wrapMax([...reported, ui(open), data(q.text), ui(close)], cols, maxText));
    const who = cell.speaker ? cell.speaker.name : q.speaker === null ? 'a term nobody is quoted as saying' : q.speaker;
    const more = p.evidence.length > 1 ? [ui(`  +${p.evidence.length - 1} more`, 'dim')] : [];
    lines.push(...wrapMax([ui('— ', 'dim'), data(who, 'accent'), ...more], cols, 1));
  }
  return lines;
}

export const MIN_COLUMN = 24;
export const COLUMNS_FROM = 100;
const SEP = ' │ ';
/** the selection marker's column before each cell */
const MARKER = 2;

/** The width at which `narratives` columns fit side by side. */
export function columnsWidth(narratives: number): number {
  return Math.max(COLUMNS_FROM, narratives * (MIN_COLUMN + MARKER) + SEP.length * (narratives - 1));
}

export function compareMode(cols: number, narratives: number): 'columns' | 'stacked' {
  return cols >= columnsWidth(narratives) ? 'columns' : 'stacked';
}

/** The rows of a comparison that are shown: all, or (differences only) those where some cell conflicts. */
export function shownRows(cmp: Comparison, diffOnly: boolean): Comparison['rows'] {
  return diffOnly ? cmp.rows.filter((r) => r.cells.some((c) => c.conflictWith.length > 0)) : cmp.rows;
}

export interface CompareView {
  /** pinned above the rows */
  header: Line[];
  /** one block per row shown; its first line is the question, so a row never shows without it */
  rows: Line[][];
  /** lines shown when no row is (nothing to compare, or no differences) */
  empty: Line[];
}

export interface CompareSelection {
  row: number;
  col: number;
  diffOnly: boolean;
}

function marked(lines: Line[], selected: boolean): Line[] {
  return lines.map((l, i) => [ui(selected ? (i === 0 ? '> ' : '▏ ') : '  ', 'selected'), ...l]);
}

export function compareView(cmp: Comparison, cols: number, sel: CompareSelection): CompareView {
  // the legend's marks, each a unit that is never split; what a number after a mark means last
  const legendUnits: Seg[][] = [
    ...(['agree', 'conflict', 'unverified', 'contested', 'silent'] as Mark[]).map((m) => [ui(MARKS[m].text, MARKS[m].style)]),
    [ui('n = column n', 'dim')],
  ];
  const n = cmp.narratives.length;
  const rows = shownRows(cmp, sel.diffOnly);
  const hidden = cmp.rows.length - rows.length;
  const filterUnits: Seg[][] = sel.diffOnly
    ? [[ui(`differences only: ${rows.length} of ${count(cmp.rows.length, 'question')}`, 'warn')], [ui('(d shows all)', 'warn')]]
    : [[ui('d: differences only', 'dim')]];
  const empty: Line[] =
    n === 0 || cmp.rows.length === 0
      ? [[ui(n === 0 ? 'no narratives to compare' : 'these narratives take no position on any question', 'dim')]]
      : rows.length === 0
        ? [[ui(`the chosen narratives differ on none of the ${count(cmp.rows.length, 'question')}`, 'dim'), ui(hidden ? ' (d shows all)' : '', 'dim')]]
        : [];
  const heading = (i: number): Seg[] => [ui(`${i + 1} `, 'accent'), data(cmp.narratives[i]!.label, 'title')];

  if (compareMode(cols, n) === 'stacked') {
    // two lines at most, whole units only, what matters most first: at 60 columns the marks fill
    // the first line, the toggle and the width advice the second; "n = column n" comes last, as
    // each stacked cell starts with its column's number anyway
    const header: Line[] = packUnits(
      [...legendUnits.slice(0, -1), ...filterUnits, [ui(`stacked: side by side from ${columnsWidth(n)} columns`, 'dim')], ...legendUnits.slice(-1)],
      cols,
      GAP,
      2,
    );
    const blocks = rows.map((row, r) => {
      const block: Line[] = wrap([data(row.axis.question, 'title')], cols);
      row.cells.forEach((cell, c) => {
        const head = packUnits([...wrapMax(heading(c), cols - MARKER, 2), ...relationUnits(cell)], cols - MARKER, GAP);
        const body = cellLines(cell, cols - MARKER - 2, 3, false).map((l) => [ui('  '), ...l]);
        block.push(...marked([...head, ...body], r === sel.row && c === sel.col));
      });
      return block.map((l) => fit(l, cols));
    });
    return { header, rows: blocks, empty };
  }
  const w = Math.floor((cols - SEP.length * (n - 1)) / n);
  const join = (cells: Line[][], height: number): Line[] => {
    const out: Line[] = [];
    for (let i = 0; i < height; i++) {
      const line: Line = [];
      cells.forEach((c, j) => {
        if (j) line.push(ui(SEP, 'dim'));
        line.push(...pad(c[i] ?? [], w));
      });
      out.push(fit(line, cols));
    }
    return out;
  };
  const heads = cmp.narratives.map((_, i) => wrapMax(heading(i), w - MARKER, 2).map((l) => [ui('  '), ...l]));
  const header: Line[] = [
    ...packUnits(legendUnits, cols, GAP),
    fit([ui(`${count(n, 'narrative')} × ${count(cmp.rows.length, 'question')} · enter opens a cell · ←→ column · `, 'dim'), ...filterUnits.flatMap((u, i) => [...(i ? [ui(' ')] : []), ...u])], cols),
    ...join(heads, Math.max(...heads.map((h) => h.length))),
    rule(cols),
  ];
  const blocks = rows.map((row, r) => {
    const block: Line[] = wrap([data(row.axis.question, 'title')], cols);
    const cells = row.cells.map((cell, c) => marked(cellLines(cell, w - MARKER, 3), r === sel.row && c === sel.col));
    block.push(...join(cells, Math.max(...cells.map((c) => c.length))));
    block.push(rule(cols));
    return block.map((l) => fit(l, cols));
  });
  return { header, rows: blocks, empty };
}

/**
 * The first row to show so that the selected row is in view in `room` lines: rows are shown
 * whole from the top (so each starts with its question), as few scrolled off as can be.
 */
export function compareStart(view: CompareView, selected: number, room: number): number {
  let start = Math.min(selected, view.rows.length - 1);
  let used = view.rows[start]?.length ?? 0;
  while (start > 0 && used + view.rows[start - 1]!.length <= room) used += view.rows[--start]!.length;
  return Math.max(0, start);
}

/** The lines of the comparison that fit `height`, the selected row in view. */
export function compareLines(view: CompareView, selected: number, height: number): Line[] {
  const room = Math.max(1, height - view.header.length);
  if (view.rows.length === 0) return [...view.header, ...view.empty];
  const out: Line[] = [];
  for (let r = compareStart(view, selected, room); r < view.rows.length && out.length < room; r++) out.push(...view.rows[r]!);
  if (out.length > room) {
    // the last row shown is cut: say so, and how to see it whole
    out.length = room;
    out[room - 1] = [ui('  … more below: ↓ moves on, enter opens the selected cell whole', 'dim')];
  }
  return [...view.header, ...out];
}
