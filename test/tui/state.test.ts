import { describe, expect, it } from 'vitest';
import { contexts, edit, initialState, move, reducer, type Action, type State } from '../../src/tui/state.js';
import { windowStart } from '../../src/tui/lib/list-window.js';

const run = (s: State, ...actions: Action[]) => actions.reduce(reducer, s);

describe('dashboard state', () => {
  it('edits the box of the pane it is on', () => {
    let s = run(initialState(), { type: 'focus', focus: 'input' }, { type: 'edit', edit: 'insert', text: 'colour rev' });
    expect(s.quotes.query).toBe('colour rev');
    s = run(s, { type: 'edit', edit: 'delete-word' });
    expect(s.quotes.query).toBe('colour ');
    s = run(s, { type: 'edit', edit: 'delete-char' }, { type: 'edit', edit: 'delete-char' });
    expect(s.quotes.query).toBe('colou');
    s = run(s, { type: 'pane', pane: 'actors' }, { type: 'edit', edit: 'insert', text: 'smag' });
    expect(s.actors.filter).toBe('smag');
    expect(s.quotes.query).toBe('colou');
    expect(edit('a👩‍👩‍👧', 'delete-char')).toBe('a'); // a whole grapheme
    expect(edit('ce\u0301', 'delete-char')).toBe('c');
  });

  it('goes back along the links followed, and a pane switch starts a new trail', () => {
    let s = run(initialState(), { type: 'select', target: 'quotes', index: 4 }, { type: 'open-profile', actor: 'x' });
    expect(s.pane).toBe('actors');
    s = run(s, { type: 'open-quote', quote: 'q' });
    expect(s).toMatchObject({ pane: 'quotes', quotes: { pin: 'q', query: '' } });
    expect(contexts(s)).toContain('history');
    s = run(s, { type: 'back' });
    expect(s).toMatchObject({ pane: 'actors', actors: { profile: 'x' } });
    s = run(s, { type: 'back' });
    expect(s).toMatchObject({ pane: 'quotes', quotes: { selected: 4 } });
    expect(contexts(s)).not.toContain('history');
    s = run(s, { type: 'open-profile', actor: 'x' }, { type: 'pane', pane: 'timeline' });
    expect(s.history).toEqual([]);
  });

  it('moves within bounds and keeps the selection in the window', () => {
    expect(move(0, 'up', 10, 5)).toBe(0);
    expect(move(9, 'down', 10, 5)).toBe(9);
    expect(move(0, 'page-down', 10, 5)).toBe(4);
    expect(move(3, 'bottom', 10, 5)).toBe(9);
    expect(move(3, 'down', 0, 5)).toBe(0);
    expect(windowStart(0, 100, 10)).toBe(0);
    expect(windowStart(50, 100, 10)).toBe(45);
    expect(windowStart(99, 100, 10)).toBe(90);
  });

  it('has no text box while help is open, and types while one has focus', () => {
    expect(contexts(run(initialState(), { type: 'help', open: true }))).toEqual(['always', 'help', 'list', 'global']);
    expect(contexts(run(initialState(), { type: 'focus', focus: 'input' }))).toEqual(['always', 'query', 'input']);
    // a filter being typed in the quote search box can be completed (Tab)
    expect(contexts(run(initialState({ search: 'kind:d' }), { type: 'focus', focus: 'input' }))).toEqual(['always', 'query', 'completable', 'input']);
    expect(contexts(run(initialState({ pane: 'actors' }), { type: 'focus', focus: 'input' }))).toEqual(['always', 'input']);
  });
});
