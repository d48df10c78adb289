import { describe, expect, it } from 'vitest';
import { initialFrom, plainOutput } from '../../src/tui/run.js';
import { initialState } from '../../src/tui/state.js';
import { fixture } from './helpers.js';

const tty = (colours: boolean) => ({ hasColors: () => colours }) as unknown as NodeJS.WriteStream;

describe('runDashboard options', () => {
  it('draws without colours or attributes under NO_COLOR, FORCE_COLOR=0 or a dumb terminal', () => {
    expect(plainOutput({ NO_COLOR: '1' }, tty(true))).toBe(true);
    expect(plainOutput({ FORCE_COLOR: '0' }, tty(true))).toBe(true);
    expect(plainOutput({ TERM: 'dumb' }, tty(true))).toBe(true);
    expect(plainOutput({ NO_COLOR: '' }, tty(true))).toBe(false);
    expect(plainOutput({}, tty(false))).toBe(true);
    expect(plainOutput({ FORCE_COLOR: '1' }, tty(false))).toBe(false);
  });

  it('resolves names to ids and opens the pane they belong to', async () => {
    const corpus = await fixture('corpus');
    const init = initialFrom(corpus, { actor: 'Zakharova', compare: ['n-peaked', 'Genuine grievance', 'no such thing'] });
    expect(init.actor).toBe('zakharova');
    expect(init.compare).toEqual(['n-peaked', 'n-grievance']);
    const s = initialState(init);
    expect(s.pane).toBe('narratives');
    expect(s.narratives.comparing).toBe(true);
    expect(initialState({ actor: 'zakharova' }).pane).toBe('actors');
    expect(initialState({ search: 'x', pane: 'timeline' })).toMatchObject({ pane: 'timeline', quotes: { query: 'x' } });
  });
});
