/**
 * The cache entry's header taken apart an article at a time (head-splitter.ts): whatever the
 * pieces the bytes come in and whatever the strings hold, the articles and the rest put back
 * together are the header.
 */
import { describe, expect, it } from 'vitest';
import { HeadSplitter } from '../../../src/core/corpus/head-splitter.js';

const header = {
  format: 'f',
  key: 'k',
  textsLength: 3,
  textRanges: [[0, 1], [1, 3]],
  astral: [false, true],
  parts: {
    articles: [
      { id: 'a', title: 'braces } { ] [ and "quotes" and \\ backslashes \\"', quotes: [{ id: 'q', topics: ['"articles":[', 'ü ☃ 🙂'] }] },
      { id: 'b', title: 'ends with a backslash \\', quotes: [], events: [{ actors: ['x'] }] },
      { id: 'c', title: '"articles":[{"id":"not an article"}]', quotes: [] },
    ],
    actors: [{ id: 'x', articles: [{ id: 'not one either' }] }],
    narratives: [],
  },
};

function split(bytes: Buffer, size: number): { articles: unknown[]; rest: unknown } {
  const articles: unknown[] = [];
  const s = new HeadSplitter((json) => articles.push(JSON.parse(json)));
  for (let at = 0; at < bytes.length; at += size) s.write(Buffer.from(bytes.subarray(at, at + size)));
  return { articles, rest: JSON.parse(s.end()) };
}

describe('a cache header split an article at a time', () => {
  it('gives each article and the rest with a 0 in its place, in pieces of any size', () => {
    const bytes = Buffer.from(JSON.stringify(header), 'utf8');
    for (const size of [1, 2, 3, 5, 7, 11, 64, bytes.length]) {
      const { articles, rest } = split(bytes, size);
      expect(articles, `pieces of ${size}`).toEqual(header.parts.articles);
      expect(rest).toEqual({ ...header, parts: { ...header.parts, articles: [0, 0, 0] } });
    }
  });

  it('a header cut inside an article is damaged', () => {
    const bytes = Buffer.from(JSON.stringify(header), 'utf8');
    const s = new HeadSplitter(() => undefined);
    s.write(bytes.subarray(0, bytes.indexOf('"id":"b"') + 3));
    expect(() => s.end()).toThrow('damaged');
  });
});
