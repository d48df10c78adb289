/**
 * The study's commands, for the one command handler (commands.ts hands them here): starting an
 * editing flow on the selection, answering its questions, undo and redo. Pure: keypress, state
 * and derived data in, actions out. The edits themselves run later, through the StudySession
 * (useStudy.ts), from the queue these actions fill.
 */
import type { Command } from '../keymap.js';
import type { Keypress } from '../input.js';
import type { Action, State } from '../state.js';
import { clampIndex, quoteIndex, type DashboardData } from '../dashboard-data.js';
import type { StudyView } from '../../core/study/index.js';
import { isStudyEditError, studyCore } from './core.js';
import { filterItems, picked } from '../components/picker/state.js';
import { flowStep, type Answer, type FlowId, type FlowTarget } from './flows.js';
import type { StudyAction } from './state.js';
import { studyInfoLines } from './info.js';
import { shownRows } from '../panes/narratives/view-model.js';
import { count } from '../lib/format.js';

/** The commands this module handles (each is a binding of keymap.ts). */
export const STUDY_COMMANDS = [
  'code-quote',
  'uncode-quote',
  'code-all',
  'fix-speaker',
  'fix-kind',
  'reject-quote',
  'add-quote',
  'mark-reviewed',
  'new-narrative',
  'edit-narrative',
  'rename-narrative',
  'delete-narrative',
  'edit-alignment',
  'merge-actor',
  'add-question',
  'memo',
  'suggest',
  'set-position',
  'undo',
  'redo',
  'study-info',
  'close-study-info',
  'dialog-submit',
  'dialog-cancel',
  'picker-toggle',
  'confirm-yes',
] as const satisfies readonly Command[];
export type StudyCommand = (typeof STUDY_COMMANDS)[number];

const studySet = new Set<string>(STUDY_COMMANDS);
export function isStudyCommand(c: Command): c is StudyCommand {
  return studySet.has(c);
}

/** The study as the command handler sees it (built by useStudy). */
export interface StudyData {
  /** the study applied to its sources; undefined when the study could not be opened (read-only) */
  view: StudyView | undefined;
  /** the study file, for messages */
  file: string;
  /** why the study opened read-only (its validation problems) */
  problems: string[];
  /** sources whose bytes changed since the study was made */
  changedSources: string[];
}

type Outcome = { actions: Action[] };
const act = (...actions: StudyAction[]): Outcome => ({ actions: actions.map((action) => ({ type: 'study', action }) as Action) });
const flash = (text: string): Outcome => ({ actions: [{ type: 'flash', text }] });
const none: Outcome = { actions: [] };

const NO_STUDY = 'these are your sources, read only: to edit, open a study (narrative-lens init STUDY.json --data …, then narrative-lens STUDY.json)';

/** Which flow a command starts. */
const FLOW_OF: Partial<Record<StudyCommand, FlowId>> = {
  'code-quote': 'code',
  'uncode-quote': 'uncode',
  'code-all': 'code-all',
  'fix-speaker': 'speaker',
  'fix-kind': 'kind',
  'reject-quote': 'reject',
  'add-quote': 'add-quote',
  'mark-reviewed': 'review',
  'new-narrative': 'narrative-new',
  'edit-narrative': 'narrative-edit',
  'rename-narrative': 'narrative-rename',
  'delete-narrative': 'narrative-delete',
  'edit-alignment': 'alignment',
  'merge-actor': 'actor-merge',
  'add-question': 'question',
  memo: 'memo',
  suggest: 'suggest',
  'set-position': 'position',
};

