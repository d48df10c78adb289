/**
 * End to end: the built command (dist/cli/main.js, made by `npm run build`) in a real terminal.
 * tmux gives it a pseudo-terminal of a known size; we type with `send-keys`, read the screen with
 * `capture-pane`, and ask tmux whether the alternate screen is still on. A private tmux server
 * (-L) keeps these sessions away from anyone else's. Skipped only where tmux is missing (.ci/run
 * installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'dist/cli/main.js');
const corpus = path.join(root, 'test/fixtures/tui/corpus');
const crashScript = path.join(root, 'test/fixtures/tui/crash.mjs');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `nlens-e2e-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

function screen(session: string): string {
  return tmux('capture-pane', '-p', '-t', session);
}

function display(session: string, format: string): string {
  return tmux('display-message', '-p', '-t', session, format).trim();
}

/** Polls the screen until `cond` holds (the command runs at its own pace: no fixed sleeps). */
async function waitForScreen(session: string, cond: (s: string) => boolean, what: string, ms = 15_000): Promise<string> {
  const deadline = Date.now() + ms;
  let s = '';
  while (Date.now() < deadline) {
    s = screen(session);
    if (cond(s)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; the screen was:\n${s}`);
}

/**
 * The first frame can come before the dashboard reads keys (raw mode is set just after it): a
 * key sent then is lost. Sends `key` until the screen shows it was read.
 */
async function untilKeysAreRead(session: string, key: string, read: (s: string) => boolean): Promise<void> {
  for (let tries = 0; tries < 10; tries++) {
    tmux('send-keys', '-t', session, key);
    try {
      await waitForScreen(session, read, `${key} to be read`, 5_000);
      return;
    } catch {
      // not yet reading keys: again
    }
  }
  throw new Error(`the dashboard never read ${key}`);
}

let n = 0;
/**
 * Starts the command in a new session; after it exits the shell prints its exit code and the
 * terminal's line discipline (icanon/echo come back on when raw mode is left).
 */
function start(cols: number, rows: number, args: string[] = [], env: Record<string, string> = {}, script?: string): string {
  const session = `s${++n}`;
  const envs = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
  const command = script
    ? `node ${JSON.stringify(script)} ${args.join(' ')}`
    : `node ${JSON.stringify(bin)} --data ${JSON.stringify(corpus)} ${args.map((a) => JSON.stringify(a)).join(' ')}`;
  const cmd = [
    `${envs} ${command}`,
    'echo "EXIT=$?"',
    `stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo`,
    'sleep 600',
  ].join('; ');
  tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), cmd);
  return session;
}

async function quitAndCheckRestored(session: string, keys: string[], code: number): Promise<string> {
  if (keys.length) tmux('send-keys', '-t', session, ...keys);
  const after = await waitForScreen(session, (s) => s.includes('EXIT='), 'the command to exit');
  expect(after).toContain(`EXIT=${code}`);
  // the alternate screen is left, the cursor shows, the terminal is back in cooked mode with echo
  expect(display(session, '#{alternate_on}')).toBe('0');
  expect(display(session, '#{cursor_flag}')).toBe('1');
  const modes = await waitForScreen(session, (s) => /icanon/.test(s), 'stty output');
  expect(modes).toMatch(/(^|\s)icanon(\s|$)/m);
  expect(modes).toMatch(/(^|\s)echo(\s|$)/m);
  // nothing of the dashboard is left on the normal screen
  expect(after).not.toContain('[1 Quotes]');
  return after;
}

describe.skipIf(!hasTmux)('the dashboard in a real terminal (tmux)', () => {
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  });
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('at 100x30: search, open the speaker, come back, compare, quit with q and leave the alternate screen', async () => {
    const s = start(100, 30);
    const first = await waitForScreen(s, (x) => x.includes('[1 Quotes]') && x.includes('q quit'), 'the first frame');
    expect(display(s, '#{alternate_on}')).toBe('1');
    expect(first).toContain('19 quotes');
    // the frame is one line shorter than the terminal, no line is wider
    const lines = first.replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(29);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(100);

    tmux('send-keys', '-t', s, '/');
    await waitForScreen(s, (x) => x.includes('/ ▌'), 'the search box');
    tmux('send-keys', '-t', s, '-l', 'zakh');
    const found = await waitForScreen(s, (x) => x.includes('2 of 19 quotes'), 'search results');
    expect(found).toMatch(/^> Mariya Zakharova/m);
    tmux('send-keys', '-t', s, 'Enter');
    await waitForScreen(s, (x) => x.includes('Mariya Zakharova · person') && x.includes('[2 Actors]'), 'the profile');
    tmux('send-keys', '-t', s, 'Escape');
    await waitForScreen(s, (x) => x.includes('[1 Quotes]') && x.includes('/ zakh '), 'back in Quotes');

    tmux('send-keys', '-t', s, '3');
    await waitForScreen(s, (x) => x.includes('[3 Narratives]'), 'Narratives');
    tmux('send-keys', '-t', s, 'Space');
    await waitForScreen(s, (x) => x.includes('1 chosen'), 'one chosen');
    tmux('send-keys', '-t', s, 'j');
    await waitForScreen(s, (x) => /^> \[ \] Genuine grievance/m.test(x), 'the second narrative selected');
    tmux('send-keys', '-t', s, 'Space');
    await waitForScreen(s, (x) => x.includes('2 chosen'), 'two chosen');
    tmux('send-keys', '-t', s, 'c');
    const cmp = await waitForScreen(s, (x) => x.includes('│   2 Genuine grievance'), 'the comparison');
    expect(cmp).toContain('What drives the protests?');
    expect(cmp).toMatch(/≠ conflicts with 2\s+│ {3}≠ conflicts with 1/);
    // a cell opened whole, its quote read in the article, and back along the path
    tmux('send-keys', '-t', s, 'Enter');
    await waitForScreen(s, (x) => x.includes('column 1 of 2: Western-orchestrated colour revolution') && x.includes('── Evidence'), 'the cell');
    tmux('send-keys', '-t', s, 'r');
    await waitForScreen(s, (x) => /span \d+ of \d+ · direct quote · Mariya Zakharova/.test(x), 'the reader');
    tmux('send-keys', '-t', s, 'Escape');
    await waitForScreen(s, (x) => x.includes('column 1 of 2'), 'back to the cell');
    tmux('send-keys', '-t', s, 'Escape');
    await waitForScreen(s, (x) => x.includes('│   2 Genuine grievance'), 'back to the comparison');

    tmux('send-keys', '-t', s, '?');
    await waitForScreen(s, (x) => x.includes('── Anywhere'), 'help');
    tmux('send-keys', '-t', s, 'Escape');
    await waitForScreen(s, (x) => !x.includes('── Anywhere'), 'help closed');

    await quitAndCheckRestored(s, ['q'], 0);
  });

  it('y copies the selected quote to the clipboard through tmux (OSC 52), read back from its paste buffer', async () => {
    const s = start(100, 30, ['-s', 'sigh of relief']);
    tmux('set-option', '-g', 'set-clipboard', 'on');
    await waitForScreen(s, (x) => x.includes('1 of 19 quotes') || /\d+ of 19 quotes/.test(x), 'the search results');
    tmux('send-keys', '-t', s, 'y');
    await waitForScreen(s, (x) => x.includes("copied Nikita Smagin's quote"), 'the copy message');
    const buffer = tmux('show-buffer');
    expect(buffer).toMatch(/^“breathe a sigh of relief\.” — Nikita Smagin, Iran expert \(told Al Jazeera\)\. .*¶2\.$/);
    await quitAndCheckRestored(s, ['q'], 0);
  });

  for (const [cols, rows, env] of [[60, 20, { NO_COLOR: '1' }], [160, 45, {}]] as const) {
    it(`at ${cols}x${rows}${'NO_COLOR' in env ? ' with NO_COLOR' : ''}: typos and bad filters in the search box, completion, the correction taken, smagn in Actors`, { timeout: 120_000 }, async () => {
      const s = start(cols, rows, [], env);
      const flat = (v: string) => v.replace(/\s+/g, ' ');
      await untilKeysAreRead(s, '/', (x) => x.includes('/ ▌'));
      tmux('send-keys', '-t', s, '-l', 'teh colour');
      let x = await waitForScreen(s, (v) => flat(v).includes('Ctrl-T takes it'), 'the correction offered');
      expect(flat(x)).toContain('nothing matches teh with the rest of the query; did you mean the?');
      tmux('send-keys', '-t', s, 'C-t');
      x = await waitForScreen(s, (v) => v.includes('/ the colour▌'), 'the corrected query');
      expect(x).toMatch(/[1-9]\d* of 19 quotes/);
      tmux('send-keys', '-t', s, 'C-u');
      tmux('send-keys', '-t', s, '-l', 'foo:bar');
      x = await waitForScreen(s, (v) => v.includes('/ foo:bar▌'), 'foo:bar typed');
      expect(flat(x)).toContain('unknown filter "foo:"; the filters are speaker: narrative: article: outlet: date: kind:');
      tmux('send-keys', '-t', s, 'C-u');
      tmux('send-keys', '-t', s, '-l', 'kind:quote');
      x = await waitForScreen(s, (v) => v.includes('/ kind:quote▌'), 'kind:quote typed');
      expect(flat(x)).toContain('kind: must be direct, indirect or term (not "quote")');
      tmux('send-keys', '-t', s, 'C-w');
      tmux('send-keys', '-t', s, '-l', 'kind:d');
      await waitForScreen(s, (v) => v.includes('tab: kind: direct'), 'the completion offered');
      tmux('send-keys', '-t', s, 'Tab');
      x = await waitForScreen(s, (v) => v.includes('/ kind:direct▌'), 'the completion taken');
      expect(x).toMatch(/[1-9]\d* of 19 quotes/);
      // leave the box, go to Actors, type a name with a typo
      tmux('send-keys', '-t', s, 'Escape');
      await waitForScreen(s, (v) => !v.includes('kind:direct▌'), 'the box left');
      tmux('send-keys', '-t', s, '2');
      await waitForScreen(s, (v) => v.includes('[2 Actors]'), 'the Actors pane');
      tmux('send-keys', '-t', s, '-l', 'smagn');
      x = await waitForScreen(s, (v) => v.includes('/ smagn▌'), 'the filter');
      expect(x.split('\n').find((l) => l.startsWith('> '))).toContain('Nikita Smagin');
      for (const line of x.replace(/\n+$/, '').split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(cols);
      await quitAndCheckRestored(s, ['C-c'], 130);
    });
  }

  for (const [cols, rows] of [[60, 20], [160, 45]] as const) {
    it(`at ${cols}x${rows}: every comparison cell opens, its quote reads in the article, back along the path; nothing overflows`, { timeout: 180_000 }, async () => {
      const s = start(cols, rows, ['--compare', 'n-colour-rev,n-peaked,n-us-help']);
      tmux('set-option', '-g', 'set-clipboard', 'on');
      const fits = (v: string) => {
        const lines = v.replace(/\n+$/, '').split('\n');
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(cols);
      };
      fits(await waitForScreen(s, (x) => x.includes('What drives the protests?'), 'the comparison'));
      // the first frame may come before the dashboard reads keys (raw mode): a key that changes
      // the screen, and back, says it does
      // d: only the question where they differ, so the first question goes; d again: it is back
      await untilKeysAreRead(s, 'd', (x) => x.includes('Is the Iranian leadership secure?') && !x.includes('What drives the protests?'));
      tmux('send-keys', '-t', s, 'd');
      await waitForScreen(s, (x) => x.includes('What drives the protests?'), 'all the questions again');
      // every cell: 3 questions x 3 columns
      for (let row = 0; row < 3; row++) {
        for (let col = 0; col < 3; col++) {
          tmux('send-keys', '-t', s, 'Enter');
          const cell = await waitForScreen(s, (x) => x.includes(`column ${col + 1} of 3`), `cell ${row + 1},${col + 1}`);
          fits(cell);
          tmux('send-keys', '-t', s, 'Escape');
          // the legend heads the comparison in both layouts (stacked at 60 columns, side by side at 160)
          await waitForScreen(s, (x) => !x.includes('esc ← ') && x.includes('≠ conflicts'), 'back to the comparison');
          if (col < 2) tmux('send-keys', '-t', s, 'Right');
        }
        tmux('send-keys', '-t', s, 'Left', 'Left', 'Down');
      }
      // the last question's first cell: its evidence quote in the reader, copied, and back
      tmux('send-keys', '-t', s, 'Enter'); // the third row (Down stops at the last)
      await waitForScreen(s, (x) => x.includes('column 1 of 3') && x.includes('Stability will return.'), 'the secure cell');
      tmux('send-keys', '-t', s, 'r');
      const reader = await waitForScreen(s, (x) => /span \d+ of \d+ · direct quote · Mariya Zakharova/.test(x), 'the reader');
      fits(reader);
      tmux('send-keys', '-t', s, 'y');
      await waitForScreen(s, (x) => x.includes('copied Mariya Zakharova'), 'copied');
      expect(tmux('show-buffer')).toMatch(/^“categorically unacceptable,” — Mariya Zakharova/);
      tmux('send-keys', '-t', s, 'Escape');
      await waitForScreen(s, (x) => x.includes('column 1 of 3'), 'back to the cell');
      tmux('send-keys', '-t', s, 'Escape');
      await waitForScreen(s, (x) => x.includes('What drives the protests?') || x.includes('Is the Iranian leadership secure?'), 'back to the comparison');
      await quitAndCheckRestored(s, ['q'], 0);
    });
  }

  it('Ctrl-C restores the terminal and exits 130', async () => {
    const s = start(100, 30);
    await waitForScreen(s, (x) => x.includes('[1 Quotes]'), 'the first frame');
    tmux('send-keys', '-t', s, '/');
    await waitForScreen(s, (x) => x.includes('/ ▌'), 'the search box');
    await quitAndCheckRestored(s, ['C-c'], 130);
  });

  /** The pid of the node process the session's shell runs. */
  function nodePid(session: string): number {
    const shell = display(session, '#{pane_pid}');
    return Number(execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim().split('\n')[0]);
  }

  it('SIGTERM restores the terminal', async () => {
    const s = start(100, 30);
    await waitForScreen(s, (x) => x.includes('[1 Quotes]'), 'the first frame');
    process.kill(nodePid(s), 'SIGTERM');
    const after = await waitForScreen(s, (x) => x.includes('EXIT='), 'the command to exit');
    expect(after).toContain('EXIT=143');
    expect(display(s, '#{alternate_on}')).toBe('0');
    expect(display(s, '#{cursor_flag}')).toBe('1');
  });

  it('a render error restores the terminal, says what happened, and exits 2', async () => {
    const s = start(100, 30, ['render'], {}, crashScript);
    await waitForScreen(s, (x) => x.includes('[1 Quotes]'), 'the first frame');
    process.kill(nodePid(s), 'SIGUSR2');
    // the next frame drawn fails (j moves the selection: a new frame, once keys are read)
    await untilKeysAreRead(s, 'j', (x) => x.includes('EXIT='));
    const after = await quitAndCheckRestored(s, [], 2);
    expect(after).toContain('narrative-lens: the dashboard stopped after an internal error: boom while drawing');
  });

  it('an uncaught exception restores the terminal and exits 2', async () => {
    const s = start(100, 30, ['uncaught'], {}, crashScript);
    await waitForScreen(s, (x) => x.includes('[1 Quotes]'), 'the first frame');
    process.kill(nodePid(s), 'SIGUSR2');
    const after = await waitForScreen(s, (x) => x.includes('EXIT='), 'the command to exit');
    expect(after).toContain('EXIT=2');
    expect(after).toContain('internal error: boom in a timer');
    expect(display(s, '#{alternate_on}')).toBe('0');
    expect(display(s, '#{cursor_flag}')).toBe('1');
  });

  it('at 60x20, resized to 160x45 and back, and with NO_COLOR: nothing overflows', async () => {
    const s = start(60, 20, ['--pane', 'narratives'], { NO_COLOR: '1' });
    let x = await waitForScreen(s, (v) => v.includes('[3 Narratives]'), 'the first frame');
    const check = (v: string, cols: number, rows: number) => {
      const lines = v.replace(/\n+$/, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(cols);
    };
    check(x, 60, 20);
    // with NO_COLOR the selection and choices are still marked in text
    expect(x).toMatch(/^> \[ \] /m);
    tmux('resize-window', '-t', s, '-x', '160', '-y', '45');
    x = await waitForScreen(s, (v) => v.split('\n')[0]!.includes('narrative-lens'), 'a redraw at 160 columns');
    check(x, 160, 45);
    tmux('resize-window', '-t', s, '-x', '60', '-y', '20');
    x = await waitForScreen(s, (v) => !v.split('\n')[0]!.includes('narrative-lens') && v.includes('[3 Narratives]'), 'a redraw at 60 columns');
    check(x, 60, 20);
    // no colour codes were written: tmux shows none when asked to keep them
    const styled = tmux('capture-pane', '-p', '-e', '-t', s);
    expect(styled).not.toMatch(/\u001b\[(3|4|9|10)\dm/);
    await quitAndCheckRestored(s, ['q'], 0);
  });
});
