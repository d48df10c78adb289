import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/core/corpus/corpus.js';
import { actorRecord, timeline } from '../../src/core/corpus/corpus.js';
import { compareNarratives } from '../../src/core/compare.js';
import { buildSearchIndex, searchQuotes } from '../../src/core/search/search.js';
import { handleCommand, type Outcome } from '../../src/tui/commands.js';
import { BINDINGS } from '../../src/tui/keymap.js';
import { clampIndex, type DashboardData } from '../../src/tui/dashboard-data.js';
import { initialState, reducer, type State } from '../../src/tui/state.js';
import { filterActors, profileView, quoteCounts } from '../../src/tui/panes/actors/view-model.js';
import { nestHits } from '../../src/tui/panes/quotes/nesting.js';
import { compareView } from '../../src/tui/panes/narratives/view-model.js';
import { cellView } from '../../src/tui/panes/narratives/cell-view.js';
import { eventView } from '../../src/tui/panes/timeline/event-view.js';
import { narrativeView } from '../../src/tui/panes/narratives/narrative-view.js';
import { readerView } from '../../src/tui/panes/reader/view-model.js';
import { listLayout } from '../../src/tui/lib/layout.js';
import { fixture } from './helpers.js';

/** What the dashboard's data hook derives, without React (100x30). */
function dataFor(corpus: Corpus, s: State): DashboardData {
  const width = 100;
  const body = 27;
  const found = searchQuotes(buildSearchIndex(corpus), s.quotes.query);
  const nesting = nestHits(found.hits);
  const search = { ...found, hits: nesting.hits, pending: false };
  const actors = filterActors(corpus.actors, s.actors.filter).actors;
  const actorSel = clampIndex(s.actors.selected, actors.length);
  const record = actorRecord(corpus, s.actors.profile ?? actors[actorSel]?.id ?? '');
  const comparison = s.narratives.comparing ? compareNarratives(corpus, s.narratives.chosen) : undefined;
  const events = timeline(corpus);
  return {
    corpus, width, height: 29, body, listRows: listLayout(body).list, search, corrections: [], noMatch: undefined, nesting, completion: undefined, actors, actorsClosest: false, actorSel,
    quoteCounts: () => quoteCounts(corpus), record, profileOpen: s.actors.profile !== null && record !== undefined,
    profile: s.actors.profile && record ? profileView(corpus, record, width, s.actors.cursor) : undefined,
    narrSel: clampIndex(s.narratives.selected, corpus.narratives.length), comparison,
    compare: comparison ? compareView(comparison, width, s.narratives) : undefined,
    events, eventSel: clampIndex(s.timeline.selected, events.length),
    doc: detailDoc(corpus, s, comparison, width),
    reader: s.detail?.kind === 'reader' ? readerView(corpus, corpus.articleById.get(s.detail.article)!, s.detail.focus, width, true) : undefined,
  };
}

function detailDoc(corpus: Corpus, s: State, comparison: ReturnType<typeof compareNarratives> | undefined, width: number) {
  const d = s.detail;
  if (!d || d.kind === 'reader') return undefined;
  if (d.kind === 'cell') return comparison ? cellView(corpus, comparison, d.axis, d.col, width, d.cursor, true) : undefined;
  if (d.kind === 'event') return eventView(corpus, d.id, width, d.cursor, true);
  return narrativeView(corpus, d.id, width, d.cursor);
}

const press = (command: string, text?: string) => (command === 'insert' ? { command: 'insert' as const, text: text ?? '' } : { command } as never);

async function handle(s: State, command: string): Promise<Outcome> {
  const corpus = await fixture('corpus');
  return handleCommand(press(command), s, dataFor(corpus, s));
}

const actionsOf = (o: Outcome) => ('actions' in o ? o.actions : []);

