/**
 * The command handler: what a command does, given the state and what the last render derived.
 * One pure function from (keypress, state, data) to the actions to apply (in order) or an exit
 * code. A new command is a binding in keymap.ts and a case here; the `never` check at the end
 * makes the compiler ask for the case.
 */
import type { Command } from './keymap.js';
import type { Keypress } from './input.js';
import { PANES, type Action, type State } from './state.js';
import { clampIndex, movementTarget, quoteIndex, type DashboardData } from './dashboard-data.js';
import { handleDialogKey, handleInfoKey, handleStudyCommand, isStudyCommand } from './study/commands.js';

export type Outcome = { exit: number } | { actions: Action[] };

const none: Outcome = { actions: [] };
const act = (...actions: Action[]): Outcome => ({ actions });
const flash = (text: string): Outcome => act({ type: 'flash', text });

/** Enter on a quote: its speaker's profile, or why there is none. */
function openSpeaker(d: DashboardData, s: State): Action[] {
  const hit = d.search.hits[quoteIndex(d, s)];
  if (!hit) return [];
  if (hit.speaker) return [{ type: 'open-profile', actor: hit.speaker.id }];
  return [{ type: 'flash', text: 'a term: nobody is quoted as saying it, so there is no speaker to open' }];
}

/**
 * `s` is the latest state (several keys may arrive before the next render); `d` was derived at
 * the last render.
 */
export function handleCommand(press: Keypress, s: State, d: DashboardData): Outcome {
  // the study's editing (study/commands.ts): its commands, then a dialog's or the overlay's keys
  if (press.command !== 'insert' && isStudyCommand(press.command)) return handleStudyCommand(press.command, s, d);
  if (s.study.dialog && press.command !== 'interrupt') return handleDialogKey(press, s, d);
  if (s.study.info && press.command !== 'interrupt' && press.command !== 'quit') return handleInfoKey(press, s, d);
  if (press.command === 'insert') return act({ type: 'edit', edit: 'insert', text: press.text });
  const command = press.command;
  const actor = d.actors[clampIndex(s.actors.selected, d.actors.length)];
  switch (command) {
    case 'interrupt':
      return { exit: 130 };
    case 'quit':
      return { exit: 0 };
    case 'help':
      return act({ type: 'help', open: true });
    case 'close-help':
      return act({ type: 'help', open: false });
    case 'search':
      return act({ type: 'focus', focus: 'input' });
    case 'next-pane':
    case 'prev-pane': {
      const i = PANES.findIndex((p) => p.id === s.pane);
      const next = (i + (command === 'next-pane' ? 1 : PANES.length - 1)) % PANES.length;
      return act({ type: 'pane', pane: PANES[next]!.id });
    }
    case 'pane-1':
    case 'pane-2':
    case 'pane-3':
    case 'pane-4':
      return act({ type: 'pane', pane: PANES[Number(command.slice(5)) - 1]!.id });
    case 'delete-char':
      return act({ type: 'edit', edit: 'delete-char' });
    case 'delete-word':
      return act({ type: 'edit', edit: 'delete-word' });
    case 'clear-input':
    case 'clear-filter':
      return act({ type: 'edit', edit: 'clear' });
    case 'input-done':
      return act({ type: 'focus', focus: 'list' });
    case 'input-submit': {
      const open: Action[] = s.pane === 'quotes' ? openSpeaker(d, s) : s.pane === 'actors' && actor ? [{ type: 'open-profile', actor: actor.id }] : [];
      return act({ type: 'focus', focus: 'list' }, ...open);
    }
    case 'back':
      return act({ type: 'back' });
    case 'open-speaker':
      return act(...openSpeaker(d, s));
    case 'open-narrative': {
      const hit = d.search.hits[quoteIndex(d, s)];
      const id = hit?.ref.quote.narratives[0];
      const index = id ? d.corpus.narratives.findIndex((n) => n.id === id) : -1;
      if (index >= 0) return act({ type: 'open-narrative', index });
      return hit ? flash('this quote supports no narrative') : none;
    }
    case 'open-event-actor': {
      const item = d.events[clampIndex(s.timeline.selected, d.events.length)];
      const first = item?.event.actors[0];
      if (first) return act({ type: 'open-profile', actor: first });
      return item ? flash('no actor is named for this event') : none;
    }
    case 'open-actor':
      return actor ? act({ type: 'open-profile', actor: actor.id }) : none;
    case 'close-profile':
      return act({ type: 'close-profile' });
    case 'open-item': {
      const item = d.profile?.items[clampIndex(s.actors.cursor, d.profile.items.length)];
      if (!item) return none;
      if (item.kind === 'quote') return act({ type: 'open-quote', quote: item.id });
      return act({ type: 'open-narrative', index: Math.max(0, d.corpus.narratives.findIndex((n) => n.id === item.id)) });
    }
    case 'toggle-choose': {
      const n = d.corpus.narratives[clampIndex(s.narratives.selected, d.corpus.narratives.length)];
      return n ? act({ type: 'toggle-choose', id: n.id }) : none;
    }
    case 'compare': {
      const chosen = s.narratives.chosen.length;
      if (chosen >= 2) return act({ type: 'compare', on: true });
      return flash(`choose two or more narratives with space (${chosen} chosen), then c`);
    }
    case 'close-compare':
      return act({ type: 'compare', on: false });
    case 'up':
    case 'down':
    case 'page-up':
    case 'page-down':
    case 'top':
    case 'bottom': {
      const t = movementTarget(d, s);
      if (!t) return none;
      return act({ type: 'move', ...t, command, ...(t.target === 'quotes' ? { from: quoteIndex(d, s) } : {}) });
    }
  }
  const unhandled: never = command;
  return unhandled;
}
