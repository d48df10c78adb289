/**
 * The terminal is always given back: the built dashboard in a real pseudo-terminal (tmux), ended
 * every way it can end — q, Ctrl-C, SIGTERM, SIGHUP, the terminal closed (tmux kill-session),
 * data that fails to load before the screen opens and after it opened — and hostile data shown
 * on every pane. After each: the alternate screen is off, the cursor visible, the line
 * discipline back in cooked mode with echo (read with stty by the shell that ran the command),
 * and nothing from data reached the terminal (window title, clipboard, screen).
 *
 * (test/tui/e2e.test.ts covers a render error and an uncaught exception the same way.) Skipped
 * only where tmux is missing; .ci/run installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp.js';
import { BIN, ROOT, ensureBuilt } from './helpers.js';

const corpus = path.join(ROOT, 'test/fixtures/tui/corpus');
const hostile = path.join(ROOT, 'test/fixtures/hostile/corpus.json');
const spanOff = path.join(ROOT, 'test/fixtures/hostile/broken/span-off.json');
const lateLoad = path.join(ROOT, 'test/fixtures/terminal/late-load.mjs');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `nlens-hardening-${process.pid}`;
const tmp = tempDir('nl-terminal-');

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}
const screen = (s: string) => tmux('capture-pane', '-p', '-J', '-t', s); // -J: wrapped lines joined
const display = (s: string, format: string) => tmux('display-message', '-p', '-t', s, format).trim();

async function waitFor<T>(probe: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function waitForScreen(s: string, cond: (x: string) => boolean, what: string): Promise<string> {
  let last = '';
  try {
    return await waitFor(() => {
      last = screen(s);
      return cond(last) && last;
    }, what);
  } catch (err) {
    throw new Error(`${(err as Error).message}; the screen was:\n${last}`);
  }
}

let n = 0;
/**
 * Runs `command` in a new session. After it ends, the shell prints its exit status and the
 * terminal's modes as stty reports them (icanon and echo come back when raw mode is left).
 */
function start(command: string, cols = 100, rows = 30): string {
  const session = `h${++n}`;
  const script = [command, 'echo "EXIT=$?"', `stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo "<modes"`, 'sleep 600'].join('; ');
  tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), script);
  return session;
}
const dashboard = (args: string[]) => `node ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}`;

/** The pid of the node process the session's shell runs. */
function nodePid(s: string): number {
  const shell = display(s, '#{pane_pid}');
  return Number(execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim().split('\n')[0]);
}

/** The terminal's modes, read from outside (stty on the pane's tty). */
function ttyModes(s: string): string {
  return execFileSync('stty', ['-a', '-F', display(s, '#{pane_tty}')], { encoding: 'utf8' });
}

/** Waits for the first frame and for raw mode (Ink turns it on just after the first frame). */
async function opened(s: string): Promise<string> {
  const first = await waitForScreen(s, (x) => x.includes('[1 Quotes]'), 'the first frame');
  await waitFor(() => /(^|\s)-icanon(\s|$)/.test(ttyModes(s)), 'raw mode');
  expect(display(s, '#{alternate_on}')).toBe('1');
  return first;
}

/** After the command ended: its status, and the terminal fully given back. */
async function expectRestored(s: string, code: number): Promise<string> {
  const after = await waitForScreen(s, (x) => x.includes('<modes'), 'the command to end and stty to report');
  expect(after).toContain(`EXIT=${code}`);
  expect(display(s, '#{alternate_on}'), 'alternate screen').toBe('0');
  expect(display(s, '#{cursor_flag}'), 'cursor visible').toBe('1');
  const modes = after.split('\n').find((l) => l.includes('<modes'))!;
  expect(modes, 'raw mode off').toMatch(/(^|\s)icanon(\s|$)/);
  expect(modes, 'echo on').toMatch(/(^|\s)echo(\s|$)/);
  expect(after).not.toContain('[1 Quotes]'); // nothing of the dashboard left on the main screen
  return after;
}

