/** The "?" overlay: every key, from the keymap, plus the search syntax. Scrolls. */
import React from 'react';
import { Box } from 'ink';
import { Lines } from '../theme.js';
import { fit, pad, rule, ui, wrap, type Line } from '../lib/text.js';
import { helpSections } from '../keymap.js';

const SYNTAX: [string, string][] = [
  ['zakh colour', 'fuzzy: every word must match somewhere'],
  ["'exact", 'exact (not fuzzy) match'],
  ['^prefix  suffix$', 'starts with / ends with'],
  ['!not', 'leave out what matches'],
  ['a | b', 'either'],
  ['"sigh of relief"', 'a phrase, exactly'],
  ['speaker:zakharova', 'only in one field: speaker:, narrative:, kind:, article:'],
  ['!speaker:trump', 'leave out a speaker (any field can be negated)'],
];

export function helpLines(cols: number): Line[] {
  const kw = Math.max(10, Math.min(24, Math.floor(cols * 0.3)));
  const row = (keys: string, text: string): Line[] =>
    wrap([ui(text)], Math.max(8, cols - kw - 2)).map((l, i) => [...pad(i ? [] : [ui(keys, 'bold')], kw), ui('  '), ...l]);
  const lines: Line[] = [[ui('Keys', 'title'), ui('  (esc or ? closes; ↑↓ scroll)', 'dim')]];
  for (const section of helpSections()) {
    lines.push(rule(cols, section.title));
    for (const r of section.rows) lines.push(...row(r.keys, r.description));
  }
  lines.push(rule(cols, 'Search syntax (as in fzf)'));
  for (const [q, text] of SYNTAX) lines.push(...row(q, text));
  return lines.map((l) => fit(l, cols));
}

export function helpMaxScroll(cols: number, height: number): number {
  return Math.max(0, helpLines(cols).length - height);
}

export function HelpOverlay({ width, height, scroll }: { width: number; height: number; scroll: number }) {
  const lines = helpLines(width);
  const start = Math.min(scroll, Math.max(0, lines.length - height));
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={lines.slice(start, start + height)} height={height} />
    </Box>
  );
}
