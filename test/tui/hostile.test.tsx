import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, mount, type Mounted } from './helpers.js';

afterEach(() => cleanup());

// what must never reach the terminal from data
const FORBIDDEN = [/\u001b\[2J/, /\u001b\[H/, /\u001b\]/, /\u001b\[\?1049l/, /\u001b\[31m/, /\u001b\[5m/, /\u0007/, /[\u202a-\u202e\u2066-\u2069]/];

function assertInert(ui: Mounted, where: string) {
  const raw = ui.raw();
  for (const re of FORBIDDEN) expect(raw, `${where}: ${re}`).not.toMatch(re);
}

describe('hostile data', () => {
  it('shows escape sequences and bidi controls inert, on every pane', async () => {
    const ui = await mount(await fixture('hostile'));
    assertInert(ui, 'quotes');
    const s = ui.screen();
    expect(s).toContain('Evil ␛[2J␛[HName');
    expect(s).toContain('We ␛[31mwill␛[0m not back down.');
    await ui.press(KEYS.down);
    expect(ui.screen()).toContain('<U+202E>evil<U+202C> twin');
    assertInert(ui, 'quotes, second');
    await ui.press(KEYS.enter);
    assertInert(ui, 'profile');
    expect(ui.screen()).toContain('role ␛[?1049l');
    await ui.press('2');
    assertInert(ui, 'actors');
    await ui.press('3');
    assertInert(ui, 'narratives');
    await ui.press(KEYS.space);
    await ui.press('c'); // one narrative only: a message
    await ui.press('4');
    assertInert(ui, 'timeline');
    expect(ui.screen()).toContain('Bell ␛[1m␇');
  });

  it('compares hostile narratives inert', async () => {
    const corpus = await fixture('hostile');
    const ui = await mount({ ...corpus, narratives: [...corpus.narratives, { ...corpus.narratives[0]!, id: 'n-evil-2' }] }, { initial: { compare: ['n-evil', 'n-evil-2'] } });
    assertInert(ui, 'compare');
    expect(ui.screen()).toContain('Stance ␛[31mred');
  });
});
