/**
 * The dashboard's state and its pure reducer. The App turns keys into commands (keymap.ts) and
 * commands into these actions; nothing here knows about keys, React or the terminal.
 */
import type { Context } from './keymap.js';
import { completionTarget } from '../core/search/complete.js';
import { initialQuotes, nextSort, type QuoteSort, type QuotesState } from './panes/quotes/state.js';
import { initialActors, type ActorsState } from './panes/actors/state.js';
import { initialNarratives, toggleChosen, type NarrativesState } from './panes/narratives/state.js';
import { initialTimeline, type TimelineState } from './panes/timeline/state.js';
import { initialStudyUi, studyContexts, studyReducer, type StudyAction, type StudyMode, type StudyUiState } from './study/state.js';

export type PaneId = 'quotes' | 'actors' | 'narratives' | 'timeline';
export const PANES: readonly { id: PaneId; title: string }[] = [
  { id: 'quotes', title: 'Quotes' },
  { id: 'actors', title: 'Actors' },
  { id: 'narratives', title: 'Narratives' },
  { id: 'timeline', title: 'Timeline' },
];

/**
 * A view opened over the pane by following a link: a comparison cell in full, the reader (an
 * article with every span marked), an event or a narrative with its links. Esc goes back.
 */
export type Detail =
  | { kind: 'cell'; axis: string; col: number; cursor: number }
  | { kind: 'reader'; article: string; focus: number }
  | { kind: 'event'; id: string; cursor: number }
  | { kind: 'narrative'; id: string; cursor: number };

export interface View {
  pane: PaneId;
  focus: 'list' | 'input';
  detail: Detail | null;
  quotes: QuotesState;
  actors: ActorsState;
  narratives: NarrativesState;
  timeline: TimelineState;
}

export interface State extends View {
  help: { open: boolean; scroll: number };
  /** views to go back to with Esc, after following links between panes */
  history: View[];
  /** a one-line message (e.g. why a command did nothing), cleared by the next action */
  flash: string | null;
  /** text just copied, which `a` may append to the clips file (until the next action) */
  clip: string | null;
  /** the study's editing: its dialogs, overlay, edits waiting to be saved, status (study/state.ts) */
  study: StudyUiState;
}

export interface InitialOptions {
  pane?: PaneId | undefined;
  search?: string | undefined;
  /** the Quotes list's order (--sort) */
  sort?: QuoteSort | undefined;
  actor?: string | undefined;
  compare?: string[] | undefined;
  /** whether a study is open, and editable */
  study?: StudyMode | undefined;
}

export function initialState(opts: InitialOptions = {}): State {
  const compare = opts.compare ?? [];
  let pane: PaneId = opts.pane ?? 'quotes';
  if (!opts.pane && opts.actor) pane = 'actors';
  if (!opts.pane && compare.length >= 2) pane = 'narratives';
  return {
    pane,
    focus: 'list',
    detail: null,
    quotes: initialQuotes(opts.search, opts.sort),
    actors: initialActors(opts.actor ?? null),
    narratives: initialNarratives(compare),
    timeline: initialTimeline(),
    help: { open: false, scroll: 0 },
    history: [],
    flash: null,
    clip: null,
    study: initialStudyUi(opts.study ?? null),
  };
}

export type Movement = 'up' | 'down' | 'page-up' | 'page-down' | 'top' | 'bottom';

export type Target = 'quotes' | 'actors' | 'profile' | 'narratives' | 'compare' | 'timeline' | 'help' | 'detail';

export type Action =
  | { type: 'pane'; pane: PaneId }
  | { type: 'focus'; focus: 'list' | 'input' }
  | { type: 'set-text'; text: string }
  /** the query completed with one of the completions of `base` (Tab again takes the next) */
  | { type: 'complete'; text: string; base: string; index: number }
  | { type: 'edit'; edit: 'insert' | 'delete-char' | 'delete-word' | 'clear'; text?: string }
  | { type: 'select'; target: Target; index: number }
  /** `from`: where the selection really is, when the state does not say (a pinned quote) */
  | { type: 'move'; target: Target; command: Movement; count: number; page: number; from?: number }
  | { type: 'open-profile'; actor: string }
  | { type: 'close-profile' }
  | { type: 'open-quote'; quote: string }
  | { type: 'open-narrative'; index: number }
  | { type: 'back' }
  | { type: 'toggle-choose'; id: string }
  | { type: 'compare'; on: boolean }
  /** the comparison's selected column, moved by `by` (within `count` columns) */
  | { type: 'cell-column'; by: number; count: number }
  | { type: 'toggle-diff' }
  /** the Quotes list's next sort; `keep`: the quote to keep selected */
  | { type: 'cycle-sort'; keep?: string }
  | { type: 'open-detail'; detail: Detail }
  | { type: 'help'; open: boolean }
  | { type: 'flash'; text: string }
  /** text copied to the clipboard: said in the footer, and kept to be appended on request */
  | { type: 'copied'; text: string; message: string }
  | { type: 'study'; action: StudyAction };

