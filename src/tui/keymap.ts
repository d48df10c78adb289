/**
 * THE key-binding table. Every key the dashboard reacts to is listed here once, with the command
 * it triggers, what it does, and the contexts in which it applies. Components never compare raw
 * keys: the App asks `resolveKey()` which command a keypress means in the current contexts, the
 * footer asks `footerHints()`, the help overlay asks `helpSections()`.
 *
 * Pure data and functions: no React, no terminal.
 */
import type { Key } from 'ink';

/** Where the user is. Several apply at once (e.g. ['always', 'global', 'list', 'quotes']). */
export type Context =
  | 'always' // everywhere, even while typing
  | 'global' // everywhere except while typing in a text box
  | 'list' // a list or a scrolling view that moves with the cursor keys
  | 'input' // a text box has focus: letters type into it
  | 'query' // ... the quote search box
  | 'completable' // ... whose last word is a filter's name or value being typed
  | 'correction' // the query finds nothing, and a correction that finds something is offered
  | 'filtered' // a list whose search/filter is not empty
  | 'typeahead' // a list where typing a letter that is no command starts the search (as in fzf)
  | 'history' // there is a previous view to go back to
  | 'quotes'
  | 'actors'
  | 'profile'
  | 'narratives'
  | 'compare'
  | 'timeline'
  | 'cell' // a comparison cell opened in full
  | 'reader' // an article, every span marked
  | 'event' // a timeline event with its links
  | 'narrative-view' // a narrative with its evidence and proponents
  | 'copied' // text was just copied: it may be appended to the clips file
  | 'help'
  // ---- the study (src/tui/study/) ----
  | 'study' // a study is open for editing (only decides which hints the footer shows: see `needs`)
  | 'dialog' // an editing flow asks: a text prompt or a fuzzy picker (letters type into it)
  | 'picker' // ... a picker where several items may be taken
  | 'confirm' // an editing flow asks yes or no
  | 'study-info'; // the study overlay: orphans, problems, conflicts, memos, history

/** One key: a named key (arrows, Enter...) or a character, with modifiers. */
export type KeySpec =
  | { name: NamedKey; shift?: boolean; ctrl?: boolean }
  | { char: string; ctrl?: boolean };

export type NamedKey =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace';

export interface Binding<C extends string = Command> {
  command: C;
  keys: KeySpec[];
  /** what it does, for the help overlay */
  description: string;
  /** applies when any of these contexts is active */
  when: Context[];
  /** shown in the footer (lower rank first; dropped from the end when narrow) */
  hint?: { keys: string; text: string; rank: number };
  /**
   * The footer shows the hint only when this context is active too. The key itself still
   * resolves without it, so that the command can say why it does nothing (the study's edits
   * without a study say how to open one).
   */
  needs?: Context;
}

const k = (name: NamedKey, mods: { shift?: boolean; ctrl?: boolean } = {}): KeySpec => ({ name, ...mods });
const c = (char: string, ctrl = false): KeySpec => (ctrl ? { char, ctrl } : { char });

/** Keeps the command names of the table as a union of literals (see `Command`). */
function table<C extends string>(bindings: readonly Binding<C>[]): readonly Binding<C>[] {
  return bindings;
}

/**
 * The table. Order matters: the first binding whose contexts are active and whose key matches
 * wins, so the specific (typing, overlays, sub-views) come before the general.
 *
 * A new command is a new row here: its name becomes a `Command`, and the command handler
 * (commands.ts) fails to compile until it has a case for it.
 */