/** What the selection is, where the user is. */
export function selectionTarget(s: State, d: DashboardData): FlowTarget {
  // a view opened over the pane: a comparison cell, a narrative
  if (s.detail?.kind === 'cell') {
    const n = d.comparison?.narratives[s.detail.col];
    return { axis: s.detail.axis, ...(n ? { narrative: n.id } : {}) };
  }
  if (s.detail?.kind === 'narrative') return { narrative: s.detail.id };
  switch (s.pane) {
    case 'quotes': {
      const hit = d.search.hits[quoteIndex(d, s)];
      return hit ? { quote: hit.ref.quote.id, article: hit.ref.article.id } : {};
    }
    case 'actors': {
      const id = s.actors.profile ?? d.actors[d.actorSel]?.id;
      return id ? { actor: id } : {};
    }
    case 'narratives': {
      if (s.narratives.comparing && d.comparison) {
        // the selected cell: its column's narrative, its row's question
        const row = shownRows(d.comparison, s.narratives.diffOnly)[s.narratives.row];
        const n = d.comparison.narratives[clampIndex(s.narratives.col, d.comparison.narratives.length)];
        return { ...(n ? { narrative: n.id } : {}), ...(row ? { axis: row.axis.id } : {}) };
      }
      const n = d.corpus.narratives[clampIndex(d.narrSel, d.corpus.narratives.length)];
      return n ? { narrative: n.id } : {};
    }
    case 'timeline':
      return {};
  }
}

/**
 * What Esc on a dialog says: nothing changed, unless the dialog stayed open while items were
 * taken (the suggestions: each Enter coded one quote, saved at once), which it then names.
 */
function closingMessage(s: State, d: DashboardData): string {
  const dlg = s.study.dialog;
  const n = dlg?.taken.length ?? 0;
  if (!dlg || n === 0) return 'cancelled: nothing changed';
  const label = dlg.target.narrative ? d.corpus.narrativeById.get(dlg.target.narrative)?.label : undefined;
  return `done: ${count(n, 'quote')} coded${label ? ` to “${label}”` : ''} (saved; u undoes ${n === 1 ? 'it' : 'one at a time'})`;
}

/** Starts a flow: its first question, or a message saying why it cannot start. */
export function startFlow(flow: FlowId, target: FlowTarget, view: StudyView): Outcome {
  let step;
  try {
    step = flowStep(flow, { view, target }, []);
  } catch (err) {
    // a flow that asks the core first (what a deletion would take with it) is refused at once
    if (isStudyEditError(err)) return flash(err.message);
    throw err;
  }
  if ('fail' in step) return flash(step.fail);
  if ('done' in step) return act({ type: 'enqueue', effects: step.done });
  return act({ type: 'open', flow, target, step });
}

export function handleStudyCommand(command: StudyCommand, s: State, d: DashboardData): Outcome {
  const study = d.study;
  switch (command) {
    case 'study-info':
      return study ? act({ type: 'info', open: true }) : flash(NO_STUDY);
    case 'close-study-info':
      return act({ type: 'info', open: false });
    case 'dialog-submit':
    case 'confirm-yes':
      return submit(s, d);
    case 'dialog-cancel':
      return { actions: [{ type: 'study', action: { type: 'close' } }, { type: 'flash', text: closingMessage(s, d) }] };
    case 'picker-toggle': {
      const dlg = s.study.dialog;
      if (!dlg || dlg.step.ask !== 'pick') return none;
      const shown = filterItems(dlg.step.items, dlg.picker.query);
      const item = shown[Math.min(dlg.picker.selected, shown.length - 1)];
      return item ? act({ type: 'picker', action: { type: 'toggle', id: item.id } }, { type: 'picker', action: { type: 'move', by: 1, count: shown.length } }) : none;
    }
    default:
      break;
  }
  if (!study?.view) return flash(study ? `read-only: ${study.file} has ${study.problems.length} problem${study.problems.length === 1 ? '' : 's'} (O lists them); fix the file to edit` : NO_STUDY);
  const view = study.view;
  if (command === 'undo') {
    const e = studyCore().undoable(view.study);
    return e ? act({ type: 'enqueue', effects: [{ kind: 'undo' }] }) : flash('nothing to undo');
  }
  if (command === 'redo') {
    const e = studyCore().redoable(view.study);
    return e ? act({ type: 'enqueue', effects: [{ kind: 'redo' }] }) : flash('nothing to redo');
  }
  const flow = FLOW_OF[command];
  if (!flow) return none;
  const target = selectionTarget(s, d);
  if (flow === 'code-all') {
    if (d.search.pending) return flash('the search is still running: wait for its results, then A');
    return startFlow(flow, { quotes: d.search.hits.map((h) => h.ref.quote.id), query: s.quotes.query }, view);
  }
  return startFlow(flow, target, view);
}

