/**
 * The comparison grid: a column per narrative, a row per question (axis). Marks are words in
 * brackets ([agree] [conflict] [contested] [unverified] [silent]), coloured when colour is on but
 * never only coloured. Markdown gives the grid an analyst pastes into a report.
 */
import type { CompareCell, Comparison, Mark } from '../../core/compare.js';
import type { Corpus } from '../../core/corpus/corpus.js';
import { inert } from '../../core/sanitize.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output } from './output.js';
import type { Style } from './style.js';
import { paragraphOf, quoted, quoteMarks } from './records.js';

/** The longest excerpt of a strongest quote in a grid cell on a terminal (every other output carries it whole). */
const QUOTE_IN_CELL = 160;

function excerpt(s: string, max = QUOTE_IN_CELL): string {
  return s.length <= max ? s : s.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

export const MARK_LEGEND =
  'Marks: [agree] same stance as another column · [conflict] a different stance · [contested] disputed, [unverified] cannot be verified (by whom, after the mark) · [silent] no position';

function markText(cell: CompareCell, m: Mark): string {
  if ((m === 'contested' || m === 'unverified') && cell.statusBy.length) return `[${m} — ${cell.statusBy.map((a) => a.name).join(', ')}]`;
  return `[${m}]`;
}

function styledMarks(cell: CompareCell, style: Style): string {
  const kind = (m: Mark) => (m === 'agree' ? 'good' : m === 'conflict' ? 'bad' : m === 'silent' ? 'none' : 'warn');
  return cell.marks.map((m) => style.mark(inert(markText(cell, m)), kind(m))).join(' ');
}

function cellRecord(corpus: Corpus, cell: CompareCell) {
  const q = cell.strongest;
  return {
    narrative: cell.narrative.id,
    marks: cell.marks,
    position: cell.position && {
      id: cell.position.id,
      stance: cell.position.stance,
      summary: cell.position.summary,
      status: cell.position.status,
      statusBy: cell.position.statusBy,
      statusNote: cell.position.statusNote ?? null,
      evidence: cell.position.evidence,
    },
    strongest: q && {
      id: q.quote.id,
      text: q.quote.text,
      speaker: q.quote.speaker,
      speakerName: cell.speaker?.name ?? null,
      article: q.article.id,
      paragraph: paragraphOf(q, q.quote.span.start),
    },
  };
}

export function renderComparison(corpus: Corpus, cmp: Comparison, out: Output): Promise<void> {
  return emit(out, {
    json: () => ({
      narratives: cmp.narratives.map((n) => ({ id: n.id, label: n.label })),
      rows: cmp.rows.map((r) => ({ axis: { id: r.axis.id, question: r.axis.question }, cells: r.cells.map((c) => cellRecord(corpus, c)) })),
    }),
    ndjson: () => cmp.rows.flatMap((r) => r.cells.map((c) => ({ axis: r.axis.id, question: r.axis.question, ...cellRecord(corpus, c) }))),
    csv: () => ({
      header: ['axis_id', 'question', 'narrative_id', 'narrative', 'marks', 'stance', 'summary', 'status', 'status_by', 'quote_id', 'quote', 'speaker'],
      rows: cmp.rows.flatMap((r) =>
        r.cells.map((c) => [
          r.axis.id,
          r.axis.question,
          c.narrative.id,
          c.narrative.label,
          c.marks.join(' '),
          c.position?.stance,
          c.position?.summary,
          c.position?.status,
          c.statusBy.map((a) => a.name).join('; '),
          c.strongest?.quote.id,
          c.strongest?.quote.text,
          c.speaker?.name,
        ]),
      ),
    }),
    markdown: () => {
      const cell = (c: CompareCell) => {
        if (!c.position) return '_[silent]_';
        const parts = [`**${md(c.position.stance)}** ${md(c.marks.map((m) => markText(c, m)).join(' '))}`, md(c.position.summary)];
        if (c.strongest) {
          // whole, in the source's marks (none for paraphrase): a report is never cut
          const marks = quoteMarks(c.strongest);
          const text = md(c.strongest.quote.text);
          parts.push(`${marks ? `${marks[0]}${text}${marks[1]}` : text} — ${md(c.speaker?.name ?? 'term')}`);
        }
        return parts.join('<br>');
      };
      const header = ['Question', ...cmp.narratives.map((n) => `**${md(n.label)}**`)];
      const rows = cmp.rows.map((r) => [md(r.axis.question), ...r.cells.map(cell)]);
      return mdTable(header, rows) + `\n${md(MARK_LEGEND)}\n`;
    },
    text: () => compareText(cmp, out),
  });
}

async function compareText(cmp: Comparison, out: Output): Promise<string> {
  const { pad, wrap } = await import('./text.js');
  const { style, width } = out;
  const n = cmp.narratives.length;
  const cellLines = (c: CompareCell): string[] => {
    if (!c.position) return [styledMarks(c, style)];
    const lines = [`${style.bold(inert(c.position.stance))} ${styledMarks(c, style)}`, inert(c.position.summary)];
    if (c.strongest) {
      // cut only to fit a terminal, with an ellipsis; a pipe gets it whole
      const text = width === Infinity ? c.strongest.quote.text : excerpt(c.strongest.quote.text);
      lines.push(style.dim(`${inert(quoted(c.strongest, text))} — ${inert(c.speaker?.name ?? 'term')}`));
    }
    return lines;
  };

  const SEP = ' │ ';
  const axisW = 22;
  const colW = width === Infinity ? 0 : Math.floor((width - axisW - SEP.length * n) / n);
  if (colW >= 22) {
    // Side by side.
    const lines: string[] = [];
    const rule = '─'.repeat(Math.min(width, axisW + n * (colW + SEP.length)));
    const row = (first: string[], cells: string[][]) => {
      const wrapped = [wrap(first.join('\n'), axisW), ...cells.map((c) => wrap(c.join('\n'), colW))];
      const h = Math.max(...wrapped.map((w) => w.length));
      for (let i = 0; i < h; i++) {
        lines.push(wrapped.map((w, j) => pad(w[i] ?? '', j === 0 ? axisW : colW)).join(SEP).trimEnd());
      }
    };
    row([style.dim('question')], cmp.narratives.map((nv) => [style.head(inert(nv.label))]));
    for (const r of cmp.rows) {
      lines.push(style.dim(rule));
      row([inert(r.axis.question)], r.cells.map(cellLines));
    }
    lines.push('', ...wrap(MARK_LEGEND, width).map(style.dim));
    return lines.join('\n') + '\n';
  }
  // Stacked: a block per question, a paragraph per narrative.
  const w = width === Infinity ? Infinity : Math.max(20, width);
  const inner = w === Infinity ? w : w - 5;
  const blocks: string[] = [];
  blocks.push(cmp.narratives.flatMap((nv, i) => wrap(`${i + 1}. ${style.head(inert(nv.label))}`, w)).join('\n'));
  for (const r of cmp.rows) {
    const lines = [style.bold(inert(r.axis.question))];
    r.cells.forEach((c, i) => {
      lines.push(...wrap(`${i + 1}. ${style.head(inert(c.narrative.label))}`, w === Infinity ? w : w - 2).map((l) => `  ${l}`));
      for (const l of cellLines(c)) lines.push(...wrap(l, inner).map((x) => `     ${x}`));
    });
    blocks.push(lines.join('\n'));
  }
  blocks.push(wrap(MARK_LEGEND, w).map(style.dim).join('\n'));
  return blocks.join('\n\n') + '\n';
}
