/** A one-line text prompt: a label, the value with the cursor at its end (the end shown when long). */
import React from 'react';
import { LineView } from '../../theme.js';
import { cells, data, fit, ui, type Line, type Seg } from '../../lib/text.js';
import type { PromptState } from './state.js';

export function promptLine(state: PromptState, width: number, placeholder = ''): Line {
  const head: Seg = ui(' › ', 'selected');
  const room = Math.max(1, width - cells(head.text) - 1);
  let text = state.value;
  // show the end of a long value: that is where the typing is
  if (cells(text) > room) {
    const chars = Array.from(text);
    while (chars.length && cells(chars.join('')) > room - 1) chars.shift();
    text = `…${chars.join('')}`;
  }
  const body: Seg[] = text ? [data(text, 'bold')] : placeholder ? [] : [];
  const cursor = ui('▌', 'selected');
  const hint = !text && placeholder ? [ui(placeholder, 'dim')] : [];
  return fit([head, ...body, cursor, ...hint], width);
}

export function TextPrompt({ state, width, placeholder }: { state: PromptState; width: number; placeholder?: string }) {
  return <LineView line={promptLine(state, width, placeholder)} />;
}