describe.skipIf(!hasTmux)('the terminal is always restored (tmux)', () => {
  beforeAll(() => {
    ensureBuilt();
    // a private server; let OSC 52 reach tmux's buffers, so a leak would show
    tmux('start-server', ';', 'set-option', '-g', 'set-clipboard', 'on');
  }, 180_000);
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  const endings: [string, (s: string) => void, number][] = [
    ['q', (s) => tmux('send-keys', '-t', s, 'q'), 0],
    ['Ctrl-C', (s) => tmux('send-keys', '-t', s, 'C-c'), 130],
    ['SIGTERM', (s) => process.kill(nodePid(s), 'SIGTERM'), 143],
    ['SIGHUP', (s) => process.kill(nodePid(s), 'SIGHUP'), 129],
    ['SIGQUIT', (s) => process.kill(nodePid(s), 'SIGQUIT'), 131],
  ];
  for (const [name, end, code] of endings) {
    it(`${name}: exit ${code}, terminal restored`, async () => {
      const s = start(dashboard(['--data', corpus]));
      await opened(s);
      end(s);
      await expectRestored(s, code);
    });
  }

  it('the terminal closed (tmux kill-session): the process ends at once, quietly, without touching it', async () => {
    const errors = path.join(tmp, 'hup-stderr.txt');
    const s = start(`${dashboard(['--data', corpus])} 2>${JSON.stringify(errors)}`);
    await opened(s);
    const pid = nodePid(s);
    tmux('kill-session', '-t', s);
    // ended: gone, or a zombie waiting for init to collect it (its shell died with the terminal)
    const ended = () => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
      } catch {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      }
    };
    await waitFor(ended, `process ${pid} to end after its terminal closed`, 3000);
    // no "internal error: write EIO", no Node assertion about resetting a closed terminal
    expect(readFileSync(errors, 'utf8')).not.toMatch(/internal error|Assertion failed|stack trace/i);
  });

  it('q: nothing at all is written to stderr (before: the cursor sequence ESC[?25h)', async () => {
    const errors = path.join(tmp, 'q-stderr.txt');
    const s = start(`${dashboard(['--data', corpus])} 2>${JSON.stringify(errors)}`);
    await opened(s);
    tmux('send-keys', '-t', s, 'q');
    await expectRestored(s, 0);
    expect(readFileSync(errors, 'utf8')).toBe('');
  });

  // re-audit 2026-12-01: ended by a signal, cli-cursor's exit hook still wrote ESC[?25h into `2>log`
  for (const signal of ['SIGTERM', 'SIGQUIT', 'SIGHUP', 'SIGINT'] as const) {
    it(`${signal}: nothing at all is written to stderr (before: ESC[?25h)`, async () => {
      const errors = path.join(tmp, `${signal}-stderr.txt`);
      const s = start(`${dashboard(['--data', corpus])} 2>${JSON.stringify(errors)}`);
      await opened(s);
      process.kill(nodePid(s), signal);
      await expectRestored(s, { SIGTERM: 143, SIGQUIT: 131, SIGHUP: 129, SIGINT: 130 }[signal]);
      expect(readFileSync(errors, 'utf8')).toBe('');
    });
  }

  for (const signal of ['SIGKILL', 'SIGABRT'] as const) {
    it(`killed outright (${signal}, as by the out-of-memory killer or a native abort): the watchdog gives the terminal back`, async () => {
      const s = start(dashboard(['--data', corpus]));
      await opened(s);
      process.kill(nodePid(s), signal);
      // no handler of ours ran: the watchdog process restores the terminal when we are gone
      await waitFor(() => display(s, '#{alternate_on}') === '0', 'the alternate screen to be left');
      await waitFor(() => /(^|\s)icanon(\s|$)/.test(ttyModes(s)), 'cooked mode');
      expect(ttyModes(s)).toMatch(/(^|\s)echo(\s|$)/);
      expect(display(s, '#{cursor_flag}'), 'cursor visible').toBe('1');
    });
  }

  it('Ctrl-Z and SIGTSTP give the terminal back while stopped; fg takes it again and redraws', async () => {
    // an interactive shell, for job control (fg)
    const session = `h${++n}`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', 'bash --norc --noprofile -i');
    const s = session;
    const prompt = () => waitForScreen(s, (x) => /\$ $|# $/m.test(x.trimEnd() + ' '), 'the prompt');
    await prompt();
    tmux('send-keys', '-t', s, '-l', dashboard(['--data', corpus]));
    tmux('send-keys', '-t', s, 'Enter');
    await opened(s);
    const pid = nodePid(s);
    const stopped = () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('T');
    for (const stop of [() => tmux('send-keys', '-t', s, 'C-z'), () => process.kill(pid, 'SIGTSTP')]) {
      stop();
      await waitFor(stopped, 'the dashboard to stop');
      await waitForScreen(s, (x) => x.includes('Stopped'), 'the shell to report the stopped job');
      expect(display(s, '#{alternate_on}'), 'alternate screen while stopped').toBe('0');
      expect(display(s, '#{cursor_flag}'), 'cursor while stopped').toBe('1');
      // the marker is typed split ("<mo""des") so that only the command's output, not its echo,
      // holds it (before: the echoed line matched, and under load the modes were read too early)
      tmux('send-keys', '-t', s, 'clear; stty -a | tr " ;" "\\n\\n" | grep -E "^-?(icanon|echo)$" | tr "\\n" " "; echo "<mo""des"', 'Enter');
      const modes = (await waitForScreen(s, (x) => x.includes('<modes'), 'stty in the shell')).split('\n').find((l) => l.includes('<modes'))!;
      expect(modes, 'cooked mode while stopped').toMatch(/(^|\s)icanon\s/);
      expect(modes, 'echo while stopped').toMatch(/(^|\s)echo\s/);
      tmux('send-keys', '-t', s, 'fg', 'Enter');
      // drawn anew on the alternate screen, and in raw mode again: keys work
      await opened(s);
      tmux('send-keys', '-t', s, '2');
      await waitForScreen(s, (x) => x.includes('[2 Actors]'), 'a key after fg');
      tmux('send-keys', '-t', s, '1');
      await waitForScreen(s, (x) => x.includes('[1 Quotes]'), 'back to the quotes');
    }
    tmux('send-keys', '-t', s, 'q');
    const gone = () => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
      } catch {
        return true;
      }
    };
    await waitFor(gone, 'the dashboard to quit');
    await waitFor(() => display(s, '#{alternate_on}') === '0', 'the alternate screen to be left');
    expect(display(s, '#{cursor_flag}')).toBe('1');
  });

  it('TERM=dumb: the results are printed, the screen never drawn', async () => {
    const s = start(`TERM=dumb ${dashboard(['--data', corpus, '-s', 'sigh of relief'])}`);
    const after = await waitForScreen(s, (x) => x.includes('<modes'), 'the command to end');
    expect(after).toContain('EXIT=0');
    expect(after).toContain('breathe a sigh of relief');
    expect(after).not.toContain('[1 Quotes]');
  });

  it('TERM=dumb with nothing to print: says the terminal cannot draw the dashboard (not "needs a terminal"), exit 2', async () => {
    const s = start(`TERM=dumb ${dashboard(['--data', corpus])}`);
    const after = await waitForScreen(s, (x) => x.includes('<modes'), 'the command to end');
    expect(after).toContain('EXIT=2');
    expect(after).toContain('TERM=dumb: this terminal cannot draw the dashboard; to print results use: narrative-lens search QUERY');
    expect(after).not.toContain('needs a terminal');
  });

  it('data that fails to load (before the screen opens): the message names the file, exit 2, terminal untouched', async () => {
    const s = start(dashboard(['--data', spanOff]));
    const after = await expectRestored(s, 2);
    expect(after).toMatch(/narrative-lens: .*span-off\.json: \$\.articles\[0\]\.quotes\[0\]\.span: span 2-9 holds/);
    // the hostile text in the message is shown inert: nothing cleared the screen or set the title
    expect(after).toContain('not the ');
    expect(display(s, '#{pane_title}')).not.toContain('pwned');
  });

  it('data that fails to load after the screen opened: restored first, then the same message, exit 2', async () => {
    const s = start(`node ${JSON.stringify(lateLoad)} ${JSON.stringify(spanOff)}`);
    await opened(s);
    process.kill(nodePid(s), 'SIGUSR2');
    const after = await expectRestored(s, 2);
    expect(after).toMatch(/narrative-lens: .*span-off\.json: \$\.articles\[0\]\.quotes\[0\]\.span: span 2-9 holds/);
    expect(after).not.toContain('internal error');
  });

  it('hostile data on every pane: the screen, window title and clipboard stay the dashboard’s own', async () => {
    const s = start(dashboard(['--data', hostile]), 120, 40);
    const title = display(s, '#{pane_title}');
    await opened(s);
    const check = async (what: string, cond: (x: string) => boolean) => {
      const x = await waitForScreen(s, cond, what);
      expect(display(s, '#{alternate_on}'), `${what}: still on the alternate screen`).toBe('1');
      expect(display(s, '#{pane_title}'), `${what}: window title`).toBe(title);
      expect(tmux('list-buffers'), `${what}: clipboard (OSC 52)`).toBe('');
      expect(x.split('\n')[0], `${what}: the tab bar is still at the top`).toContain('Quotes');
      // nothing invisible or reordering on the screen; tmux shows escaped text as it was drawn
      expect(x, what).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u2060\ufeff]/);
      return x;
    };
    const first = await check('quotes', (x) => x.includes('[1 Quotes]') && x.includes('␛['));
    expect(first).toContain('Мария Захарова');
    tmux('send-keys', '-t', s, 'Enter');
    await check('a profile', (x) => x.includes('[2 Actors]'));
    tmux('send-keys', '-t', s, 'Escape');
    await check('back to the quotes', (x) => x.includes('[1 Quotes]'));
    tmux('send-keys', '-t', s, '2');
    await check('actors', (x) => x.includes('[2 Actors]') && x.includes('President'));
    tmux('send-keys', '-t', s, '3');
    await check('narratives', (x) => x.includes('[3 Narratives]'));
    tmux('send-keys', '-t', s, 'Space', 'j', 'Space', 'c');
    await check('the comparison', (x) => x.includes('[3 Narratives]') && /Who wins\?/.test(x));
    tmux('send-keys', '-t', s, 'Escape');
    await check('the comparison closed', (x) => !/Who wins\?/.test(x) || !x.includes('│'));
    tmux('send-keys', '-t', s, '4');
    await check('timeline', (x) => x.includes('[4 Timeline]') && x.includes('Protests'));
    tmux('send-keys', '-t', s, '1', '/');
    tmux('send-keys', '-t', s, '-l', 'win');
    await check('a search', (x) => x.includes('/ win▌'));
    tmux('send-keys', '-t', s, 'Escape'); // alone: Esc and a key at once read as Alt-key
    await check('the search box left', (x) => x.includes('/ win') && !x.includes('/ win▌'));
    tmux('send-keys', '-t', s, '?');
    await check('help', (x) => x.includes('── Anywhere'));
    tmux('send-keys', '-t', s, 'Escape');
    await check('help closed', (x) => !x.includes('── Anywhere'));
    tmux('send-keys', '-t', s, 'q');
    await expectRestored(s, 0);
    expect(display(s, '#{pane_title}')).toBe(title);
    expect(tmux('list-buffers')).toBe('');
  });
});
