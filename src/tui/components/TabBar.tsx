/** The top line: the panes (the current one in brackets), and what the corpus holds. */
import React from 'react';
import { LineView } from '../theme.js';
import { fit, ui, width as widthOf, type Line } from '../lib/text.js';
import { PANES, type PaneId } from '../state.js';
import { count } from '../lib/format.js';

export interface CorpusSummary {
  articles: number;
  quotes: number;
  drafts: number;
}

export function tabBarLine(pane: PaneId, summary: CorpusSummary, cols: number): Line {
  const tabs = (short: boolean): Line =>
    PANES.flatMap((p, i) => {
      const title = short ? p.title.slice(0, 5) : p.title;
      const label = `${i + 1} ${title}`;
      const seg = p.id === pane ? ui(`[${label}]`, 'selected') : ui(` ${label} `);
      return i === 0 ? [seg] : [ui(' '), seg];
    });
  const draft: Line = summary.drafts ? [ui(' DRAFT ', 'warn')] : [];
  const full: Line = [ui(`${count(summary.articles, 'article')} · ${count(summary.quotes, 'quote')}`, 'dim'), ...(draft.length ? [ui(' '), ...draft] : [])];
  const title: Line = [ui(' narrative-lens ', 'title'), ui(' ')];
  const candidates: [Line, Line][] = [
    [[...title, ...tabs(false)], full],
    [[ui(' '), ...tabs(false)], full],
    [[ui(' '), ...tabs(false)], draft],
    [[ui(' '), ...tabs(true)], draft],
    [[ui(' '), ...tabs(true)], []],
  ];
  for (const [left, right] of candidates) {
    const gap = cols - widthOf(left) - widthOf(right) - 1;
    if (gap >= 1) return [...left, ui(' '.repeat(gap)), ...right, ui(' ')];
  }
  return fit([ui(' '), ...tabs(true)], cols);
}

/** Re-rendered only when the pane, the corpus or the width change. */
export const TabBar = React.memo(function TabBar({ pane, summary, width }: { pane: PaneId; summary: CorpusSummary; width: number }) {
  return <LineView line={tabBarLine(pane, summary, width)} />;
});
