import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYS, fixture, lines, mount, widest, type Mounted } from './helpers.js';

afterEach(() => cleanup());

/** Every screen the dashboard can show, reached by keys. */
async function tour(ui: Mounted, check: (screen: string, where: string) => void) {
  check(ui.screen(), 'quotes');
  await ui.press('/');
  check(await ui.press('colour'), 'quotes, searching');
  check(await ui.press(KEYS.enter), 'profile');
  check(await ui.press('2'), 'actors');
  check(await ui.press('3'), 'narratives');
  await ui.press(KEYS.space);
  await ui.press('j');
  await ui.press(KEYS.space);
  check(await ui.press('c'), 'compare');
  // scrolls only where the comparison does not fit, so no new frame is promised
  check(await ui.pressUntil('G', () => true, 'G'), 'compare, scrolled');
  check(await ui.press('4'), 'timeline');
  check(await ui.press('?'), 'help');
}

function fits(cols: number, rows: number) {
  return (screen: string, where: string) => {
    expect(widest(screen), `${where}: a line wider than ${cols}`).toBeLessThanOrEqual(cols);
    // one line short of the terminal, so Ink never redraws the whole screen
    expect(lines(screen).length, `${where}: taller than ${rows - 1}`).toBeLessThanOrEqual(rows - 1);
  };
}

describe('layout', () => {
  for (const [cols, rows] of [
    [60, 20],
    [100, 30],
    [160, 45],
    [40, 12],
  ] as const) {
    it(`fits ${cols}x${rows} on every screen`, async () => {
      const ui = await mount(await fixture('corpus'), { size: { columns: cols, rows } });
      await tour(ui, fits(cols, rows));
    });
  }

  it('stays usable at 60 columns: tabs, counts and the footer are there', async () => {
    const ui = await mount(await fixture('corpus'), { size: { columns: 60, rows: 20 } });
    const s = ui.screen();
    expect(lines(s)[0]).toContain('[1 Quotes]');
    expect(lines(s)[0]).toContain('4 Timeline');
    expect(s).toContain('19 quotes');
    expect(lines(s).at(-1)).toContain('q quit');
  });

  it('redraws to the new size on resize', async () => {
    const ui = await mount(await fixture('corpus'), { size: { columns: 100, rows: 30 } });
    expect(lines(ui.screen())).toHaveLength(29);
    const small = await ui.resize({ columns: 60, rows: 20 });
    fits(60, 20)(small, 'after shrinking');
    expect(lines(small)).toHaveLength(19);
    const big = await ui.resize({ columns: 160, rows: 45 });
    fits(160, 45)(big, 'after growing');
    expect(lines(big)).toHaveLength(44);
    expect(widest(big)).toBeGreaterThan(100);
  });
});
