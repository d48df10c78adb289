/**
 * A one-line text prompt's state and its pure reducer (as ink-ui's TextInput keeps its state:
 * the view draws it, the key table decides which action a key is). The cursor is at the end,
 * as in the search box; editing is the search box's own (state.ts `edit`), so Backspace, Ctrl-W
 * and Ctrl-U behave the same everywhere.
 */
import { edit } from '../../state.js';

export interface PromptState {
  value: string;
}

export type PromptAction = { type: 'insert'; text: string } | { type: 'delete-char' } | { type: 'delete-word' } | { type: 'clear' } | { type: 'set'; value: string };

export function initialPrompt(value = ''): PromptState {
  return { value };
}

export function promptReducer(s: PromptState, a: PromptAction): PromptState {
  switch (a.type) {
    case 'insert':
      return { value: edit(s.value, 'insert', a.text) };
    case 'delete-char':
    case 'delete-word':
    case 'clear':
      return { value: edit(s.value, a.type, '') };
    case 'set':
      return { value: a.value };
  }
}
