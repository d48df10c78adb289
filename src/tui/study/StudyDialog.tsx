/**
 * An editing flow's question, drawn in place of the pane: the title, what the edit is about,
 * why the last answer was refused (if it was), then the prompt, the picker or the confirmation.
 */
import React from 'react';
import { Box } from 'ink';
import { Lines } from '../theme.js';
import { data, fit, ui, wrap, type Line } from '../lib/text.js';
import { promptLine } from '../components/prompt/TextPrompt.js';
import { pickerLines } from '../components/picker/FuzzyPicker.js';
import { confirmLine } from '../components/confirm/Confirm.js';
import type { DialogState } from './state.js';

export function dialogLines(d: DialogState, width: number, height: number): Line[] {
  // the question whole (two lines at most: it says what Enter and Tab do), then what it is about
  const title = wrap([data(d.step.title, 'title')], Math.max(8, width - 1)).slice(0, 2);
  const head: Line[] = [...title.map((l) => fit([ui(' '), ...l], width)), ...d.step.about.slice(0, 3).map((a) => fit([ui('   '), data(a, 'dim')], width))];
  head.push(d.error ? fit([ui(' ! ', 'bad'), data(d.error, 'bad')], width) : []);
  const room = Math.max(1, height - head.length);
  switch (d.step.ask) {
    case 'text':
      return [...head, promptLine(d.prompt, width, d.step.placeholder ?? (d.step.optional ? '(optional: enter leaves it empty)' : ''))];
    case 'pick':
      return [...head, ...pickerLines(d.step.items, d.picker, d.step.multi ?? false, width, room, d.step.empty)];
    case 'confirm':
      return [...head, confirmLine(width)];
  }
}

export function StudyDialog({ dialog, width, height }: { dialog: DialogState; width: number; height: number }) {
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={dialogLines(dialog, width, height).slice(0, height)} height={height} />
    </Box>
  );
}

export function StudyInfo({ lines, scroll, height }: { lines: Line[]; scroll: number; height: number }) {
  const start = Math.min(scroll, Math.max(0, lines.length - height));
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      <Lines lines={lines.slice(start, start + height)} height={height} />
    </Box>
  );
}
