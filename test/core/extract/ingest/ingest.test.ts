/**
 * The ingest run: a mixed folder in, one corpus file per article and a manifest out, loadable as
 * a corpus; incremental by content; one bad file never stops the rest; a 1,000-article folder.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../src/core/corpus/load.js';
import { ingest, manifestPath } from '../../../../src/core/extract/ingest/ingest.js';
import { article, tempDirs, write } from './helpers.js';

const temp = tempDirs();
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry strike ends | Coast News</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry strike ends","datePublished":"2024-05-02","publisher":{"name":"Coast News"}}</script></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>Ferry strike ends</h1>
<p>Ferry workers returned to work on Thursday after the union and the operator agreed a new contract late on Wednesday night.</p>
<p>"It was a long week for everyone, and we are glad it is over," said Karin Dahl, the union's regional secretary, outside the terminal.</p>
</article><aside class="related"><a href="/x">Related: ferry fares</a></aside><footer>© Coast News</footer></body></html>`;

describe('ingest', () => {
  it('ingests a mixed folder (text, Markdown with front matter, a saved page, a sidecar) into a corpus the loader accepts', async () => {
    const src = temp();
    const out = path.join(temp(), 'corpus');
    write(src, 'a-council.txt', article(1, 300));
    write(src, 'notes/b-pier.md', '---\ntitle: Pier to close\noutlet: Harbour Gazette\npublished: 2024-03-04\n---\n\nThe harbour authority said on Monday that the pier would close.\n\n"We cannot risk anyone\'s safety on a structure that old," said Maria Lindqvist, the chief engineer.\n');
    write(src, 'pages/c-ferry.html', HTML);
    write(src, 'articles.json', JSON.stringify([{ file: 'a-council.txt', outlet: 'City Wire', url: 'https://wire.example/a', published: '2024-02-01' }]));
    write(src, 'README.md', 'This folder holds my articles.\n');
    const s = await ingest({ inputs: [src], outDir: out, workers: 1 });
    expect(s.failures).toEqual([]);
    expect(s.articles).toBe(3);
    expect(s.extracted).toBe(3);
    expect(jsonFiles(out)).toEqual(['a-council.json', 'b-pier.json', 'c-ferry.json']); // README.md is no article
    expect(existsSync(manifestPath(out))).toBe(true);
    expect(s.quotes.direct).toBeGreaterThanOrEqual(4);

    const corpus = await loadCorpus([out]);
    const byId = new Map(corpus.articles.map((a) => [a.id, a]));
    const a = byId.get('a-council')!;
    expect(a.outlet).toBe('City Wire');
    expect(a.published?.date).toBe('2024-02-01');
    expect(a.metadata?.outlet).toEqual({ value: 'City Wire', stated: true, from: 'sidecar' });
    const b = byId.get('b-pier')!;
    expect(b.title).toBe('Pier to close');
    expect(b.text).not.toContain('outlet:');
    const c = byId.get('c-ferry')!;
    expect(c.outlet).toBe('Coast News');
    expect(c.metadata?.published).toEqual({ value: '2024-05-02', stated: true, from: 'json-ld' });
    expect(c.text).not.toMatch(/Related|Home|©/);
    const dahl = c.quotes.find((q) => q.kind === 'direct')!;
    expect(corpus.actors.find((x) => x.id === dahl.speaker)?.name).toBe('Karin Dahl');
    // every span points at its text
    for (const art of corpus.articles) for (const q of art.quotes) expect([...art.text].slice(q.span.start, q.span.end).join('')).toBe(q.text);
  });

  it('is incremental: unchanged files are not extracted again, changed ones are, removed ones are reported', async () => {
    const src = temp();
    const out = temp();
    for (let i = 0; i < 4; i++) write(src, `art-${i}.txt`, article(i, 200));
    const first = await ingest({ inputs: [src], outDir: out, workers: 1 });
    expect([first.extracted, first.unchanged]).toEqual([4, 0]);
    const before = readFileSync(path.join(out, 'art-0.json'), 'utf8');

    const again = await ingest({ inputs: [src], outDir: out, workers: 1 });
    expect([again.extracted, again.unchanged, again.removed]).toEqual([0, 4, []]);
    expect(readFileSync(path.join(out, 'art-0.json'), 'utf8')).toBe(before);

    write(src, 'art-1.txt', `${article(1, 200)}\n"A new line was added," said Anna Keller.\n`);
    rmSync(path.join(src, 'art-2.txt'));
    const third = await ingest({ inputs: [src], outDir: out, workers: 1 });
    expect([third.extracted, third.unchanged]).toEqual([1, 2]);
    expect(third.removed).toEqual([path.join(src, 'art-2.txt')]);
    expect(jsonFiles(out)).toEqual(['art-0.json', 'art-1.json', 'art-3.json']);
    expect(readFileSync(path.join(out, 'art-1.json'), 'utf8')).toContain('A new line was added,');
    expect((await loadCorpus([out])).articles).toHaveLength(3);
  });

  it('one bad file mid-run is listed with its reason and the rest are ingested (worker threads)', async () => {
    const src = temp();
    const out = temp();
    for (let i = 0; i < 6; i++) write(src, `art-${i}.txt`, article(i, 150));
    write(src, 'art-3.txt', Uint8Array.from([...Buffer.from('Headline\n\nSome text '), 0xff, 0xfe, 0x41, 0x0a]));
    write(src, 'empty.html', '<html><body><nav>Home</nav></body></html>');
    write(src, 'bad-front.md', '---\ntitle: "unclosed\n---\nText of the article.\n');
    const progress: number[] = [];
    const s = await ingest({ inputs: [src], outDir: out, workers: 2, onProgress: (p) => progress.push(p.done) });
    const reasons = Object.fromEntries(s.failures.map((f) => [path.basename(f.file), f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['art-3.txt', 'bad-front.md', 'empty.html']);
    expect(reasons['art-3.txt']).toMatch(/^line 3, byte 11 .*: not valid UTF-8/);
    expect(reasons['empty.html']).toMatch(/no article text/);
    expect(reasons['bad-front.md']).toMatch(/front matter is not valid YAML/);
    expect(s.articles).toBe(5);
    expect(jsonFiles(out)).toEqual(['art-0.json', 'art-1.json', 'art-2.json', 'art-4.json', 'art-5.json']);
    expect(progress.at(-1)).toBe(8);
    const manifest = JSON.parse(readFileSync(manifestPath(out), 'utf8'));
    expect(manifest.failures.map((f: { file: string }) => path.basename(f.file)).sort()).toEqual(['art-3.txt', 'bad-front.md', 'empty.html']);
  });

  it('an input that does not exist is an error before anything is written', async () => {
    const out = path.join(temp(), 'never');
    await expect(ingest({ inputs: [path.join(temp(), 'missing')], outDir: out })).rejects.toThrow(/no such file or folder/);
    expect(existsSync(out)).toBe(false);
  });

  it('ingests a folder of 1,000 articles on worker threads, then finds all 1,000 unchanged', async () => {
    const src = temp();
    const out = temp();
    for (let i = 0; i < 1000; i++) writeFileSync(path.join(src, `a${String(i).padStart(4, '0')}.txt`), article(i, 120));
    const s = await ingest({ inputs: [src], outDir: out, workers: 2 });
    expect(s.failures).toEqual([]);
    expect([s.articles, s.extracted]).toEqual([1000, 1000]);
    expect(jsonFiles(out)).toHaveLength(1000);
    // the five recurring people are one actor each across the corpus
    const corpus = await loadCorpus([out]);
    expect(corpus.articles).toHaveLength(1000);
    expect(corpus.actors.filter((a) => a.name === 'Anna Keller')).toHaveLength(1);
    const again = await ingest({ inputs: [src], outDir: out, workers: 2 });
    expect([again.extracted, again.unchanged]).toEqual([0, 1000]);
  }, 180_000);
});
