/**
 * The study overlay (O): what the analyst must be able to see about the study itself — why it
 * is read-only, the last conflict with the file on disk, sources changed since the study was
 * made, orphaned annotations (never dropped: listed here until re-attached or removed),
 * problems, memos, and the history an editor can read (who did what, when). Pure lines.
 */
import path from 'node:path';
import { data, fit, rule, ui, wrap, type Line } from '../lib/text.js';
import type { StudyData } from './commands.js';
import type { ConflictReport } from './state.js';
import type { Memo } from '../../core/study/schema.js';

/** The memos written on one quote (newest last), for its detail in the Quotes pane. */
export function quoteMemos(study: StudyData | undefined, quoteId: string | undefined): Memo[] {
  if (!study?.view || !quoteId) return [];
  return study.view.memos.filter((m) => m.memo.on.kind === 'quote' && m.target === quoteId).map((m) => m.memo);
}

export function studyInfoLines(study: StudyData, conflict: ConflictReport | null, cols: number): Line[] {
  const out: Line[] = [];
  const para = (text: string, style?: 'dim' | 'bad' | 'warn') => out.push(...wrap([data(text, style)], Math.max(10, cols - 2)).map((l) => [ui('  '), ...l]));
  const view = study.view;
  out.push([ui('Study ', 'title'), data(path.basename(study.file), 'bold'), ui(view ? ` · ${view.study.title}` : '', 'dim'), ui('  (esc closes; ↑↓ scroll)', 'dim')]);
  if (study.problems.length) {
    out.push(rule(cols, `Read-only: ${study.problems.length} problem${study.problems.length === 1 ? '' : 's'} in the file`));
    for (const p of study.problems) para(p, 'bad');
  }
  if (conflict) {
    out.push(rule(cols, 'Conflict with the file on disk'));
    if (conflict.reason) para(conflict.reason, 'bad');
    for (const c of conflict.items) para(`changed here and there: ${c}`, 'warn');
    para(`the file keeps the other side; this window's study is saved at ${conflict.keptAt}`);
  }
  if (!view) return out.map((l) => fit(l, cols));
  if (study.changedSources.length) {
    out.push(rule(cols, 'Sources changed since the study was made'));
    for (const s of study.changedSources) para(`${s}: annotations were found again by their text where they could`);
  }
  out.push(rule(cols, `Orphaned annotations (${view.orphans.length})`));
  if (view.orphans.length === 0) para('none: every coding, memo, correction and evidence quote is attached', 'dim');
  for (const o of view.orphans) para(`${o.what} ${o.id}: “${o.text}”${o.article ? ` (${o.article})` : ''} — ${o.reason}`, 'warn');
  if (view.problems.length) {
    out.push(rule(cols, `Problems (${view.problems.length})`));
    for (const p of view.problems) para(p, 'bad');
  }
  out.push(rule(cols, `Memos (${view.memos.length})`));
  for (const m of view.memos) {
    const on = m.memo.on;
    const what =
      on.kind === 'quote'
        ? `quote “${on.anchor.selector.exact.slice(0, 40)}”`
        : on.kind === 'actor'
          ? (view.corpus.actorById.get(m.target)?.name ?? m.target)
          : on.kind === 'narrative'
            ? `narrative “${view.corpus.narrativeById.get(m.target)?.label ?? m.target}”`
            : on.kind === 'study'
              ? 'the study'
              : `${on.kind} ${m.target}`;
    para(`on ${what}: ${m.memo.text} — ${m.memo.by}, ${m.memo.at.slice(0, 16).replace('T', ' ')}`);
  }
  const history = view.study.history;
  out.push(rule(cols, `History (${history.length}; newest first)`));
  for (const e of [...history].reverse().slice(0, 200)) para(`${e.at.slice(0, 16).replace('T', ' ')}  ${e.by}  ${e.summary}`);
  return out.map((l) => fit(l, cols));
}