export const BINDINGS = table([
  { command: 'interrupt', keys: [c('c', true)], description: 'quit at once (exit code 130)', when: ['always'] },
  // raw mode turns the terminal's own Ctrl-Z into a key: the dashboard suspends itself (run.ts)
  { command: 'suspend', keys: [c('z', true)], description: 'suspend to the shell (fg comes back)', when: ['always'] },

  // ---- just after copying ----
  { command: 'append-clip', keys: [c('a')], description: 'also append what was just copied to the clips file ($NARRATIVE_LENS_CLIPS)', when: ['copied'], hint: { keys: 'a', text: 'append to file', rank: 0 } },

  // ---- help overlay ----
  { command: 'close-help', keys: [k('escape'), c('?')], description: 'close this help', when: ['help'], hint: { keys: 'esc', text: 'close', rank: 1 } },

  // ---- the study: an editing flow's questions (before typing: here Enter answers and Esc cancels) ----
  { command: 'dialog-submit', keys: [k('return')], description: 'take the answer: the text typed, or the highlighted (or marked) items', when: ['dialog'], hint: { keys: 'enter', text: 'ok', rank: 2 } },
  { command: 'dialog-cancel', keys: [k('escape')], description: 'cancel the edit', when: ['dialog'], hint: { keys: 'esc', text: 'cancel', rank: 3 } },
  { command: 'picker-toggle', keys: [k('tab')], description: 'mark or unmark the highlighted item (as fzf -m)', when: ['picker'], hint: { keys: 'tab', text: 'mark', rank: 2 } },
  { command: 'confirm-yes', keys: [c('y'), k('return')], description: 'yes, make the edit', when: ['confirm'], hint: { keys: 'y', text: 'yes', rank: 1 } },
  { command: 'dialog-cancel', keys: [c('n'), k('escape')], description: 'no, leave it', when: ['confirm'], hint: { keys: 'n', text: 'no', rank: 2 } },
  { command: 'close-study-info', keys: [k('escape'), c('O')], description: 'close the study overlay', when: ['study-info'], hint: { keys: 'esc', text: 'close', rank: 2 } },

  // ---- typing in the quote search box ----
  { command: 'complete', keys: [k('tab')], description: "complete the filter being typed: its name (ki → kind:) or a value from the corpus (kind:d → kind:direct; date:, outlet:, article:, speaker:, narrative:); again: the next candidate (elsewhere Tab leaves the box)", when: ['completable'], hint: { keys: 'tab', text: 'complete', rank: 2 } },
  { command: 'complete-prev', keys: [k('tab', { shift: true })], description: 'the previous candidate of the completion', when: ['completable'] },
  { command: 'take-correction', keys: [c('t', true)], description: 'when nothing matches: search for the correction offered instead (teh → the)', when: ['query', 'quotes'], needs: 'correction', hint: { keys: '^T', text: 'take correction', rank: 1 } },

  // ---- typing in a search or filter box ----
  { command: 'up', keys: [k('up'), c('p', true)], description: 'move up while typing', when: ['input'], hint: { keys: '↑↓', text: 'move', rank: 1 } },
  { command: 'down', keys: [k('down'), c('n', true)], description: 'move down while typing', when: ['input'] },
  { command: 'page-up', keys: [k('pageUp')], description: 'page up while typing', when: ['input'] },
  { command: 'page-down', keys: [k('pageDown')], description: 'page down while typing', when: ['input'] },
  { command: 'input-submit', keys: [k('return')], description: 'open the selected item', when: ['input'], hint: { keys: 'enter', text: 'open', rank: 2 } },
  { command: 'input-done', keys: [k('escape'), k('tab')], description: 'leave the box, keep the query', when: ['input'], hint: { keys: 'esc', text: 'done', rank: 3 } },
  { command: 'delete-char', keys: [k('backspace')], description: 'delete the last character', when: ['input'] },
  { command: 'delete-word', keys: [c('w', true)], description: 'delete the last word', when: ['input'] },
  { command: 'clear-input', keys: [c('u', true)], description: 'clear the box', when: ['input'], hint: { keys: '^U', text: 'clear', rank: 4 } },

  // ---- moving in lists and scrolling views ----
  { command: 'up', keys: [k('up'), c('k'), c('p', true)], description: 'move up', when: ['list'], hint: { keys: '↑↓', text: 'move', rank: 1 } },
  { command: 'down', keys: [k('down'), c('j'), c('n', true)], description: 'move down', when: ['list'] },
  { command: 'page-up', keys: [k('pageUp'), c('b', true)], description: 'page up', when: ['list'] },
  { command: 'page-down', keys: [k('pageDown'), c('f', true)], description: 'page down', when: ['list'] },
  { command: 'top', keys: [k('home'), c('g')], description: 'go to the top', when: ['list'] },
  { command: 'bottom', keys: [k('end'), c('G')], description: 'go to the bottom', when: ['list'] },

  // ---- per pane ----
  { command: 'open-speaker', keys: [k('return')], description: "open the quote's speaker", when: ['quotes'], hint: { keys: 'enter', text: 'speaker', rank: 2 } },
  { command: 'open-narrative', keys: [c('n')], description: 'open the narrative the quote supports', when: ['quotes'], hint: { keys: 'n', text: 'narrative', rank: 3 } },
  { command: 'read', keys: [c('r')], description: 'read it in its article: every span marked (quotes, profiles, events, cells)', when: ['quotes', 'profile', 'timeline', 'cell', 'event', 'narrative-view'], hint: { keys: 'r', text: 'read', rank: 4 } },
  { command: 'cycle-sort', keys: [c('s')], description: 'sort the quotes: relevance, date, speaker, article', when: ['quotes'], hint: { keys: 's', text: 'sort', rank: 6 } },
  { command: 'copy', keys: [c('y')], description: 'copy the selected quote with its citation to the clipboard (through the terminal)', when: ['quotes', 'profile', 'cell', 'event', 'narrative-view', 'reader'], hint: { keys: 'y', text: 'copy', rank: 5 } },
  { command: 'open-event', keys: [k('return')], description: 'open the event: its actors, its quotes, its source', when: ['timeline'], hint: { keys: 'enter', text: 'open', rank: 2 } },
  { command: 'open-actor', keys: [k('return')], description: "open the actor's profile", when: ['actors'], hint: { keys: 'enter', text: 'profile', rank: 2 } },
  { command: 'follow', keys: [k('return')], description: 'follow the selected link (a quote, a person, a narrative, an event)', when: ['profile', 'cell', 'event', 'narrative-view', 'reader'], hint: { keys: 'enter', text: 'open', rank: 2 } },
  { command: 'toggle-choose', keys: [c(' ')], description: 'choose a narrative to compare', when: ['narratives'], hint: { keys: 'space', text: 'choose', rank: 2 } },
  { command: 'compare', keys: [c('c')], description: 'compare the chosen narratives', when: ['narratives'], hint: { keys: 'c', text: 'compare', rank: 3 } },
  { command: 'open-narrative-view', keys: [k('return')], description: 'open the narrative: its proponents, positions and quotes', when: ['narratives'], hint: { keys: 'enter', text: 'open', rank: 4 } },
  { command: 'open-cell', keys: [k('return')], description: 'open the selected cell whole: every evidence quote, every person', when: ['compare'], hint: { keys: 'enter', text: 'cell', rank: 2 } },
  { command: 'cell-left', keys: [k('left'), c('h')], description: 'the cell to the left', when: ['compare'], hint: { keys: '←→', text: 'column', rank: 3 } },
  { command: 'cell-right', keys: [k('right'), c('l')], description: 'the cell to the right', when: ['compare'] },
  { command: 'copy-compare', keys: [c('Y')], description: 'copy the comparison shown to the clipboard, as Markdown', when: ['compare'], hint: { keys: 'Y', text: 'copy', rank: 6 } },
  { command: 'toggle-diff', keys: [c('d')], description: 'show only the questions where the narratives differ (again: all)', when: ['compare'], hint: { keys: 'd', text: 'differences', rank: 4 } },
  { command: 'close-compare', keys: [k('escape')], description: 'close the comparison', when: ['compare'], hint: { keys: 'esc', text: 'back', rank: 5 } },

  // ---- the study's edits (src/tui/study/flows.ts): each through the core's edit function ----
  { command: 'code-quote', keys: [c('a')], description: 'code the quote to a narrative (a fuzzy picker)', when: ['quotes'], needs: 'study', hint: { keys: 'a', text: 'code', rank: 7 } },
  { command: 'uncode-quote', keys: [c('x')], description: 'take the quote off a narrative the study coded it to', when: ['quotes'] },
  { command: 'code-all', keys: [c('A')], description: 'code every result of the search to a narrative (a count, then a confirmation)', when: ['quotes'] },
  { command: 'fix-speaker', keys: [c('S')], description: "correct the quote's speaker: pick an actor, or create one", when: ['quotes'] },
  { command: 'fix-kind', keys: [c('K')], description: "correct the quote's kind (direct, indirect, term)", when: ['quotes'] },
  { command: 'reject-quote', keys: [c('X')], description: 'reject the quote as false (with a confirmation)', when: ['quotes'] },
  { command: 'add-quote', keys: [c('+')], description: "add a quote the draft missed: type its words, they are found in the quote's article", when: ['quotes'] },
  { command: 'mark-reviewed', keys: [c('V')], description: "mark the quote's article reviewed (its DRAFT mark cleared)", when: ['quotes'] },
  { command: 'new-narrative', keys: [c('a')], description: 'new narrative: label, summary, key terms', when: ['narratives'], needs: 'study', hint: { keys: 'a', text: 'new', rank: 7 } },
  { command: 'edit-narrative', keys: [c('e')], description: "edit the narrative's summary and key terms", when: ['narratives'], needs: 'study', hint: { keys: 'e', text: 'edit', rank: 7 } },
  { command: 'rename-narrative', keys: [c('R')], description: 'rename the narrative', when: ['narratives'] },
  { command: 'delete-narrative', keys: [c('D')], description: 'delete the narrative, with its codings and positions (with a confirmation)', when: ['narratives'] },
  { command: 'suggest', keys: [c('s')], description: 'suggestions: the uncoded quotes most like the narrative\'s, ranked; enter codes each', when: ['narratives', 'narrative-view'], needs: 'study', hint: { keys: 's', text: 'suggest', rank: 7 } },
  { command: 'set-position', keys: [c('e')], description: "set the column's narrative's position on a question (the selected row's first): stance, summary, status, evidence", when: ['compare', 'cell'], needs: 'study', hint: { keys: 'e', text: 'position', rank: 7 } },
  { command: 'edit-alignment', keys: [c('e')], description: "edit the actor's alignment and the reason for it", when: ['actors', 'profile'], needs: 'study', hint: { keys: 'e', text: 'alignment', rank: 7 } },
  { command: 'merge-actor', keys: [c('M')], description: 'merge the actor into another (aliases joined, every quote moved)', when: ['actors', 'profile'] },
  { command: 'add-question', keys: [c('a')], description: 'add a question (a new row of the comparison)', when: ['compare'], needs: 'study', hint: { keys: 'a', text: 'question', rank: 7 } },
  { command: 'memo', keys: [c('m')], description: 'write a memo on the selected quote, actor, narrative or position', when: ['quotes', 'actors', 'profile', 'narratives', 'compare', 'cell', 'narrative-view'], needs: 'study', hint: { keys: 'm', text: 'memo', rank: 7 } },
  { command: 'undo', keys: [c('u')], description: 'undo the last edit of the study (the history is kept in it: this works after a restart)', when: ['global'], needs: 'study', hint: { keys: 'u', text: 'undo', rank: 7 } },
  { command: 'redo', keys: [c('r', true)], description: 'redo the edit last undone', when: ['global'] },
  { command: 'study-info', keys: [c('O')], description: 'the study: orphaned annotations, problems, conflicts, memos, history', when: ['global'] },

  // ---- everywhere but in a text box ----
  { command: 'search', keys: [c('/')], description: 'search quotes / filter the list', when: ['quotes', 'actors'], hint: { keys: '/', text: 'search', rank: 4 } },
  { command: 'clear-filter', keys: [k('escape')], description: 'clear the search', when: ['filtered'], hint: { keys: 'esc', text: 'clear', rank: 5 } },
  { command: 'back', keys: [k('escape')], description: 'go back', when: ['history'], hint: { keys: 'esc', text: 'back', rank: 5 } },
  { command: 'close-profile', keys: [k('escape')], description: 'back to the list of actors', when: ['profile'], hint: { keys: 'esc', text: 'back', rank: 5 } },
  { command: 'next-pane', keys: [k('tab')], description: 'next pane', when: ['global'], hint: { keys: 'tab', text: 'pane', rank: 6 } },
  { command: 'prev-pane', keys: [k('tab', { shift: true })], description: 'previous pane', when: ['global'] },
  { command: 'pane-1', keys: [c('1')], description: 'the Quotes pane', when: ['global'] },
  { command: 'pane-2', keys: [c('2')], description: 'the Actors pane', when: ['global'] },
  { command: 'pane-3', keys: [c('3')], description: 'the Narratives pane', when: ['global'] },
  { command: 'pane-4', keys: [c('4')], description: 'the Timeline pane', when: ['global'] },
  { command: 'help', keys: [c('?')], description: 'show all keys', when: ['global'], hint: { keys: '?', text: 'help', rank: 8 } },
  { command: 'quit', keys: [c('q')], description: 'quit', when: ['global'], hint: { keys: 'q', text: 'quit', rank: 9 } },
]);

