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
import type { Link } from './lib/doc.js';
import { citeQuote, comparisonMarkdown } from './lib/citation.js';
import { readerSpans, spanIndex, type SpanKind } from './panes/reader/view-model.js';
import { findEvent } from './panes/timeline/event-view.js';
import { shownRows } from './panes/narratives/view-model.js';
import { handleDialogKey, handleInfoKey, handleStudyCommand, isStudyCommand } from './study/commands.js';
import { applyCompletion, completeQuery } from '../core/search/complete.js';
import { count } from './lib/format.js';

/** What a command sends outside the dashboard. */
export type Effect = { kind: 'clipboard'; text: string } | { kind: 'append'; text: string };

export type Outcome = { exit: number } | { suspend: true } | { actions: Action[]; effects?: Effect[] };

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

/** The link under the cursor: in an open profile, a detail view, or the reader's focused span. */
function selectedLink(d: DashboardData, s: State): Link | undefined {
  if (s.detail?.kind === 'reader') return d.reader?.spans[s.detail.focus]?.link;
  if (s.detail) return d.doc?.items[clampIndex(s.detail.cursor, d.doc.items.length)]?.link;
  if (s.pane === 'actors' && d.profile) return d.profile.items[clampIndex(s.actors.cursor, d.profile.items.length)]?.link;
  return undefined;
}

/** The selected quote of the Quotes pane, as a link. */
function quoteLink(d: DashboardData, s: State): Link | undefined {
  const hit = d.search.hits[quoteIndex(d, s)];
  return hit ? { kind: 'quote', id: hit.ref.quote.id } : undefined;
}

/** The reader, open on an article with the span [start, end) in focus. */
function readerAt(d: DashboardData, articleId: string, start: number, end: number, kind?: SpanKind): Action[] {
  const article = d.corpus.articleById.get(articleId);
  if (!article) return [];
  const focus = spanIndex(readerSpans(d.corpus, article), start, end, kind);
  return [{ type: 'open-detail', detail: { kind: 'reader', article: articleId, focus } }];
}

/** Where following a link goes. */
function followLink(d: DashboardData, link: Link): Action[] {
  switch (link.kind) {
    case 'quote':
      return [{ type: 'open-quote', quote: link.id }];
    case 'actor':
      return [{ type: 'open-profile', actor: link.id }];
    case 'narrative':
      return [{ type: 'open-narrative', index: Math.max(0, d.corpus.narratives.findIndex((n) => n.id === link.id)) }];
    case 'event':
      return [{ type: 'open-detail', detail: { kind: 'event', id: link.id, cursor: 0 } }];
    case 'span':
      return readerAt(d, link.article, link.start, link.end);
  }
}

/** `r`: the selected quote, mention, silence or event in the reader. */
function readSelected(d: DashboardData, s: State): Outcome {
  let link: Link | undefined;
  if (s.detail || s.pane === 'actors') link = selectedLink(d, s);
  else if (s.pane === 'quotes') link = quoteLink(d, s);
  else if (s.pane === 'timeline') {
    const item = d.events[clampIndex(s.timeline.selected, d.events.length)];
    if (item) link = { kind: 'event', id: item.event.id };
  }
  if (!link) return none;
  switch (link.kind) {
    case 'quote': {
      const ref = d.corpus.quoteById.get(link.id);
      return ref ? act(...readerAt(d, ref.article.id, ref.quote.span.start, ref.quote.span.end, ref.quote.kind)) : none;
    }
    case 'event': {
      const found = findEvent(d.corpus, link.id);
      return found ? act(...readerAt(d, found.article.id, found.event.span.start, found.event.span.end, 'event')) : none;
    }
    case 'span':
      return act(...readerAt(d, link.article, link.start, link.end));
    case 'actor':
    case 'narrative':
      return flash('r reads a quote, mention, silence or event in its article: select one of those');
  }
}

/**
 * Tab (or Shift-Tab) in the quote search box: the last word completed with the next (previous)
 * candidate the corpus offers; with one candidate it is simply taken, so that typing goes on.
 */
