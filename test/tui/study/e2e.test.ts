/**
 * End to end: a whole coding session with the built dashboard in a real terminal (tmux, as in
 * test/tui/e2e.test.ts): create a narrative, code three quotes, add a question and a position,
 * quit; reopen, compare, undo and redo across the restart — as a user does it: `narrative-lens init`,
 * then `narrative-lens STUDY.json` (the built command, dist/cli/main.js). Skipped only where tmux
 * is missing (.ci/run installs it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'dist/cli/main.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `nlens-study-e2e-${process.pid}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'nl-study-e2e-'));

afterAll(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

async function waitForScreen(session: string, cond: (s: string) => boolean, what: string, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  let s = '';
  while (Date.now() < deadline) {
    s = tmux('capture-pane', '-p', '-t', session);
    if (cond(s)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; the screen was:\n${s}`);
}

let n = 0;
function start(args: string[]): string {
  const session = `s${++n}`;
  const cmd = `cd ${JSON.stringify(dir)} && node ${JSON.stringify(bin)} ${args.map((a) => JSON.stringify(a)).join(' ')}; echo "EXIT=$?"; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', cmd);
  return session;
}

/** Sends keys (tmux key names or text) and waits until the screen shows `expect`. */
async function send(session: string, keys: string[], expect: string | RegExp): Promise<string> {
  tmux('send-keys', '-t', session, ...keys);
  return waitForScreen(session, (s) => (typeof expect === 'string' ? s.includes(expect) : expect.test(s)), `${JSON.stringify(expect)} after ${JSON.stringify(keys)}`);
}
/** Text typed literally (tmux -l), then waiting for it to show. */
async function type(session: string, text: string): Promise<void> {
  tmux('send-keys', '-t', session, '-l', text);
  await waitForScreen(session, (s) => s.includes(text.slice(-20)), `"${text}" typed`);
}

describe.skipIf(!hasTmux)('a coding session in a real terminal (tmux)', () => {
  it('builds a narrative, codes three quotes, adds a question and a position; after a restart compares them, and undoes and redoes', async () => {
    cpSync(path.join(root, 'test/fixtures/tui/corpus'), path.join(dir, 'corpus'), { recursive: true });
    const file = path.join(dir, 'study.json');
    execFileSync('node', [bin, 'init', 'study.json', '--data', 'corpus', '--author', 'ana'], { cwd: dir, encoding: 'utf8' });
    let s = start(['study.json']);
    await waitForScreen(s, (x) => x.includes('[1 Quotes]') && x.includes('study study.json'), 'the dashboard on the study');

    // a narrative
    await send(s, ['3', 'a'], 'New narrative: its label');
    await type(s, 'Home-grown anger');
    await send(s, ['Enter'], 'Its summary');
    await type(s, 'Protests come from prices and repression');
    await send(s, ['Enter'], 'Key terms');
    await type(s, 'prices, hardship');
    await send(s, ['Enter'], 'saved: create narrative “Home-grown anger”');

    // three quotes coded to it
    for (const [words, quote] of [['sabers', 'Why rattle'], ['busy trying', 'Iran? What Iran?'], ['death toll', 'the death toll']] as const) {
      await send(s, ['1', '/', 'C-u'], ' / ▌');
      await type(s, words);
      await send(s, ['Escape', 'a'], 'Code the quote to which narrative?');
      await type(s, 'home-grown');
      await send(s, ['Enter'], `saved: code “${quote}`);
    }
    expect(JSON.parse(readFileSync(file, 'utf8')).study.codings).toHaveLength(3);

    // compare it with the first narrative; a question, and its position there
    await send(s, ['3', 'G', 'Space', 'g', 'Space', 'c'], '2 narratives ×');
    await send(s, ['a'], 'A new question');
    await type(s, 'Who is to blame?');
    await send(s, ['Enter'], 'saved: add question “Who is to blame?”');
    await send(s, ['e'], 'Position of “Home-grown anger” on which question?');
    await type(s, 'blame');
    await send(s, ['Enter'], 'Stance');
    await type(s, 'The government');
    await send(s, ['Enter'], 'Summary');
    await type(s, 'Prices and repression drive it');
    await send(s, ['Enter'], 'Status');
    await send(s, ['Enter'], 'Evidence: its coded quotes');
    await type(s, 'sabers');
    await send(s, ['Tab', 'Enter'], 'saved: position of “Home-grown anger” on “Who is to blame?”');
    const after = await send(s, ['q'], 'EXIT=');
    expect(after).toContain('EXIT=0');

    // reopen: everything is there; compare; undo and redo the position across the restart
    s = start(['study.json']);
    await waitForScreen(s, (x) => x.includes('study study.json · 5 narratives (1 yours) · 3 codings · 4 questions (1 yours) · 6 edits'), 'the dashboard again, with the work of the first session');
    let screen = await send(s, ['3', 'G'], /^> \[ \] Home-grown anger/m);
    screen = await send(s, ['Space', 'g', 'Space', 'c', 'G'], 'Who is to blame?');
    expect(screen).toContain('Prices and repression drive it');
    screen = await send(s, ['u'], 'saved: undo position of “Home-grown anger”');
    expect(screen).not.toContain('Prices and repression drive it');
    screen = await send(s, ['C-r'], 'saved: redo position of “Home-grown anger”');
    await send(s, ['G'], 'Prices and repression drive it');
    expect(await send(s, ['q'], 'EXIT=')).toContain('EXIT=0');

    const study = JSON.parse(readFileSync(file, 'utf8')).study;
    expect(study.history.map((h: { action: string; op?: string }) => h.op ?? h.action)).toEqual(['narrative-create', 'code', 'code', 'code', 'question-add', 'position-set', 'undo', 'redo']);
    // every edit says who made it (the dashboard's author is the login name) and when
    const authors = new Set(study.history.map((h: { by: string }) => h.by));
    expect(authors.size).toBe(1);
    expect(study.created.by).toBe('ana');
    expect(study.positions).toMatchObject([{ stance: 'The government', evidence: [{ quote: 'q-bondarev-sabers' }] }]);
  });

  it('opens a study that fails validation read-only, its problems listed', async () => {
    const broken = JSON.parse(readFileSync(path.join(dir, 'study.json'), 'utf8'));
    broken.study.narratives[0].label = '';
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken, null, 2));
    const s = start(['broken.json']);
    let screen = await waitForScreen(s, (x) => x.includes('READ-ONLY'), 'the read-only dashboard');
    expect(screen).toContain('broken.json fails validation (1 problem): O lists them');
    screen = await send(s, ['O'], 'Read-only: 1 problem in the file');
    expect(screen).toContain('$.study.narratives[0].label');
    screen = await send(s, ['Escape', '1', 'a'], 'read-only: broken.json has 1 problem');
    expect(await send(s, ['q'], 'EXIT=')).toContain('EXIT=0');
  });
});