/** Every command a key can trigger: the names used in the table above. */
export type Command = (typeof BINDINGS)[number]['command'];

/** Printable text typed while a box has focus ('' when the keypress is not text). */
export function typedText(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete) return '';
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return '';
  // pasted text arrives as one string; keep only what prints on one line
  // eslint-disable-next-line no-control-regex
  return input.replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

function matches(spec: KeySpec, input: string, key: Key): boolean {
  if ('char' in spec) {
    if (spec.ctrl) return key.ctrl && input === spec.char;
    if (key.ctrl || (key.meta && !key.escape)) return false;
    return input === spec.char;
  }
  const shift = spec.shift ?? false;
  switch (spec.name) {
    case 'up':
      return key.upArrow;
    case 'down':
      return key.downArrow;
    case 'left':
      return key.leftArrow;
    case 'right':
      return key.rightArrow;
    case 'pageUp':
      return key.pageUp;
    case 'pageDown':
      return key.pageDown;
    case 'home':
      return key.home;
    case 'end':
      return key.end;
    case 'return':
      return key.return;
    case 'escape':
      return key.escape;
    case 'tab':
      return key.tab && key.shift === shift;
    case 'backspace':
      // terminals send DEL for Backspace, which Ink reports as `delete`
      return key.backspace || key.delete || (key.ctrl && input === 'h');
  }
}

