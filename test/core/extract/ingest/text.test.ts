/** Front matter (YAML or key: value) is metadata, not text; Markdown becomes plain paragraphs. */
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../../src/core/extract/ingest/read.js';
import { markdownToText, plainText, splitFrontMatter } from '../../../../src/core/extract/ingest/text.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('front matter', () => {
  it('reads a YAML header and keeps it out of the text', () => {
    const s = splitFrontMatter('---\ntitle: "Pier to close"\noutlet: Harbour Gazette\npublished: 2024-03-04\nauthor: [Eva Strand, Ola Berg]\nurl: https://gazette.example/pier\n---\nThe harbour authority said on Monday that the pier would close.\n');
    expect(s.header).toBe('yaml');
    expect(s.body).toBe('The harbour authority said on Monday that the pier would close.\n');
    expect(s.meta.title).toEqual({ value: 'Pier to close', stated: true, from: 'front-matter' });
    expect(s.meta.outlet?.value).toBe('Harbour Gazette');
    expect(s.meta.published?.value).toBe('2024-03-04'); // YAML reads it as a date; kept as the calendar day
    expect(s.meta.author?.value).toBe('Eva Strand, Ola Berg');
    expect(s.meta.url?.value).toBe('https://gazette.example/pier');
  });

  it('reads key: value lines at the top, ended by a blank line', () => {
    const s = splitFrontMatter('Title: Pier to close\nPublished: 4 March 2024\nOutlet: Harbour Gazette\n\n"We cannot risk it," said Maria Lindqvist.\n');
    expect(s.header).toBe('key-value');
    expect(s.body).toBe('"We cannot risk it," said Maria Lindqvist.\n');
    expect(s.meta.title?.value).toBe('Pier to close');
    expect(s.meta.published?.value).toBe('2024-03-04');
  });

  it('leaves a text alone when its first lines are not a header', () => {
    const t = 'Update: the pier will close\n\nThe harbour authority said on Monday that the pier would close.\n';
    expect(splitFrontMatter(t)).toEqual({ body: t, meta: {}, header: null });
    const u = 'Pier to close\nThe harbour authority said so.\n';
    expect(splitFrontMatter(u).header).toBeNull();
  });

  it('a broken YAML header is an error that says so, with its line', () => {
    expect(() => splitFrontMatter('---\ntitle: "unclosed\noutlet: x\n---\nBody text here.\n')).toThrow(/front matter is not valid YAML/);
  });
});

describe('Markdown and plain text', () => {
  it('turns Markdown into paragraphs: heading as the first line, wrapped lines joined, marks removed', () => {
    const md = '# Pier to close\n\nThe harbour authority said on **Monday** that the\n[old pier](https://x.example) would close.\n\n> "We cannot risk anyone\'s safety on a structure\n> that old," said *Maria Lindqvist*.\n\n![a photo](pier.jpg)\n';
    const r = markdownToText(md);
    expect(r.heading).toBe('Pier to close');
    expect(r.text).toBe('Pier to close\n\nThe harbour authority said on Monday that the old pier would close.\n\n"We cannot risk anyone\'s safety on a structure that old," said Maria Lindqvist.\n');
  });

  it('joins the lines of a hard-wrapped text file, and leaves one-paragraph-per-line files alone', () => {
    const wrapped = 'Pier to close\n\nThe harbour authority said on Monday that the old\npier would close for repairs until the spring, after\nengineers found cracks.\n\n"We cannot risk anyone\'s safety on a structure that\nold," said Maria Lindqvist.\n';
    expect(plainText(wrapped)).toBe('Pier to close\n\nThe harbour authority said on Monday that the old pier would close for repairs until the spring, after engineers found cracks.\n\n"We cannot risk anyone\'s safety on a structure that old," said Maria Lindqvist.\n');
    const lines = 'Pier to close\nThe harbour authority said on Monday that the pier would close.\n"We cannot risk it," said Maria Lindqvist.\n';
    expect(plainText(lines)).toBe(lines);
  });

  it('reads a Markdown file with front matter: the title opens the text when the body has no heading', () => {
    const r = readArticle('pier.md', enc('---\ntitle: Pier to close\noutlet: Harbour Gazette\n---\n\n"We cannot risk it," said Maria Lindqvist.\n'));
    expect(r.format).toBe('markdown');
    expect(r.text).toBe('Pier to close\n\n"We cannot risk it," said Maria Lindqvist.\n');
    expect(r.meta.outlet).toEqual({ value: 'Harbour Gazette', stated: true, from: 'front-matter' });
  });

  it('the sidecar entry overrides what the file says, and an invalid UTF-8 text file is refused with its place', () => {
    const r = readArticle('a.txt', enc('title: Old\n\nBody of the article here.\n'), { title: { value: 'New', stated: true, from: 'sidecar' } });
    expect(r.meta.title).toEqual({ value: 'New', stated: true, from: 'sidecar' });
    expect(() => readArticle('b.txt', Uint8Array.from([0x41, 0x0a, 0x42, 0xe9, 0x43]))).toThrow(/^line 2, byte 2 \(offset 3\): not valid UTF-8/);
  });
});
