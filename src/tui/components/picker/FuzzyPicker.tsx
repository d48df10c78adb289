/** A fuzzy picker: the query line, then a window of the matching items ("[x]" marks the chosen ones when several may be). */
import React from 'react';
import { Box } from 'ink';
import { Lines } from '../../theme.js';
import { listWindowLines } from '../../lib/list-window.js';
import { data, fit, pad, ui, width as widthOf, type Line } from '../../lib/text.js';
import { promptLine } from '../prompt/TextPrompt.js';
import { filterItems, type PickItem, type PickerState } from './state.js';

export function pickerLines(items: readonly PickItem[], s: PickerState, multi: boolean, width: number, height: number, empty = 'nothing matches'): Line[] {
  const shown = filterItems(items, s.query);
  const count: Line = [ui(` ${shown.length} of ${items.length}${multi ? ` · ${s.marked.length} marked (tab)` : ''}`, 'dim')];
  const head = promptLine({ value: s.query }, Math.max(1, width - widthOf(count)));
  const rows = listWindowLines({
    count: shown.length,
    selected: Math.min(s.selected, Math.max(0, shown.length - 1)),
    height: Math.max(0, height - 1),
    width,
    row: (i, cols) => {
      const it = shown[i]!;
      const mark = multi ? [ui(s.marked.includes(it.id) ? '[x] ' : '[ ] ')] : [];
      const label = pad([...mark, data(it.label, it.pinned ? 'accent' : undefined)], Math.min(cols, Math.max(24, Math.floor(cols * 0.55))));
      return fit([...label, ...(it.detail ? [ui('  '), data(it.detail, 'dim')] : [])], cols);
    },
    empty: [[ui(`  ${empty}`, 'dim')]],
  });
  return [fit([...head, ...count], width), ...rows];
}

export function FuzzyPicker(props: { items: readonly PickItem[]; state: PickerState; multi?: boolean; width: number; height: number; empty?: string }) {
  const { width, height } = props;
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={pickerLines(props.items, props.state, props.multi ?? false, width, height, props.empty)} height={height} />
    </Box>
  );
}