export type Resolved = { command: Command } | { command: 'insert'; text: string } | null;

/** What a keypress means in the given contexts. */
export function resolveKey(input: string, key: Key, contexts: readonly Context[]): Resolved {
  const active = new Set(contexts);
  for (const b of BINDINGS) {
    if (!b.when.some((w) => active.has(w))) continue;
    if (b.keys.some((s) => matches(s, input, key))) return { command: b.command };
  }
  if (active.has('input')) {
    const text = typedText(input, key);
    if (text) return { command: 'insert', text };
  }
  if (active.has('typeahead')) {
    // a printable key that is no command here starts the search with it (not a space)
    const text = typedText(input, key);
    if (text.trim()) return { command: 'insert', text };
  }
  return null;
}

/** A key as people read it. */
export function keyLabel(spec: KeySpec): string {
  if ('char' in spec) return spec.ctrl ? `Ctrl-${spec.char.toUpperCase()}` : spec.char === ' ' ? 'Space' : spec.char;
  const names: Record<NamedKey, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    pageUp: 'PgUp',
    pageDown: 'PgDn',
    home: 'Home',
    end: 'End',
    return: 'Enter',
    escape: 'Esc',
    tab: 'Tab',
    backspace: 'Backspace',
  };
  const base = names[spec.name];
  return spec.shift ? `Shift-${base}` : spec.ctrl ? `Ctrl-${base}` : base;
}

