/** A DocView (a profile, a comparison cell, an event, a narrative) in a window that keeps the selected item in view. */
import React from 'react';
import { Box } from 'ink';
import { Lines } from '../theme.js';
import { docStart, type DocView } from '../lib/doc.js';

export function DocPane({ view, cursor, height }: { view: DocView; cursor: number; height: number }) {
  const start = docStart(view, cursor, height);
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={view.lines.slice(start, start + height)} height={height} />
    </Box>
  );
}
