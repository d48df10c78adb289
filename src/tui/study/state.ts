/**
 * The study's slice of the dashboard state: the open dialog of an editing flow (its answers so
 * far and the prompt or picker it shows), the study overlay, the edits waiting to be saved, and
 * the status line. Pure: the reducer below, and the key contexts a dialog puts the keys in.
 */
import type { Context } from '../keymap.js';
import { initialPrompt, promptReducer, type PromptAction, type PromptState } from '../components/prompt/state.js';
import { initialPicker, pickerReducer, type PickerAction, type PickerState } from '../components/picker/state.js';
import type { Answer, Ask, Effect, FlowId, FlowTarget } from './flows.js';

/** 'edit': a study is open; 'read-only': a study that failed validation (its sources shown); null: no study. */
export type StudyMode = 'edit' | 'read-only' | null;

export interface DialogState {
  flow: FlowId;
  target: FlowTarget;
  answers: Answer[];
  /** what is asked now */
  step: Ask;
  prompt: PromptState;
  picker: PickerState;
  /** why the last answer was not taken (shown under the question) */
  error: string | null;
  /** the items taken while the dialog stayed open (suggestions coded one by one), to say so on closing */
  taken: string[];
}

export interface StudyStatus {
  text: string;
  tone: 'ok' | 'warn' | 'bad';
}

/** The last conflict with the study on disk: what both changed, and where this window's study was kept. */
export interface ConflictReport {
  items: string[];
  keptAt: string;
  reason?: string;
}

export interface StudyUiState {
  mode: StudyMode;
  dialog: DialogState | null;
  /** the study overlay (orphans, problems, conflicts, memos, history), and how far it is scrolled */
  info: { scroll: number } | null;
  /** batches of edits to save, in order; a batch stops at its first refusal */
  queue: Effect[][];
  status: StudyStatus | null;
  conflict: ConflictReport | null;
}

export function initialStudyUi(mode: StudyMode = null): StudyUiState {
  return { mode, dialog: null, info: null, queue: [], status: null, conflict: null };
}

export type StudyAction =
  | { type: 'open'; flow: FlowId; target: FlowTarget; step: Ask; answers?: Answer[] }
  | { type: 'close' }
  | { type: 'prompt'; action: PromptAction }
  | { type: 'picker'; action: PickerAction }
  | { type: 'error'; error: string | null }
  /** the picker's item taken and removed, the dialog left open (suggestions) */
  | { type: 'taken'; id: string }
  | { type: 'info'; open: boolean }
  | { type: 'info-scroll'; scroll: number }
  | { type: 'enqueue'; effects: Effect[] }
  | { type: 'dequeue' }
  | { type: 'status'; status: StudyStatus | null; conflict?: ConflictReport | null };

export function openDialog(flow: FlowId, target: FlowTarget, step: Ask, answers: Answer[] = []): DialogState {
  return { flow, target, answers, step, prompt: initialPrompt(step.ask === 'text' ? (step.initial ?? '') : ''), picker: initialPicker(), error: null, taken: [] };
}

export function studyReducer(s: StudyUiState, a: StudyAction): StudyUiState {
  switch (a.type) {
    case 'open':
      return { ...s, info: null, dialog: openDialog(a.flow, a.target, a.step, a.answers) };
    case 'close':
      return { ...s, dialog: null };
    case 'prompt':
      return s.dialog ? { ...s, dialog: { ...s.dialog, error: null, prompt: promptReducer(s.dialog.prompt, a.action) } } : s;
    case 'picker':
      return s.dialog ? { ...s, dialog: { ...s.dialog, error: null, picker: pickerReducer(s.dialog.picker, a.action) } } : s;
    case 'error':
      return s.dialog ? { ...s, dialog: { ...s.dialog, error: a.error } } : s;
    case 'taken': {
      const d = s.dialog;
      if (!d || d.step.ask !== 'pick') return s;
      const items = d.step.items.filter((i) => i.id !== a.id);
      return { ...s, dialog: { ...d, error: null, taken: [...d.taken, a.id], step: { ...d.step, items }, picker: pickerReducer(d.picker, { type: 'remove', id: a.id }) } };
    }
    case 'info':
      return { ...s, dialog: null, info: a.open ? { scroll: 0 } : null };
    case 'info-scroll':
      return s.info ? { ...s, info: { scroll: Math.max(0, a.scroll) } } : s;
    case 'enqueue':
      return { ...s, queue: [...s.queue, a.effects] };
    case 'dequeue':
      return { ...s, queue: s.queue.slice(1) };
    case 'status':
      return { ...s, status: a.status, conflict: a.conflict === undefined ? s.conflict : a.conflict };
  }
}

/** The key contexts while a dialog or the overlay is open (null: neither is). */
export function studyContexts(s: StudyUiState): Context[] | null {
  if (s.dialog) {
    switch (s.dialog.step.ask) {
      case 'text':
        return ['always', 'dialog', 'input'];
      case 'pick':
        return s.dialog.step.multi ? ['always', 'dialog', 'picker', 'input'] : ['always', 'dialog', 'input'];
      case 'confirm':
        return ['always', 'confirm'];
    }
  }
  if (s.info) return ['always', 'study-info', 'list'];
  return null;
}
