/**
 * The bundled Wikinews sample corpus (samples/wikinews/, opened with --data samples/wikinews):
 * it loads; each article's text is its source file byte for byte; every quote is verbatim at its
 * offsets; each article names its source and licence; the attribution ships beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/corpus/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.join(root, 'samples', 'wikinews');
const sourceDir = path.join(root, 'samples', 'sources', 'wikinews');

describe('samples/wikinews', async () => {
  const corpus = await loadCorpus([corpusDir]);
  const sidecar: Array<{ file: string; url: string; published: string }> = JSON.parse(readFileSync(path.join(sourceDir, 'articles.json'), 'utf8'));

  it('holds the twelve articles of the sources, one corpus file each', () => {
    expect(corpus.articles).toHaveLength(12);
    expect(readdirSync(corpusDir).filter((f) => f.endsWith('.json'))).toHaveLength(12);
    expect(readdirSync(path.join(sourceDir, 'articles'))).toHaveLength(12);
  });

  it('each article is its source text, byte for byte, with its address, date and licence', () => {
    for (const a of corpus.articles) {
      const src = path.resolve(corpusDir, a.source!);
      expect(a.text, a.id).toBe(readFileSync(src, 'utf8'));
      const entry = sidecar.find((e) => path.resolve(sourceDir, e.file) === src)!;
      expect(a.url).toBe(entry.url);
      expect(a.published?.date).toBe(entry.published);
      expect(a.outlet).toBe('Wikinews');
      expect(a.metadata?.licence?.value).toMatch(/^CC BY 2\.5/);
    }
  });

  it('every quote and mention is verbatim at its code-point offsets', () => {
    let n = 0;
    for (const a of corpus.articles) {
      const cps = [...a.text];
      for (const q of a.quotes) {
        expect(cps.slice(q.span.start, q.span.end).join(''), q.id).toBe(q.text);
        n++;
      }
      for (const m of a.mentions) expect(cps.slice(m.span.start, m.span.end).join('')).toBe(m.text);
    }
    expect(n).toBeGreaterThan(150);
  });

  it('recurring people are one actor across articles', () => {
    const byName = (name: string) => corpus.actors.filter((a) => a.name === name || a.aliases.includes(name));
    for (const name of ['Robert Mugabe', 'Morgan Tsvangirai', 'Kofi Annan', 'Raila Odinga', 'Gordon Brown', 'Nelson Chamisa']) {
      expect(byName(name), name).toHaveLength(1);
      const id = byName(name)[0]!.id;
      const articles = corpus.articles.filter((a) => a.mentions.some((m) => m.actor === id) || a.quotes.some((q) => q.speaker === id));
      expect(articles.length, name).toBeGreaterThan(1);
    }
  });

  it('ships the attribution the licence requires', () => {
    const sources = readFileSync(path.join(sourceDir, 'SOURCES.md'), 'utf8');
    expect(sources).toContain('CC BY 2.5');
    for (const e of sidecar) expect(sources).toContain(e.url);
    const readme = readFileSync(path.join(root, 'samples', 'README.md'), 'utf8');
    expect(readme).toContain('CC BY 2.5');
    expect(readme).toContain('sources/wikinews/SOURCES.md');
  });
});