function complete(s: State, d: DashboardData, step: 1 | -1): Outcome {
  const base = s.quotes.completion?.base ?? s.quotes.query;
  const c = completeQuery(d.corpus, base);
  if (!c) return act({ type: 'focus', focus: 'list' });
  const n = c.candidates.length;
  if (n === 0) return flash(`nothing to complete: no ${c.target.field ?? 'filter'}${c.target.field ? ':' : ''} value in this corpus fits "${c.target.typed}"`);
  if (n === 1) return act({ type: 'set-text', text: applyCompletion(base, c, c.candidates[0]!) });
  const at = s.quotes.completion;
  const index = at ? (at.index + step + n) % n : step === 1 ? 0 : n - 1;
  return act({ type: 'complete', text: applyCompletion(base, c, c.candidates[index]!), base, index });
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
  if (press.command === 'insert') {
    // typed in a list (not a command there): the search box takes focus and the key, as in fzf
    const focus: Action[] = s.focus === 'input' ? [] : [{ type: 'focus', focus: 'input' }];
    return act(...focus, { type: 'edit', edit: 'insert', text: press.text });
  }
  const command = press.command;
  const actor = d.actors[clampIndex(s.actors.selected, d.actors.length)];
  switch (command) {
    case 'interrupt':
      return { exit: 130 };
    case 'suspend':
      return { suspend: true };
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
    case 'complete':
    case 'complete-prev':
      return complete(s, d, command === 'complete' ? 1 : -1);
    case 'take-correction': {
      const fix = s.pane === 'quotes' && !s.detail ? d.noMatch?.suggestion : undefined;
      if (!fix) return flash('no correction to take (one is offered when nothing matches)');
      return act({ type: 'set-text', text: fix.query }, { type: 'flash', text: `searching for ${fix.query} (${count(fix.total, 'quote')}) instead` });
    }
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
    case 'open-event': {
      const item = d.events[clampIndex(s.timeline.selected, d.events.length)];
      return item ? act({ type: 'open-detail', detail: { kind: 'event', id: item.event.id, cursor: 0 } }) : none;
    }
    case 'open-actor':
      return actor ? act({ type: 'open-profile', actor: actor.id }) : none;
    case 'close-profile':
      return act({ type: 'close-profile' });
    case 'follow': {
      const link = selectedLink(d, s);
      return link ? act(...followLink(d, link)) : none;
    }
    case 'read':
      return readSelected(d, s);
    case 'open-narrative-view': {
      const n = d.corpus.narratives[clampIndex(s.narratives.selected, d.corpus.narratives.length)];
      return n ? act({ type: 'open-detail', detail: { kind: 'narrative', id: n.id, cursor: 0 } }) : none;
    }
    case 'open-cell': {
      if (!d.comparison) return none;
      const row = shownRows(d.comparison, s.narratives.diffOnly)[s.narratives.row];
      if (!row) return none;
      const col = clampIndex(s.narratives.col, row.cells.length);
      return act({ type: 'open-detail', detail: { kind: 'cell', axis: row.axis.id, col, cursor: 0 } });
    }
    case 'cell-left':
    case 'cell-right':
      return act({ type: 'cell-column', by: command === 'cell-left' ? -1 : 1, count: d.comparison?.narratives.length ?? 0 });
    case 'toggle-diff':
      return act({ type: 'toggle-diff' });
    case 'cycle-sort': {
      const hit = d.search.hits[quoteIndex(d, s)];
      return act({ type: 'cycle-sort', ...(hit ? { keep: hit.ref.quote.id } : {}) });
    }
    case 'copy': {
      const link = s.pane === 'quotes' && !s.detail ? quoteLink(d, s) : selectedLink(d, s);
      const ref = link?.kind === 'quote' ? d.corpus.quoteById.get(link.id) : undefined;
      if (!ref) return flash('y copies a quote: select one');
      const text = citeQuote(d.corpus, ref);
      const who = ref.quote.speaker ? (d.corpus.actorById.get(ref.quote.speaker)?.name ?? ref.quote.speaker) : 'a term';
      return { actions: [{ type: 'copied', text, message: `copied ${who}'s quote with its citation · a: also append it to the clips file` }], effects: [{ kind: 'clipboard', text }] };
    }
    case 'copy-compare': {
      if (!d.comparison) return none;
      const text = comparisonMarkdown(d.comparison, s.narratives.diffOnly);
      const rows = shownRows(d.comparison, s.narratives.diffOnly).length;
      return { actions: [{ type: 'copied', text, message: `copied the comparison as Markdown (${rows} of ${d.comparison.rows.length} questions) · a: also append it to the clips file` }], effects: [{ kind: 'clipboard', text }] };
    }
    case 'append-clip':
      return s.clip === null ? none : { actions: [{ type: 'flash', text: 'appending…' }], effects: [{ kind: 'append', text: s.clip }] };
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