function view(s: State): View {
  const { pane, focus, detail, quotes, actors, narratives, timeline } = s;
  return { pane, focus, detail, quotes, actors, narratives, timeline };
}

/** Remember where we are, then go somewhere else. */
function follow(s: State, next: Partial<View>): State {
  return { ...s, ...next, focus: 'list', history: [...s.history.slice(-49), view(s)] };
}

export function reducer(s0: State, action: Action): State {
  let s = s0.flash && action.type !== 'flash' ? { ...s0, flash: null } : s0;
  if (s.clip !== null) s = { ...s, clip: null };
  switch (action.type) {
    case 'pane': {
      // switching panes by hand starts a new trail; asking for the pane one is on goes to its top
      // view (the list of actors, the list of narratives)
      const same = action.pane === s.pane && !s.help.open;
      return {
        ...s,
        pane: action.pane,
        focus: 'list',
        detail: null,
        help: { ...s.help, open: false },
        history: [],
        actors: same && s.pane === 'actors' ? { ...s.actors, profile: null, cursor: 0 } : s.actors,
        narratives: same && s.pane === 'narratives' ? { ...s.narratives, comparing: false, row: 0, col: 0 } : s.narratives,
      };
    }
    case 'focus':
      return { ...s, focus: action.focus };
    case 'set-text':
      if (s.pane === 'quotes') return { ...s, quotes: { ...s.quotes, query: action.text, selected: 0, pin: null, completion: null } };
      if (s.pane === 'actors') return { ...s, actors: { ...s.actors, filter: action.text, selected: 0 } };
      return s;
    case 'complete':
      return { ...s, quotes: { ...s.quotes, query: action.text, selected: 0, pin: null, completion: { base: action.base, index: action.index } } };
    case 'edit': {
      const current = s.pane === 'quotes' ? s.quotes.query : s.actors.filter;
      return reducer(s, { type: 'set-text', text: edit(current, action.edit, action.text ?? '') });
    }
    case 'move': {
      const current = action.from ?? indexOf(s, action.target);
      return reducer(s, { type: 'select', target: action.target, index: move(Math.min(current, action.count - 1), action.command, action.count, action.page) });
    }
    case 'select': {
      const index = Math.max(0, action.index);
      switch (action.target) {
        case 'quotes':
          return { ...s, quotes: { ...s.quotes, selected: index, pin: null } };
        case 'actors':
          return { ...s, actors: { ...s.actors, selected: index } };
        case 'profile':
          return { ...s, actors: { ...s.actors, cursor: index } };
        case 'narratives':
          return { ...s, narratives: { ...s.narratives, selected: index } };
        case 'compare':
          return { ...s, narratives: { ...s.narratives, row: index } };
        case 'detail':
          if (!s.detail) return s;
          return { ...s, detail: s.detail.kind === 'reader' ? { ...s.detail, focus: index } : { ...s.detail, cursor: index } };
        case 'timeline':
          return { ...s, timeline: { selected: index } };
        case 'help':
          return { ...s, help: { ...s.help, scroll: index } };
      }
      return s;
    }
    case 'open-profile':
      return follow(s, { pane: 'actors', detail: null, actors: { ...s.actors, profile: action.actor, cursor: 0 } });
    case 'open-detail':
      return follow(s, { detail: action.detail });
    case 'close-profile':
      return { ...s, actors: { ...s.actors, profile: null, cursor: 0 } };
    case 'open-quote':
      // show every quote so the one asked for is surely there, and select it
      return follow(s, { pane: 'quotes', detail: null, quotes: { ...s.quotes, query: '', selected: 0, pin: action.quote } });
    case 'open-narrative':
      return follow(s, { pane: 'narratives', detail: null, narratives: { ...s.narratives, selected: action.index, comparing: false } });
    case 'back': {
      const prev = s.history[s.history.length - 1];
      if (!prev) return s;
      return { ...s, ...prev, focus: 'list', history: s.history.slice(0, -1) };
    }
    case 'toggle-choose': {
      return { ...s, narratives: { ...s.narratives, chosen: toggleChosen(s.narratives.chosen, action.id) } };
    }
    case 'compare':
      return { ...s, narratives: { ...s.narratives, comparing: action.on, row: 0, col: 0 } };
    case 'cell-column': {
      const col = Math.max(0, Math.min(action.count - 1, s.narratives.col + action.by));
      return { ...s, narratives: { ...s.narratives, col } };
    }
    case 'cycle-sort': {
      // keep the selected quote selected in its new place
      return { ...s, quotes: { ...s.quotes, sort: nextSort(s.quotes.sort), pin: action.keep ?? s.quotes.pin } };
    }
    case 'toggle-diff':
      return { ...s, narratives: { ...s.narratives, diffOnly: !s.narratives.diffOnly, row: 0 } };
    case 'help':
      return { ...s, help: { open: action.open, scroll: 0 } };
    case 'flash':
      return { ...s, flash: action.text };
    case 'copied':
      return { ...s, flash: action.message, clip: action.text };
    case 'study':
      // the queue and the status change as saves finish: they leave a message on screen alone
      return { ...(action.action.type === 'dequeue' || action.action.type === 'status' ? s0 : s), study: studyReducer(s.study, action.action) };
  }
}

