/**
 * Actors: a filterable list, and an actor's profile (who they are, their alignment, every quote
 * and mention, the narratives they advance). A view: keys and state live elsewhere.
 */
import React from 'react';
import { Box } from 'ink';
import type { Actor } from '../../../core/corpus/schema.js';
import type { ActorRecord, Corpus } from '../../../core/corpus/corpus.js';
import { Lines } from '../../theme.js';
import { SearchLine } from '../../components/SearchLine.js';
import { listWindowLines, position } from '../../lib/list-window.js';
import { data, rule, ui } from '../../lib/text.js';
import { listLayout } from '../../lib/layout.js';
import { count, num } from '../../lib/format.js';
import { actorBriefLines, actorRow, type ProfileView } from './view-model.js';
import { docStart } from '../../lib/doc.js';

export interface ActorsPaneProps {
  corpus: Corpus;
  filter: string;
  focused: boolean;
  actors: readonly Actor[];
  /** the filter held in no actor's fields: these are the names closest to it */
  closest?: boolean;
  quoteCounts: ReadonlyMap<string, number>;
  selected: number;
  /** the record of the selected actor (list mode) or of the open profile */
  record: ActorRecord | undefined;
  profileOpen: boolean;
  profile?: ProfileView | undefined;
  cursor: number;
  width: number;
  height: number;
}

export function ActorsPane(props: ActorsPaneProps) {
  const { width, height } = props;
  if (props.profileOpen && props.profile) {
    const start = docStart(props.profile, props.cursor, height);
    return (
      <Box flexDirection="column" height={height} overflowY="hidden">
        <Lines lines={props.profile.lines.slice(start, start + height)} height={height} />
      </Box>
    );
  }
  const { list, detail } = listLayout(height);
  const rows = listWindowLines({
    count: props.actors.length,
    selected: props.selected,
    height: list,
    width,
    row: (i, cols) => actorRow(props.actors[i]!, props.quoteCounts.get(props.actors[i]!.id) ?? 0, cols),
    empty: [[ui('  no actor matches ', 'dim'), data(props.filter, 'bold')]],
  });
  const all = props.corpus.actors.length;
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <SearchLine
        text={props.filter}
        focused={props.focused}
        placeholder="filter actors"
        status={`${props.filter ? `${num(props.actors.length)} of ${count(all, 'actor')}` : count(all, 'actor')}${props.closest ? ' (closest names)' : ''}${props.actors.length ? `  ${position(props.selected, props.actors.length)}` : ''}`}
        width={width}
      />
      <Lines lines={rows} height={list} />
      {detail > 0 ? (
        <>
          <Lines lines={[rule(width)]} height={1} />
          <Lines lines={actorBriefLines(props.corpus, props.record, width, detail)} height={detail} />
        </>
      ) : null}
    </Box>
  );
}