/** The keys a dialog gets: typing, moving in the picker (everything else is handled above). */
export function handleDialogKey(press: Keypress, s: State, d: DashboardData): Outcome {
  const dlg = s.study.dialog!;
  const target = dlg.step.ask === 'pick' ? 'picker' : 'prompt';
  const edit = (action: { type: 'insert'; text: string } | { type: 'delete-char' } | { type: 'delete-word' } | { type: 'clear' }): Outcome =>
    dlg.step.ask === 'confirm' ? none : act(target === 'picker' ? { type: 'picker', action } : { type: 'prompt', action });
  if (press.command === 'insert') return edit({ type: 'insert', text: press.text });
  switch (press.command) {
    case 'delete-char':
      return edit({ type: 'delete-char' });
    case 'delete-word':
      return edit({ type: 'delete-word' });
    case 'clear-input':
      return edit({ type: 'clear' });
    case 'up':
    case 'down':
    case 'page-up':
    case 'page-down': {
      if (dlg.step.ask !== 'pick') return none;
      const count = filterItems(dlg.step.items, dlg.picker.query).length;
      const page = Math.max(1, d.body - dialogHeaderRows(dlg.step.about.length) - 3);
      const by = press.command === 'up' ? -1 : press.command === 'down' ? 1 : press.command === 'page-up' ? -page : page;
      return act({ type: 'picker', action: { type: 'move', by, count } });
    }
    default:
      return none;
  }
}

/** Rows above a dialog's input, at least: the title, what it is about, the error line (a long title takes one more). */
export function dialogHeaderRows(about: number): number {
  return 1 + Math.min(about, 3) + 1;
}

function submit(s: State, d: DashboardData): Outcome {
  const dlg = s.study.dialog;
  const view = d.study?.view;
  if (!dlg || !view) return none;
  let answer: Answer;
  switch (dlg.step.ask) {
    case 'text':
      answer = dlg.prompt.value.trim();
      if (!answer && !dlg.step.optional) return act({ type: 'error', error: 'type something first (esc cancels)' });
      break;
    case 'pick': {
      const ids = picked(dlg.step.items, dlg.picker);
      if (ids.length === 0) return act({ type: 'error', error: 'nothing matches: change the text (ctrl-u clears it) or esc to cancel' });
      answer = dlg.step.multi ? ids : ids[0]!;
      break;
    }
    case 'confirm':
      answer = 'yes';
      break;
  }
  const answers = [...dlg.answers, answer];
  let step;
  try {
    step = flowStep(dlg.flow, { view, target: dlg.target }, answers);
  } catch (err) {
    if (isStudyEditError(err)) return act({ type: 'error', error: err.message });
    throw err;
  }
  if ('fail' in step) return { actions: [{ type: 'study', action: { type: 'close' } }, { type: 'flash', text: step.fail }] };
  if ('ask' in step) return act({ type: 'open', flow: dlg.flow, target: dlg.target, step, answers });
  // check the first edit now, so a refusal is shown where the answer was given (the rest depend on it)
  try {
    step.done[0]?.make(view);
  } catch (err) {
    if (isStudyEditError(err)) return act({ type: 'error', error: err.message });
    throw err;
  }
  if (step.stay) return act({ type: 'enqueue', effects: step.done }, { type: 'taken', id: String(answer) });
  return act({ type: 'close' }, { type: 'enqueue', effects: step.done });
}


/** Scrolling the study overlay. */
export function handleInfoKey(press: Keypress, s: State, d: DashboardData): Outcome {
  const info = s.study.info;
  if (!info || !d.study) return none;
  const max = Math.max(0, studyInfoLines(d.study, s.study.conflict, d.width).length - d.body);
  const at = Math.min(info.scroll, max);
  const page = Math.max(1, d.body - 1);
  const to: Partial<Record<Keypress['command'], number>> = { up: at - 1, down: at + 1, 'page-up': at - page, 'page-down': at + page, top: 0, bottom: max };
  const next = to[press.command];
  return next === undefined ? none : act({ type: 'info-scroll', scroll: Math.min(max, Math.max(0, next)) });
}