function indexOf(s: State, target: Target): number {
  switch (target) {
    case 'quotes':
      return s.quotes.selected;
    case 'actors':
      return s.actors.selected;
    case 'profile':
      return s.actors.cursor;
    case 'narratives':
      return s.narratives.selected;
    case 'compare':
      return s.narratives.row;
    case 'detail':
      return !s.detail ? 0 : s.detail.kind === 'reader' ? s.detail.focus : s.detail.cursor;
    case 'timeline':
      return s.timeline.selected;
    case 'help':
      return s.help.scroll;
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Text editing in a search box (the cursor is always at the end). */
export function edit(text: string, kind: 'insert' | 'delete-char' | 'delete-word' | 'clear', typed = ''): string {
  switch (kind) {
    case 'insert':
      return text + typed;
    case 'delete-char': {
      // one grapheme: an emoji sequence or a letter with its accents goes at once
      const parts = Array.from(graphemes.segment(text), (g) => g.segment);
      return parts.slice(0, -1).join('');
    }
    case 'delete-word':
      return text.replace(/\S*\s*$/, '');
    case 'clear':
      return '';
  }
}

/** The key contexts that apply in a state (see keymap.ts). */
export function contexts(s: State): Context[] {
  if (s.help.open) return ['always', 'help', 'list', 'global'];
  const study = studyContexts(s.study);
  if (study) return study;
  if (s.focus === 'input' && s.pane === 'quotes') {
    // the quote search box: its last word may be a filter to complete (Tab)
    const completable = completionTarget(s.quotes.completion?.base ?? s.quotes.query) !== undefined;
    return ['always', 'query', ...(completable ? (['completable'] as const) : []), 'input'];
  }
  if (s.focus === 'input' && s.pane === 'actors' && !s.actors.profile) return ['always', 'input'];
  const out: Context[] = ['always'];
  if (s.clip !== null) out.push('copied');
  if (s.detail) {
    out.push(s.detail.kind === 'narrative' ? 'narrative-view' : s.detail.kind);
    if (s.history.length) out.push('history');
    out.push('list', 'global');
    return out;
  }
  switch (s.pane) {
    case 'quotes':
      out.push('quotes', 'typeahead');
      if (s.quotes.query) out.push('filtered');
      break;
    case 'actors':
      if (s.actors.profile) out.push('profile');
      else {
        out.push('actors', 'typeahead');
        if (s.actors.filter) out.push('filtered');
      }
      break;
    case 'narratives':
      out.push(s.narratives.comparing ? 'compare' : 'narratives');
      break;
    case 'timeline':
      out.push('timeline');
      break;
  }
  if (s.history.length) out.push('history');
  if (s.study.mode === 'edit') out.push('study');
  out.push('list', 'global');
  return out;
}

/** A new index after a movement command, clamped to a list of `count` items. */
export function move(
  current: number,
  command: Movement,
  count: number,
  page: number,
): number {
  if (count <= 0) return 0;
  const step = Math.max(1, page - 1);
  const next =
    command === 'up'
      ? current - 1
      : command === 'down'
        ? current + 1
        : command === 'page-up'
          ? current - step
          : command === 'page-down'
            ? current + step
            : command === 'top'
              ? 0
              : count - 1;
  return Math.min(Math.max(0, next), count - 1);
}
