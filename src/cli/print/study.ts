/** What the study commands print: an edit's outcome (or a dry run), the history, orphans. */
import type { Change, HistoryEntry, Study } from '../../core/study/schema.js';
import type { Orphan as ViewOrphan } from '../../core/study/apply.js';
import { md, mdTable } from './markdown.js';
import { emit, type Output } from './output.js';
import { count } from '../../core/count.js';

export interface EditReport {
  /** 'dry-run' when nothing was written */
  status: 'saved' | 'merged' | 'dry-run';
  summary: string;
  /** one line per change, in words */
  lines: string[];
  changes: Change[];
  study: string;
}

export function renderEdit(r: EditReport, out: Output): Promise<void> {
  const head =
    r.status === 'dry-run'
      ? `would ${r.summary} (dry run: nothing changed)`
      : r.status === 'merged'
        ? `saved, merged with changes made elsewhere since the study was read: ${r.summary}`
        : `saved: ${r.summary}`;
  return emit(out, {
    json: () => ({ status: r.status, summary: r.summary, study: r.study, changes: r.changes }),
    csv: () => ({ header: ['status', 'change'], rows: r.lines.map((l) => [r.status, l]) }),
    markdown: () => `**${md(head)}**\n\n${r.lines.map((l) => `- ${md(l)}`).join('\n')}\n`,
    text: () => `${out.style.bold(head)}\n${r.lines.map((l) => `  ${l}\n`).join('')}`,
  });
}

function undone(history: readonly HistoryEntry[]): Set<string> {
  const live = new Map<string, boolean>();
  for (const e of history) live.set(e.action === 'edit' ? e.id : e.target, e.action !== 'undo');
  return new Set([...live].filter(([, on]) => !on).map(([id]) => id));
}

export function renderHistory(study: Study, out: Output, limit?: number): Promise<void> {
  const off = undone(study.history);
  const entries = limit === undefined ? study.history : study.history.slice(-limit);
  const row = (e: HistoryEntry) => [e.at, e.by, e.action, e.summary, e.action === 'edit' && off.has(e.id) ? 'undone' : ''];
  return emit(out, {
    json: () => entries.map((e) => ({ ...e, undone: e.action === 'edit' && off.has(e.id) })),
    csv: () => ({ header: ['at', 'by', 'action', 'summary', 'state'], rows: entries.map(row) }),
    markdown: () => mdTable(['When', 'Who', 'Action', 'What', ''], entries.map((e) => row(e).map((c) => md(c)))),
    text: () =>
      entries
        .map((e) => {
          const [at, by, action, summary, state] = row(e);
          return `${at!.slice(0, 19).replace('T', ' ')}  ${by}  ${action === 'edit' ? '' : `${action}: `}${action === 'edit' ? summary : summary!.replace(/^(undo|redo): /, '')}${state ? out.style.dim(`  (${state})`) : ''}\n`;
        })
        .join(''),
  });
}

export function orphanLine(o: ViewOrphan): string {
  return `${o.what} ${o.id}: “${o.text.length > 60 ? `${o.text.slice(0, 59)}…` : o.text}”${o.article ? ` (in ${o.article})` : ''}: ${o.reason}`;
}


export interface StudyCheck {
  file: string;
  summary: import('../../core/corpus/load.js').Summary;
  orphans: readonly ViewOrphan[];
  problems: readonly string[];
  changedSources: readonly string[];
}

/** `validate` of a study: the applied corpus's summary, then what no longer attaches and what is wrong. */
export function renderStudyCheck(c: StudyCheck, out: Output): Promise<void> {
  const ok = c.problems.length === 0;
  const s = c.summary;
  return emit(out, {
    json: () => ({ ok, study: c.file, summary: s, changedSources: c.changedSources, orphans: c.orphans, problems: c.problems }),
    csv: () => ({
      header: ['kind', 'id', 'text', 'article', 'reason'],
      rows: [...c.orphans.map((o) => [`orphaned ${o.what}`, o.id, o.text, o.article, o.reason]), ...c.problems.map((p) => ['problem', '', '', '', p])],
    }),
    markdown: () =>
      `**${ok ? 'OK' : 'Problems'}**: study \`${md(c.file)}\`, ${count(s.quotes.total, 'quote')}, ${count(s.narratives, 'narrative')}, ${count(s.positions, 'position')}\n\n` +
      (c.orphans.length ? mdTable(['Orphaned', 'Id', 'Text', 'Why'], c.orphans.map((o) => [o.what, md(o.id), md(o.text), md(o.reason)])) : '') +
      c.problems.map((p) => `- ${md(p)}\n`).join(''),
    text: () =>
      `${out.style.bold(ok ? 'ok' : 'problems')}: study ${c.file}: ${count(s.articles, 'article')}${s.drafts ? ` (${count(s.drafts, 'draft')})` : ''}, ${count(s.quotes.total, 'quote')}, ${count(s.actors, 'actor')}, ${count(s.narratives, 'narrative')}, ${count(s.axes, 'question')}, ${count(s.positions, 'position')}\n` +
      c.changedSources.map((p) => `  source changed since the study was made: ${p} (annotations re-anchored by their text)\n`).join('') +
      (c.orphans.length ? `${count(c.orphans.length, 'orphaned annotation')} (kept in the study; ${c.orphans.length === 1 ? 'it re-attaches if its' : 'they re-attach if their'} text comes back):\n` : '') +
      c.orphans.map((o) => `  ${orphanLine(o)}\n`).join('') +
      c.problems.map((p) => `  problem: ${p}\n`).join(''),
  });
}
