/**
 * The reader: an article whole, its metadata pinned at the top, the text scrolled so that the
 * focused span sits a third of the way down. A view of readerView().
 */
import React from 'react';
import { Box } from 'ink';
import { Lines } from '../../theme.js';
import { fit, rule, ui } from '../../lib/text.js';
import type { ReaderView } from './view-model.js';

/** The first text line shown: the focused span a third of the way down, within bounds. */
export function readerStart(view: ReaderView, room: number): number {
  return Math.max(0, Math.min(view.focusLine - Math.floor(room / 3), view.lines.length - room));
}

export function ReaderPane({ view, width, height }: { view: ReaderView; width: number; height: number }) {
  // the metadata takes at most a third of the height; below that it gives way to the text
  // (the title and the focus line stay)
  const header = view.header.length <= Math.floor(height / 3) ? view.header : view.header.slice(0, Math.min(view.titleLines, 1));
  const noteRoom = Math.max(1, Math.floor(height / 4));
  // a note longer than its room ends in "…" (it is whole in the quote's detail in Quotes)
  const note = view.note.length <= noteRoom ? view.note : [...view.note.slice(0, noteRoom - 1), fit([...view.note[noteRoom - 1]!, ui(' …', 'dim')], width)];
  const top = [...header, fit(view.status, width), ...note, rule(width)];
  const room = Math.max(1, height - top.length);
  const start = readerStart(view, room);
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={[...top, ...view.lines.slice(start, start + room)].slice(0, height)} height={height} />
    </Box>
  );
}
