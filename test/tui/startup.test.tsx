/**
 * The dashboard's first frame before its corpus is loaded (tui/first-page.ts, tui/Startup.tsx):
 * the counts and first quotes come from a fresh search index on disk, the frame says it is
 * loading, and keys typed meanwhile do what they would have done once it was loaded.
 */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { cp, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { loadCorpus } from '../../src/core/corpus/load.js';
import type { Corpus } from '../../src/core/corpus/corpus.js';
import { DiskIndex, openDiskIndex } from '../../src/core/search/disk-index.js';
import { RACY_MS } from '../../src/core/corpus/stamps.js';
import { readFirstPage, type FirstPage } from '../../src/tui/first-page.js';
import { Startup } from '../../src/tui/Startup.js';
import { fixture, KEYS, mount, waitFor } from './helpers.js';
import { tempDir } from '../temp.js';

const closeIndex = (x: unknown) => {
  expect(x).toBeInstanceOf(DiskIndex); // (built: the cache folder is writable)
  (x as DiskIndex).close();
};
// the seed article and a draft: the tab bar says DRAFT from the index too
const SOURCES = fileURLToPath(new URL('../fixtures/tui/corpus', import.meta.url));
const root = tempDir('nl-startup-');

/** A copy of the fixture corpus whose files are old enough to be stamped (stamps.ts), with its own cache folder. */
async function stampedCopy(name: string): Promise<{ data: string; cacheDir: string }> {
  const data = path.join(root, name, 'data');
  await cp(SOURCES, data, { recursive: true });
  // a file changed less than RACY_MS ago gets no stamp (its content is hashed every time): wait it out
  await new Promise((r) => setTimeout(r, RACY_MS + 100));
  return { data, cacheDir: path.join(root, name, 'cache') };
}

describe('the first page read from the search index on disk', () => {
  it('is the loaded corpus\'s counts and first quotes, only while the index is fresh', async () => {
    const { data, cacheDir } = await stampedCopy('fresh');
    expect(await readFirstPage([data], { cacheDir, from: 1 })).toBeUndefined(); // no index yet: nothing built here
    closeIndex(await openDiskIndex([data], { cacheDir }));
    const corpus = await loadCorpus([data]);
    const page = await readFirstPage([data], { cacheDir, from: 1 });
    expect(page).toBeDefined();
    expect(page!.quotes).toBe(corpus.quotes.length);
    expect(page!.articles).toBe(corpus.articles.length);
    expect(page!.drafts).toBe(corpus.articles.filter((a) => a.draft).length);
    expect(page!.drafts).toBeGreaterThan(0);
    const shown = (hits: FirstPage['hits']) => hits.map((h) => ({ id: h.ref.quote.id, text: h.ref.quote.text, kind: h.ref.quote.kind, speaker: h.speaker?.name ?? null }));
    const expected = corpus.quotes.slice(0, 200).map((ref) => ({ id: ref.quote.id, text: ref.quote.text, kind: ref.quote.kind, speaker: ref.quote.speaker ? corpus.actorById.get(ref.quote.speaker)!.name : null }));
    expect(shown(page!.hits)).toEqual(expected);
    // a small corpus loads at once, and the Quotes pane nests its quotes: no first page by default
    expect(await readFirstPage([data], { cacheDir })).toBeUndefined();

    // a file written since the index was built: not trusted (the dashboard loads as before)
    const file = path.join(data, (await import('node:fs')).readdirSync(data).find((f) => f.endsWith('.json'))!);
    const later = new Date(Date.now() - 10 * RACY_MS);
    await utimes(file, later, later);
    expect(await readFirstPage([data], { cacheDir, from: 1 })).toBeUndefined();
  }, 30_000);

  it('is not read from a damaged index', async () => {
    const { data, cacheDir } = await stampedCopy('damaged');
    closeIndex(await openDiskIndex([data], { cacheDir }));
    const { readdirSync, readFileSync } = await import('node:fs');
    const idx = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.idx'))!);
    const bytes = readFileSync(idx);
    const at = bytes.indexOf('"quotes":') + 9;
    bytes[at] = bytes[at] === 0x39 ? 0x38 : 0x39; // the count in the header: its seal no longer holds
    await writeFile(idx, bytes);
    expect(await readFirstPage([data], { cacheDir, from: 1 })).toBeUndefined();
  }, 30_000);
});

/** The Startup component on a corpus that loads when `finish` is called. */
function start(corpus: Corpus) {
  let code: number | undefined;
  let failed: Error | undefined;
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const pending = new Promise<Corpus>((resolve, reject) => {
    finish = () => resolve(corpus);
    fail = reject;
  });
  const page: FirstPage = {
    quotes: corpus.quotes.length,
    articles: corpus.articles.length,
    drafts: corpus.articles.filter((a) => a.draft).length,
    hits: corpus.quotes.map((ref, order) => ({ ref, speaker: ref.quote.speaker ? corpus.actorById.get(ref.quote.speaker)! : null, score: 0, order, matches: [] })),
  };
  let loads = 0;
  const load = () => {
    loads++;
    return pending;
  };
  const inst = render(<Startup firstPage={page} load={load} plain size={{ columns: 100, rows: 30 }} onExit={(c) => (code = c)} onError={(e) => (failed = e)} />);
  const screen = () => stripVTControlCharacters(inst.lastFrame() ?? '');
  return {
    inst,
    screen,
    finish,
    fail,
    exitCode: () => code,
    failed: () => failed,
    loads: () => loads,
    async type(key: string, cond: (s: string) => boolean, what: string) {
      inst.stdin.write(key);
      await waitFor(() => cond(screen()), what);
    },
  };
}

describe('the dashboard while its corpus loads', () => {
  it('shows the first page and says it is loading; the loaded dashboard then takes its place', async () => {
    const corpus = await fixture('corpus');
    const s = start(corpus);
    await waitFor(() => s.screen().includes('loading'), 'the first frame');
    const first = s.screen();
    expect(first).toContain(`${corpus.quotes.length.toLocaleString('en-US')} quotes  1/${corpus.quotes.length}`);
    expect(first).toContain('loading the corpus');
    expect(first).not.toContain('enter speaker'); // the loaded dashboard's keys are not offered yet
    await waitFor(() => s.loads() === 1, 'the load to start once the frame is out');
    s.finish();
    await waitFor(() => s.screen().includes('enter speaker'), 'the loaded dashboard');
    const loaded = await mount(corpus);
    expect(s.screen()).toBe(loaded.screen());
    expect(s.loads()).toBe(1);
    loaded.unmount();
    s.inst.unmount();
  });

  it('keeps what is typed: the screen is the one the same keys give once loaded', async () => {
    const corpus = await fixture('corpus');
    const s = start(corpus);
    await waitFor(() => s.screen().includes('typing is kept'), 'the first frame');
    // typed into the search box at once
    await s.type('the', (x) => x.includes('/ the'), 'the query in the box');
    expect(s.screen()).toContain('the search starts once the corpus is loaded');
    // a key that needs the corpus (leave the box, move down, open the Actors pane and back): kept, in order
    await s.type(KEYS.esc, (x) => !x.includes('the▌'), 'the box left');
    await s.type('j', (x) => x.includes('1 key kept'), 'one key kept');
    await s.type(KEYS.down, (x) => x.includes('2 keys kept'), 'two keys kept');
    s.finish();
    await waitFor(() => s.screen().includes('/ the') && s.screen().includes('enter speaker'), 'the loaded dashboard');
    const loaded = await mount(corpus);
    await loaded.press('the');
    await loaded.press(KEYS.esc);
    await loaded.press('j');
    await loaded.press(KEYS.down);
    expect(loaded.screen()).toMatch(/ 3\/\d+/); // (the third result selected: both keys counted)
    await waitFor(() => s.screen() === loaded.screen(), 'the same screen as the keys typed after loading');
    loaded.unmount();
    s.inst.unmount();
  });

  it('quits at once on q and Ctrl-C', async () => {
    const corpus = await fixture('corpus');
    const q = start(corpus);
    await waitFor(() => q.screen().includes('loading'), 'the first frame');
    q.inst.stdin.write('q');
    await waitFor(() => q.exitCode() !== undefined, 'the exit');
    expect(q.exitCode()).toBe(0);
    q.inst.unmount();
    const c = start(corpus);
    await waitFor(() => c.screen().includes('loading'), 'the first frame');
    await c.type('j', (x) => x.includes('1 key kept'), 'a key kept');
    c.inst.stdin.write(KEYS.ctrlC);
    await waitFor(() => c.exitCode() !== undefined, 'the exit');
    expect(c.exitCode()).toBe(130);
    c.inst.unmount();
  });

  it('reports a load that fails', async () => {
    const corpus = await fixture('corpus');
    const s = start(corpus);
    await waitFor(() => s.loads() === 1, 'the load to start');
    s.fail(new Error('no corpus after all'));
    await waitFor(() => s.failed() !== undefined, 'the error');
    expect(s.failed()!.message).toBe('no corpus after all');
    s.inst.unmount();
  });
});
