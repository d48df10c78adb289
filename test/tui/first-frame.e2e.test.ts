/**
 * End to end, the built command in tmux: a corpus large enough to be loaded after the first frame
 * (tui/first-page.ts), with its search index on disk built by `search`. The first frame comes
 * from the index and says it is loading; the dashboard then takes its place, searches, and quits
 * with the terminal given back. A corpus opened without an index gets one built after the
 * dashboard closes (cli/index-later.ts), and the next start draws its first frame from it.
 * Skipped where tmux is missing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../../bench/generate.js';
import { RACY_MS } from '../../src/core/corpus/stamps.js';
import { FIRST_PAGE_FROM, readFirstPage } from '../../src/tui/first-page.js';
import { tempDir } from '../temp.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'dist/cli/main.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `nlens-first-frame-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });

async function waitForScreen(cond: (s: string) => boolean, what: string, ms = 30_000): Promise<string> {
  const deadline = Date.now() + ms;
  let s = '';
  while (Date.now() < deadline) {
    s = tmux('capture-pane', '-p', '-t', 'ff');
    if (cond(s)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; the screen was:\n${s}`);
}

describe.skipIf(!hasTmux)('the first frame of a large corpus, in a real terminal', () => {
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('comes from the search index while the corpus loads; the dashboard follows and works', async () => {
    const dir = tempDir('nl-first-frame-');
    const data = path.join(dir, 'data');
    const cache = path.join(dir, 'cache');
    execFileSync('mkdir', ['-p', data]);
    const n = FIRST_PAGE_FROM + 500;
    for (const [i, f] of generateCorpus({ quotes: n }).entries()) writeFileSync(path.join(data, `part-${i}.json`), JSON.stringify(f));
    // files changed within RACY_MS get no stamp, and without stamps the index is not trusted here
    await new Promise((r) => setTimeout(r, RACY_MS + 100));
    const env = { ...process.env, NARRATIVE_LENS_CACHE_DIR: cache };
    execFileSync(process.execPath, [bin, 'search', 'colour', '--data', data, '--limit', '1'], { env, stdio: 'ignore' });

    const transcript = path.join(dir, 'transcript');
    // the command waits a moment, so that everything it writes reaches the transcript
    tmux('new-session', '-d', '-s', 'ff', '-x', '100', '-y', '30', `sleep 0.5; NARRATIVE_LENS_CACHE_DIR=${cache} node ${JSON.stringify(bin)} --data ${JSON.stringify(data)}; echo "EXIT=$?"; sleep 600`);
    tmux('pipe-pane', '-t', 'ff', '-o', `cat >> ${JSON.stringify(transcript)}`);
    await waitForScreen((s) => s.includes('enter speaker'), 'the loaded dashboard');
    const first = readFileSync(transcript, 'utf8');
    expect(first).toContain('loading the corpus');
    expect(first).toContain(`${n.toLocaleString('en-US')} quotes`);

    tmux('send-keys', '-t', 'ff', '/colour');
    await waitForScreen((s) => new RegExp(`[\\d,]+ of ${n.toLocaleString('en-US')} quotes`).test(s) && !s.includes('searching'), 'the search results', 60_000);
    tmux('send-keys', '-t', 'ff', 'Escape');
    tmux('send-keys', '-t', 'ff', 'q');
    const end = await waitForScreen((s) => s.includes('EXIT='), 'the exit');
    expect(end).toContain('EXIT=0');
    expect(tmux('display-message', '-p', '-t', 'ff', '#{alternate_on}').trim()).toBe('0');
  }, 120_000);

  it('a large corpus opened without an index gets one after the dashboard closes; the next start draws its first frame from it', async () => {
    const dir = tempDir('nl-index-later-');
    const data = path.join(dir, 'data');
    const cache = path.join(dir, 'cache');
    execFileSync('mkdir', ['-p', data]);
    for (const [i, f] of generateCorpus({ quotes: FIRST_PAGE_FROM + 100 }).entries()) writeFileSync(path.join(data, `part-${i}.json`), JSON.stringify(f));
    await new Promise((r) => setTimeout(r, RACY_MS + 100)); // stamps, as above
    spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'ff']); // the test above leaves its session
    const start = (name: string) => {
      const transcript = path.join(dir, `${name}.transcript`);
      tmux('new-session', '-d', '-s', 'ff', '-x', '100', '-y', '30', `sleep 0.5; NARRATIVE_LENS_CACHE_DIR=${cache} node ${JSON.stringify(bin)} --data ${JSON.stringify(data)}; echo "EXIT=$?"; sleep 600`);
      tmux('pipe-pane', '-t', 'ff', '-o', `cat >> ${JSON.stringify(transcript)}`);
      return transcript;
    };
    const quit = async () => {
      tmux('send-keys', '-t', 'ff', 'q');
      expect(await waitForScreen((s) => s.includes('EXIT='), 'the exit')).toContain('EXIT=0');
      tmux('kill-session', '-t', 'ff');
    };

    const before = start('before');
    await waitForScreen((s) => s.includes('enter speaker'), 'the loaded dashboard', 60_000);
    expect(readFileSync(before, 'utf8')).not.toContain('loading the corpus'); // no index yet: loaded first
    expect(await readFirstPage([data], { cacheDir: cache })).toBeUndefined();
    await quit();

    // built in the background after the dashboard closed
    const deadline = Date.now() + 180_000;
    let page = await readFirstPage([data], { cacheDir: cache });
    while (!page && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      page = await readFirstPage([data], { cacheDir: cache });
    }
    expect(page?.quotes).toBe(FIRST_PAGE_FROM + 100);

    const after = start('after');
    await waitForScreen((s) => s.includes('enter speaker'), 'the loaded dashboard', 60_000);
    expect(readFileSync(after, 'utf8')).toContain('loading the corpus'); // the first frame came from the index
    await quit();
  }, 300_000);

  it('a corpus too large for the heap, found while loading after the first frame: the refusal the command gives, not an internal error', async () => {
    const dir = tempDir('nl-heap-after-frame-');
    const data = path.join(dir, 'data');
    const cache = path.join(dir, 'cache');
    execFileSync('mkdir', ['-p', data]);
    for (const [i, f] of generateCorpus({ quotes: FIRST_PAGE_FROM + 100 }).entries()) writeFileSync(path.join(data, `part-${i}.json`), JSON.stringify(f));
    await new Promise((r) => setTimeout(r, RACY_MS + 100)); // stamps, as above
    const env = { ...process.env, NARRATIVE_LENS_CACHE_DIR: cache };
    execFileSync(process.execPath, [bin, 'search', 'colour', '--data', data, '--limit', '1'], { env, stdio: 'ignore' });
    // the index stays fresh, the corpus cache goes: the load after the first frame reads the files
    for (const f of readdirSync(cache)) if (f.startsWith('corpus-')) rmSync(path.join(cache, f));
    spawnSync('tmux', ['-L', socket, 'kill-session', '-t', 'ff']);
    const transcript = path.join(dir, 'transcript');
    // a heap too small for the files (about 150 MB to load), chosen by the user: refused, not raised
    tmux('new-session', '-d', '-s', 'ff', '-x', '100', '-y', '30', `sleep 0.5; NODE_OPTIONS=--max-old-space-size=64 NARRATIVE_LENS_CACHE_DIR=${cache} node ${JSON.stringify(bin)} --data ${JSON.stringify(data)}; echo "EXIT=$?"; sleep 600`);
    tmux('pipe-pane', '-t', 'ff', '-o', `cat >> ${JSON.stringify(transcript)}`);
    const end = await waitForScreen((s) => s.includes('EXIT='), 'the exit', 60_000);
    expect(readFileSync(transcript, 'utf8')).toContain('loading the corpus'); // the first frame was out
    expect(end).toContain('EXIT=2');
    expect(end.replace(/\n/g, '')).toContain('more than this process may use');
    expect(end).not.toContain('internal error');
    expect(tmux('display-message', '-p', '-t', 'ff', '#{alternate_on}').trim()).toBe('0');
  }, 120_000);
});
