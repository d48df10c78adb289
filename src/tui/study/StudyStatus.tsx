/**
 * The study's status line, above the footer while a study is open: which study, what the last
 * save did (saved, merged with another window's changes, or a conflict: what conflicts and
 * where this window's version was kept), and how many annotations are orphaned.
 */
import React from 'react';
import path from 'node:path';
import { LineView } from '../theme.js';
import { data, fit, ui, type Line } from '../lib/text.js';
import type { StudyData } from './commands.js';
import type { StudyStatus } from './state.js';
import { count } from '../lib/format.js';

export function statusLine(study: StudyData, status: StudyStatus | null, cols: number): Line {
  const name = path.basename(study.file);
  if (!study.view) return fit([ui(' READ-ONLY ', 'bad'), data(` ${name} fails validation (${study.problems.length} problem${study.problems.length === 1 ? '' : 's'}): O lists them`, 'bad')], cols);
  const view = study.view;
  const orphans = view.orphans.length ? [ui(` · ${view.orphans.length} orphaned (O)`, 'warn')] : [];
  if (status) return fit([ui(' study ', 'dim'), data(status.text, status.tone === 'ok' ? 'good' : status.tone === 'warn' ? 'warn' : 'bad'), ...orphans], cols);
  const s = view.study;
  // narratives and questions as the panes list them (the sources' and the study's together, so a
  // new study does not say "0 narratives" beside a list of eight), and how many of them the study
  // made or edited; codings and edits are the study's alone
  const shown = (n: number, own: number, noun: string) => `${count(n, noun)}${own ? ` (${own} yours)` : ''}`;
  return fit(
    [
      ui(' study ', 'dim'),
      data(name, 'bold'),
      ui(
        ` · ${[shown(view.corpus.narratives.length, s.narratives.length, 'narrative'), count(s.codings.length, 'coding'), shown(view.corpus.axes.length, s.questions.length, 'question'), count(s.history.length, 'edit')].join(' · ')}`,
        'dim',
      ),
      ...orphans,
    ],
    cols,
  );
}

export function StudyStatusLine({ study, status, width }: { study: StudyData; status: StudyStatus | null; width: number }) {
  return <LineView line={statusLine(study, status, width)} />;
}
