/**
 * Test helpers for the dashboard: mount it on a fixture corpus, press keys and wait for the
 * frame they cause (never a fixed sleep), read the screen as plain text.
 */
import React from 'react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { loadCorpus } from '../../src/core/corpus/load.js';
import type { Corpus } from '../../src/core/corpus/corpus.js';
import { App } from '../../src/tui/App.js';
import type { InitialOptions } from '../../src/tui/state.js';
import type { TerminalSize } from '../../src/tui/hooks/useTerminalSize.js';

const fixtures = fileURLToPath(new URL('../fixtures/tui/', import.meta.url));

const cache = new Map<string, Promise<Corpus>>();
/** The fixture corpora: 'corpus' (the seed article + a draft) or 'hostile'. */
export function fixture(name: 'corpus' | 'hostile'): Promise<Corpus> {
  let c = cache.get(name);
  if (!c) cache.set(name, (c = loadCorpus([path.join(fixtures, name)])));
  return c;
}

export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  backspace: '\u007f',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  home: '\u001b[H',
  end: '\u001b[F',
  ctrlC: '\u0003',
  ctrlN: '\u000e',
  ctrlP: '\u0010',
  ctrlU: '\u0015',
  space: ' ',
} as const;

/** Polls `cond` on the event loop until it holds; fails after `ms` with `what`. */
export async function waitFor(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

export interface Mounted {
  /** the current screen, colours stripped */
  screen(): string;
  /** the current raw frame, as Ink wrote it */
  raw(): string;
  /** writes a key and waits for the frame to change; returns the new screen */
  press(key: string): Promise<string>;
  /** writes a key and waits until `cond(screen)` holds */
  /** `ms`: how long to wait before failing (default 10 s; worker threads booting from the
   *  TypeScript sources through tsx can take longer on a loaded 2-core machine) */
  pressUntil(key: string, cond: (screen: string) => boolean, what: string, ms?: number): Promise<string>;
  /** the exit code passed to onExit, if any */
  exitCode(): number | undefined;
  resize(size: TerminalSize): Promise<string>;
  unmount(): void;
}

export interface MountOptions {
  size?: TerminalSize;
  initial?: InitialOptions;
  plain?: boolean;
  poolAbove?: number;
  clipboard?: (text: string) => void;
  clipFile?: string;
}

export async function mount(corpus: Corpus, opts: MountOptions = {}): Promise<Mounted> {
  let code: number | undefined;
  let size = opts.size ?? { columns: 100, rows: 30 };
  const tree = () => (
    <App corpus={corpus} initial={opts.initial} plain={opts.plain ?? true} size={size} poolAbove={opts.poolAbove} clipboard={opts.clipboard} clipFile={opts.clipFile} onExit={(c) => (code = c)} />
  );
  const inst = render(tree());
  const raw = () => inst.lastFrame() ?? '';
  const screen = () => stripVTControlCharacters(raw());
  // input is live once Ink listens on stdin (useInput attaches after the first commit)
  await waitFor(() => inst.stdin.listenerCount('readable') > 0 && raw() !== '', 'the dashboard to take input');
  const pressUntil = async (key: string, cond: (s: string) => boolean, what: string, ms?: number) => {
    inst.stdin.write(key);
    await waitFor(() => cond(screen()), what, ms);
    return screen();
  };
  return {
    screen,
    raw,
    press: (key) => {
      const before = raw();
      const frames = inst.frames.length;
      return pressUntil(key, () => inst.frames.length > frames && raw() !== before, `a new frame after ${JSON.stringify(key)}`);
    },
    pressUntil,
    exitCode: () => code,
    resize: async (next) => {
      const before = raw();
      size = next;
      inst.rerender(tree());
      await waitFor(() => raw() !== before, 'a frame at the new size');
      return screen();
    },
    unmount: () => inst.unmount(),
  };
}

/** Lines of a screen. */
export function lines(screen: string): string[] {
  return screen.split('\n');
}

/** The widest line of a screen, in terminal cells. */
export function widest(screen: string): number {
  return Math.max(...lines(screen).map((l) => stringWidth(l)));
}

/** The line holding `text` (first match), or undefined. */
export function lineWith(screen: string, text: string): string | undefined {
  return lines(screen).find((l) => l.includes(text));
}

/** The selected row of a list (marked with ">"). */
export function selectedRow(screen: string): string | undefined {
  return lines(screen).find((l) => l.startsWith('> '));
}
