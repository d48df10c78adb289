/**
 * Helpers for the dashboard's study tests: a study made in a temporary folder over a copy of the
 * fixture corpus (removed after the file's tests), the dashboard mounted on it, and the study
 * read back from disk to check what was saved.
 */
import React from 'react';
import { afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { initStudy, openStudy, parseStudy, type Study, type StudySession } from '../../../src/core/study/index.js';
import { App } from '../../../src/tui/App.js';
import { loadStudyCore } from '../../../src/tui/study/core.js';
import type { DashboardStudy } from '../../../src/tui/study/useStudy.js';
import type { InitialOptions } from '../../../src/tui/state.js';
import { waitFor, type Mounted } from '../helpers.js';

const fixtures = fileURLToPath(new URL('../../fixtures/tui/corpus/', import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A new study over a copy of the fixture corpus (the seed article and a draft), in a temporary folder. */
export async function newStudy(): Promise<{ dir: string; file: string; session: StudySession }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-studyui-'));
  made.push(dir);
  cpSync(fixtures, path.join(dir, 'corpus'), { recursive: true });
  const file = path.join(dir, 'study.json');
  const session = await initStudy(file, [path.join(dir, 'corpus')], { by: 'tester', at: '2026-01-14T09:00:00.000Z' }, 'test study');
  return { dir, file, session };
}

/** The study as saved on disk now. */
export function saved(file: string): Study {
  return parseStudy(readFileSync(file, 'utf8'), file);
}

export interface MountedStudy extends Mounted {
  /** writes keys one chunk at a time, waiting for each to change the frame */
  keys(...keys: string[]): Promise<string>;
  /** waits until the screen shows `text` */
  until(text: string | RegExp, ms?: number): Promise<string>;
}

export async function mountStudy(study: DashboardStudy, opts: { initial?: InitialOptions; columns?: number; rows?: number } = {}): Promise<MountedStudy> {
  let code: number | undefined;
  const size = { columns: opts.columns ?? 100, rows: opts.rows ?? 30 };
  const corpus = 'session' in study ? study.session.view.corpus : (await import('../helpers.js').then((h) => h.fixture('corpus')));
  await loadStudyCore(); // as runDashboard does when it is given a study
  const inst = render(<App corpus={corpus} initial={opts.initial} plain size={size} study={study} onExit={(c) => (code = c)} />);
  const raw = () => inst.lastFrame() ?? '';
  const screen = () => stripVTControlCharacters(raw());
  await waitFor(() => inst.stdin.listenerCount('readable') > 0 && raw() !== '', 'the dashboard to take input');
  const pressUntil = async (key: string, cond: (s: string) => boolean, what: string) => {
    inst.stdin.write(key);
    await waitFor(() => cond(screen()), what);
    return screen();
  };
  const press = (key: string) => {
    const before = raw();
    const frames = inst.frames.length;
    return pressUntil(key, () => inst.frames.length > frames && raw() !== before, `a new frame after ${JSON.stringify(key)}`);
  };
  const until = async (text: string | RegExp, ms = 10_000) => {
    await waitFor(() => (typeof text === 'string' ? screen().includes(text) : text.test(screen())), `the screen to show ${String(text)}; it shows:\n${screen()}`, ms);
    return screen();
  };
  return {
    screen,
    raw,
    press,
    pressUntil,
    until,
    keys: async (...keys) => {
      let s = screen();
      for (const k of keys) s = await press(k);
      return s;
    },
    exitCode: () => code,
    resize: async () => screen(),
    unmount: () => inst.unmount(),
  };
}

/** Opens the study file again, as a new window would. */
export function reopen(file: string): Promise<StudySession> {
  return openStudy(file);
}
