/**
 * Memory bounded by the input's size (issue 18): inputs shaped as the product of two dimensions —
 * one actor with 8,000 aliases who speaks 8,000 quotes (a 1.8 MB file), and thousands of
 * one-article files that each add an alias to one shared actor — searched by the built command
 * and in the dashboard, with the child's peak resident memory read from /proc.
 *
 * Before: `search` on the 8,000 x 8,000 file grew to 4.3 GB and V8 aborted. The ceilings here are
 * generous (a few hundred MB; measured figures in docs/robustness.md §3) and are not timings.
 */
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ELEMENT_HIGHLIGHTS } from '../../src/core/search/search.js';
import { aliasesTimesQuotes } from '../fixtures/product.js';
import { tempDir } from '../temp.js';
import { BIN, ensureBuilt, env } from './helpers.js';
import { watchPeak } from './peak-memory.js';

const CEILING_MB = 600;
const dir = tempDir('nl-memory-');
const product = path.join(dir, 'aliases-x-quotes.json');
const folder = path.join(dir, 'files-x-aliases');
const FILES = 3000;

/** Runs the built command; resolves with its output, exit code and peak memory. */
function measured(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    const watch = watchPeak(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    // VmHWM is read until the process is reaped: 'exit' comes after its last poll
    child.on('exit', (code) => resolve({ code, stdout, stderr, peakMb: watch.stop() }));
  });
}

beforeAll(() => {
  ensureBuilt();
  writeFileSync(product, JSON.stringify(aliasesTimesQuotes(8000, 8000)));
  // thousands of one-article files, each quoting the shared actor and giving it one more alias
  execFileSync('mkdir', ['-p', folder]);
  for (let f = 0; f < FILES; f++) {
    const one = aliasesTimesQuotes(1, 1);
    one.articles![0]!.id = `a${f}`;
    one.articles![0]!.quotes![0]!.id = `q${f}`;
    one.actors![0]!.aliases = [`minister alias ${f}`];
    writeFileSync(path.join(folder, `${f}.json`), JSON.stringify(one));
  }
}, 120_000);

describe('memory bounded by the input, not by a product of its dimensions', () => {
  it(`search: one actor with 8,000 aliases speaking 8,000 quotes, under ${CEILING_MB} MB`, async () => {
    const r = await measured(['search', 'minister', '--data', product, '--limit', '5']);
    expect(r.stderr).toContain('showing 5 of 8000 quotes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('statement 0 about the minister and reform');
    expect(r.peakMb).toBeLessThan(CEILING_MB);
    console.log(`search peak ${Math.round(r.peakMb)} MB`);
  }, 180_000);

  it(`search --format json: every hit with its highlights, under ${CEILING_MB} MB`, async () => {
    // 'alias is in all 8,000 aliases of every quote's speaker: each hit highlights the first
    // MAX_ELEMENT_HIGHLIGHTS of them (before: 8,000 highlights a hit, 64 million in all)
    const r = await measured(['search', "'alias", '--data', product, '--format', 'ndjson', '--limit', '100']);
    expect(r.code).toBe(0);
    const hits = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { matches: { field: string; refIndex?: number }[] });
    expect(hits).toHaveLength(100);
    const aliases = hits[99]!.matches.filter((m) => m.field === 'aliases');
    expect(aliases.map((m) => m.refIndex)).toEqual(Array.from({ length: MAX_ELEMENT_HIGHLIGHTS }, (_, i) => i));
    expect(r.peakMb).toBeLessThan(CEILING_MB);
  }, 180_000);

  it(`${FILES} one-article files each adding an alias to one shared actor, under ${CEILING_MB} MB`, async () => {
    const r = await measured(['search', 'minister', '--data', folder, '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`showing 3 of ${FILES} quotes`);
    expect(r.peakMb).toBeLessThan(CEILING_MB);
    const profile = await measured(['actors', 'minister', '--data', folder, '--format', 'json']);
    expect(profile.code).toBe(0);
    expect((JSON.parse(profile.stdout) as { aliases: string[] }).aliases).toHaveLength(FILES);
  }, 180_000);
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
describe.skipIf(!hasTmux)('the dashboard on the same file (tmux)', () => {
  const socket = `nlens-memory-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  afterAll(() => void spawnSync('tmux', ['-L', socket, 'kill-server']));

  it(`opens, searches and quits under ${CEILING_MB} MB`, async () => {
    const cache = path.join(dir, 'cache');
    tmux('new-session', '-d', '-s', 'm', '-x', '100', '-y', '30', `NARRATIVE_LENS_CACHE_DIR=${cache} node ${BIN} --data ${product}; echo "EXIT=$?"; sleep 600`);
    const screen = () => tmux('capture-pane', '-p', '-t', 'm');
    const until = async (cond: (s: string) => boolean, what: string, ms = 120_000) => {
      const end = Date.now() + ms;
      while (!cond(screen())) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the screen was:\n${screen()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await until((s) => s.includes('8,000 quotes'), 'the first frame');
    const shell = tmux('display-message', '-p', '-t', 'm', '#{pane_pid}').trim();
    const pid = Number(execFileSync('pgrep', ['-P', shell, 'node'], { encoding: 'utf8' }).trim().split('\n')[0]);
    const watch = watchPeak(pid);
    tmux('send-keys', '-t', 'm', '/', 'minister');
    await until((s) => /8,000 of 8,000 quotes(?!, searching)/.test(s), 'the search to finish');
    tmux('send-keys', '-t', 'm', 'Escape', 'q');
    await until((s) => s.includes('EXIT=0'), 'the dashboard to quit', 20_000);
    const peak = watch.stop();
    console.log(`dashboard peak ${Math.round(peak)} MB`);
    expect(peak).toBeLessThan(CEILING_MB);
  }, 240_000);
});
