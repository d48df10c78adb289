/**
 * Narratives: the list (summary, proponents, key terms), choosing two or more, and the
 * side-by-side comparison. A view: it draws the comparison view it is handed (built once per
 * render by the dashboard's data hook); keys and state live elsewhere.
 */
import React from 'react';
import { Box } from 'ink';
import type { Corpus } from '../../../core/corpus/corpus.js';
import { Lines } from '../../theme.js';
import { listWindowLines, position } from '../../lib/list-window.js';
import { data, fit, rule, ui, type Line } from '../../lib/text.js';
import { count } from '../../lib/format.js';
import { fixedListLayout } from '../../lib/layout.js';
import { compareLines, narrativeDetailLines, narrativeRow, type CompareView } from './view-model.js';

export interface NarrativesPaneProps {
  corpus: Corpus;
  selected: number;
  chosen: readonly string[];
  /** the comparison's lines, when comparing */
  compare?: CompareView | undefined;
  /** the selected row of the comparison */
  row: number;
  width: number;
  height: number;
}

export function NarrativesPane(props: NarrativesPaneProps) {
  const { corpus, width, height } = props;
  if (props.compare) {
    return (
      <Box flexDirection="column" height={height} overflowY="hidden">
        <Lines lines={compareLines(props.compare, props.row, height)} height={height} />
      </Box>
    );
  }
  const narratives = corpus.narratives;
  const { list, detail } = fixedListLayout(height, narratives.length);
  const chosenLabels = props.chosen.map((id) => corpus.narrativeById.get(id)?.label ?? id);
  const at: Line = narratives.length ? [ui(`  ${position(props.selected, narratives.length)}`, 'dim')] : [];
  const status: Line = props.chosen.length
    ? [ui(` ${props.chosen.length} chosen: `, 'dim'), data(chosenLabels.join(' · '), 'bold'), ui(props.chosen.length >= 2 ? '   c compare' : '   choose one more', 'dim')]
    : [ui(` ${count(narratives.length, 'narrative')}`, 'dim'), ...at, ui(' · space chooses, c compares the chosen, enter opens', 'dim')];
  const rows = listWindowLines({
    count: narratives.length,
    selected: props.selected,
    height: list,
    width,
    row: (i, cols) => narrativeRow(narratives[i]!, props.chosen.includes(narratives[i]!.id), cols),
    empty: [[ui('  this corpus has no narratives', 'dim')]],
  });
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={[fit(status, width)]} height={1} />
      <Lines lines={rows} height={list} />
      {detail > 0 ? (
        <>
          <Lines lines={[rule(width)]} height={1} />
          <Lines lines={narrativeDetailLines(corpus, narratives[props.selected], width, detail)} height={detail} />
        </>
      ) : null}
    </Box>
  );
}
