/**
 * Real-world boilerplate: each of the twelve Wikinews samples saved as a MediaWiki page would be
 * (site notice, dateline, info box with related news, image thumbnail and caption, "Related
 * news" and "Sources" sections, archive notice, categories, navigation, licence footer). The text
 * read from the page is the article's text byte for byte, and its metadata comes out marked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../../src/core/extract/ingest/html.js';
import { mediaWikiPage } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const sources = path.join(root, 'samples', 'sources', 'wikinews');
const entries: Array<{ file: string; title: string; url: string; published: string }> = JSON.parse(readFileSync(path.join(sources, 'articles.json'), 'utf8'));

describe('the Wikinews samples as saved MediaWiki pages', () => {
  for (const e of entries) {
    it(`${path.basename(e.file)}: the article's text, byte for byte, and its metadata`, () => {
      const text = readFileSync(path.join(sources, e.file), 'utf8');
      const [title, ...paras] = text.split('\n').filter((l) => l.trim());
      const r = readHtml(new TextEncoder().encode(mediaWikiPage(title!, paras, e.url, e.published)));
      expect(r.text).toBe(text);
      expect(r.meta.title?.value).toBe(e.title);
      expect(r.meta.url).toEqual({ value: e.url, stated: true, from: 'canonical' });
      expect(r.meta.published).toEqual({ value: e.published, stated: true, from: 'json-ld' });
      expect(r.meta.language?.value).toBe('en');
    });
  }
});