describe('the command handler', () => {
  it('quits with 0, and with 130 on Ctrl-C', async () => {
    expect(await handle(initialState(), 'quit')).toEqual({ exit: 0 });
    expect(await handle(initialState(), 'interrupt')).toEqual({ exit: 130 });
  });

  it("opens the selected quote's speaker, or says why a term has none", async () => {
    expect(await handle(initialState({ search: 'sigh of relief' }), 'open-speaker')).toEqual({ actions: [{ type: 'open-profile', actor: 'smagin' }] });
    const term = actionsOf(await handle(initialState({ search: 'kind:term' }), 'open-speaker'));
    expect(term).toEqual([{ type: 'flash', text: 'a term: nobody is quoted as saying it, so there is no speaker to open' }]);
  });

  it('moves in the list the state is on, from a pinned quote where there is one', async () => {
    const corpus = await fixture('corpus');
    const s = reducer(initialState(), { type: 'open-quote', quote: 'q-trump-help' });
    const d = dataFor(corpus, s);
    const pinned = d.search.hits.findIndex((h) => h.ref.quote.id === 'q-trump-help');
    expect(handleCommand(press('down'), s, d)).toEqual({
      actions: [{ type: 'move', target: 'quotes', count: corpus.quotes.length, page: d.listRows, command: 'down', from: pinned }],
    });
    const timelineState = { ...initialState(), pane: 'timeline' as const };
    expect(actionsOf(handleCommand(press('bottom'), timelineState, dataFor(corpus, timelineState)))[0]).toMatchObject({ type: 'move', target: 'timeline', count: 6 });
  });

  it('compares only two or more narratives, and says so', async () => {
    const one = { ...initialState({ pane: 'narratives' }), narratives: { selected: 0, chosen: ['n-peaked'], comparing: false, row: 0, col: 0, diffOnly: false } };
    expect(actionsOf(await handle(one, 'compare'))).toEqual([{ type: 'flash', text: 'choose two or more narratives with space (1 chosen), then c' }]);
    const two = { ...one, narratives: { ...one.narratives, chosen: ['n-peaked', 'n-grievance'] } };
    expect(actionsOf(await handle(two, 'compare'))).toEqual([{ type: 'compare', on: true }]);
  });

  it('opens the selected event whole', async () => {
    const trump = { ...initialState({ pane: 'timeline' }), timeline: { selected: 3 } };
    expect(actionsOf(await handle(trump, 'open-event'))).toEqual([{ type: 'open-detail', detail: { kind: 'event', id: 'e-trump-post', cursor: 0 } }]);
  });

  it('Enter in the actor filter leaves the box and opens the selected actor', async () => {
    const s = { ...initialState({ pane: 'actors' }), focus: 'input' as const, actors: { filter: 'smagin', selected: 0, profile: null, cursor: 0 } };
    expect(actionsOf(await handle(s, 'input-submit'))).toEqual([{ type: 'focus', focus: 'list' }, { type: 'open-profile', actor: 'smagin' }]);
  });

  it('goes round the panes with Tab and Shift-Tab', async () => {
    expect(actionsOf(await handle(initialState({ pane: 'timeline' }), 'next-pane'))).toEqual([{ type: 'pane', pane: 'quotes' }]);
    expect(actionsOf(await handle(initialState(), 'prev-pane'))).toEqual([{ type: 'pane', pane: 'timeline' }]);
    expect(actionsOf(await handle(initialState(), 'pane-3'))).toEqual([{ type: 'pane', pane: 'narratives' }]);
  });

  it('types text into the box; typed in the list, the box takes focus first (as in fzf)', async () => {
    const corpus = await fixture('corpus');
    const typing = { ...initialState(), focus: 'input' as const };
    expect(handleCommand({ command: 'insert', text: 'zakh' }, typing, dataFor(corpus, typing))).toEqual({
      actions: [{ type: 'edit', edit: 'insert', text: 'zakh' }],
    });
    expect(handleCommand({ command: 'insert', text: 'z' }, initialState(), dataFor(corpus, initialState()))).toEqual({
      actions: [{ type: 'focus', focus: 'input' }, { type: 'edit', edit: 'insert', text: 'z' }],
    });
  });

  it('has an answer for every command in the key table', async () => {
    for (const b of BINDINGS) {
      const out = await handle(initialState(), b.command);
      expect('exit' in out || 'suspend' in out || Array.isArray(out.actions), b.command).toBe(true);
    }
  });
});
