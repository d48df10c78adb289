/**
 * The evaluation as a floor that cannot silently drop: the seed article's figures (once the
 * curated dataset exists) and the hand-annotated articles in eval/gold/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateArticle, ratio, sameSpeaker, total, type ArticleScore } from '../../../src/core/extract/evaluate.js';
import { CorpusFile } from '../../../src/core/corpus/schema.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seedFile = `${root}data/kremlin-iran-protests.json`;
const goldDir = `${root}eval/gold/`;

function score(file: string): ArticleScore {
  const data = CorpusFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return total(file, data.articles.map((a) => evaluateArticle(file, a, data.actors)));
}

const spansP = (s: ArticleScore) => s.overlap.precision;
const spansR = (s: ArticleScore) => s.overlap.recall;
const speakerAcc = (s: ArticleScore) => ratio(s.speaker.correct, s.speaker.n);
const indirectR = (s: ArticleScore) => ratio(s.indirect.hit, s.indirect.gold);

describe.skipIf(!existsSync(seedFile))('seed article (data/kremlin-iran-protests.json)', () => {
  const s = existsSync(seedFile) ? score(seedFile) : undefined!;

  it('quoted-passage spans: precision and recall at least 0.95', () => {
    expect(spansP(s)).toBeGreaterThanOrEqual(0.95);
    expect(spansR(s)).toBeGreaterThanOrEqual(0.95);
  });

  it('speaker accuracy at least 0.90', () => {
    expect(s.speaker.n).toBeGreaterThan(0);
    expect(speakerAcc(s)).toBeGreaterThanOrEqual(0.9);
  });

  it('indirect-quote recall at least 0.70', () => {
    expect(indirectR(s)).toBeGreaterThanOrEqual(0.7);
  });

  it('direct-vs-term classification at least 0.90', () => {
    expect(ratio(s.kind.correct, s.kind.n)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('other news styles (eval/gold)', () => {
  // the Wikinews development set (real articles, annotated independently of the rules) has its own
  // floors below: no worse than its first look, per article, and pooled targets
  const files = existsSync(goldDir) ? readdirSync(goldDir).filter((f) => f.endsWith('.json') && !f.startsWith('wikinews-')) : [];

  it('has at least three hand-annotated articles', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  for (const f of files) {
    it(`${f}: spans F1 ≥ 0.90, speaker ≥ 0.85, indirect recall ≥ 0.70`, () => {
      const s = score(goldDir + f);
      expect(s.overlap.f1).toBeGreaterThanOrEqual(0.9);
      expect(speakerAcc(s)).toBeGreaterThanOrEqual(0.85);
      expect(indirectR(s)).toBeGreaterThanOrEqual(0.7);
    });
  }
});

describe('Wikinews samples (eval/gold/wikinews-*)', () => {
  const files = existsSync(goldDir) ? readdirSync(goldDir).filter((f) => f.startsWith('wikinews-') && f.endsWith('.json')) : [];
  const firstLook: Record<string, { f1: number; speaker: { n: number; correct: number } }> = JSON.parse(
    readFileSync(`${root}eval/first-look.json`, 'utf8'),
  ).rows;
  const scores = files.map((f) => score(goldDir + f));

  it('has the twelve annotated articles', () => {
    expect(files.length).toBe(12);
  });

  files.forEach((f, i) => {
    it(`${f}: spans F1 ≥ 0.95, speaker accuracy no worse than its first look`, () => {
      const s = scores[i]!;
      const first = firstLook[`eval/gold/${f}`]!;
      expect(s.overlap.f1).toBeGreaterThanOrEqual(0.95);
      expect(speakerAcc(s)).toBeGreaterThanOrEqual(ratio(first.speaker.correct, first.speaker.n));
    });
  });

  it('pooled: spans F1 ≥ 0.95, indirect recall ≥ 0.70', () => {
    const s = total('wikinews', scores);
    expect(s.overlap.f1).toBeGreaterThanOrEqual(0.95);
    expect(indirectR(s)).toBeGreaterThanOrEqual(0.7);
  });
});

describe('the scorer', () => {
  const actor = (name: string, aliases: string[] = [], kind: 'person' | 'organisation' = 'person') =>
    ({ id: 'x', name, aliases, kind, role: null, affiliation: null, country: null, profile: '', alignment: null }) as const;

  it('matches speakers by name, alias or surname, case-insensitively', () => {
    expect(sameSpeaker(actor('Mariya Zakharova'), actor('Zakharova'))).toBe(true);
    expect(sameSpeaker(actor('mariya zakharova'), actor('Mariya Zakharova'))).toBe(true);
    expect(sameSpeaker(actor('Boris Bondarev'), actor('Nikita Smagin'))).toBe(false);
    expect(sameSpeaker(actor('Foreign Ministry', [], 'organisation'), actor('Russian Foreign Ministry', [], 'organisation'))).toBe(true);
    expect(sameSpeaker(actor('Foreign Ministry', [], 'organisation'), actor('Health Ministry', [], 'organisation'))).toBe(false);
  });
});