/** The first key of a command, as people read it (for text that names a key, such as "O lists them"). */
export function keyOf(command: Command): string {
  const b = BINDINGS.find((x) => x.command === command);
  return b ? keyLabel(b.keys[0]!) : '';
}

export interface Hint {
  keys: string;
  text: string;
}

/** The footer: the keys that work in these contexts, most useful first, one per command. */
export function footerHints(contexts: readonly Context[]): Hint[] {
  const active = new Set(contexts);
  const seenKeys = new Set<string>();
  const out: { keys: string; text: string; rank: number }[] = [];
  for (const b of BINDINGS) {
    if (!b.when.some((w) => active.has(w))) continue;
    if (b.needs && !active.has(b.needs)) continue;
    // the first binding for a key wins (as in resolveKey): later ones for it are not shown
    const labels = b.keys.map(keyLabel);
    if (labels.some((l) => seenKeys.has(l))) continue;
    for (const l of labels) seenKeys.add(l);
    if (b.hint) out.push(b.hint);
  }
  return out.sort((a, b) => a.rank - b.rank).map(({ keys, text }) => ({ keys, text }));
}

export interface HelpSection {
  title: string;
  rows: { keys: string; description: string }[];
}

const SECTION_TITLES: [Context, string][] = [
  ['always', 'Anywhere'],
  ['global', 'Anywhere but a text box'],
  ['list', 'Lists'],
  ['completable', 'Typing a filter in the quote search box'],
  ['query', 'The quote search box'],
  ['input', 'Typing in a search or filter box'],
  ['quotes', 'Quotes'],
  ['actors', 'Actors'],
  ['profile', 'Actor profile'],
  ['narratives', 'Narratives'],
  ['compare', 'Comparison'],
  ['timeline', 'Timeline'],
  ['cell', 'A comparison cell'],
  ['event', 'An event'],
  ['narrative-view', 'A narrative'],
  ['reader', 'Reader'],
  ['filtered', 'A filtered list'],
  ['history', 'After following a link'],
  ['copied', 'Just after copying'],
  ['help', 'This help'],
  ['dialog', 'An edit asking (a prompt or a fuzzy picker; a study is open)'],
  ['picker', 'A picker of several'],
  ['confirm', 'An edit asking yes or no'],
  ['study-info', 'The study overlay'],
];

/** The help overlay: every binding, grouped by the context it first applies in. */
export function helpSections(): HelpSection[] {
  const sections = new Map<Context, HelpSection>(SECTION_TITLES.map(([ctx, title]) => [ctx, { title, rows: [] }]));
  for (const b of BINDINGS) {
    const section = sections.get(b.when[0]!)!;
    section.rows.push({ keys: b.keys.map(keyLabel).join(' '), description: b.description });
  }
  sections.get('input')!.rows.push({ keys: 'letters', description: 'type into the box (the list filters as you type)' });
  // in Quotes and Actors, typing starts the search: every printable key but the commands above
  for (const ctx of ['quotes', 'actors'] as const) {
    const own = BINDINGS.filter((b) => b.when.some((w) => w === ctx || w === 'list' || w === 'global')).flatMap((b) => b.keys.filter((k) => 'char' in k && !k.ctrl && k.char !== ' ').map(keyLabel));
    sections.get(ctx)!.rows.push({ keys: 'other keys', description: `start the search with them, as in fzf (${[...new Set(own)].join(' ')} are commands here)` });
  }
  return [...sections.values()].filter((s) => s.rows.length > 0);
}
